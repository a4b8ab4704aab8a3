/**
 * The last resort: a token that looks machine-random is probably a credential of
 * a format no rule knows (an AWS secret key, a Comet key, a storage key). Tuned
 * and measured on the ordinary ML corpus (test/corpora/ordinary): run names,
 * checkpoint paths, Hugging Face model ids, class names, digests and UUIDs must
 * pass. Hex is never "random" here (commit ids, digests, UUIDs, MLflow run ids
 * are hex): a hex credential needs a name or a prefix to be found.
 * There is no upper length bound: an AWS STS session token is >512 characters.
 */

export function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

type CharClass = 'u' | 'l' | 'd' | 'o';
const cls = (c: string): CharClass => (c >= 'A' && c <= 'Z' ? 'u' : c >= 'a' && c <= 'z' ? 'l' : c >= '0' && c <= '9' ? 'd' : 'o');

/** Share of adjacent alphanumeric pairs that change class (upper/lower/digit): ~0.6 for random base62, ~0.2 for CamelCase names. */
export function classSwitchRate(s: string): number {
  let pairs = 0;
  let switches = 0;
  for (let i = 1; i < s.length; i++) {
    const a = cls(s[i - 1]!);
    const b = cls(s[i]!);
    if (a === 'o' || b === 'o') continue;
    pairs++;
    if (a !== b) switches++;
  }
  return pairs ? switches / pairs : 0;
}

const MIN_LENGTH = 20;

/** One token (no separators inside but base64's `+/=`) looks machine-random. */
export function isRandomToken(tok: string): boolean {
  if (tok.length < MIN_LENGTH) return false;
  if (!/^[A-Za-z0-9+/_.~-]+=*$/.test(tok)) return false;
  if (/^[a-fA-F0-9-]+$/.test(tok)) return false;
  // The longest run without url-safe separators: random tokens have long runs, names have words.
  const parts = tok.replace(/=+$/, '').split(/[-_.~]/);
  const core = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (core.length < MIN_LENGTH) return false;
  if (!(/\d/.test(core) && /[A-Z]/.test(core) && /[a-z]/.test(core))) return false;
  // A path of words (`models/Llama3Instruct/ckpt`): judge its longest segment.
  const seg = core.split('/').reduce((a, b) => (b.length > a.length ? b : a), '');
  if (seg.length < 16 && !/[+]/.test(core)) return false;
  const rate = classSwitchRate(core);
  const h = shannonEntropy(core);
  return (rate >= 0.4 && h >= 3.8) || (rate >= 0.3 && h >= 4.4);
}

/** Separators between tokens in free text. */
const SPLIT = /[\s"'`,;:=&?#()<>[\]{}|\\@*!$]+/;

/** Integrity strings (`sha512-…`) are digests in base64, not secrets. */
const DIGEST_PREFIX = /(?:sha1|sha256|sha384|sha512)-$/i;

/** A path segment that is a plain word (`api`, `webhooks`, `Llama`): the token is a path, not base64. */
const WORD_SEGMENT = /^(?:[a-z]{2,}|[A-Z][a-z]+|[A-Z]{2,5})$/;

/** Random-looking tokens inside `s`. A path is judged segment by segment; base64 with `/` as a whole. */
export function randomTokens(s: string): string[] {
  const out: string[] = [];
  let offset = 0;
  for (const tok of s.split(SPLIT)) {
    const at = s.indexOf(tok, offset);
    offset = at + tok.length;
    if (tok.length < MIN_LENGTH) continue;
    const body = tok.replace(/^(?:sha1|sha256|sha384|sha512)-/i, '');
    if (body !== tok || DIGEST_PREFIX.test(s.slice(Math.max(0, at - 7), at))) continue;
    const segments = tok.split('/');
    const pathLike = tok.startsWith('/') || tok.includes('//') || segments.some((g) => WORD_SEGMENT.test(g));
    if (!pathLike && isRandomToken(tok)) out.push(tok);
    else if (segments.length > 1) for (const g of segments) if (isRandomToken(g)) out.push(g);
  }
  return out;
}

/** Loose form for values under an ambiguous name (`key`, `sort_key`): random-ish, hex included. */
export function looksGenerated(v: string): boolean {
  if (v.length < 12 || /\s/.test(v) || /^[<[{]/.test(v)) return false;
  if (!/^[A-Za-z0-9+/_.~:=-]+$/.test(v)) return false;
  const core = v.split(/[-_.~:/]/).reduce((a, b) => (b.length > a.length ? b : a), '');
  if (core.length < 12) return false;
  return /\d/.test(core) && /[A-Za-z]/.test(core);
}
