/**
 * Context from names: does a key, a flag or an environment variable name say its
 * value is a credential? Names are split into words across conventions
 * (`dbPassword`, `db-password`, `DB_PASSWORD`, `trainer.wandb_api_key`), and the
 * verdict depends on which word is the head (the last one): `secret_sauce_version`
 * names a version, `max_tokens` a count, `wandb_api_key` a credential.
 */
import { isRandomToken, looksGenerated } from './entropy.js';

/**
 * How strongly a name says "credential":
 * - `secret`: any non-empty string under it is a credential (`password`, `api_key`, `hf_token`);
 * - `likely`: an ambiguous head word (`auth`, `db_pass`): every string except plain words and special tokens;
 * - `maybe`: an ambiguous head with nothing to qualify it (`key`, `eos_token`, `sort_key`): only random-looking strings;
 * - `none`.
 */
export type KeyVerdict = 'secret' | 'likely' | 'maybe' | 'none';

const RANK: Record<KeyVerdict, number> = { none: 0, maybe: 1, likely: 2, secret: 3 };
export function stronger(a: KeyVerdict, b: KeyVerdict): KeyVerdict {
  return RANK[a] >= RANK[b] ? a : b;
}
export function atLeast(v: KeyVerdict, min: KeyVerdict): boolean {
  return RANK[v] >= RANK[min];
}

/** Split `awsSecretAccessKey`, `API_KEY`, `x-auth-token`, `trainer.wandb_api_key` into lower-case words. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Stems that name a credential wherever they appear, also glued into one word (`PGPASSWORD`). */
const SECRET_STEMS = ['password', 'passwd', 'passphrase', 'passcode', 'credential', 'webhook', 'netrc', 'apikey', 'secretkey', 'privatekey', 'clientsecret'];

/** Whole words that name a credential on their own. */
const SECRET_WORDS = new Set(['pwd', 'pat', 'dsn', 'sas', 'psk', 'otp', 'totp', 'creds', 'pgpass']);

/** Two words together that name a credential (`access_token`, `secret_key`, `kaggle_config`). */
const SECRET_COMPOUNDS = new Set([
  'apikey', 'apitoken', 'apisecret', 'secretkey', 'secretaccesskey', 'accesskey', 'privatekey', 'signingkey', 'encryptionkey',
  'masterkey', 'accountkey', 'sharedaccesskey', 'sharedaccesssignature', 'authtoken', 'authkey', 'accesstoken', 'refreshtoken', 'bearertoken',
  'sessiontoken', 'securitytoken', 'idtoken', 'privatetoken', 'deploytoken', 'bottoken', 'clientsecret', 'appsecret', 'connectionstring',
  'connstr', 'kaggleconfig', 'dockerconfig', 'dockerconfigjson', 'servicekey', 'licensekey',
]);

/** Every run of consecutive words glued together (`a b c` -> a, ab, abc, b, bc, c). */
function runs(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j <= words.length && j - i <= 4; j++) out.push(words.slice(i, j).join(''));
  return out;
}

/** Head words that name a credential only sometimes (`max_tokens`, `eos_token`, `sort_key`). */
const AMBIGUOUS_HEADS = new Set([
  'token', 'tokens', 'key', 'keys', 'secret', 'secrets', 'auth', 'authorization', 'pass', 'cookie', 'cookies', 'session',
  'signature', 'sig', 'bearer', 'private', 'pin', 'salt', 'hmac',
]);

/** Ambiguous heads that, alone as the whole name, are `likely` rather than `maybe`. */
const LIKELY_ALONE = new Set(['token', 'tokens', 'secret', 'secrets', 'auth', 'authorization', 'bearer', 'cookie', 'cookies', 'pass', 'pin']);

/**
 * Words that, before an ambiguous head, make it a credential: what the token is for
 * (`api`, `access`, `deploy`) or whose it is (`hf_token`, `wandb_key`, `db_pass`).
 */
const QUALIFIERS = new Set([
  'api', 'access', 'auth', 'secret', 'private', 'signing', 'encryption', 'bearer', 'refresh', 'session', 'security', 'oauth', 'oauth2',
  'client', 'app', 'bot', 'hub', 'personal', 'deploy', 'jwt', 'ssh', 'gpg', 'pgp', 'master', 'root', 'admin', 'service', 'account',
  'storage', 'registry', 'db', 'database', 'sql', 'mysql', 'postgres', 'pg', 'redis', 'mongo', 'smtp', 'ftp', 'ldap', 'user', 'login',
  'bucket', 'webhook', 'slack', 'discord', 'telegram', 'teams', 'twilio', 'sendgrid', 'mailgun', 'stripe', 'npm', 'pypi', 'twine',
  'docker', 'github', 'gh', 'gitlab', 'gl', 'bitbucket', 'hf', 'huggingface', 'wandb', 'kaggle', 'openai', 'anthropic', 'claude',
  'cohere', 'mistral', 'groq', 'gemini', 'google', 'gcp', 'gcs', 'aws', 's3', 'azure', 'az', 'ado', 'devops', 'comet', 'neptune',
  'mlflow', 'databricks', 'dbx', 'langsmith', 'langchain', 'sentry', 'replicate', 'pinecone', 'weaviate', 'qdrant', 'clearml',
  'modal', 'runpod', 'together', 'fireworks', 'perplexity', 'deepseek', 'xai', 'nvidia', 'ngc', 'vault', 'cloudflare', 'vercel',
  'netlify', 'heroku', 'digitalocean', 'do', 'linear', 'notion', 'jira', 'atlassian', 'datadog', 'dd', 'grafana', 'ci', 'runner',
  'job', 'trigger', 'upload', 'download', 'read', 'write', 'publish', 'ingest', 'write', 'hmac', 'consumer', 'shared',
]);

/**
 * Heads that describe a credential without holding it (`password_file`,
 * `secret_name`, `token_url`): the value is a path, a name or a setting.
 */
const DESCRIPTOR_HEADS = new Set([
  'name', 'names', 'path', 'paths', 'file', 'files', 'dir', 'directory', 'folder', 'env', 'var', 'variable', 'type', 'types', 'kind',
  'mode', 'method', 'provider', 'backend', 'version', 'enabled', 'enable', 'disabled', 'required', 'format', 'field', 'fields', 'column',
  'columns', 'col', 'prefix', 'suffix', 'length', 'len', 'size', 'count', 'num', 'number', 'limit', 'ttl', 'timeout', 'expiry',
  'expires', 'expiration', 'interval', 'header', 'location', 'source', 'store', 'manager', 'policy', 'strategy', 'scheme', 'scope',
  'scopes', 'role', 'arn', 'region', 'endpoint', 'host', 'hostname', 'port', 'server', 'user', 'username', 'login', 'email', 'url',
  'uri', 'issuer', 'audience', 'algorithm', 'alg', 'pattern', 'patterns', 'template', 'map', 'mapping', 'index', 'idx', 'k', 'at',
  'optimizer', 'rate', 'ratio', 'weight', 'weights', 'dim', 'dims', 'level', 'threshold', 'steps', 'step', 'epochs', 'epoch',
  'config', 'cfg', 'ref', 'refs', 'reference', 'selector', 'class', 'cls', 'fn', 'func', 'function', 'module', 'id', 'ids', 'list',
]);

/** Heads that, under a credential name, make a number a credential too (a numeric PIN or password). */
const NUMERIC_SECRET = /(password|passwd|passcode|^pin$|^pwd$|^otp$)/;

export interface KeyClass {
  verdict: KeyVerdict;
  /** Numbers under this name are credentials too (`password: 123456`). */
  numbers: boolean;
}

/** Words without trailing digits (`password2` -> `password`). */
function stem(w: string): string {
  return w.replace(/\d+$/, '') || w;
}

/** Names repeat across a document (and across the documents of a run): classify each once. Bounded. */
const cache = new Map<string, KeyClass>();

export function classifyName(key: string, extra: RegExp[] = []): KeyClass {
  if (extra.some((re) => re.test(key))) return { verdict: 'secret', numbers: true };
  let c = cache.get(key);
  if (!c) {
    if (cache.size >= 10_000) cache.clear();
    c = classifyWords(key);
    cache.set(key, c);
  }
  return c;
}

function classifyWords(key: string): KeyClass {
  const words = keyWords(key).map(stem);
  if (!words.length) return { verdict: 'none', numbers: false };
  const head = words[words.length - 1]!;
  const joined = words.join('');
  const numbers = NUMERIC_SECRET.test(head);
  // `private_key_id` (GCP) is part of the credential; other ids are identifiers.
  if (head === 'id' && /(privatekeyid|accesskeyid|secretkeyid)$/.test(joined)) return { verdict: 'secret', numbers: false };
  // A webhook's or a DSN's URL is the credential itself.
  if ((head === 'url' || head === 'uri') && words.some((w) => w.includes('webhook') || w === 'dsn')) return { verdict: 'secret', numbers: false };
  if (/(kaggleconfig|dockerconfig|dockerconfigjson|dockerauth)$/.test(joined)) return { verdict: 'secret', numbers: false };
  if (DESCRIPTOR_HEADS.has(head) && words.length > 1) return { verdict: 'none', numbers: false };
  if (words.some((w) => SECRET_WORDS.has(w) || SECRET_STEMS.some((s) => w.includes(s)))) return { verdict: 'secret', numbers };
  if (runs(words).some((r) => SECRET_COMPOUNDS.has(r))) return { verdict: 'secret', numbers };
  if (AMBIGUOUS_HEADS.has(head)) {
    if (words.length === 1) return { verdict: LIKELY_ALONE.has(head) ? 'likely' : 'maybe', numbers };
    if (words.slice(0, -1).some((w) => QUALIFIERS.has(w))) return { verdict: 'likely', numbers };
    return { verdict: 'maybe', numbers: false };
  }
  return { verdict: 'none', numbers: false };
}

/** The verdict alone (kept for callers that only need it). */
export function classifyKey(key: string, extra: RegExp[] = []): KeyVerdict {
  return classifyName(key, extra).verdict;
}

/** Values that are settings, never credentials, whatever the name says (`auth: none`). */
const SAFE_VALUES = new Set([
  'none', 'null', 'nil', 'true', 'false', 'yes', 'no', 'on', 'off', 'required', 'optional', 'disabled', 'enabled', 'auto', 'default',
  'anonymous', 'basic', 'bearer', 'token', 'oauth', 'oauth2', 'iam', 'sigv4', 'env', 'environment', 'file', 'keyring', 'prompt', 'unset',
  'changeme', 'redacted', '***', '****', '*****', '********', 'xxx', 'xxxx', '<secret>', '<token>',
]);

/** A reference to a credential kept elsewhere, not the credential: `${oc.env:WANDB_API_KEY}`, `$HF_TOKEN`, `${{ secrets.X }}`. */
export function isReference(v: string): boolean {
  const t = v.trim();
  return /^\$\{\{[^}]*\}\}$/.test(t) || /^\{\{[^}]*\}\}$/.test(t) || /^\$\{[^},]*\}$/.test(t) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(t);
}

/** Whether string `v` under a name classified `k` is a credential. */
export function valueFitsName(k: KeyVerdict, v: string, numbers = false): boolean {
  const t = v.trim();
  if (!t || t.includes('[REDACTED') || k === 'none' || isReference(t)) return false;
  if (SAFE_VALUES.has(t.toLowerCase())) return false;
  // A number written as text (`--secret-key 0`, `"512"`) is a number: a credential only under a password-like name.
  const numeric = /^[-+]?[\d.,_]+(?:e[-+]?\d+)?$/i.test(t) || Number.isFinite(Number(t));
  if (numeric && !numbers) return false;
  // A model's special token (`</s>`, `<|im_end|>`, `<extra_id_0>`, `[PAD]`) is never a credential.
  if (/^(?:<\|?\/?[A-Za-z0-9_]{1,24}\|?>|\[[A-Z_]{2,12}\])$/.test(t)) return false;
  if (k === 'secret') return true;
  // Special tokens (`</s>`, `<|im_end|>`, `[PAD]`) and plain words are settings.
  const special = /^[<[].*[>\]]$/s.test(t);
  // Plain words and dtype-like enums (`bf16`, `fp8`, `int4`, `h100`).
  const word = /^[a-z][a-z_ -]{0,23}$/.test(t) || /^(?:bf|fp|int|uint|float|nf|h|a|v|sm|cu|py|cp)\d{1,3}$/.test(t);
  if (k === 'likely') return !special && (numeric || !word);
  return !special && !numeric && (looksGenerated(t) || isRandomToken(t));
}
