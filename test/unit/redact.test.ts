import { describe, expect, it } from 'vitest';
import { REDACTED, classifyKey, compileKeyPatterns, looksHighEntropy, redactString, redactValue } from '../../src/capture/redact.js';

describe('classifyKey', () => {
  it.each(['password', 'db_password', 'apiKey', 'API_KEY', 'x-auth-token', 'clientSecret', 'aws_secret_access_key', 'private_key', 'credentials', 'access_key'])(
    '%s names a credential',
    (k) => expect(classifyKey(k)).toBe('strong'),
  );
  it.each(['learning_rate', 'epochs', 'tokenizer', 'monkey', 'author', 'keys', 'dropout'])('%s does not', (k) =>
    expect(classifyKey(k)).toBe('none'),
  );
  it('treats bare `key`-like words as weak so numeric hyperparameters survive', () => {
    expect(classifyKey('key')).toBe('weak');
    expect(classifyKey('key_dim')).toBe('weak');
  });
  it('honours extra patterns', () => {
    expect(classifyKey('wandb_entity', compileKeyPatterns(['^wandb_']))).toBe('strong');
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
  it('flags long mixed-case random tokens as high entropy', () => {
    expect(looksHighEntropy('Zx9Qp2Lm7Rt4Vb8Nc1Wd6Ke3Hj5Gf0Sa')).toBe(true);
    expect(looksHighEntropy('this_is_a_long_but_readable_identifier_name')).toBe(false);
  });
});

describe('redactValue', () => {
  it('redacts by key and by value, lists JSON pointers and leaves the input untouched', () => {
    const input = {
      optimizer: { lr: 0.01, key_dim: 64 },
      db: { password: 'hunter2', url: 'mysql://u:pw@h/db', use_auth: true },
      tokens: ['a', 'b'],
      'a/b': { secret: 'x' },
      notes: 'plain',
    };
    const copy = structuredClone(input);
    const { value, paths } = redactValue(input);
    expect(input).toEqual(copy);
    expect(value.optimizer).toEqual({ lr: 0.01, key_dim: 64 });
    expect(value.db.password).toBe(REDACTED);
    expect(value.db.url).toBe(`mysql://u:${REDACTED}@h/db`);
    expect(value.db.use_auth).toBe(true);
    expect(value.tokens).toEqual([REDACTED, REDACTED]);
    expect(paths).toEqual(['/db/password', '/db/url', '/tokens/0', '/tokens/1', '/a~1b/secret']);
    expect(JSON.stringify(value)).not.toMatch(/hunter2|:pw@/);
  });
});
