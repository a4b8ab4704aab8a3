/**
 * Finding credentials inside one string, whatever holds it: a value rule's
 * match, a URL's password or token, a bare SAS query string, `name=value` and
 * `name: value` pairs in connection strings, DSNs, env files and `.netrc`, a
 * JSON blob, a command line parsed into shell words (`--flag value`,
 * `--flag=value`, `KEY=value`, Hydra `a.b.api_key=…`, `bash -c "…"` nested),
 * and, last, machine-random tokens.
 *
 * Everything returns the credential as a substring of the input, so a caller can
 * replace just it and keep the rest (`postgres://u:[REDACTED]@db/x`).
 */
import { parse as parseShell } from 'shell-quote';
import { randomTokens } from './entropy.js';
import { classifyName, stronger, valueFitsName, type KeyVerdict } from './keys.js';
import { valueRuleMatches } from './rules.js';
import { queryStringSecrets, rewriteUrls, urlSecrets } from './urls.js';

export const REDACTED = '[REDACTED]';

/** Nested command lines deeper than this are not parsed again (`bash -c "sh -c '…'"`). */
const MAX_DEPTH = 3;
/** Strings longer than this are not parsed as shell words or JSON (still scanned by rules and entropy). */
const MAX_PARSE = 100_000;

/** `name=value`, `name: value`, `"name": "value"` inside text (libpq DSNs, connection strings, env files). */
const ASSIGN = /(?<![\w.-])["']?([A-Za-z_][\w.-]*)["']?[ \t]*(?:=|:(?![/\d]))[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s;&,"'}\]]+))/g;

/** `.netrc`: `machine h login u password p`. */
const NETRC_PASSWORD = /(?:^|\s)(?:password|passwd|account)\s+(\S+)/g;

function assignmentSecrets(s: string, extra: RegExp[]): string[] {
  const out: string[] = [];
  ASSIGN.lastIndex = 0;
  for (const m of s.matchAll(ASSIGN)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    const k = classifyName(m[1]!, extra);
    if (valueFitsName(k.verdict, value, k.numbers)) out.push(value);
  }
  if (/(?:^|\s)(?:machine|login)\s+\S/.test(s)) {
    NETRC_PASSWORD.lastIndex = 0;
    for (const m of s.matchAll(NETRC_PASSWORD)) out.push(m[1]!);
  }
  return out;
}

/** A JSON object or array inside a string (a service-account key, a Docker config, `{"username":…,"key":…}`). */
function jsonSecrets(s: string, extra: RegExp[], depth: number): string[] {
  const t = s.trim();
  if (t.length > MAX_PARSE || !/^[{[][\s\S]*[}\]]$/.test(t)) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(t);
  } catch {
    return [];
  }
  if (!doc || typeof doc !== 'object') return [];
  const found = documentSecrets(doc, extra, depth + 1);
  // Escaped in the JSON text (a PEM's `\n`), the value is not a substring: hide the blob whole.
  return found.length ? found.map((f) => (s.includes(f) ? f : s)) : [];
}

/** Shell words of `s`: `$VAR` kept as written, globs as their pattern, operators and comments dropped. */
export function shellWords(s: string): string[] | undefined {
  try {
    return parseShell(s, (name: string) => `$${name}`).flatMap((w) => (typeof w === 'string' ? [w] : 'pattern' in w ? [w.pattern] : []));
  } catch {
    return undefined;
  }
}

/** A flag whose name may say the next argument is a credential: `--api-key`, `-p`-less. */
const FLAG = /^--?([A-Za-z][\w.-]*)$/;
const FLAG_EQ = /^(--?[A-Za-z][\w.-]*)=([\s\S]*)$/;
/** `KEY=value`, Hydra overrides `trainer.wandb_api_key=…`, `+a.b=…`, `++a.b=…`. */
const KEY_EQ = /^(?:\+\+?|~)?([A-Za-z_][\w.\-/]*)=([\s\S]*)$/;

export interface ArgvFinding {
  index: number;
  /** The credential inside `argv[index]` (the whole argument or a part of it). */
  secret: string;
}

/** Credentials in a command line given as words. */
export function argvSecrets(argv: string[], extra: RegExp[] = [], depth = 0): ArgvFinding[] {
  const out: ArgvFinding[] = [];
  const add = (index: number, secrets: string[]) => {
    for (const secret of secrets) out.push({ index, secret });
  };
  const netrc = argv.includes('machine') || argv.includes('login');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = FLAG_EQ.exec(a) ?? KEY_EQ.exec(a);
    if (eq) {
      const value = eq[2]!;
      const k = classifyName(eq[1]!.replace(/^-+/, ''), extra);
      if (valueFitsName(k.verdict, value, k.numbers)) add(i, [value]);
      else add(i, findSecrets(value, extra, depth));
      continue;
    }
    const flag = FLAG.exec(a)?.[1] ?? (netrc && /^(password|passwd)$/.test(a) ? a : undefined);
    const next = argv[i + 1];
    if (flag && next !== undefined && !FLAG.test(next)) {
      const k = classifyName(flag, extra);
      if (valueFitsName(k.verdict, next, k.numbers)) {
        add(i + 1, [next]);
        i++;
        continue;
      }
    }
    add(i, findSecrets(a, extra, depth));
  }
  return out;
}

/** Every credential inside `s`, as substrings (or `s` itself). */
/** Shorter strings hold no credential by value (the shortest documented shape is longer); names still catch them. */
const MIN_SCAN = 8;
/** A command line worth parsing into words: a flag, an assignment, quoting or escapes. */
const COMMAND_LIKE = /(?:^|\s)-{1,2}[A-Za-z]|=|["'\\]/;

/** Values repeat (`auto`, paths, model ids): scan each once. Only without extra patterns; bounded. */
const scanned = new Map<string, string[]>();

export function findSecrets(s: string, extra: RegExp[] = [], depth = 0): string[] {
  if (!s || s.length < MIN_SCAN || s === REDACTED) return [];
  if (extra.length || depth) return scan(s, extra, depth);
  let r = scanned.get(s);
  if (!r) {
    if (scanned.size >= 10_000) scanned.clear();
    r = scan(s, extra, depth);
    scanned.set(s, r);
  }
  return [...r];
}

function scan(s: string, extra: RegExp[], depth: number): string[] {
  const out = [...valueRuleMatches(s), ...urlSecrets(s, extra), ...queryStringSecrets(s, extra), ...assignmentSecrets(s, extra)];
  if (depth < MAX_DEPTH) {
    out.push(...jsonSecrets(s, extra, depth));
    if (/\s/.test(s.trim()) && s.length <= MAX_PARSE && COMMAND_LIKE.test(s)) {
      const words = shellWords(s);
      if (words && words.length > 1) out.push(...argvSecrets(words, extra, depth + 1).map((f) => f.secret));
    }
  }
  out.push(...randomTokens(s));
  return [...new Set(out)].filter((x) => x && !x.includes('[REDACTED') && !REDACTED.includes(x));
}

/**
 * Replace `secrets` inside `s` by "[REDACTED]". A secret that is not a substring
 * (unquoted from shell words, escaped in JSON) or too short to replace safely
 * hides the whole string. Undefined when nothing changes.
 */
export function replaceSecrets(s: string, secrets: Iterable<string>): string | undefined {
  const list = [...new Set(secrets)].filter((x) => x && !x.includes('[REDACTED')).sort((a, b) => b.length - a.length);
  if (!list.length) return undefined;
  let out = s;
  for (const sec of list) {
    if (sec === s) return REDACTED;
    // Not written as such (unquoted from shell words, escaped in JSON): hide everything.
    if (!s.includes(sec)) return REDACTED;
    // Hidden already, as part of a longer secret.
    if (!out.includes(sec)) continue;
    if (sec.length < 4) {
      // A short value of `name=value` is replaced by position; anywhere else it could be anything.
      if (!out.endsWith(`=${sec}`)) return REDACTED;
      out = `${out.slice(0, out.length - sec.length)}${REDACTED}`;
      continue;
    }
    out = out.split(sec).join(REDACTED);
  }
  return out === s ? undefined : out;
}

/**
 * Returns the redacted string, or undefined when the value looks clean.
 * `known` holds credentials found elsewhere in the same document (under a
 * credential key): a copy of one (a YAML alias, a repeated value) is hidden too.
 * Redacting an already redacted string changes nothing.
 */
export function redactString(value: string, extra: RegExp[] = [], known: Iterable<string> = []): string | undefined {
  if (value === REDACTED) return undefined;
  // URL credentials first, in place by position (a short password stays a short replacement).
  const v = rewriteUrls(value, extra, REDACTED);
  const found = findSecrets(v, extra);
  for (const k of known) if (k.length >= 4 && v.includes(k)) found.push(k);
  const r = replaceSecrets(v, found);
  return r ?? (v === value ? undefined : v);
}

/** Where a {name, value} list entry keeps its name (`env: [{name: WANDB_API_KEY, value: …}]`). */
const PAIR_NAMES = ['name', 'key', 'Name', 'Key'];
const PAIR_VALUES = ['value', 'Value'];

/** The verdict a member's value gets: its own key's, the enclosing credential's, or the pair's name. */
export function memberVerdict(obj: Record<string, unknown>, key: string, inherited: KeyVerdict, extra: RegExp[]): { verdict: KeyVerdict; numbers: boolean } {
  const own = classifyName(key, extra);
  let verdict = stronger(inherited === 'secret' || inherited === 'likely' ? inherited : 'none', own.verdict);
  let numbers = own.numbers;
  if (PAIR_VALUES.includes(key)) {
    const nameKey = PAIR_NAMES.find((n) => typeof obj[n] === 'string');
    if (nameKey) {
      const pair = classifyName(obj[nameKey] as string, extra);
      verdict = stronger(verdict, pair.verdict);
      numbers ||= pair.numbers;
    }
  }
  return { verdict, numbers };
}

/** Credentials in a parsed document (used for JSON blobs inside strings): context values whole, others by content. */
export function documentSecrets(doc: unknown, extra: RegExp[] = [], depth = 0): string[] {
  const out: string[] = [];
  const walk = (v: unknown, verdict: KeyVerdict, numbers: boolean): void => {
    if (typeof v === 'string') {
      if (valueFitsName(verdict, v, numbers)) out.push(v);
      else out.push(...findSecrets(v, extra, depth));
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, verdict, numbers));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const [k, x] of Object.entries(o)) {
        out.push(...findSecrets(k, extra, depth));
        const m = memberVerdict(o, k, verdict, extra);
        walk(x, m.verdict, m.numbers);
      }
    }
  };
  walk(doc, 'none', false);
  return out;
}
