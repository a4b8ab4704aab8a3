/**
 * The credential corpus: one entry a format, each built from the provider's
 * publicly documented token shape (the `source` line), never a real secret —
 * every body is derived from a fixed seed with sha256, so the corpus is
 * reproducible and inert. Built separately from test/fixtures/secrets.ts and not
 * from the detector's rules: where a provider documents no shape (a hex API
 * key), the entry is `context` and counts only where a name gives it away.
 *
 * `needle` is the part that must never appear in any output (the password of a
 * URL, not its host). `key` is the name a user would put it under (an env var).
 * `detect`: `value` = recognisable anywhere (documented prefix or structure),
 * `context` = only under a credential name (no documented shape).
 */
import { createHash } from 'node:crypto';

export interface Credential {
  name: string;
  source: string;
  value: string;
  needle: string;
  key: string;
  detect: 'value' | 'context';
}

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${B62}+/`;
const B64URL = `${B62}-_`;
const HEX = '0123456789abcdef';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B32L = 'abcdefghijklmnopqrstuvwxyz234567';

/** n characters from `alphabet`, derived from `seed` (deterministic, uniform enough). */
export function fake(seed: string, n: number, alphabet = B62): string {
  let out = '';
  for (let block = 0; out.length < n; block++) {
    for (const byte of createHash('sha256').update(`ml-provenance corpus ${seed}/${block}`).digest()) {
      if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
    }
  }
  return out.slice(0, n);
}

const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

const list: Credential[] = [];
function add(name: string, source: string, key: string, value: string, opts: { needle?: string; detect?: 'value' | 'context' } = {}): void {
  list.push({ name, source, key, value, needle: opts.needle ?? value, detect: opts.detect ?? 'value' });
}

// --- Cloud providers ---------------------------------------------------------
// AWS IAM "Unique identifiers": access key ids are AKIA (long-term) / ASIA (temporary) + 16 [A-Z2-7].
add('aws_access_key_id', 'AWS IAM user guide, IAM identifiers: AKIA + 16 upper-case base32', 'AWS_ACCESS_KEY_ID', `AKIA${fake('aws1', 16, UPPER)}`);
add('aws_temp_access_key_id', 'AWS IAM identifiers: ASIA prefix for STS temporary credentials', 'AWS_ACCESS_KEY_ID', `ASIA${fake('aws2', 16, UPPER)}`);
// AWS: "secret access key … 40 characters" (base64 alphabet), no prefix: found by name, or as a random token.
const awsSecret = fake('aws3', 40, B64);
add('aws_secret_access_key', 'AWS "Managing access keys": 40-character secret, base64 alphabet', 'AWS_SECRET_ACCESS_KEY', awsSecret);
// STS session tokens: base64 of a protobuf that starts "\x21\n\torigin_ec" (IQoJb3JpZ2luX2Vj…), often >1,000 characters.
add('aws_session_token', 'AWS STS GetSessionToken / AssumeRole SessionToken (base64, IQoJb3JpZ2luX2Vj…, up to several KB)', 'AWS_SESSION_TOKEN', `IQoJb3JpZ2luX2VjE${fake('aws4', 700, B64)}==`);
// Google Cloud.
add('gcp_api_key', 'Google Cloud "Manage API keys": AIza + 35 [A-Za-z0-9_-]', 'GOOGLE_API_KEY', `AIza${fake('gcp1', 35, B64URL)}`);
add('gcp_oauth_client_secret', 'Google OAuth client secrets (2021 format): GOCSPX- + 28', 'GOOGLE_CLIENT_SECRET', `GOCSPX-${fake('gcp2', 28, B64URL)}`);
add('gcp_oauth_access_token', 'Google OAuth 2.0 access tokens: ya29. prefix', 'GOOGLE_OAUTH_ACCESS_TOKEN', `ya29.a0${fake('gcp3', 150, B64URL)}`);
add('gcp_refresh_token', 'Google OAuth 2.0 refresh tokens: 1//0 prefix', 'GOOGLE_REFRESH_TOKEN', `1//0${fake('gcp4', 99, B64URL)}`);
const pemBody = (seed: string, lines: number) => Array.from({ length: lines }, (_, i) => fake(`${seed}${i}`, 64, B64)).join('\n');
const saKey = pemBody('gcp5', 4);
const saKeyId = fake('gcp6', 40, HEX);
const serviceAccount = {
  type: 'service_account',
  project_id: 'acme-ml-training',
  private_key_id: saKeyId,
  private_key: `-----BEGIN PRIVATE KEY-----\n${saKey}\n-----END PRIVATE KEY-----\n`,
  client_email: 'trainer@acme-ml-training.iam.gserviceaccount.com',
  client_id: '104857600000000000001',
  auth_uri: 'https://accounts.google.com/o/oauth2/auth',
  token_uri: 'https://oauth2.googleapis.com/token',
};
add('gcp_service_account_json', 'Google Cloud "Create service account keys": JSON key file (private_key_id, PEM private_key)', 'GOOGLE_APPLICATION_CREDENTIALS_JSON', JSON.stringify(serviceAccount), { needle: saKey.split('\n')[0]! });
add('gcp_private_key_id', 'Google service account key JSON: private_key_id, 40 hex (no prefix)', 'private_key_id', saKeyId, { detect: 'context' });
// Microsoft Azure / Entra.
add('azure_ad_client_secret', 'Microsoft Entra app client secret: 40 characters, "Q~" after 3 characters and a digit, [A-Za-z0-9_~.-]', 'AZURE_CLIENT_SECRET', `${fake('az1', 3)}8Q~${fake('az2', 34, `${B62}_~.-`).replace(/^[-]/, 'x')}`);
add('azure_storage_key', 'Azure storage account access key: 512-bit, base64 (88 characters, "==")', 'AZURE_STORAGE_KEY', `${fake('az3', 86, B64)}==`);
const acctKey = `${fake('az4', 86, B64)}==`;
add('azure_storage_connection_string', 'Azure "Configure a connection string": DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…', 'AZURE_STORAGE_CONNECTION_STRING', `DefaultEndpointsProtocol=https;AccountName=acmemldata;AccountKey=${acctKey};EndpointSuffix=core.windows.net`, { needle: acctKey });
const sasSig = encodeURIComponent(b64(fake('az5', 32, B62)));
add('azure_sas_url', 'Azure "Create SAS tokens": service SAS URL with sv, sp, se, sig', 'AZURE_SAS_URL', `https://acmemldata.blob.core.windows.net/datasets/train.parquet?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T23:59:59Z&st=2026-01-01T00:00:00Z&spr=https&sig=${sasSig}`, { needle: sasSig });
const sasSig2 = encodeURIComponent(b64(fake('az6', 32, B62)));
add('azure_sas_bare', 'Azure SAS token as given by the portal without the URL: sv=…&…&sig=…', 'AZURE_STORAGE_SAS_TOKEN', `sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-12-31T23:59:59Z&st=2026-01-01T00:00:00Z&spr=https&sig=${sasSig2}`, { needle: sasSig2 });
add('azure_devops_pat_legacy', 'Azure DevOps PAT before 2024: 52 characters, lower-case base32', 'AZURE_DEVOPS_PAT', fake('az7', 52, B32L));
add('azure_devops_pat', 'Azure DevOps PAT (2024 identifiable format): 84 characters, JQQJ99 signature at 52, AZDO at 76', 'AZURE_DEVOPS_EXT_PAT', `${fake('az8', 52)}JQQJ99${fake('az9', 1)}A${fake('az10', 16)}AZDO${fake('az11', 4)}`);
add('azure_openai_key', 'Azure OpenAI resource keys: 32 hex, no prefix', 'AZURE_OPENAI_API_KEY', fake('az12', 32, HEX), { detect: 'context' });
add('alibaba_access_key', 'Alibaba Cloud AccessKey ID: LTAI + 20', 'ALIBABA_CLOUD_ACCESS_KEY_ID', `LTAI${fake('ali', 20)}`);
add('digitalocean_token', 'DigitalOcean personal access token: dop_v1_ + 64 hex', 'DIGITALOCEAN_TOKEN', `dop_v1_${fake('do', 64, HEX)}`);
// --- Source hosts, registries, CI ---------------------------------------------
for (const [p, what] of [['ghp', 'personal access token (classic)'], ['gho', 'OAuth access token'], ['ghu', 'user-to-server token'], ['ghs', 'installation (app) token'], ['ghr', 'refresh token']] as const) {
  add(`github_${p}`, `GitHub "About authentication to GitHub", token formats: ${p}_ ${what}, 36 base62`, 'GITHUB_TOKEN', `${p}_${fake(`gh${p}`, 36)}`);
}
add('github_fine_grained', 'GitHub fine-grained PAT: github_pat_ + 22 + _ + 59', 'GH_TOKEN', `github_pat_11${fake('ghf1', 20)}_${fake('ghf2', 59)}`);
add('gitlab_pat_dash_end', 'GitLab "Token overview": glpat- + 20 [0-9a-zA-Z_-]; this one ends in "-"', 'GITLAB_TOKEN', `glpat-${fake('gl1', 19, B64URL)}-`);
add('gitlab_deploy_token', 'GitLab deploy tokens: gldt- prefix', 'CI_DEPLOY_PASSWORD', `gldt-${fake('gl2', 20, B64URL)}`);
add('gitlab_runner_token', 'GitLab runner authentication tokens: glrt- prefix', 'RUNNER_TOKEN', `glrt-${fake('gl3', 20, B64URL)}`);
add('gitlab_ci_build_token', 'GitLab CI/CD job tokens: glcbt- prefix', 'CI_JOB_TOKEN', `glcbt-64_${fake('gl4', 20, B64URL)}`);
add('gitlab_oauth_secret', 'GitLab OAuth application secrets: gloas- prefix', 'GITLAB_OAUTH_SECRET', `gloas-${fake('gl5', 64, HEX)}`);
add('bitbucket_app_password', 'Bitbucket app passwords: ATBB prefix', 'BITBUCKET_APP_PASSWORD', `ATBB${fake('bb', 32)}`);
add('atlassian_api_token', 'Atlassian API tokens: ATATT3xFfGF0 prefix, ~190 characters', 'JIRA_API_TOKEN', `ATATT3xFfGF0${fake('atl', 180, B64URL)}=${fake('atl2', 8, 'ABCDEF0123456789')}`);
add('npm_token', 'npm "About access tokens": npm_ + 36 base62', 'NPM_TOKEN', `npm_${fake('npm', 36)}`);
add('pypi_token', 'PyPI API tokens: pypi- + macaroon (AgEIcHlwaS5vcmc…)', 'TWINE_PASSWORD', `pypi-AgEIcHlwaS5vcmc${fake('pypi', 160, B64URL)}`);
add('docker_hub_pat', 'Docker Hub personal access tokens: dckr_pat_ + 27', 'DOCKERHUB_TOKEN', `dckr_pat_${fake('dckr', 27, B64URL)}`);
const dockerAuth = b64('ci:Hx7pq2');
add('docker_config_json', 'Docker config.json: {"auths": {"<registry>": {"auth": base64(user:password)}}}', 'DOCKER_AUTH_CONFIG', JSON.stringify({ auths: { 'ghcr.io': { auth: dockerAuth } } }), { needle: dockerAuth });
add('docker_auth_short', 'Docker config.json "auth" field: base64(user:password), short', 'auth', b64('ci:pw12'), { detect: 'context' });
add('vault_token', 'HashiCorp Vault service tokens: hvs. + 24+', 'VAULT_TOKEN', `hvs.${fake('vault', 90, B64URL)}`);
add('terraform_cloud_token', 'HCP Terraform API tokens: 14 + .atlasv1. + 60+', 'TFE_TOKEN', `${fake('tf1', 14)}.atlasv1.${fake('tf2', 67, B64URL)}`);
// --- ML platforms and model APIs -----------------------------------------------
add('huggingface_token', 'Hugging Face "User access tokens": hf_ + 34 letters', 'HF_TOKEN', `hf_${fake('hf', 34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}`);
add('huggingface_org_token', 'Hugging Face organisation API tokens: api_org_ prefix', 'HUGGING_FACE_HUB_TOKEN', `api_org_${fake('hforg', 34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}`);
add('openai_project_key', 'OpenAI API keys: sk-proj- + ~156 [A-Za-z0-9_-]', 'OPENAI_API_KEY', `sk-proj-${fake('oai1', 74, B64URL)}T3BlbkFJ${fake('oai2', 74, B64URL)}`);
add('openai_legacy_key', 'OpenAI legacy user keys: sk- + 20 + T3BlbkFJ + 20', 'OPENAI_API_KEY', `sk-${fake('oai3', 20)}T3BlbkFJ${fake('oai4', 20)}`);
add('openai_service_account_key', 'OpenAI service account keys: sk-svcacct- prefix', 'OPENAI_API_KEY', `sk-svcacct-${fake('oai5', 140, B64URL)}`);
add('anthropic_key', 'Anthropic API keys: sk-ant-api03- + 93 + AA', 'ANTHROPIC_API_KEY', `sk-ant-api03-${fake('ant1', 93, B64URL)}AA`);
add('anthropic_admin_key', 'Anthropic Admin API keys: sk-ant-admin01- prefix', 'ANTHROPIC_ADMIN_KEY', `sk-ant-admin01-${fake('ant2', 93, B64URL)}AA`);
add('wandb_api_key', 'W&B "API keys": 40 hex, no prefix (indistinguishable from a commit id)', 'WANDB_API_KEY', fake('wandb', 40, HEX), { detect: 'context' });
add('wandb_local_key', 'W&B Server API keys: local- + 40 hex', 'WANDB_API_KEY', `local-${fake('wandbl', 40, HEX)}`);
add('kaggle_key', 'Kaggle API: kaggle.json "key", 32 hex, no prefix', 'KAGGLE_KEY', fake('kaggle', 32, HEX), { detect: 'context' });
const kaggleKey = fake('kaggle2', 32, HEX);
add('kaggle_json', 'Kaggle API credentials file kaggle.json: {"username": …, "key": <32 hex>}', 'KAGGLE_CONFIG', JSON.stringify({ username: 'acme-ml', key: kaggleKey }), { needle: kaggleKey });
add('databricks_token', 'Databricks personal access tokens: dapi + 32 hex', 'DATABRICKS_TOKEN', `dapi${fake('dbx', 32, HEX)}`);
add('langsmith_key', 'LangSmith API keys: lsv2_pt_ + 32 hex + _ + 10 hex', 'LANGSMITH_API_KEY', `lsv2_pt_${fake('ls1', 32, HEX)}_${fake('ls2', 10, HEX)}`);
add('comet_api_key', 'Comet API keys: 25 characters, no documented prefix', 'COMET_API_KEY', fake('comet', 25), { detect: 'context' });
const neptuneInner = b64url({ api_address: 'https://app.neptune.ai', api_url: 'https://app.neptune.ai', api_key: fake('nep', 36, HEX) });
add('neptune_api_token', 'Neptune API tokens: base64 of {"api_address", "api_url", "api_key"}', 'NEPTUNE_API_TOKEN', neptuneInner.replace(/=+$/, ''));
add('mlflow_tracking_password', 'MLflow basic auth: MLFLOW_TRACKING_PASSWORD (any password)', 'MLFLOW_TRACKING_PASSWORD', 'mlflow-Pass-2026', { detect: 'context' });
add('clearml_secret_key', 'ClearML API credentials: secret key (no prefix)', 'CLEARML_API_SECRET_KEY', fake('clearml', 50), { detect: 'context' });
add('replicate_token', 'Replicate API tokens: r8_ + 37', 'REPLICATE_API_TOKEN', `r8_${fake('rep', 37)}`);
add('groq_key', 'Groq API keys: gsk_ + 52', 'GROQ_API_KEY', `gsk_${fake('groq', 52)}`);
add('pinecone_key', 'Pinecone API keys: pcsk_ prefix', 'PINECONE_API_KEY', `pcsk_${fake('pc1', 6)}_${fake('pc2', 64)}`);
add('nvidia_key', 'NVIDIA API keys: nvapi- + 64', 'NVIDIA_API_KEY', `nvapi-${fake('nv', 64, B64URL)}`);
add('perplexity_key', 'Perplexity API keys: pplx- + 48', 'PPLX_API_KEY', `pplx-${fake('pplx', 48)}`);
add('xai_key', 'xAI API keys: xai- + 80', 'XAI_API_KEY', `xai-${fake('xai', 80)}`);
add('openrouter_key', 'OpenRouter API keys: sk-or-v1- + 64 hex', 'OPENROUTER_API_KEY', `sk-or-v1-${fake('or', 64, HEX)}`);
add('cohere_key', 'Cohere API keys: 40 characters, no prefix', 'CO_API_KEY', fake('cohere', 40), { detect: 'context' });
add('mistral_key', 'Mistral API keys: 32 characters, no prefix', 'MISTRAL_API_KEY', fake('mistral', 32), { detect: 'context' });
add('modal_token_secret', 'Modal token secrets: as- + 22', 'MODAL_TOKEN_SECRET', `as-${fake('modal', 22)}`);
// --- Messaging, payments, email, monitoring -------------------------------------
add('slack_bot_token', 'Slack "Token types": xoxb-<team>-<bot>-<24>', 'SLACK_BOT_TOKEN', `xoxb-${fake('sl1', 12, '0123456789')}-${fake('sl2', 13, '0123456789')}-${fake('sl3', 24)}`);
add('slack_user_token', 'Slack user tokens: xoxp-…', 'SLACK_TOKEN', `xoxp-${fake('sl4', 12, '0123456789')}-${fake('sl5', 12, '0123456789')}-${fake('sl6', 13, '0123456789')}-${fake('sl7', 32, HEX)}`);
add('slack_app_token', 'Slack app-level tokens: xapp-1-<app>-<n>-<hex>', 'SLACK_APP_TOKEN', `xapp-1-A${fake('sl8', 10, UPPER)}-${fake('sl9', 13, '0123456789')}-${fake('sl10', 64, HEX)}`);
const slackHook = `T${fake('sw1', 8, UPPER)}/B${fake('sw2', 10, UPPER)}/${fake('sw3', 24)}`;
add('slack_webhook', 'Slack incoming webhooks: https://hooks.slack.com/services/T…/B…/<24>', 'SLACK_WEBHOOK_URL', `https://hooks.slack.com/services/${slackHook}`, { needle: fake('sw3', 24) });
const discordTok = fake('dw', 68, B64URL);
add('discord_webhook', 'Discord "Webhook resource": https://discord.com/api/webhooks/<id>/<token>', 'DISCORD_WEBHOOK', `https://discord.com/api/webhooks/1${fake('dwid', 18, '0123456789')}/${discordTok}`, { needle: discordTok });
add('discord_bot_token', 'Discord bot tokens: base64(user id).<6>.<27+>', 'DISCORD_BOT_TOKEN', `MT${fake('db1', 24)}.${fake('db2', 6, B64URL)}.${fake('db3', 38, B64URL)}`);
const teamsPart = `${fake('tw1', 32, HEX)}/${'0b2e4c6d-1f3a-4b5c-8d7e-9f0a1b2c3d4e'}/V2${fake('tw2', 43, B64URL)}`;
add('teams_webhook', 'Microsoft Teams incoming webhook: https://<tenant>.webhook.office.com/webhookb2/<guid>@<guid>/IncomingWebhook/<32 hex>/<guid>/<sig>', 'TEAMS_WEBHOOK', `https://acme.webhook.office.com/webhookb2/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/${teamsPart}`, { needle: teamsPart });
add('telegram_bot_token', 'Telegram Bot API: <bot id>:<35 characters> from @BotFather', 'TELEGRAM_BOT_TOKEN', `${fake('tg1', 10, '0123456789').replace(/^0/, '7')}:AA${fake('tg2', 33, B64URL)}`);
add('stripe_secret_key', 'Stripe API keys: sk_live_ + 24+', 'STRIPE_SECRET_KEY', `sk_live_${fake('st1', 99)}`);
add('stripe_restricted_key', 'Stripe restricted keys: rk_test_ + 24+', 'STRIPE_API_KEY', `rk_test_${fake('st2', 99)}`);
add('stripe_webhook_secret', 'Stripe webhook signing secrets: whsec_ + 32', 'STRIPE_WEBHOOK_SECRET', `whsec_${fake('st3', 32)}`);
add('twilio_api_key', 'Twilio API key SID: SK + 32 hex', 'TWILIO_API_KEY', `SK${fake('tw3', 32, HEX)}`);
add('twilio_auth_token', 'Twilio auth token: 32 hex, no prefix', 'TWILIO_AUTH_TOKEN', fake('tw4', 32, HEX), { detect: 'context' });
add('sendgrid_key', 'SendGrid API keys: SG.<22>.<43>', 'SENDGRID_API_KEY', `SG.${fake('sg1', 22, B64URL)}.${fake('sg2', 43, B64URL)}`);
add('mailgun_key', 'Mailgun API keys: key- + 32 hex', 'MAILGUN_API_KEY', `key-${fake('mg', 32, HEX)}`);
const sentryKey = fake('sentry', 32, HEX);
add('sentry_dsn', 'Sentry DSN: https://<public key>@o<org>.ingest.sentry.io/<project> (key as user name)', 'SENTRY_DSN', `https://${sentryKey}@o4504${fake('so', 6, '0123456789')}.ingest.us.sentry.io/45${fake('sp', 14, '0123456789')}`, { needle: sentryKey });
add('sentry_auth_token', 'Sentry org auth tokens: sntrys_ + base64', 'SENTRY_AUTH_TOKEN', `sntrys_${b64url({ iat: 1767225600, url: 'https://sentry.io', org: 'acme' }).replace(/=+$/, '')}_${fake('sat', 43, B64URL)}`);
add('grafana_cloud_token', 'Grafana Cloud access policy tokens: glc_ + base64', 'GRAFANA_CLOUD_TOKEN', `glc_${fake('gf', 120, B62)}`);
// --- Connection strings and URLs -------------------------------------------------
const pgPw = `Pg${fake('pg', 14)}`;
add('postgres_url', 'PostgreSQL connection URI (libpq 34.1.1): postgresql://user:password@host:port/db', 'DATABASE_URL', `postgresql://trainer:${pgPw}@db.internal.acme.dev:5432/runs`, { needle: pgPw });
const mongoPw = fake('mongo', 16);
add('mongodb_srv_url', 'MongoDB connection string: mongodb+srv://user:password@cluster/…', 'MONGODB_URI', `mongodb+srv://ml:${mongoPw}@cluster0.ab1cd.mongodb.net/features?retryWrites=true&w=majority`, { needle: mongoPw });
const redisPw = fake('redis', 20);
add('redis_url', 'Redis URI (empty user): redis://:password@host:6379/0', 'REDIS_URL', `redis://:${redisPw}@cache.internal:6379/0`, { needle: redisPw });
const libpqPw = `Lq-${fake('libpq', 12)}`;
add('libpq_dsn', 'libpq keyword/value connection string: host=… port=… user=… password=… dbname=…', 'PG_DSN', `host=db.internal port=5432 user=trainer password=${libpqPw} dbname=runs sslmode=require`, { needle: libpqPw });
const jdbcPw = fake('jdbc', 14);
add('jdbc_url', 'JDBC PostgreSQL URL with password parameter', 'JDBC_URL', `jdbc:postgresql://db.internal:5432/runs?user=trainer&password=${jdbcPw}&ssl=true`, { needle: jdbcPw });
const gitTok = `glpat-${fake('gitcred', 20, B62)}`;
add('git_credential_url', 'Git over HTTPS with a token in the URL (GitLab "oauth2:<token>@")', 'GIT_REMOTE', `https://oauth2:${gitTok}@gitlab.com/acme/models.git`, { needle: gitTok });
const s3sig = fake('s3sig', 64, HEX);
add('presigned_s3_url', 'AWS SigV4 presigned URL: X-Amz-Credential, X-Amz-Signature (64 hex)', 'DATA_URL', `https://acme-data.s3.us-east-1.amazonaws.com/train.parquet?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA${fake('s3c', 16, UPPER)}%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${s3sig}`, { needle: s3sig });
const gcsSig = fake('gcssig', 256, HEX);
add('gcs_signed_url', 'Google Cloud Storage V4 signed URL: X-Goog-Signature', 'EVAL_DATA_URL', `https://storage.googleapis.com/acme-eval/eval.jsonl?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=trainer%40acme.iam.gserviceaccount.com%2F20260101%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20260101T000000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=${gcsSig}`, { needle: gcsSig });
const urlTok = fake('urltok', 30);
add('url_access_token_param', 'OAuth 2.0 (RFC 6750 §2.3) access_token query parameter', 'EXPORT_URL', `https://labels.acme.dev/api/export?project=7&access_token=${urlTok}`, { needle: urlTok });
// --- Generic structures -----------------------------------------------------------
add('jwt', 'RFC 7519 JWT: base64url(header).base64url(payload).signature', 'ID_TOKEN', `${b64url({ alg: 'RS256', typ: 'JWT' }).replace(/=+$/, '')}.${b64url({ sub: 'repo:acme/models:ref:refs/heads/main', aud: 'sigstore', iat: 1767225600 }).replace(/=+$/, '')}.${fake('jwt', 342, B64URL)}`);
const pem = (label: string, seed: string) => `-----BEGIN ${label}-----\n${pemBody(seed, 5)}\n-----END ${label}-----`;
add('pem_rsa_private_key', 'RFC 7468 / PKCS#1 PEM: -----BEGIN RSA PRIVATE KEY-----', 'SSH_PRIVATE_KEY', pem('RSA PRIVATE KEY', 'pem1'), { needle: fake('pem10', 64, B64) });
add('pem_ec_private_key', 'RFC 5915 PEM: -----BEGIN EC PRIVATE KEY-----', 'SIGNING_KEY', pem('EC PRIVATE KEY', 'pem2'), { needle: fake('pem20', 64, B64) });
add('pem_pkcs8_private_key', 'RFC 5208 PKCS#8 PEM: -----BEGIN PRIVATE KEY-----', 'TLS_KEY', pem('PRIVATE KEY', 'pem3'), { needle: fake('pem30', 64, B64) });
add('openssh_private_key', 'OpenSSH PROTOCOL.key: -----BEGIN OPENSSH PRIVATE KEY-----', 'DEPLOY_KEY', pem('OPENSSH PRIVATE KEY', 'pem4'), { needle: fake('pem40', 64, B64) });
add('pgp_private_key', 'RFC 4880 armored private key: -----BEGIN PGP PRIVATE KEY BLOCK-----', 'GPG_PRIVATE_KEY', pem('PGP PRIVATE KEY BLOCK', 'pem5'), { needle: fake('pem50', 64, B64) });
const netrcPw = fake('netrc', 40, HEX);
add('netrc', 'netrc(5): machine <host> login <user> password <secret> (W&B writes its key there)', 'NETRC', `machine api.wandb.ai\n  login user\n  password ${netrcPw}\n`, { needle: netrcPw });
const basic = b64(`trainer:${fake('basic', 12)}`);
add('basic_auth_header', 'RFC 7617: Authorization: Basic base64(user:password)', 'HTTP_AUTHORIZATION', `Basic ${basic}`, { needle: basic });
const bearer = fake('bearer', 40, B64URL);
add('bearer_auth_header', 'RFC 6750: Authorization: Bearer <token>', 'HTTP_AUTHORIZATION', `Bearer ${bearer}`, { needle: bearer });
const npmrcTok = `npm_${fake('npmrc', 36)}`;
add('npmrc_auth_token', '.npmrc: //registry.npmjs.org/:_authToken=<token>', 'NPMRC', `//registry.npmjs.org/:_authToken=${npmrcTok}`, { needle: npmrcTok });
const envWandb = fake('envw', 40, HEX);
add('dotenv_blob', 'dotenv file: KEY=value lines (WANDB_API_KEY=<40 hex>)', 'DOTENV', `WANDB_PROJECT=llm-sft\nWANDB_API_KEY=${envWandb}\nHF_HOME=/cache/hf\n`, { needle: envWandb });
const awsFileSecret = fake('awsfile', 40, B64);
add('aws_credentials_file', 'AWS shared credentials file: [profile] aws_access_key_id = …, aws_secret_access_key = …', 'AWS_CREDENTIALS', `[default]\naws_access_key_id = AKIA${fake('awsfile2', 16, UPPER)}\naws_secret_access_key = ${awsFileSecret}\n`, { needle: awsFileSecret });
add('age_secret_key', 'age(1) secret keys: AGE-SECRET-KEY-1 + 58 Bech32', 'SOPS_AGE_KEY', `AGE-SECRET-KEY-1${fake('age', 58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L')}`);
add('onepassword_service_token', '1Password service account tokens: ops_eyJ…', 'OP_SERVICE_ACCOUNT_TOKEN', `ops_eyJ${fake('op', 300, B62)}`);
// --- Plain credentials: only the name tells (the names from the issue) ------------
add('pgpassword', 'libpq environment: PGPASSWORD (any password)', 'PGPASSWORD', 'Winter-Garden-77', { detect: 'context' });
add('dbpassword_upper', 'A password under DBPASSWORD (any password)', 'DBPASSWORD', 'tr41n3r!', { detect: 'context' });
add('db_password_camel', 'A password under dbPassword (any password)', 'dbPassword', 'correct horse battery', { detect: 'context' });
add('db_password_kebab', 'A password under db-password (any password)', 'db-password', 'hunter22', { detect: 'context' });
add('pat_short_name', 'A personal access token under the bare name pat', 'pat', fake('patv', 30), { detect: 'context' });
add('azure_devops_pat_named', 'Azure DevOps PAT under AZURE_DEVOPS_PAT', 'AZURE_DEVOPS_PAT', fake('adopat', 52, B32L));
add('numeric_password', 'A numeric password (a PIN) under db_password', 'DB_PASSWORD', '88231907', { detect: 'context' });

export const CREDENTIALS: readonly Credential[] = list;

/** Every needle (what must never appear in an output). */
export function credentialNeedles(): string[] {
  return CREDENTIALS.map((c) => c.needle);
}

/** The needles a text contains (empty when clean). */
export function credentialLeaks(text: string): string[] {
  return CREDENTIALS.filter((c) => text.includes(c.needle)).map((c) => c.name);
}
