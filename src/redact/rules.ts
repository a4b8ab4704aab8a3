/**
 * Credential formats recognisable by value alone: a provider prefix or a fixed
 * structure documented by the provider (or, where the provider documents only
 * the prefix, the shape used by the maintained scanners gitleaks and
 * secretlint). One row a format; `source` says where the shape comes from.
 *
 * No pattern ends in `\b`: a token ending in `-` or `_` (GitLab, base64url) must
 * be matched to its last character. Each match is later extended over trailing
 * token characters, so a pattern that stops early cannot leave a tail behind.
 */

export interface ValueRule {
  id: string;
  re: RegExp;
  /** Literals one of which every match contains (a cheap test before the regular expression); empty: always run. */
  hints: string[];
  /** Shortest string that can match (skips long fixed-width patterns on short strings). */
  minLength?: number;
  /** Extra check on the match (e.g. a digit count), when the regular expression alone is too loose. */
  check?: (m: string) => boolean;
  source: string;
}

/** Not preceded by a token character: `mask-rcnn` does not start an OpenAI key `sk-…`. */
const S = '(?<![A-Za-z0-9_])';
const B62 = 'A-Za-z0-9';

/**
 * The literal prefixes a pattern starts with (`AKIA`, `(?:glpat|gldt)-`), read from its
 * source: a string that contains none of them cannot match, so the regular
 * expression is skipped (most strings in a config contain no provider prefix).
 */
function hintsOf(re: string): string[] {
  const body = re.startsWith(S) ? re.slice(S.length) : re;
  const lit = /^[A-Za-z0-9_-]{2,}/.exec(body);
  if (lit) return [lit[0]];
  const alt = /^\(\?:([A-Za-z0-9_|-]+)\)/.exec(body);
  if (alt && alt[1]!.split('|').every((a) => a.length >= 2)) return alt[1]!.split('|');
  return [];
}

const rule = (id: string, re: string, source: string, check?: (m: string) => boolean, hints?: string[]): ValueRule => ({
  id,
  re: new RegExp(re, 'g'),
  hints: hints ?? hintsOf(re),
  ...(id === 'azure-devops-pat-legacy' ? { minLength: 52 } : {}),
  source,
  ...(check ? { check } : {}),
});

export const VALUE_RULES: ValueRule[] = [
  // Cloud providers
  rule('aws-access-key-id', `${S}(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])`, 'AWS IAM user guide, "Unique identifiers" (prefixes AKIA/ASIA…, 20 characters)', undefined, ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'APKA', 'A3T']),
  rule('aws-session-token', `(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+=]{80,}`, 'AWS STS GetSessionToken responses: base64 of a protobuf starting "origin_ec" / "\\x17\\n\\x06er/aws"'),
  rule('gcp-api-key', `${S}AIza[0-9A-Za-z_-]{35}`, 'Google Cloud "API keys" docs: AIza + 35 characters'),
  rule('gcp-oauth-client-secret', `${S}GOCSPX-[A-Za-z0-9_-]{28}`, 'Google OAuth client secrets (GOCSPX- prefix, 2021 format)'),
  rule('gcp-oauth-access-token', `${S}ya29\\.[0-9A-Za-z_-]{20,}`, 'Google OAuth 2.0 access tokens (ya29. prefix)'),
  rule('gcp-refresh-token', `${S}1//0[0-9A-Za-z_-]{30,}`, 'Google OAuth 2.0 refresh tokens (1//0 prefix)', undefined, ['1//0']),
  rule('azure-ad-client-secret', `(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`, 'Microsoft Entra client secrets (40 characters, "Q~" at offset 4; gitleaks azure-ad-client-secret)', undefined, ['Q~']),
  rule('azure-identifiable-key', `(?<![${B62}])[${B62}]{52}JQQJ9[9DH][${B62}][A-L][${B62}]{16}[A-Za-z][${B62}]{7}(?:[${B62}]{2}==)?`, 'Microsoft "identifiable secrets" (84 characters, JQQJ9 signature: Azure DevOps PATs, storage, APIM…)', undefined, ['JQQJ9']),
  rule('azure-storage-key', `(?<![A-Za-z0-9+/=-])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])`, 'Azure storage account access keys (512-bit, base64: 88 characters ending "==")', undefined, ['==']),
  rule('azure-devops-pat-legacy', `(?<![a-z0-9])[a-z2-7]{52}(?![a-z0-9])`, 'Azure DevOps personal access tokens before 2024 (52 characters, base32 lower case)', (m) => (m.match(/[2-7]/g) ?? []).length >= 4),
  rule('alibaba-access-key', `${S}LTAI[A-Za-z0-9]{12,20}(?![A-Za-z0-9])`, 'Alibaba Cloud AccessKey ids (LTAI prefix)'),
  rule('digitalocean-token', `${S}do[opr]_v1_[a-f0-9]{64}`, 'DigitalOcean tokens (dop_v1_/doo_v1_/dor_v1_ + 64 hex)'),
  // Source hosts and CI
  rule('github-token', `${S}gh[pousr]_[A-Za-z0-9]{36,255}`, 'GitHub "About authentication": ghp_/gho_/ghu_/ghs_/ghr_ + 36 base62'),
  rule('github-fine-grained-pat', `${S}github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}`, 'GitHub fine-grained PATs: github_pat_ + 22 + _ + 59'),
  rule('gitlab-token', `${S}(?:glpat|gloas|gldt|glrt|glrtr|glcbt|glptt|glft|glimt|glagent|glsoat|glffct|glwt)-[A-Za-z0-9_.-]{20,}`, 'GitLab "Token overview": prefixed tokens (glpat-, gldt-, glrt-, …)'),
  rule('gitlab-runner-registration', `${S}GR1348941[A-Za-z0-9_-]{20,}`, 'GitLab runner registration tokens (GR1348941 prefix)'),
  rule('atlassian-api-token', `${S}ATATT[A-Za-z0-9_=-]{60,}`, 'Atlassian API tokens (ATATT prefix)'),
  rule('bitbucket-app-password', `${S}ATBB[A-Za-z0-9_=.-]{28,}`, 'Bitbucket app passwords (ATBB prefix)'),
  rule('npm-token', `${S}npm_[A-Za-z0-9]{36}`, 'npm access tokens: npm_ + 36 base62'),
  rule('pypi-token', `${S}pypi-AgE[A-Za-z0-9_-]{50,}`, 'PyPI API tokens: pypi- + macaroon starting AgEIcHlwaS5vcmc'),
  rule('docker-hub-pat', `${S}dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}`, 'Docker Hub personal/organisation access tokens (dckr_pat_/dckr_oat_)'),
  rule('terraform-cloud-token', `${S}[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,}`, 'HCP Terraform API tokens (.atlasv1.)', undefined, ['.atlasv1.']),
  rule('vault-token', `${S}hv[sbr]\\.[A-Za-z0-9_-]{24,}`, 'HashiCorp Vault tokens (hvs./hvb./hvr.)'),
  rule('pulumi-token', `${S}pul-[a-f0-9]{40}`, 'Pulumi access tokens (pul- + 40 hex)'),
  rule('doppler-token', `${S}dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,}`, 'Doppler tokens (dp.pt./dp.st./…)'),
  rule('sourcegraph-token', `${S}sgp_[a-f0-9]{16,}_?[a-f0-9]{0,40}`, 'Sourcegraph access tokens (sgp_)'),
  rule('netlify-token', `${S}nfp_[A-Za-z0-9]{36}`, 'Netlify personal access tokens (nfp_)'),
  rule('heroku-token', `${S}HRKU-[A-Za-z0-9_-]{20,}`, 'Heroku API keys, 2024 format (HRKU-)'),
  rule('figma-token', `${S}figd_[A-Za-z0-9_-]{40}`, 'Figma personal access tokens (figd_)'),
  rule('linear-api-key', `${S}lin_(?:api|oauth)_[A-Za-z0-9]{40}`, 'Linear API keys (lin_api_)'),
  rule('notion-token', `${S}(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,})`, 'Notion integration tokens (secret_/ntn_)', undefined, ['secret_', 'ntn_']),
  rule('postman-key', `${S}PMAK-[a-f0-9]{24}-[a-f0-9]{34}`, 'Postman API keys (PMAK-)'),
  rule('new-relic-key', `${S}NRAK-[A-Z0-9]{27}`, 'New Relic user API keys (NRAK-)'),
  rule('grafana-token', `${S}(?:glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})`, 'Grafana Cloud / service account tokens (glc_/glsa_)', undefined, ['glc_', 'glsa_']),
  rule('sentry-auth-token', `${S}(?:sntrys_[A-Za-z0-9+/=_-]{50,}|sntryu_[a-f0-9]{64})`, 'Sentry auth tokens (sntrys_/sntryu_)', undefined, ['sntrys_', 'sntryu_']),
  rule('onepassword-service-account', `${S}ops_eyJ[A-Za-z0-9+/]{100,}={0,3}`, '1Password service account tokens (ops_eyJ)'),
  rule('tailscale-key', `${S}tskey-[a-z]+-[A-Za-z0-9]{6,}-[A-Za-z0-9]{10,}`, 'Tailscale auth/API keys (tskey-)'),
  rule('age-secret-key', `AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`, 'age secret keys (Bech32, AGE-SECRET-KEY-1)'),
  rule('airtable-pat', `${S}pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}`, 'Airtable personal access tokens'),
  rule('supabase-token', `${S}sbp_[a-f0-9]{40}`, 'Supabase access tokens (sbp_)'),
  // ML platforms and model APIs
  rule('huggingface-token', `${S}(?:hf_[A-Za-z0-9]{30,}|api_org_[A-Za-z0-9]{30,})`, 'Hugging Face User access tokens (hf_ + 34 letters); org tokens api_org_', undefined, ['hf_', 'api_org_']),
  rule('openai-key', `${S}sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{32,})`, 'OpenAI API keys: sk-proj-/sk-svcacct-/sk-admin-, legacy sk-…T3BlbkFJ…'),
  rule('openrouter-key', `${S}sk-or-v1-[a-f0-9]{64}`, 'OpenRouter API keys (sk-or-v1-)'),
  rule('anthropic-key', `${S}sk-ant-(?:api|admin|oat|ort|sid)\\d{2}-[A-Za-z0-9_-]{20,}`, 'Anthropic API keys (sk-ant-api03-…, admin keys sk-ant-admin01-…)'),
  rule('databricks-token', `${S}(?:dapi|dkea|dose)[a-f0-9]{32}(?:-\\d)?`, 'Databricks personal access tokens (dapi + 32 hex), OAuth secrets (dose)'),
  rule('langsmith-key', `${S}lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}`, 'LangSmith API keys (lsv2_pt_/lsv2_sk_)'),
  rule('wandb-local-key', `${S}local-[a-f0-9]{40}`, 'W&B Server (local) API keys: local- + 40 hex'),
  rule('replicate-token', `${S}r8_[A-Za-z0-9]{37}`, 'Replicate API tokens (r8_)'),
  rule('groq-key', `${S}gsk_[A-Za-z0-9]{52}`, 'Groq API keys (gsk_)'),
  rule('perplexity-key', `${S}pplx-[A-Za-z0-9]{48}`, 'Perplexity API keys (pplx-)'),
  rule('xai-key', `${S}xai-[A-Za-z0-9]{80}`, 'xAI API keys (xai-)'),
  rule('nvidia-key', `${S}nvapi-[A-Za-z0-9_-]{64}`, 'NVIDIA NGC / build.nvidia.com API keys (nvapi-)'),
  rule('pinecone-key', `${S}pcsk_[A-Za-z0-9_]{50,}`, 'Pinecone API keys (pcsk_)'),
  rule('elevenlabs-key', `${S}sk_[a-f0-9]{48}(?![a-f0-9])`, 'ElevenLabs API keys (sk_ + 48 hex)'),
  rule('modal-token', `${S}(?:ak|as)-[A-Za-z0-9]{22}(?![A-Za-z0-9])`, 'Modal token id/secret (ak-/as- + 22)'),
  rule('neptune-token', `${S}eyJhcGlfYWRkcmVzcyI6[A-Za-z0-9+/=_-]{20,}`, 'Neptune API tokens: base64 of {"api_address": …, "api_key": …}'),
  // Messaging, payments, email
  rule('slack-token', `${S}xox[abposre]-[A-Za-z0-9-]{10,}`, 'Slack "Token types": xoxb-/xoxp-/xoxa-/xoxr-/xoxe-'),
  rule('slack-app-token', `${S}xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+`, 'Slack app-level tokens (xapp-)'),
  rule('slack-refresh-token', `${S}xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{20,}`, 'Slack rotating refresh tokens (xoxe.xoxb-)'),
  rule('discord-bot-token', `${S}[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,40}`, 'Discord bot tokens: base64 user id . timestamp . HMAC', undefined, ['.']),
  rule('telegram-bot-token', `(?<![0-9])[0-9]{5,16}:A[A-Za-z0-9_-]{32,35}(?![A-Za-z0-9_-])`, 'Telegram Bot API: "<bot id>:<35 characters>" from @BotFather', undefined, [':A']),
  rule('stripe-key', `${S}(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}`, 'Stripe API keys (sk_live_/rk_test_…)'),
  rule('stripe-webhook-secret', `${S}whsec_[A-Za-z0-9+/=]{24,}`, 'Stripe webhook signing secrets (whsec_)'),
  rule('square-token', `${S}(?:sq0atp|sq0csp)-[A-Za-z0-9_-]{22,43}`, 'Square access tokens / OAuth secrets'),
  rule('shopify-token', `${S}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}`, 'Shopify access tokens (shpat_/shpss_…)'),
  rule('twilio-api-key', `${S}SK[0-9a-fA-F]{32}(?![0-9a-fA-F])`, 'Twilio API key SIDs (SK + 32 hex)'),
  rule('sendgrid-key', `${S}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}`, 'SendGrid API keys: SG.<22>.<43>'),
  rule('mailgun-key', `${S}key-[a-f0-9]{32}(?![a-f0-9])`, 'Mailgun API keys (key- + 32 hex)'),
  rule('mailchimp-key', `${S}[a-f0-9]{32}-us[0-9]{1,2}(?![0-9])`, 'Mailchimp API keys (32 hex + -usN data centre)', undefined, ['-us']),
  rule('mapbox-secret-token', `${S}sk\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}`, 'Mapbox secret tokens (sk.eyJ…)'),
  rule('dropbox-token', `${S}sl\\.[A-Za-z0-9_-]{130,}`, 'Dropbox short-lived access tokens (sl.)'),
  // Generic structures
  rule('jwt', `${S}eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}`, 'RFC 7519 JSON Web Token (header.payload.signature, base64url JSON)'),
  rule('private-key', `-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)`, 'RFC 7468 PEM private keys (PKCS#1/#8, EC, OpenSSH, PGP)'),
  rule('putty-private-key', `PuTTY-User-Key-File-\\d:[\\s\\S]*`, 'PuTTY .ppk private key files'),
  rule('bearer-header', `(?<![A-Za-z])Bearer\\s+[A-Za-z0-9._~+/-]{12,}=*`, 'RFC 6750 Authorization: Bearer <token>', (m) => /\d/.test(m) || /[A-Z].*[a-z]|[a-z].*[A-Z]/.test(m.replace(/^Bearer\s+/, '')), ['Bearer']),
  rule('basic-header', `(?<![A-Za-z])Basic\\s+[A-Za-z0-9+/]{6,}={0,2}(?![A-Za-z0-9+/=])`, 'RFC 7617 Authorization: Basic base64(user:password)', (m) => {
    const b = Buffer.from(m.replace(/^Basic\s+/, ''), 'base64').toString('utf8');
    return /^[\x20-\x7e]+:[\x20-\x7e]*$/.test(b);
  }, ['Basic']),
];

/** A match's end, extended over characters a token may still hold (`…-`, `…_x`). */
export function extendMatch(s: string, end: number): number {
  let e = end;
  while (e < s.length && /[A-Za-z0-9_-]/.test(s[e]!)) e++;
  while (e < s.length && s[e] === '=') e++;
  return e;
}

/** Every span of `s` that a value rule recognises, as substrings. */
export function valueRuleMatches(s: string): string[] {
  const out: string[] = [];
  for (const r of VALUE_RULES) {
    if (r.hints.length && !r.hints.some((h) => s.includes(h))) continue;
    if (r.minLength && s.length < r.minLength) continue;
    r.re.lastIndex = 0;
    for (const m of s.matchAll(r.re)) {
      if (r.check && !r.check(m[0])) continue;
      const start = m.index;
      const end = r.id === 'private-key' || r.id === 'putty-private-key' ? start + m[0].length : extendMatch(s, start + m[0].length);
      out.push(s.slice(start, end));
    }
  }
  return out;
}
