import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  require_shell_quote
} from "./chunk-QXFPCRYH.js";
import {
  __name,
  __toESM
} from "./chunk-QANIRX4T.js";

// src/redact/detect.ts
var import_shell_quote = __toESM(require_shell_quote(), 1);

// src/redact/entropy.ts
function shannonEntropy(s) {
  const counts = /* @__PURE__ */ new Map();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}
__name(shannonEntropy, "shannonEntropy");
var cls = /* @__PURE__ */ __name((c) => c >= "A" && c <= "Z" ? "u" : c >= "a" && c <= "z" ? "l" : c >= "0" && c <= "9" ? "d" : "o", "cls");
function classSwitchRate(s) {
  let pairs = 0;
  let switches = 0;
  for (let i = 1; i < s.length; i++) {
    const a = cls(s[i - 1]);
    const b = cls(s[i]);
    if (a === "o" || b === "o") continue;
    pairs++;
    if (a !== b) switches++;
  }
  return pairs ? switches / pairs : 0;
}
__name(classSwitchRate, "classSwitchRate");
var MIN_LENGTH = 20;
function isRandomToken(tok) {
  if (tok.length < MIN_LENGTH) return false;
  if (!/^[A-Za-z0-9+/_.~-]+=*$/.test(tok)) return false;
  if (/^[a-fA-F0-9-]+$/.test(tok)) return false;
  const parts = tok.replace(/=+$/, "").split(/[-_.~]/);
  const core = parts.reduce((a, b) => b.length > a.length ? b : a, "");
  if (core.length < MIN_LENGTH) return false;
  if (!(/\d/.test(core) && /[A-Z]/.test(core) && /[a-z]/.test(core))) return false;
  const seg = core.split("/").reduce((a, b) => b.length > a.length ? b : a, "");
  if (seg.length < 16 && !/[+]/.test(core)) return false;
  const rate = classSwitchRate(core);
  const h = shannonEntropy(core);
  return rate >= 0.4 && h >= 3.8 || rate >= 0.3 && h >= 4.4;
}
__name(isRandomToken, "isRandomToken");
var SPLIT = /[\s"'`,;:=&?#()<>[\]{}|\\@*!$]+/;
var DIGEST_PREFIX = /(?:sha1|sha256|sha384|sha512)-$/i;
var WORD_SEGMENT = /^(?:[a-z]{2,}|[A-Z][a-z]+|[A-Z]{2,5})$/;
function randomTokens(s) {
  const out = [];
  let offset = 0;
  for (const tok of s.split(SPLIT)) {
    const at = s.indexOf(tok, offset);
    offset = at + tok.length;
    if (tok.length < MIN_LENGTH) continue;
    const body = tok.replace(/^(?:sha1|sha256|sha384|sha512)-/i, "");
    if (body !== tok || DIGEST_PREFIX.test(s.slice(Math.max(0, at - 7), at))) continue;
    const segments = tok.split("/");
    const pathLike = tok.startsWith("/") || tok.includes("//") || segments.some((g) => WORD_SEGMENT.test(g));
    if (!pathLike && isRandomToken(tok)) out.push(tok);
    else if (segments.length > 1) {
      for (const g of segments) if (isRandomToken(g)) out.push(g);
    }
  }
  return out;
}
__name(randomTokens, "randomTokens");
function looksGenerated(v) {
  if (v.length < 12 || /\s/.test(v) || /^[<[{]/.test(v)) return false;
  if (!/^[A-Za-z0-9+/_.~:=-]+$/.test(v)) return false;
  const core = v.split(/[-_.~:/]/).reduce((a, b) => b.length > a.length ? b : a, "");
  if (core.length < 12) return false;
  return /\d/.test(core) && /[A-Za-z]/.test(core);
}
__name(looksGenerated, "looksGenerated");

// src/redact/keys.ts
var RANK = { none: 0, maybe: 1, likely: 2, secret: 3 };
function stronger(a, b) {
  return RANK[a] >= RANK[b] ? a : b;
}
__name(stronger, "stronger");
function keyWords(key) {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
__name(keyWords, "keyWords");
var SECRET_STEMS = ["password", "passwd", "passphrase", "passcode", "credential", "webhook", "netrc", "apikey", "secretkey", "privatekey", "clientsecret"];
var SECRET_WORDS = /* @__PURE__ */ new Set(["pwd", "pat", "dsn", "sas", "psk", "otp", "totp", "creds", "pgpass"]);
var SECRET_COMPOUNDS = /* @__PURE__ */ new Set([
  "apikey",
  "apitoken",
  "apisecret",
  "secretkey",
  "secretaccesskey",
  "accesskey",
  "privatekey",
  "signingkey",
  "encryptionkey",
  "masterkey",
  "accountkey",
  "sharedaccesskey",
  "sharedaccesssignature",
  "authtoken",
  "authkey",
  "accesstoken",
  "refreshtoken",
  "bearertoken",
  "sessiontoken",
  "securitytoken",
  "idtoken",
  "privatetoken",
  "deploytoken",
  "bottoken",
  "clientsecret",
  "appsecret",
  "connectionstring",
  "connstr",
  "kaggleconfig",
  "dockerconfig",
  "dockerconfigjson",
  "servicekey",
  "licensekey"
]);
function runs(words) {
  const out = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j <= words.length && j - i <= 4; j++) out.push(words.slice(i, j).join(""));
  return out;
}
__name(runs, "runs");
var AMBIGUOUS_HEADS = /* @__PURE__ */ new Set([
  "token",
  "tokens",
  "key",
  "keys",
  "secret",
  "secrets",
  "auth",
  "authorization",
  "pass",
  "cookie",
  "cookies",
  "session",
  "signature",
  "sig",
  "bearer",
  "private",
  "pin",
  "salt",
  "hmac"
]);
var LIKELY_ALONE = /* @__PURE__ */ new Set(["token", "tokens", "secret", "secrets", "auth", "authorization", "bearer", "cookie", "cookies", "pass", "pin"]);
var QUALIFIERS = /* @__PURE__ */ new Set([
  "api",
  "access",
  "auth",
  "secret",
  "private",
  "signing",
  "encryption",
  "bearer",
  "refresh",
  "session",
  "security",
  "oauth",
  "oauth2",
  "client",
  "app",
  "bot",
  "hub",
  "personal",
  "deploy",
  "jwt",
  "ssh",
  "gpg",
  "pgp",
  "master",
  "root",
  "admin",
  "service",
  "account",
  "storage",
  "registry",
  "db",
  "database",
  "sql",
  "mysql",
  "postgres",
  "pg",
  "redis",
  "mongo",
  "smtp",
  "ftp",
  "ldap",
  "user",
  "login",
  "bucket",
  "webhook",
  "slack",
  "discord",
  "telegram",
  "teams",
  "twilio",
  "sendgrid",
  "mailgun",
  "stripe",
  "npm",
  "pypi",
  "twine",
  "docker",
  "github",
  "gh",
  "gitlab",
  "gl",
  "bitbucket",
  "hf",
  "huggingface",
  "wandb",
  "kaggle",
  "openai",
  "anthropic",
  "claude",
  "cohere",
  "mistral",
  "groq",
  "gemini",
  "google",
  "gcp",
  "gcs",
  "aws",
  "s3",
  "azure",
  "az",
  "ado",
  "devops",
  "comet",
  "neptune",
  "mlflow",
  "databricks",
  "dbx",
  "langsmith",
  "langchain",
  "sentry",
  "replicate",
  "pinecone",
  "weaviate",
  "qdrant",
  "clearml",
  "modal",
  "runpod",
  "together",
  "fireworks",
  "perplexity",
  "deepseek",
  "xai",
  "nvidia",
  "ngc",
  "vault",
  "cloudflare",
  "vercel",
  "netlify",
  "heroku",
  "digitalocean",
  "do",
  "linear",
  "notion",
  "jira",
  "atlassian",
  "datadog",
  "dd",
  "grafana",
  "ci",
  "runner",
  "job",
  "trigger",
  "upload",
  "download",
  "read",
  "write",
  "publish",
  "ingest",
  "write",
  "hmac",
  "consumer",
  "shared"
]);
var DESCRIPTOR_HEADS = /* @__PURE__ */ new Set([
  "name",
  "names",
  "path",
  "paths",
  "file",
  "files",
  "dir",
  "directory",
  "folder",
  "env",
  "var",
  "variable",
  "type",
  "types",
  "kind",
  "mode",
  "method",
  "provider",
  "backend",
  "version",
  "enabled",
  "enable",
  "disabled",
  "required",
  "format",
  "field",
  "fields",
  "column",
  "columns",
  "col",
  "prefix",
  "suffix",
  "length",
  "len",
  "size",
  "count",
  "num",
  "number",
  "limit",
  "ttl",
  "timeout",
  "expiry",
  "expires",
  "expiration",
  "interval",
  "header",
  "location",
  "source",
  "store",
  "manager",
  "policy",
  "strategy",
  "scheme",
  "scope",
  "scopes",
  "role",
  "arn",
  "region",
  "endpoint",
  "host",
  "hostname",
  "port",
  "server",
  "user",
  "username",
  "login",
  "email",
  "url",
  "uri",
  "issuer",
  "audience",
  "algorithm",
  "alg",
  "pattern",
  "patterns",
  "template",
  "map",
  "mapping",
  "index",
  "idx",
  "k",
  "at",
  "optimizer",
  "rate",
  "ratio",
  "weight",
  "weights",
  "dim",
  "dims",
  "level",
  "threshold",
  "steps",
  "step",
  "epochs",
  "epoch",
  "config",
  "cfg",
  "ref",
  "refs",
  "reference",
  "selector",
  "class",
  "cls",
  "fn",
  "func",
  "function",
  "module",
  "id",
  "ids",
  "list"
]);
var NUMERIC_SECRET = /(password|passwd|passcode|^pin$|^pwd$|^otp$)/;
function stem(w) {
  return w.replace(/\d+$/, "") || w;
}
__name(stem, "stem");
var cache = /* @__PURE__ */ new Map();
function classifyName(key, extra = []) {
  if (extra.some((re) => re.test(key))) return { verdict: "secret", numbers: true };
  let c = cache.get(key);
  if (!c) {
    if (cache.size >= 1e4) cache.clear();
    c = classifyWords(key);
    cache.set(key, c);
  }
  return c;
}
__name(classifyName, "classifyName");
function classifyWords(key) {
  const words = keyWords(key).map(stem);
  if (!words.length) return { verdict: "none", numbers: false };
  const head = words[words.length - 1];
  const joined = words.join("");
  const numbers = NUMERIC_SECRET.test(head);
  if (head === "id" && /(privatekeyid|accesskeyid|secretkeyid)$/.test(joined)) return { verdict: "secret", numbers: false };
  if ((head === "url" || head === "uri") && words.some((w) => w.includes("webhook") || w === "dsn")) return { verdict: "secret", numbers: false };
  if (/(kaggleconfig|dockerconfig|dockerconfigjson|dockerauth)$/.test(joined)) return { verdict: "secret", numbers: false };
  if (DESCRIPTOR_HEADS.has(head) && words.length > 1) return { verdict: "none", numbers: false };
  if (words.some((w) => SECRET_WORDS.has(w) || SECRET_STEMS.some((s) => w.includes(s)))) return { verdict: "secret", numbers };
  if (runs(words).some((r) => SECRET_COMPOUNDS.has(r))) return { verdict: "secret", numbers };
  if (AMBIGUOUS_HEADS.has(head)) {
    if (words.length === 1) return { verdict: LIKELY_ALONE.has(head) ? "likely" : "maybe", numbers };
    if (words.slice(0, -1).some((w) => QUALIFIERS.has(w))) return { verdict: "likely", numbers };
    return { verdict: "maybe", numbers: false };
  }
  return { verdict: "none", numbers: false };
}
__name(classifyWords, "classifyWords");
var SAFE_VALUES = /* @__PURE__ */ new Set([
  "none",
  "null",
  "nil",
  "true",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "required",
  "optional",
  "disabled",
  "enabled",
  "auto",
  "default",
  "anonymous",
  "basic",
  "bearer",
  "token",
  "oauth",
  "oauth2",
  "iam",
  "sigv4",
  "env",
  "environment",
  "file",
  "keyring",
  "prompt",
  "unset",
  "changeme",
  "redacted",
  "***",
  "****",
  "*****",
  "********",
  "xxx",
  "xxxx",
  "<secret>",
  "<token>"
]);
function isReference(v) {
  const t = v.trim();
  return /^\$\{\{[^}]*\}\}$/.test(t) || /^\{\{[^}]*\}\}$/.test(t) || /^\$\{[^},]*\}$/.test(t) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(t);
}
__name(isReference, "isReference");
function valueFitsName(k, v, numbers = false) {
  const t = v.trim();
  if (!t || t.includes("[REDACTED") || k === "none" || isReference(t)) return false;
  if (SAFE_VALUES.has(t.toLowerCase())) return false;
  const numeric = /^[-+]?[\d.,_]+(?:e[-+]?\d+)?$/i.test(t) || Number.isFinite(Number(t));
  if (numeric && !numbers) return false;
  if (/^(?:<\|?\/?[A-Za-z0-9_]{1,24}\|?>|\[[A-Z_]{2,12}\])$/.test(t)) return false;
  if (k === "secret") return true;
  const special = /^[<[].*[>\]]$/s.test(t);
  const word = /^[a-z][a-z_ -]{0,23}$/.test(t) || /^(?:bf|fp|int|uint|float|nf|h|a|v|sm|cu|py|cp)\d{1,3}$/.test(t);
  if (k === "likely") return !special && (numeric || !word);
  return !special && !numeric && (looksGenerated(t) || isRandomToken(t));
}
__name(valueFitsName, "valueFitsName");

// src/redact/rules.ts
var S = "(?<![A-Za-z0-9_])";
var B62 = "A-Za-z0-9";
function hintsOf(re) {
  const body = re.startsWith(S) ? re.slice(S.length) : re;
  const lit = /^[A-Za-z0-9_-]{2,}/.exec(body);
  if (lit) return [lit[0]];
  const alt = /^\(\?:([A-Za-z0-9_|-]+)\)/.exec(body);
  if (alt && alt[1].split("|").every((a) => a.length >= 2)) return alt[1].split("|");
  return [];
}
__name(hintsOf, "hintsOf");
var rule = /* @__PURE__ */ __name((id, re, source, check, hints) => ({
  id,
  re: new RegExp(re, "g"),
  hints: hints ?? hintsOf(re),
  ...id === "azure-devops-pat-legacy" ? { minLength: 52 } : {},
  source,
  ...check ? { check } : {}
}), "rule");
var VALUE_RULES = [
  // Cloud providers
  rule("aws-access-key-id", `${S}(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])`, 'AWS IAM user guide, "Unique identifiers" (prefixes AKIA/ASIA\u2026, 20 characters)', void 0, ["AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA", "A3T"]),
  rule("aws-session-token", `(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+=]{80,}`, 'AWS STS GetSessionToken responses: base64 of a protobuf starting "origin_ec" / "\\x17\\n\\x06er/aws"'),
  rule("gcp-api-key", `${S}AIza[0-9A-Za-z_-]{35}`, 'Google Cloud "API keys" docs: AIza + 35 characters'),
  rule("gcp-oauth-client-secret", `${S}GOCSPX-[A-Za-z0-9_-]{28}`, "Google OAuth client secrets (GOCSPX- prefix, 2021 format)"),
  rule("gcp-oauth-access-token", `${S}ya29\\.[0-9A-Za-z_-]{20,}`, "Google OAuth 2.0 access tokens (ya29. prefix)"),
  rule("gcp-refresh-token", `${S}1//0[0-9A-Za-z_-]{30,}`, "Google OAuth 2.0 refresh tokens (1//0 prefix)", void 0, ["1//0"]),
  rule("azure-ad-client-secret", `(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`, 'Microsoft Entra client secrets (40 characters, "Q~" at offset 4; gitleaks azure-ad-client-secret)', void 0, ["Q~"]),
  rule("azure-identifiable-key", `(?<![${B62}])[${B62}]{52}JQQJ9[9DH][${B62}][A-L][${B62}]{16}[A-Za-z][${B62}]{7}(?:[${B62}]{2}==)?`, 'Microsoft "identifiable secrets" (84 characters, JQQJ9 signature: Azure DevOps PATs, storage, APIM\u2026)', void 0, ["JQQJ9"]),
  rule("azure-storage-key", `(?<![A-Za-z0-9+/=-])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])`, 'Azure storage account access keys (512-bit, base64: 88 characters ending "==")', void 0, ["=="]),
  rule("azure-devops-pat-legacy", `(?<![a-z0-9])[a-z2-7]{52}(?![a-z0-9])`, "Azure DevOps personal access tokens before 2024 (52 characters, base32 lower case)", (m) => (m.match(/[2-7]/g) ?? []).length >= 4),
  rule("alibaba-access-key", `${S}LTAI[A-Za-z0-9]{12,20}(?![A-Za-z0-9])`, "Alibaba Cloud AccessKey ids (LTAI prefix)"),
  rule("digitalocean-token", `${S}do[opr]_v1_[a-f0-9]{64}`, "DigitalOcean tokens (dop_v1_/doo_v1_/dor_v1_ + 64 hex)"),
  // Source hosts and CI
  rule("github-token", `${S}gh[pousr]_[A-Za-z0-9]{36,255}`, 'GitHub "About authentication": ghp_/gho_/ghu_/ghs_/ghr_ + 36 base62'),
  rule("github-fine-grained-pat", `${S}github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}`, "GitHub fine-grained PATs: github_pat_ + 22 + _ + 59"),
  rule("gitlab-token", `${S}(?:glpat|gloas|gldt|glrt|glrtr|glcbt|glptt|glft|glimt|glagent|glsoat|glffct|glwt)-[A-Za-z0-9_.-]{20,}`, 'GitLab "Token overview": prefixed tokens (glpat-, gldt-, glrt-, \u2026)'),
  rule("gitlab-runner-registration", `${S}GR1348941[A-Za-z0-9_-]{20,}`, "GitLab runner registration tokens (GR1348941 prefix)"),
  rule("atlassian-api-token", `${S}ATATT[A-Za-z0-9_=-]{60,}`, "Atlassian API tokens (ATATT prefix)"),
  rule("bitbucket-app-password", `${S}ATBB[A-Za-z0-9_=.-]{28,}`, "Bitbucket app passwords (ATBB prefix)"),
  rule("npm-token", `${S}npm_[A-Za-z0-9]{36}`, "npm access tokens: npm_ + 36 base62"),
  rule("pypi-token", `${S}pypi-AgE[A-Za-z0-9_-]{50,}`, "PyPI API tokens: pypi- + macaroon starting AgEIcHlwaS5vcmc"),
  rule("docker-hub-pat", `${S}dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}`, "Docker Hub personal/organisation access tokens (dckr_pat_/dckr_oat_)"),
  rule("terraform-cloud-token", `${S}[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,}`, "HCP Terraform API tokens (.atlasv1.)", void 0, [".atlasv1."]),
  rule("vault-token", `${S}hv[sbr]\\.[A-Za-z0-9_-]{24,}`, "HashiCorp Vault tokens (hvs./hvb./hvr.)"),
  rule("pulumi-token", `${S}pul-[a-f0-9]{40}`, "Pulumi access tokens (pul- + 40 hex)"),
  rule("doppler-token", `${S}dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,}`, "Doppler tokens (dp.pt./dp.st./\u2026)"),
  rule("sourcegraph-token", `${S}sgp_[a-f0-9]{16,}_?[a-f0-9]{0,40}`, "Sourcegraph access tokens (sgp_)"),
  rule("netlify-token", `${S}nfp_[A-Za-z0-9]{36}`, "Netlify personal access tokens (nfp_)"),
  rule("heroku-token", `${S}HRKU-[A-Za-z0-9_-]{20,}`, "Heroku API keys, 2024 format (HRKU-)"),
  rule("figma-token", `${S}figd_[A-Za-z0-9_-]{40}`, "Figma personal access tokens (figd_)"),
  rule("linear-api-key", `${S}lin_(?:api|oauth)_[A-Za-z0-9]{40}`, "Linear API keys (lin_api_)"),
  rule("notion-token", `${S}(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,})`, "Notion integration tokens (secret_/ntn_)", void 0, ["secret_", "ntn_"]),
  rule("postman-key", `${S}PMAK-[a-f0-9]{24}-[a-f0-9]{34}`, "Postman API keys (PMAK-)"),
  rule("new-relic-key", `${S}NRAK-[A-Z0-9]{27}`, "New Relic user API keys (NRAK-)"),
  rule("grafana-token", `${S}(?:glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})`, "Grafana Cloud / service account tokens (glc_/glsa_)", void 0, ["glc_", "glsa_"]),
  rule("sentry-auth-token", `${S}(?:sntrys_[A-Za-z0-9+/=_-]{50,}|sntryu_[a-f0-9]{64})`, "Sentry auth tokens (sntrys_/sntryu_)", void 0, ["sntrys_", "sntryu_"]),
  rule("onepassword-service-account", `${S}ops_eyJ[A-Za-z0-9+/]{100,}={0,3}`, "1Password service account tokens (ops_eyJ)"),
  rule("tailscale-key", `${S}tskey-[a-z]+-[A-Za-z0-9]{6,}-[A-Za-z0-9]{10,}`, "Tailscale auth/API keys (tskey-)"),
  rule("age-secret-key", `AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`, "age secret keys (Bech32, AGE-SECRET-KEY-1)"),
  rule("airtable-pat", `${S}pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}`, "Airtable personal access tokens"),
  rule("supabase-token", `${S}sbp_[a-f0-9]{40}`, "Supabase access tokens (sbp_)"),
  // ML platforms and model APIs
  rule("huggingface-token", `${S}(?:hf_[A-Za-z0-9]{30,}|api_org_[A-Za-z0-9]{30,})`, "Hugging Face User access tokens (hf_ + 34 letters); org tokens api_org_", void 0, ["hf_", "api_org_"]),
  rule("openai-key", `${S}sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{32,})`, "OpenAI API keys: sk-proj-/sk-svcacct-/sk-admin-, legacy sk-\u2026T3BlbkFJ\u2026"),
  rule("openrouter-key", `${S}sk-or-v1-[a-f0-9]{64}`, "OpenRouter API keys (sk-or-v1-)"),
  rule("anthropic-key", `${S}sk-ant-(?:api|admin|oat|ort|sid)\\d{2}-[A-Za-z0-9_-]{20,}`, "Anthropic API keys (sk-ant-api03-\u2026, admin keys sk-ant-admin01-\u2026)"),
  rule("databricks-token", `${S}(?:dapi|dkea|dose)[a-f0-9]{32}(?:-\\d)?`, "Databricks personal access tokens (dapi + 32 hex), OAuth secrets (dose)"),
  rule("langsmith-key", `${S}lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}`, "LangSmith API keys (lsv2_pt_/lsv2_sk_)"),
  rule("wandb-local-key", `${S}local-[a-f0-9]{40}`, "W&B Server (local) API keys: local- + 40 hex"),
  rule("replicate-token", `${S}r8_[A-Za-z0-9]{37}`, "Replicate API tokens (r8_)"),
  rule("groq-key", `${S}gsk_[A-Za-z0-9]{52}`, "Groq API keys (gsk_)"),
  rule("perplexity-key", `${S}pplx-[A-Za-z0-9]{48}`, "Perplexity API keys (pplx-)"),
  rule("xai-key", `${S}xai-[A-Za-z0-9]{80}`, "xAI API keys (xai-)"),
  rule("nvidia-key", `${S}nvapi-[A-Za-z0-9_-]{64}`, "NVIDIA NGC / build.nvidia.com API keys (nvapi-)"),
  rule("pinecone-key", `${S}pcsk_[A-Za-z0-9_]{50,}`, "Pinecone API keys (pcsk_)"),
  rule("elevenlabs-key", `${S}sk_[a-f0-9]{48}(?![a-f0-9])`, "ElevenLabs API keys (sk_ + 48 hex)"),
  rule("modal-token", `${S}(?:ak|as)-[A-Za-z0-9]{22}(?![A-Za-z0-9])`, "Modal token id/secret (ak-/as- + 22)"),
  rule("neptune-token", `${S}eyJhcGlfYWRkcmVzcyI6[A-Za-z0-9+/=_-]{20,}`, 'Neptune API tokens: base64 of {"api_address": \u2026, "api_key": \u2026}'),
  // Messaging, payments, email
  rule("slack-token", `${S}xox[abposre]-[A-Za-z0-9-]{10,}`, 'Slack "Token types": xoxb-/xoxp-/xoxa-/xoxr-/xoxe-'),
  rule("slack-app-token", `${S}xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+`, "Slack app-level tokens (xapp-)"),
  rule("slack-refresh-token", `${S}xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{20,}`, "Slack rotating refresh tokens (xoxe.xoxb-)"),
  rule("discord-bot-token", `${S}[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,40}`, "Discord bot tokens: base64 user id . timestamp . HMAC", void 0, ["."]),
  rule("telegram-bot-token", `(?<![0-9])[0-9]{5,16}:A[A-Za-z0-9_-]{32,35}(?![A-Za-z0-9_-])`, 'Telegram Bot API: "<bot id>:<35 characters>" from @BotFather', void 0, [":A"]),
  rule("stripe-key", `${S}(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}`, "Stripe API keys (sk_live_/rk_test_\u2026)"),
  rule("stripe-webhook-secret", `${S}whsec_[A-Za-z0-9+/=]{24,}`, "Stripe webhook signing secrets (whsec_)"),
  rule("square-token", `${S}(?:sq0atp|sq0csp)-[A-Za-z0-9_-]{22,43}`, "Square access tokens / OAuth secrets"),
  rule("shopify-token", `${S}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}`, "Shopify access tokens (shpat_/shpss_\u2026)"),
  rule("twilio-api-key", `${S}SK[0-9a-fA-F]{32}(?![0-9a-fA-F])`, "Twilio API key SIDs (SK + 32 hex)"),
  rule("sendgrid-key", `${S}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}`, "SendGrid API keys: SG.<22>.<43>"),
  rule("mailgun-key", `${S}key-[a-f0-9]{32}(?![a-f0-9])`, "Mailgun API keys (key- + 32 hex)"),
  rule("mailchimp-key", `${S}[a-f0-9]{32}-us[0-9]{1,2}(?![0-9])`, "Mailchimp API keys (32 hex + -usN data centre)", void 0, ["-us"]),
  rule("mapbox-secret-token", `${S}sk\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}`, "Mapbox secret tokens (sk.eyJ\u2026)"),
  rule("dropbox-token", `${S}sl\\.[A-Za-z0-9_-]{130,}`, "Dropbox short-lived access tokens (sl.)"),
  // Generic structures
  rule("jwt", `${S}eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}`, "RFC 7519 JSON Web Token (header.payload.signature, base64url JSON)"),
  rule("private-key", `-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)`, "RFC 7468 PEM private keys (PKCS#1/#8, EC, OpenSSH, PGP)"),
  rule("putty-private-key", `PuTTY-User-Key-File-\\d:[\\s\\S]*`, "PuTTY .ppk private key files"),
  rule("bearer-header", `(?<![A-Za-z])Bearer\\s+[A-Za-z0-9._~+/-]{12,}=*`, "RFC 6750 Authorization: Bearer <token>", (m) => /\d/.test(m) || /[A-Z].*[a-z]|[a-z].*[A-Z]/.test(m.replace(/^Bearer\s+/, "")), ["Bearer"]),
  rule("basic-header", `(?<![A-Za-z])Basic\\s+[A-Za-z0-9+/]{6,}={0,2}(?![A-Za-z0-9+/=])`, "RFC 7617 Authorization: Basic base64(user:password)", (m) => {
    const b = Buffer.from(m.replace(/^Basic\s+/, ""), "base64").toString("utf8");
    return /^[\x20-\x7e]+:[\x20-\x7e]*$/.test(b);
  }, ["Basic"])
];
function extendMatch(s, end) {
  let e = end;
  while (e < s.length && /[A-Za-z0-9_-]/.test(s[e])) e++;
  while (e < s.length && s[e] === "=") e++;
  return e;
}
__name(extendMatch, "extendMatch");
function valueRuleMatches(s) {
  const out = [];
  for (const r of VALUE_RULES) {
    if (r.hints.length && !r.hints.some((h) => s.includes(h))) continue;
    if (r.minLength && s.length < r.minLength) continue;
    r.re.lastIndex = 0;
    for (const m of s.matchAll(r.re)) {
      if (r.check && !r.check(m[0])) continue;
      const start = m.index;
      const end = r.id === "private-key" || r.id === "putty-private-key" ? start + m[0].length : extendMatch(s, start + m[0].length);
      out.push(s.slice(start, end));
    }
  }
  return out;
}
__name(valueRuleMatches, "valueRuleMatches");

// src/redact/urls.ts
var USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/?#@]*)(?::([^\s/?#]*))?@/gi;
var URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
var PARAM = /(^|[?&;#])([^=&;#\s?]+)=([^&;#\s]*)/g;
var SECRET_PARAMS = /* @__PURE__ */ new Set([
  "sig",
  "signature",
  "code",
  "x-amz-credential",
  "x-amz-signature",
  "x-amz-security-token",
  "x-goog-credential",
  "x-goog-signature",
  "policy",
  "key-pair-id",
  "hmac",
  "apikey",
  "api-key",
  "token",
  "access_token",
  "id_token",
  "refresh_token",
  "private_token"
]);
var PATH_TOKEN_URLS = [
  /hooks\.slack\.com\/(?:services|workflows|triggers)\/([^\s?#"']+)/gi,
  /(?:discord|discordapp)\.com\/api\/webhooks\/([^\s?#"']+)/gi,
  /\.webhook\.office\.com\/webhookb2\/([^\s?#"']+)/gi,
  /outlook\.office(?:365)?\.com\/webhook\/([^\s?#"']+)/gi,
  /api\.telegram\.org\/(?:file\/)?bot([^\s/?#"']+)/gi,
  /chat\.googleapis\.com\/v1\/spaces\/[^\s/?#"']+\/messages\?([^\s#"']+)/gi
];
function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
__name(decode, "decode");
function secretParam(name, value, extra) {
  const n = decode(name);
  if (SECRET_PARAMS.has(n.toLowerCase())) return true;
  const k = classifyName(n, extra);
  return valueFitsName(k.verdict, decode(value), k.numbers);
}
__name(secretParam, "secretParam");
function paramSecrets(query, extra) {
  const out = [];
  PARAM.lastIndex = 0;
  for (const m of query.matchAll(PARAM)) {
    const [, , name, value] = m;
    if (value && secretParam(name, value, extra)) out.push(value);
  }
  return out;
}
__name(paramSecrets, "paramSecrets");
function userIsKey(user) {
  return user.length >= 16 && (/^[a-f0-9]{16,}$/i.test(user) || isRandomToken(user) || looksGenerated(user));
}
__name(userIsKey, "userIsKey");
function urlSecrets(s, extra = []) {
  const out = [];
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
    const pathPart = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/[?#].*$/, "");
    for (const seg of pathPart.split("/")) if (isRandomToken(seg)) out.push(seg);
  }
  return out;
}
__name(urlSecrets, "urlSecrets");
function queryStringSecrets(s, extra = []) {
  const t = s.trim();
  if (/\s/.test(t) || !/^[?&]?[A-Za-z0-9_.%-]+=[^&]*(?:&[A-Za-z0-9_.%-]+=[^&]*)+$/.test(t)) return [];
  return paramSecrets(t.startsWith("?") || t.startsWith("&") ? t : `?${t}`, extra);
}
__name(queryStringSecrets, "queryStringSecrets");
function rewriteUrls(s, extra = [], mark = "[REDACTED]") {
  USERINFO.lastIndex = 0;
  let out = s.replace(USERINFO, (m, scheme, user, password) => {
    const u = user && userIsKey(user) ? mark : user;
    return `${scheme}${u}${password === void 0 ? "" : `:${password ? mark : ""}`}@`;
  });
  for (const re of PATH_TOKEN_URLS) {
    re.lastIndex = 0;
    out = out.replace(re, (m, tok) => tok && tok !== mark ? m.slice(0, m.length - tok.length) + mark : m);
  }
  const params = /* @__PURE__ */ __name((q) => {
    PARAM.lastIndex = 0;
    return q.replace(PARAM, (m, sep, name, value) => value && value !== mark && secretParam(name, value, extra) ? `${sep}${name}=${mark}` : m);
  }, "params");
  URL_RE.lastIndex = 0;
  out = out.replace(URL_RE, (url) => {
    const q = url.search(/[?#]/);
    const head = q >= 0 ? url.slice(0, q) : url;
    const tail = q >= 0 ? params(url.slice(q)) : "";
    const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(head);
    const pathPart = m ? m[2].split("/").map((seg) => isRandomToken(seg) ? mark : seg).join("/") : head;
    return `${m ? m[1] : ""}${pathPart}${tail}`;
  });
  if (queryStringSecrets(out, extra).length) out = params(out);
  return out;
}
__name(rewriteUrls, "rewriteUrls");

// src/redact/detect.ts
var REDACTED = "[REDACTED]";
var MAX_DEPTH = 3;
var MAX_PARSE = 1e5;
var ASSIGN = /(?<![\w.-])["']?([A-Za-z_][\w.-]*)["']?[ \t]*(?:=|:(?![/\d]))[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s;&,"'}\]]+))/g;
var NETRC_PASSWORD = /(?:^|\s)(?:password|passwd|account)\s+(\S+)/g;
function assignmentSecrets(s, extra) {
  const out = [];
  ASSIGN.lastIndex = 0;
  for (const m of s.matchAll(ASSIGN)) {
    const value = m[2] ?? m[3] ?? m[4] ?? "";
    const k = classifyName(m[1], extra);
    if (valueFitsName(k.verdict, value, k.numbers)) out.push(value);
  }
  if (/(?:^|\s)(?:machine|login)\s+\S/.test(s)) {
    NETRC_PASSWORD.lastIndex = 0;
    for (const m of s.matchAll(NETRC_PASSWORD)) out.push(m[1]);
  }
  return out;
}
__name(assignmentSecrets, "assignmentSecrets");
function jsonSecrets(s, extra, depth) {
  const t = s.trim();
  if (t.length > MAX_PARSE || !/^[{[][\s\S]*[}\]]$/.test(t)) return [];
  let doc;
  try {
    doc = JSON.parse(t);
  } catch {
    return [];
  }
  if (!doc || typeof doc !== "object") return [];
  const found = documentSecrets(doc, extra, depth + 1);
  return found.length ? found.map((f) => s.includes(f) ? f : s) : [];
}
__name(jsonSecrets, "jsonSecrets");
function shellWords(s) {
  try {
    return (0, import_shell_quote.parse)(s, (name) => `$${name}`).flatMap((w) => typeof w === "string" ? [w] : "pattern" in w ? [w.pattern] : []);
  } catch {
    return void 0;
  }
}
__name(shellWords, "shellWords");
var FLAG = /^--?([A-Za-z][\w.-]*)$/;
var FLAG_EQ = /^(--?[A-Za-z][\w.-]*)=([\s\S]*)$/;
var KEY_EQ = /^(?:\+\+?|~)?([A-Za-z_][\w.\-/]*)=([\s\S]*)$/;
function argvSecrets(argv, extra = [], depth = 0) {
  const out = [];
  const add = /* @__PURE__ */ __name((index, secrets) => {
    for (const secret of secrets) out.push({ index, secret });
  }, "add");
  const netrc = argv.includes("machine") || argv.includes("login");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = FLAG_EQ.exec(a) ?? KEY_EQ.exec(a);
    if (eq) {
      const value = eq[2];
      const k = classifyName(eq[1].replace(/^-+/, ""), extra);
      if (valueFitsName(k.verdict, value, k.numbers)) add(i, [value]);
      else add(i, findSecrets(value, extra, depth));
      continue;
    }
    const flag = FLAG.exec(a)?.[1] ?? (netrc && /^(password|passwd)$/.test(a) ? a : void 0);
    const next = argv[i + 1];
    if (flag && next !== void 0 && !FLAG.test(next)) {
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
__name(argvSecrets, "argvSecrets");
var MIN_SCAN = 8;
var COMMAND_LIKE = /(?:^|\s)-{1,2}[A-Za-z]|=|["'\\]/;
var scanned = /* @__PURE__ */ new Map();
function findSecrets(s, extra = [], depth = 0) {
  if (!s || s.length < MIN_SCAN || s === REDACTED) return [];
  if (extra.length || depth) return scan(s, extra, depth);
  let r = scanned.get(s);
  if (!r) {
    if (scanned.size >= 1e4) scanned.clear();
    r = scan(s, extra, depth);
    scanned.set(s, r);
  }
  return [...r];
}
__name(findSecrets, "findSecrets");
function scan(s, extra, depth) {
  const out = [...valueRuleMatches(s), ...urlSecrets(s, extra), ...queryStringSecrets(s, extra), ...assignmentSecrets(s, extra)];
  if (depth < MAX_DEPTH) {
    out.push(...jsonSecrets(s, extra, depth));
    if (/\s/.test(s.trim()) && s.length <= MAX_PARSE && COMMAND_LIKE.test(s)) {
      const words = shellWords(s);
      if (words && words.length > 1) out.push(...argvSecrets(words, extra, depth + 1).map((f) => f.secret));
    }
  }
  out.push(...randomTokens(s));
  return [...new Set(out)].filter((x) => x && !x.includes("[REDACTED") && !REDACTED.includes(x));
}
__name(scan, "scan");
function replaceSecrets(s, secrets) {
  const list = [...new Set(secrets)].filter((x) => x && !x.includes("[REDACTED")).sort((a, b) => b.length - a.length);
  if (!list.length) return void 0;
  let out = s;
  for (const sec of list) {
    if (sec === s) return REDACTED;
    if (!s.includes(sec)) return REDACTED;
    if (!out.includes(sec)) continue;
    if (sec.length < 4) {
      if (!out.endsWith(`=${sec}`)) return REDACTED;
      out = `${out.slice(0, out.length - sec.length)}${REDACTED}`;
      continue;
    }
    out = out.split(sec).join(REDACTED);
  }
  return out === s ? void 0 : out;
}
__name(replaceSecrets, "replaceSecrets");
function redactString(value, extra = [], known = []) {
  if (value === REDACTED) return void 0;
  const v = rewriteUrls(value, extra, REDACTED);
  const found = findSecrets(v, extra);
  for (const k of known) if (k.length >= 4 && v.includes(k)) found.push(k);
  const r = replaceSecrets(v, found);
  return r ?? (v === value ? void 0 : v);
}
__name(redactString, "redactString");
var PAIR_NAMES = ["name", "key", "Name", "Key"];
var PAIR_VALUES = ["value", "Value"];
function memberVerdict(obj, key, inherited, extra) {
  const own = classifyName(key, extra);
  let verdict = stronger(inherited === "secret" || inherited === "likely" ? inherited : "none", own.verdict);
  let numbers = own.numbers;
  if (PAIR_VALUES.includes(key)) {
    const nameKey = PAIR_NAMES.find((n) => typeof obj[n] === "string");
    if (nameKey) {
      const pair = classifyName(obj[nameKey], extra);
      verdict = stronger(verdict, pair.verdict);
      numbers ||= pair.numbers;
    }
  }
  return { verdict, numbers };
}
__name(memberVerdict, "memberVerdict");
function documentSecrets(doc, extra = [], depth = 0) {
  const out = [];
  const walk = /* @__PURE__ */ __name((v, verdict, numbers) => {
    if (typeof v === "string") {
      if (valueFitsName(verdict, v, numbers)) out.push(v);
      else out.push(...findSecrets(v, extra, depth));
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, verdict, numbers));
    else if (v && typeof v === "object") {
      const o = v;
      for (const [k, x] of Object.entries(o)) {
        out.push(...findSecrets(k, extra, depth));
        const m = memberVerdict(o, k, verdict, extra);
        walk(x, m.verdict, m.numbers);
      }
    }
  }, "walk");
  walk(doc, "none", false);
  return out;
}
__name(documentSecrets, "documentSecrets");

// src/redact/messages.ts
function parserReason(err) {
  const raw = err instanceof Error ? err.message : String(err);
  const first = raw.split("\n")[0] ?? "";
  return first.replace(/^Invalid TOML document:\s*/, "").replace(/\s+at line \d+, column \d+:?\s*$/, "").replace(/,?\s*"[\s\S]*"(\.\.\.)?\s+is not valid JSON\s*$/, "").replace(/"[^"]{2,}"|'[^'\s]{2,}'|`[^`]{2,}`/g, "\u2026").replace(/:\s*\S+$/, (m) => /^:\s*(?:\d+|…)$/.test(m) ? m : "").trim() || "syntax error";
}
__name(parserReason, "parserReason");
function parserLine(err) {
  const e = err;
  return e?.linePos?.[0]?.line ?? (typeof e?.line === "number" ? e.line : void 0);
}
__name(parserLine, "parserLine");
function refusedValueShape(value) {
  const facts = [];
  if (value.trim() === "") facts.push(value ? "only spaces" : "empty");
  else {
    facts.push(`${[...value].length} ${[...value].length === 1 ? "character" : "characters"}`);
    if (/[\r\n]/.test(value.trim())) facts.push("several lines");
    else if (/\s/.test(value.trim())) facts.push("contains spaces");
    const url = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(value.trim());
    if (url) {
      const scheme = url[1].toLowerCase();
      facts.push(scheme === "http" || scheme === "https" ? `a ${scheme} URL` : "a URL whose scheme is not http(s)");
      if (url[2].includes("@")) facts.push("with user:password@ in it");
      if (/[?#]/.test(value)) facts.push("with a query or fragment");
    }
    if (findSecrets(value).length > 0) facts.push("looks like a credential");
  }
  return `(its text is not shown, in case it is a credential: ${facts.join(", ")})`;
}
__name(refusedValueShape, "refusedValueShape");

export {
  valueFitsName,
  rewriteUrls,
  REDACTED,
  argvSecrets,
  replaceSecrets,
  redactString,
  memberVerdict,
  parserReason,
  parserLine,
  refusedValueShape
};
