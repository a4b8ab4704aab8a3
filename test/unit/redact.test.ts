import { describe, expect, it } from 'vitest';
import { REDACTED, classifyKey, compileKeyPatterns, isRandomToken, redactString, redactValue } from '../../src/redact/index.js';
import { redactArgv } from '../../src/redact/index.js';

describe('classifyKey', () => {
  it.each(['password', 'db_password', 'apiKey', 'API_KEY', 'x-auth-token', 'clientSecret', 'aws_secret_access_key', 'private_key', 'credentials', 'access_key'])(
    '%s names a credential',
    (k) => expect(classifyKey(k)).toBe('secret'),
  );
  it.each(['PGPASSWORD', 'DBPASSWORD', 'dbPassword', 'db-password', 'AZURE_DEVOPS_PAT', 'pat', 'NETRC', 'KAGGLE_CONFIG', 'DISCORD_WEBHOOK', 'TEAMS_WEBHOOK', 'trainer.wandb_api_key', 'private_key_id', 'webhook_url'])(
    '%s names a credential (words split across cases, glued words, dotted keys)',
    (k) => expect(classifyKey(k)).toBe('secret'),
  );
  it.each(['secret_sauce_version', 'eval_pass_at_k', 'pad_token_id', 'client_optimizer', 'access_pattern', 'token_url', 'password_file', 'secretKeyRef', 'kaggle_config_dir'])(
    '%s describes something else',
    (k) => expect(classifyKey(k)).toBe('none'),
  );
  it.each(['learning_rate', 'epochs', 'tokenizer', 'monkey', 'author', 'dropout'])('%s does not', (k) =>
    expect(classifyKey(k)).toBe('none'),
  );
  it('treats an unqualified token/key head as `maybe`: only a random-looking value is hidden', () => {
    for (const k of ['key', 'max_tokens', 'eos_token', 'sort_key', 'text_key']) expect(classifyKey(k), k).toBe('maybe');
    expect(classifyKey('token')).toBe('likely');
    expect(classifyKey('key_dim')).toBe('none');
    expect(classifyKey('hf_token')).toBe('likely');
  });
  it('honours extra patterns', () => {
    expect(classifyKey('wandb_entity', compileKeyPatterns(['^wandb_']))).toBe('secret');
  });
  it('rejects an invalid extra pattern with the input named', () => {
    expect(() => compileKeyPatterns(['('])).toThrow(/redact pattern "\(" is not a valid regular expression/);
  });
});

describe('redactString', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE'],
    ['ghp_' + 'a1B2'.repeat(9)],
    ['glpat-' + 'x'.repeat(20)],
    ['glpat-' + 'x'.repeat(19) + '-'],
    ['xoxb-1234567890-abcdefghij'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE...'],
    ['hf_' + 'AbCdEfGhIjKlMnOpQrStUvWxYz01234567'],
  ])('redacts %s', (v) => expect(redactString(v)).toBe(REDACTED));

  it('keeps a URL but hides its password', () => {
    expect(redactString('postgres://user:s3cret@db.example.com:5432/x')).toBe(`postgres://user:${REDACTED}@db.example.com:5432/x`);
  });
  it('leaves digests, commit ids, uuids, paths and prose alone', () => {
    for (const v of ['a'.repeat(64), '0123456789abcdef0123456789abcdef01234567', '123e4567-e89b-12d3-a456-426614174000', 's3://bucket/data/train-00001-of-00010.parquet', 'hello world', 'https://example.com/x']) {
      expect(redactString(v)).toBeUndefined();
    }
  });
  it('flags long mixed-case random tokens, with no upper length bound, and not names', () => {
    expect(isRandomToken('Zx9Qp2Lm7Rt4Vb8Nc1Wd6Ke3Hj5Gf0Sa')).toBe(true);
    expect(isRandomToken('Zx9Qp2Lm7Rt4Vb8Nc1Wd6Ke3Hj5Gf0Sa'.repeat(40))).toBe(true);
    for (const v of ['this_is_a_long_but_readable_identifier_name', 'Qwen2VLForConditionalGeneration', 'Meta-Llama-3.1-8B-Instruct']) expect(isRandomToken(v), v).toBe(false);
  });
  it('keeps descriptions that merely start with Basic or Bearer', () => {
    expect(redactString('Basic preprocessing/tokenization pipeline')).toBeUndefined();
    expect(redactString('Bearer tokens are sent by the loader')).toBeUndefined();
    expect(redactString(`Basic ${Buffer.from('ci:pw').toString('base64')}`)).toBe(REDACTED);
  });
  it('hides only the credential inside a longer string', () => {
    expect(redactString('host=db port=5432 user=t password=hunter22 dbname=runs')).toBe(`host=db port=5432 user=t password=${REDACTED} dbname=runs`);
    expect(redactString('sv=2022-11-02&ss=b&sig=AbC%2Bd')).toBe(`sv=2022-11-02&ss=b&sig=${REDACTED}`);
    expect(redactString('bash -c "python train.py --wandb-api-key 0123456789abcdef0123456789abcdef01234567 --lr 3e-4"')).toBe(
      `bash -c "python train.py --wandb-api-key ${REDACTED} --lr 3e-4"`,
    );
    expect(redactString('https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/2')).toBe(`https://${REDACTED}@o1.ingest.sentry.io/2`);
    expect(redactString('https://discord.com/api/webhooks/123/AbCdEf-gh_IJ')).toBe(`https://discord.com/api/webhooks/${REDACTED}`);
  });
});

describe('redactValue', () => {
  it('redacts by key and by value, lists JSON pointers and leaves the input untouched', () => {
    const input = {
      optimizer: { lr: 0.01, key_dim: 64 },
      db: { password: 'hunter2', url: 'mysql://u:pw@h/db', use_auth: true },
      tokens: ['<s>', '</s>'],
      api_tokens: ['tok-a1', 'tok-b2'],
      'a/b': { secret: 's3cr3t-value' },
      notes: 'plain',
    };
    const copy = structuredClone(input);
    const { value, paths } = redactValue(input);
    expect(input).toEqual(copy);
    expect(value.optimizer).toEqual({ lr: 0.01, key_dim: 64 });
    expect(value.db.password).toBe(REDACTED);
    expect(value.db.url).toBe(`mysql://u:${REDACTED}@h/db`);
    expect(value.db.use_auth).toBe(true);
    expect(value.tokens).toEqual(['<s>', '</s>']);
    expect(value.api_tokens).toEqual([REDACTED, REDACTED]);
    expect(paths).toEqual(['/db/password', '/db/url', '/api_tokens/0', '/api_tokens/1', '/a~1b/secret']);
    expect(JSON.stringify(value)).not.toMatch(/hunter2|:pw@/);
  });
});

describe('typed values and settings are never redacted for a credential word alone', () => {
  it('keeps numbers, booleans, special tokens and short enums', () => {
    const input = {
      max_tokens: 512, max_new_tokens: 256, pad_token_id: 0, eos_token: '</s>', secret_sauce_version: 3, eval_pass_at_k: 10,
      text_key: 'text', sort_key: 'length', client_optimizer: 'adam', access_pattern: 'sequential', use_auth_token: true, hub_token: null,
      api_key: '${oc.env:WANDB_API_KEY}', additional_special_tokens: ['<|im_start|>', '<extra_id_0>'],
    };
    expect(redactValue(input)).toEqual({ value: input, paths: [] });
  });
  it('hides a numeric password, a {name, value} env entry and an aliased copy', () => {
    const shared = 'Winter-Garden-77';
    const { value } = redactValue({ db_password: 123456, env: [{ name: 'WANDB_API_KEY', value: 'abc123def456' }], PGPASSWORD: shared, note: shared, cmd: `psql -W ${shared}` });
    expect(value).toEqual({ db_password: REDACTED, env: [{ name: 'WANDB_API_KEY', value: REDACTED }], PGPASSWORD: REDACTED, note: REDACTED, cmd: `psql -W ${REDACTED}` });
  });
  it('keeps --eos-token "</s>" and --max-tokens in a command line but hides Hydra credential overrides', () => {
    expect(redactArgv(['python', 'train.py', '--eos-token', '</s>', '--max-tokens', '512', 'trainer.wandb_api_key=abc123', '+hf.token=hf-x1Y2z3']).argv).toEqual([
      'python', 'train.py', '--eos-token', '</s>', '--max-tokens', '512', `trainer.wandb_api_key=${REDACTED}`, `+hf.token=${REDACTED}`,
    ]);
  });
});
