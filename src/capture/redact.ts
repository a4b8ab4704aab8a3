/**
 * Redaction of credentials from parsed config before it enters the record.
 * Two independent signals: the key looks like it names a credential, or the value
 * looks like a known credential format. Redacted values become "[REDACTED]" and
 * their JSON Pointer paths are listed, so reviewers see what was hidden.
 */
import { InputError } from '../errors.js';

export const REDACTED = '[REDACTED]';

/** Key words that name a credential whatever the value's type (except booleans/null). */
const STRONG_KEY_WORDS = new Set([
  'token', 'tokens', 'secret', 'secrets', 'password', 'passwords', 'passwd', 'pwd', 'passphrase', 'pass',
  'credential', 'credentials', 'creds', 'auth', 'authorization', 'apikey', 'private', 'privatekey',
  'cookie', 'cookies', 'session', 'bearer', 'dsn', 'sas', 'signature', 'certificate', 'cert', 'pem',
]);
/** Key words that name a credential only when the value is a string (`key_dim: 64` is a hyperparameter). */
const WEAK_KEY_WORDS = new Set(['key', 'access', 'client', 'connection', 'conn']);

/** Split `awsSecretAccessKey`, `API_KEY`, `x-auth-token` into lower-case words. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export type KeyVerdict = 'strong' | 'weak' | 'none';

export function classifyKey(key: string, extra: RegExp[] = []): KeyVerdict {
  if (extra.some((re) => re.test(key))) return 'strong';
  const words = keyWords(key);
  const joined = words.join('');
  if (words.some((w) => STRONG_KEY_WORDS.has(w))) return 'strong';
  if (/(apikey|secretkey|accesskey|privatekey|signingkey|encryptionkey|authtoken|accesstoken|clientsecret)/.test(joined)) return 'strong';
  if (words.some((w) => WEAK_KEY_WORDS.has(w) && w !== 'key') && words.includes('key')) return 'strong';
  if (words.some((w) => WEAK_KEY_WORDS.has(w))) return 'weak';
  return 'none';
}

/** Known credential formats (value side). Each pattern matches somewhere in the string. */
const VALUE_PATTERNS: Array<[string, RegExp]> = [
  ['aws-access-key-id', /\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b/],
  ['github-token', /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/],
  ['gitlab-token', /\bgl(pat|dt|rt|ptt|cbt|oas|soat|ffct|agent|imt)-[A-Za-z0-9_-]{20,}\b/],
  ['slack-token', /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/],
  ['slack-webhook', /hooks\.slack\.com\/services\/[A-Za-z0-9/]+/],
  ['jwt', /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ['private-key', /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/],
  ['google-api-key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['stripe-key', /\b[rs]k_(live|test)_[0-9A-Za-z]{16,}\b/],
  ['openai-key', /\bsk-(proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}\b/],
  ['anthropic-key', /\bsk-ant-[A-Za-z0-9_-]{20,}\b/],
  ['huggingface-token', /\bhf_[A-Za-z0-9]{30,}\b/],
  ['npm-token', /\bnpm_[A-Za-z0-9]{36}\b/],
  ['azure-storage-key', /AccountKey=[A-Za-z0-9+/=]{40,}/],
  ['sendgrid-key', /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\b/],
  ['basic-auth-header', /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._-]{16,}/],
];

/**
 * A URL with a password in its userinfo: keep the URL, hide the password. The
 * password runs to the last `@` before the path, as URL parsers read it, so an
 * unencoded `@` in a password cannot leave its tail behind.
 */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)([^\s/?#]*)(@)/gi;

/** A URL, up to the first character that cannot be part of one in a config value. */
const URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** One query or fragment parameter: separator, name, value. */
const URL_PARAM = /([?&;#])([^=&;#\s]+)=([^&;#\s]*)/g;

/**
 * Query parameter names that carry a credential although `classifyKey` does not
 * know them: Azure SAS `sig`, AWS/GCS presigned-URL parts, OAuth codes.
 */
const URL_SECRET_PARAMS = new Set(['sig', 'code', 'x-amz-credential', 'x-amz-signature', 'x-amz-security-token', 'x-goog-credential', 'x-goog-signature']);

function secretParam(name: string): boolean {
  let n = name;
  try {
    n = decodeURIComponent(name);
  } catch {
    // keep the raw name
  }
  return URL_SECRET_PARAMS.has(n.toLowerCase()) || classifyKey(n) !== 'none';
}

/** Hide passwords in userinfo and the values of credential-named query/fragment parameters. */
function redactUrls(value: string): string {
  URL_PASSWORD.lastIndex = 0;
  const noPassword = value.replace(URL_PASSWORD, (_m, pre: string, pw: string, at: string) => (pw ? `${pre}${REDACTED}${at}` : `${pre}${at}`));
  URL_RE.lastIndex = 0;
  return noPassword.replace(URL_RE, (url) => {
    URL_PARAM.lastIndex = 0;
    return url.replace(URL_PARAM, (m, sep: string, name: string, v: string) => (v && v !== REDACTED && secretParam(name) ? `${sep}${name}=${REDACTED}` : m));
  });
}

function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * A long token-like string with high entropy is probably a secret. Hex strings
 * (digests, commit ids, UUIDs) are excluded: their alphabet caps entropy at 4 bits
 * and configs are full of them legitimately.
 */
export function looksHighEntropy(s: string): boolean {
  for (const tok of s.split(/[\s,;"'=]+/)) {
    if (tok.length < 32 || tok.length > 512) continue;
    if (!/^[A-Za-z0-9+/_=.-]+$/.test(tok)) continue;
    if (/^[a-fA-F0-9-]+$/.test(tok)) continue;
    if (/^[a-z_.-]+$/i.test(tok)) continue; // words joined by separators
    const hasDigit = /\d/.test(tok);
    const hasUpper = /[A-Z]/.test(tok);
    const hasLower = /[a-z]/.test(tok);
    if (!(hasDigit && hasUpper && hasLower)) continue;
    if (shannonEntropy(tok) >= 4.3) return true;
  }
  return false;
}

/**
 * Returns the redacted string, or undefined when the value looks clean. A value
 * holding a known credential format or a high-entropy token is replaced whole;
 * in a URL only the password and credential-named parameters are replaced.
 * Redacting an already redacted string changes nothing.
 */
export function redactString(value: string): string | undefined {
  if (value === REDACTED) return undefined;
  for (const [, re] of VALUE_PATTERNS) if (re.test(value)) return REDACTED;
  if (looksHighEntropy(value)) return REDACTED;
  const out = redactUrls(value);
  return out === value ? undefined : out;
}

function escapePointer(seg: string): string {
  return seg.replace(/~/g, '~0').replace(/\//g, '~1');
}

export interface RedactionResult<T> {
  value: T;
  /** JSON Pointers of redacted values, in document order. */
  paths: string[];
}

/** Set an own property, also for `__proto__` (plain assignment would change the prototype and drop the value). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/**
 * The key to emit for `key`: itself, or — when the key itself looks like a
 * credential (`{"AKIA…": "prod"}`) — its redacted form, made unique in `out`.
 */
function outputKey(key: string, out: Record<string, unknown>): { key: string; redacted: boolean } {
  const r = redactString(key);
  if (r === undefined) return { key, redacted: false };
  let k = r;
  for (let n = 2; Object.hasOwn(out, k); n++) k = `${r} (${n})`;
  return { key: k, redacted: true };
}

/** Replace every value of `subtree` that is not boolean/null with "[REDACTED]". */
function redactAll(v: unknown, ptr: string, paths: string[]): unknown {
  if (v === null || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x, i) => redactAll(x, `${ptr}/${i}`, paths));
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const { key } = outputKey(k, out);
      setOwn(out, key, redactAll(x, `${ptr}/${escapePointer(key)}`, paths));
    }
    return out;
  }
  paths.push(ptr);
  return REDACTED;
}

/**
 * Redact credentials in a parsed JSON value. Pure: the input is not modified.
 * `paths` lists the JSON Pointer (into the output) of every replaced value and of
 * every member whose key itself was a credential.
 */
export function redactValue<T>(value: T, extraKeyPatterns: RegExp[] = []): RedactionResult<T> {
  const paths: string[] = [];
  const walk = (v: unknown, ptr: string): unknown => {
    if (typeof v === 'string') {
      const r = redactString(v);
      if (r !== undefined) {
        paths.push(ptr);
        return r;
      }
      return v;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${ptr}/${i}`));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const { key, redacted } = outputKey(k, out);
        const p = `${ptr}/${escapePointer(key)}`;
        if (redacted) {
          // A credential used as a key: its value is as sensitive as the key.
          paths.push(p);
          setOwn(out, key, redactAll(x, p, []));
          continue;
        }
        const verdict = classifyKey(k, extraKeyPatterns);
        if (verdict === 'strong') setOwn(out, key, redactAll(x, p, paths));
        else if (verdict === 'weak' && typeof x === 'string' && x.length > 0 && x !== REDACTED) {
          paths.push(p);
          setOwn(out, key, REDACTED);
        } else setOwn(out, key, walk(x, p));
      }
      return out;
    }
    return v;
  };
  return { value: walk(value, '') as T, paths };
}

/** Compile the action's `redact` input (one regular expression per line) into key patterns. */
export function compileKeyPatterns(lines: string[]): RegExp[] {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      try {
        return new RegExp(l, 'i');
      } catch (err) {
        throw new InputError('bad-redact-pattern', `redact pattern "${l}" is not a valid regular expression (${(err as Error).message})`, {
          fix: 'give one JavaScript regular expression per line, e.g. ^wandb_',
          fields: ['redact'],
        });
      }
    });
}
