/**
 * Credentials inside URLs and query strings: the userinfo password (and a user
 * name that is itself a key, as in a Sentry DSN), tokens carried in the path of
 * webhook URLs (Slack, Discord, Teams, Telegram), credential-named query or
 * fragment parameters (presigned S3/GCS, Azure SAS `sig`, OAuth), and bare query
 * strings such as an Azure SAS token `sv=…&sig=…` given without its URL.
 */
import { classifyName, valueFitsName } from './keys.js';
import { isRandomToken, looksGenerated } from './entropy.js';

/** A URL with userinfo; the password runs to the last `@` before the path, as URL parsers read it. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/?#@]*)(?::([^\s/?#]*))?@/gi;

/** A URL, up to the first character that cannot be part of one in a config value. */
const URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** One query or fragment parameter: separator, name, value. */
const PARAM = /(^|[?&;#])([^=&;#\s?]+)=([^&;#\s]*)/g;

/** Query names that carry a credential although their words do not say so. */
const SECRET_PARAMS = new Set([
  'sig', 'signature', 'code', 'x-amz-credential', 'x-amz-signature', 'x-amz-security-token', 'x-goog-credential', 'x-goog-signature',
  'policy', 'key-pair-id', 'hmac', 'apikey', 'api-key', 'token', 'access_token', 'id_token', 'refresh_token', 'private_token',
]);

/** Webhook URLs whose path is the credential: everything after the fixed prefix. */
const PATH_TOKEN_URLS: RegExp[] = [
  /hooks\.slack\.com\/(?:services|workflows|triggers)\/([^\s?#"']+)/gi,
  /(?:discord|discordapp)\.com\/api\/webhooks\/([^\s?#"']+)/gi,
  /\.webhook\.office\.com\/webhookb2\/([^\s?#"']+)/gi,
  /outlook\.office(?:365)?\.com\/webhook\/([^\s?#"']+)/gi,
  /api\.telegram\.org\/(?:file\/)?bot([^\s/?#"']+)/gi,
  /chat\.googleapis\.com\/v1\/spaces\/[^\s/?#"']+\/messages\?([^\s#"']+)/gi,
];

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A parameter name that says its value is a credential. */
function secretParam(name: string, value: string, extra: RegExp[]): boolean {
  const n = decode(name);
  if (SECRET_PARAMS.has(n.toLowerCase())) return true;
  const k = classifyName(n, extra);
  return valueFitsName(k.verdict, decode(value), k.numbers);
}

/** Parameter values in a `a=1&b=2` string (a URL's query or fragment, or a bare query string). */
function paramSecrets(query: string, extra: RegExp[]): string[] {
  const out: string[] = [];
  PARAM.lastIndex = 0;
  for (const m of query.matchAll(PARAM)) {
    const [, , name, value] = m;
    if (value && secretParam(name!, value, extra)) out.push(value);
  }
  return out;
}

/** A user name that is itself a key (Sentry DSN `https://<key>@o1.ingest.sentry.io/1`, `https://<token>@github.com`). */
function userIsKey(user: string): boolean {
  return user.length >= 16 && (/^[a-f0-9]{16,}$/i.test(user) || isRandomToken(user) || looksGenerated(user));
}

/** Credential substrings of the URLs in `s`. */
export function urlSecrets(s: string, extra: RegExp[] = []): string[] {
  const out: string[] = [];
  USERINFO.lastIndex = 0;
  for (const m of s.matchAll(USERINFO)) {
    const [, , user, password] = m;
    if (password) out.push(password);
    if (user && userIsKey(user)) out.push(user);
  }
  for (const re of PATH_TOKEN_URLS) {
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) if (m[1]) out.push(m[1]);
  }
  URL_RE.lastIndex = 0;
  for (const url of s.match(URL_RE) ?? []) {
    const q = url.search(/[?#]/);
    if (q >= 0) out.push(...paramSecrets(url.slice(q), extra));
    // A random path segment (a token in the path of an unknown webhook service).
    const pathPart = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
    for (const seg of pathPart.split('/')) if (isRandomToken(seg)) out.push(seg);
  }
  return out;
}

/** A bare query string (`sv=2022-11-02&ss=b&sig=…`, `?token=…&x=1`): its credential values. */
export function queryStringSecrets(s: string, extra: RegExp[] = []): string[] {
  const t = s.trim();
  if (/\s/.test(t) || !/^[?&]?[A-Za-z0-9_.%-]+=[^&]*(?:&[A-Za-z0-9_.%-]+=[^&]*)+$/.test(t)) return [];
  return paramSecrets(t.startsWith('?') || t.startsWith('&') ? t : `?${t}`, extra);
}

/**
 * Rewrite the URLs (and a bare query string) in `s` with their credentials
 * replaced in place: `postgres://u:[REDACTED]@db/x`, `…&sig=[REDACTED]`. In
 * place means by position, so a short password is hidden without touching the
 * rest of the string.
 */
export function rewriteUrls(s: string, extra: RegExp[] = [], mark = '[REDACTED]'): string {
  USERINFO.lastIndex = 0;
  let out = s.replace(USERINFO, (m, scheme: string, user: string, password: string | undefined) => {
    const u = user && userIsKey(user) ? mark : user;
    return `${scheme}${u}${password === undefined ? '' : `:${password ? mark : ''}`}@`;
  });
  for (const re of PATH_TOKEN_URLS) {
    re.lastIndex = 0;
    out = out.replace(re, (m, tok: string) => (tok && tok !== mark ? m.slice(0, m.length - tok.length) + mark : m));
  }
  const params = (q: string) => {
    PARAM.lastIndex = 0;
    return q.replace(PARAM, (m, sep: string, name: string, value: string) => (value && value !== mark && secretParam(name, value, extra) ? `${sep}${name}=${mark}` : m));
  };
  URL_RE.lastIndex = 0;
  out = out.replace(URL_RE, (url) => {
    const q = url.search(/[?#]/);
    const head = q >= 0 ? url.slice(0, q) : url;
    const tail = q >= 0 ? params(url.slice(q)) : '';
    const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(head);
    const pathPart = m ? m[2]!.split('/').map((seg) => (isRandomToken(seg) ? mark : seg)).join('/') : head;
    return `${m ? m[1] : ''}${pathPart}${tail}`;
  });
  if (queryStringSecrets(out, extra).length) out = params(out);
  return out;
}
