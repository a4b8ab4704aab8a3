// Redaction: idempotent, leaves no generated secret anywhere in the output (values
// or keys), never touches non-secret numbers and booleans, and every listed path
// points at a redacted value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, classifyKey, redactString, redactValue } from '../../src/redact/index.js';
import { redactArgv, redactRecorded } from '../../src/redact/index.js';
import { fileUri } from '../../src/util/file-uri.js';
import { PLAIN_PASSWORDS, SECRETS } from '../fixtures/secrets.js';
import { minimalStatement } from './statement-fixture.js';
import { RUNS } from './property-helpers.js';

/** Resolve an RFC 6901 JSON Pointer. */
function resolvePointer(doc: unknown, ptr: string): { found: boolean; value?: unknown; key?: string } {
  if (ptr === '') return { found: true, value: doc };
  let cur: unknown = doc;
  let key: string | undefined;
  for (const raw of ptr.slice(1).split('/')) {
    key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur as object, key)) return { found: false };
    cur = (cur as Record<string, unknown>)[key];
  }
  return { found: true, value: cur, ...(key !== undefined ? { key } : {}) };
}

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const b62 = (n: number) => fc.string({ unit: fc.constantFrom(...B62), minLength: n, maxLength: n });
const upper = (n: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: n, maxLength: n });

/** Secrets generated in their real formats (random bodies), each recognisable by value alone. */
const generatedSecret: fc.Arbitrary<string> = fc.oneof(
  upper(16).map((s) => `AKIA${s}`),
  b62(36).map((s) => `ghp_${s}`),
  b62(36).map((s) => `ghs_${s}`),
  fc.tuple(b62(22), b62(59)).map(([a, b]) => `github_pat_${a}_${b}`),
  b62(20).map((s) => `glpat-${s}`),
  b62(24).map((s) => `xoxb-123456789012-${s}`),
  b62(34).map((s) => `hf_${s}`),
  b62(48).map((s) => `sk-proj-${s}`),
  b62(24).map((s) => `sk_live_${s}`),
  b62(35).map((s) => `AIza${s}`),
  fc.tuple(b62(20), b62(30), b62(30)).map(([a, b, c]) => `eyJ${a}.eyJ${b}.${c}`),
  b62(64).map((s) => `-----BEGIN PRIVATE KEY-----\n${s}\n-----END PRIVATE KEY-----`),
  // High entropy: 40 base62 characters with at least one digit, upper and lower case letter.
  fc.tuple(b62(37), fc.constantFrom(...'0123456789'), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz')).map(([s, d, u, l]) => `${s}${d}${u}${l}`).filter((s) => new Set(s).size >= 24),
);

/** Harmless words (cannot look like a credential by value) and hyperparameter-like keys. */
const word = fc.string({ unit: fc.constantFrom(...'abcdefghij -_./'), maxLength: 16 });
const plainKey = fc.constantFrom('lr', 'epochs', 'batch_size', 'model', 'layers', 'name', 'dropout', 'data', 'notes', 'seed', 'momentum', 'warmup', 'a/b', 'x~y', '');
const secretKey = fc.constantFrom('password', 'db_pass', 'apiKey', 'API_KEY', 'token', 'client_secret', 'aws_secret_access_key', 'privateKey', 'auth', 'credentials');
const weakKey = fc.constantFrom('key', 'key_dim', 'access', 'conn');

type J = unknown;
/** Configs mixing plain values, secrets by value, secrets by key and secrets used as keys. */
const config: fc.Arbitrary<J> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 3, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)) },
    { weight: 2, arbitrary: generatedSecret },
    { weight: 1, arbitrary: fc.tuple(word, generatedSecret, word).map(([a, s, b]) => `${a} ${s} ${b}`) },
    { weight: 1, arbitrary: fc.tuple(b62(12)).map(([pw]) => `https://user:${pw}@host.example/path`) },
  ),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(plainKey, secretKey, weakKey, generatedSecret), tie('node'), { maxKeys: 5 }),
  ),
})).node;

/** Every string (keys and values) in a JSON value. */
function strings(v: J, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push(k), strings(x, out));
  return out;
}

/** The secrets generated into `v` (values and keys). */
function secretsIn(v: J): string[] {
  return strings(v).flatMap((s) => {
    const found: string[] = [];
    // Exactly the generated shapes (prefix and length): a harmless word such as `hf_a` is not a secret.
    const shapes =
      /AKIA[A-Z0-9]{16}|gh[ps]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}|glpat-[A-Za-z0-9]{20}|xoxb-123456789012-[A-Za-z0-9]{24}|hf_[A-Za-z0-9]{34}|sk-proj-[A-Za-z0-9]{48}|sk_live_[A-Za-z0-9]{24}|AIza[A-Za-z0-9]{35}|eyJ[A-Za-z0-9]{20}\.eyJ[A-Za-z0-9]{30}\.[A-Za-z0-9]{30}|-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9]+|[A-Za-z0-9]{40}/g;
    for (const m of s.matchAll(shapes)) found.push(m[0]);
    const pw = /https:\/\/user:([A-Za-z0-9]+)@/.exec(s);
    if (pw) found.push(`:${pw[1]}@`);
    return found;
  });
}

/** Numbers and booleans that no credential key encloses, with their pointer. */
function plainScalars(v: J, ptr = '', underSecret = false, out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  if (typeof v === 'boolean' || v === null) out.push([ptr, v]);
  else if (typeof v === 'number' && !underSecret) out.push([ptr, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => plainScalars(x, `${ptr}/${i}`, underSecret, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      const keyIsSecret = redactString(k) !== undefined;
      plainScalars(x, `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, underSecret || keyIsSecret || classifyKey(k) === 'secret', out);
    }
  return out;
}

describe('redactValue (property)', () => {
  it('is idempotent: redacting the output again changes nothing', () => {
    fc.assert(
      fc.property(config, (c) => {
        const once = redactValue(c).value;
        expect(redactValue(once).value).toEqual(once);
      }),
      RUNS,
    );
  });

  it('leaves no generated secret anywhere in the JSON output, keys included', () => {
    fc.assert(
      fc.property(config, (c) => {
        const out = JSON.stringify(redactValue(c).value);
        for (const s of secretsIn(c)) expect(out, `leaked ${s}`).not.toContain(s);
      }),
      RUNS,
    );
  });

  it('never changes booleans, nulls, or numbers outside credential keys; never modifies its input', () => {
    fc.assert(
      fc.property(config, (c) => {
        const copy = structuredClone(c);
        const { value } = redactValue(c);
        expect(c).toEqual(copy);
        for (const [ptr, v] of plainScalars(c)) {
          // Keys that were secrets are renamed; skip what sits under them.
          const r = resolvePointer(value, ptr);
          if (r.found) expect(r.value, ptr).toEqual(v);
          else expect(ptr.split('/').some((seg) => redactString(seg.replace(/~1/g, '/').replace(/~0/g, '~')) !== undefined), ptr).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('every path points at a redacted value (or a member whose credential key was replaced)', () => {
    fc.assert(
      fc.property(config, (c) => {
        const { value, paths } = redactValue(c);
        for (const p of paths) {
          const r = resolvePointer(value, p);
          expect(r.found, `${p} not found in ${JSON.stringify(value)}`).toBe(true);
          const ok = (typeof r.value === 'string' && r.value.includes(REDACTED)) || (r.key ?? '').includes(REDACTED);
          expect(ok, `${p} -> ${JSON.stringify(r.value)}`).toBe(true);
        }
        // And nothing was redacted without being listed.
        const listed = new Set(paths);
        const walk = (v: J, ptr: string): void => {
          if (typeof v === 'string' && v.includes(REDACTED)) expect(listed.has(ptr) || ptr.split('/').some((s) => s.includes(REDACTED)), ptr).toBe(true);
          else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${ptr}/${i}`));
          else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        };
        if (!strings(c).some((s) => s.includes(REDACTED))) walk(value, '');
      }),
      RUNS,
    );
  });

  it('redacts every item of the secret corpus by value, and plain passwords by key', () => {
    for (const s of SECRETS) {
      const { value, paths } = redactValue({ note: s.value, nested: [{ x: s.value }] });
      const out = JSON.stringify(value);
      expect(out, s.name).not.toContain(s.needle);
      expect(paths, s.name).toEqual(['/note', '/nested/0/x']);
      // As a key, too.
      expect(JSON.stringify(redactValue({ [s.value]: 'prod' }).value), s.name).not.toContain(s.needle);
    }
    for (const p of PLAIN_PASSWORDS) {
      const { value } = redactValue({ [p.key]: p.value, nested: { [p.key]: p.value } });
      expect(JSON.stringify(value), p.key).not.toContain(p.value);
    }
  });

  it('hides credential query parameters and URL passwords in place, keeping the rest of the URL', () => {
    expect(redactString('https://b.s3.amazonaws.com/k?X-Amz-Credential=abc&X-Amz-Signature=0f0f&x=1')).toBe(
      `https://b.s3.amazonaws.com/k?X-Amz-Credential=${REDACTED}&X-Amz-Signature=${REDACTED}&x=1`,
    );
    expect(redactString('https://a.blob.core.windows.net/c/f?sv=2022&sig=abc%2B')).toBe(`https://a.blob.core.windows.net/c/f?sv=2022&sig=${REDACTED}`);
    expect(redactString('https://svc:p@ss@host/x')).toBe(`https://svc:${REDACTED}@host/x`);
    expect(redactString('https://host/cb#access_token=abc&state=1')).toBe(`https://host/cb#access_token=${REDACTED}&state=1`);
    expect(redactString('https://example.com/data?split=train&rev=main')).toBeUndefined();
  });
});

describe('redactRecorded / redactArgv', () => {
  it('redacts hyperparameters, step parameters, dataset URIs, the command and environment extras, listing each', () => {
    const st = minimalStatement();
    const p = structuredClone(st.predicate);
    p.buildDefinition.externalParameters.hyperparameters = { lr: 0.1, wandb_api_key: 'k', note: SECRETS[3]!.value, key_dim: 64 };
    p.buildDefinition.externalParameters.command = ['python', 'train.py', '--token', 'abc123', '--password=pw', `--note=${SECRETS[0]!.value}`, '--epochs', '3'];
    p.steps = [{ name: 'fetch', parameters: { url: 'https://u:pw@h/x', retries: 3 } }];
    p.datasets = [{ ...p.datasets[0]!, uri: 'https://h/d?X-Amz-Signature=00ff' }];
    p.environment = { ...p.environment, extra: { HF_TOKEN: 'hf-x1', cuda: '12.4' } };
    const r = redactRecorded(p);
    expect(r.buildDefinition.externalParameters.hyperparameters).toEqual({ lr: 0.1, wandb_api_key: REDACTED, note: REDACTED, key_dim: 64 });
    expect(r.buildDefinition.externalParameters.command).toEqual(['python', 'train.py', '--token', REDACTED, `--password=${REDACTED}`, `--note=${REDACTED}`, '--epochs', '3']);
    expect(r.steps[0]!.parameters).toEqual({ url: `https://u:${REDACTED}@h/x`, retries: 3 });
    expect(r.datasets[0]!.uri).toBe(`https://h/d?X-Amz-Signature=${REDACTED}`);
    expect(r.environment.extra).toEqual({ HF_TOKEN: REDACTED, cuda: '12.4' });
    expect(r.redactions.slice(st.predicate.redactions.length)).toEqual([
      '#/buildDefinition/externalParameters/hyperparameters/wandb_api_key',
      '#/buildDefinition/externalParameters/hyperparameters/note',
      '#/buildDefinition/externalParameters/command/3',
      '#/buildDefinition/externalParameters/command/4',
      '#/buildDefinition/externalParameters/command/5',
      '#/steps/0/parameters/url',
      '#/datasets/0/uri',
      '#/environment/extra/HF_TOKEN',
    ]);
    // Pure and idempotent.
    expect(redactRecorded(r)).toEqual(r);
    expect(p.buildDefinition.externalParameters.hyperparameters.wandb_api_key).toBe('k');
  });

  it('a credential in a workspace path is redacted from its file: URI too, where percent-encoding would hide it', () => {
    const p = structuredClone(minimalStatement().predicate);
    const secret = 'p@ss wörd 123';
    const at = `data/${secret}/x.csv`;
    p.buildDefinition.externalParameters.hyperparameters = { api_key: secret };
    p.datasets = [{ ...p.datasets[0]!, uri: fileUri(at), annotations: { path: at } }];
    expect(p.datasets[0]!.uri).not.toContain(secret);
    const r = redactRecorded(p);
    expect(r.datasets[0]!.annotations).toEqual({ path: `data/${REDACTED}/x.csv` });
    expect(r.datasets[0]!.uri).toBe(fileUri(`data/${REDACTED}/x.csv`));
    expect(decodeURIComponent(JSON.stringify(r))).not.toContain(secret);
    expect(r.redactions).toEqual(expect.arrayContaining(['#/datasets/0/uri', '#/datasets/0/annotations/path']));
    expect(redactRecorded(r)).toEqual(r);
  });

  it('redactArgv never leaks a generated secret, in any argument position', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(word, generatedSecret.filter((s) => !s.includes('\n')), fc.constantFrom('--token', '--api-key', '-p', '--lr', '--')), { maxLength: 8 }), (argv) => {
        const out = redactArgv(argv).argv;
        expect(out).toHaveLength(argv.length);
        for (const s of secretsIn(argv)) expect(out.join(' ')).not.toContain(s);
        expect(redactArgv(out).argv).toEqual(out);
      }),
      RUNS,
    );
  });
});

describe('typed values and context structures (property)', () => {
  const words = fc.constantFrom('max', 'new', 'pad', 'eos', 'bos', 'sort', 'text', 'secret', 'sauce', 'eval', 'pass', 'at', 'k', 'token', 'tokens', 'key', 'id', 'version', 'client', 'access', 'num');
  const keyOf = fc.tuple(fc.array(words, { minLength: 1, maxLength: 4 }), fc.constantFrom('_', '-', '.', 'camel')).map(([ws, sep]) =>
    sep === 'camel' ? ws.map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join('') : ws.join(sep),
  );
  const setting = fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('</s>', '<s>', '<|im_end|>', '[PAD]', '<extra_id_0>', 'text', 'length', 'adam', 'sequential', 'auto', 'none', 'cosine', 'bf16'),
  );

  it('numbers, booleans, null, special tokens and short settings are never redacted for a token/key/secret/pass word alone', () => {
    fc.assert(
      // A word alone: compounds that name a credential (`access_key`, `client_secret`) are not.
      fc.property(fc.dictionary(keyOf.filter((k) => classifyKey(k) !== 'secret'), setting, { maxKeys: 8 }), (doc) => {
        expect(redactValue(doc).value).toEqual(doc);
        expect(redactArgv(Object.entries(doc).flatMap(([k, v]) => [`--${k}`, String(v)])).indices).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a generated secret is hidden in a {name, value} list, a KEY=value / --flag value command string and a YAML-alias-like copy', () => {
    fc.assert(
      fc.property(generatedSecret.filter((s) => !s.includes('\n')), fc.constantFrom('WANDB_API_KEY', 'HF_TOKEN', 'note', 'LR'), (secret, name) => {
        const doc = {
          env: [{ name, value: secret }],
          cmd: `python train.py --${name.toLowerCase().replace(/_/g, '-')} ${secret} --lr 3e-4`,
          dvc: `bash -c "python train.py ${name}=${secret}"`,
          copy: secret,
        };
        const out = JSON.stringify(redactValue(doc).value);
        for (const s of secretsIn(doc)) expect(out).not.toContain(s);
        expect(redactValue(redactValue(doc).value).value).toEqual(redactValue(doc).value);
      }),
      RUNS,
    );
  });
});
