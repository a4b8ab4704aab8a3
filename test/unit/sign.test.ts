import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InputError, ProvenanceError } from '../../src/errors.js';
import { preflightIdentity, resolveEndpoints, signStatement, witnessesFor, type SignOptions } from '../../src/sign/index.js';
import { signerIdentity } from '../../src/verify/certificate.js';
import { makeStatement } from '../fixtures/statements.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { certificatePEM, dssePayload } from '../standins/sigstore/fixtures.js';

let sigstore: SigstoreStandin;
let other: SigstoreStandin;

beforeAll(async () => {
  sigstore = await startSigstoreStandin();
  other = await startSigstoreStandin();
});
afterAll(async () => {
  await sigstore?.close();
  await other?.close();
});

const custom = (s: SigstoreStandin, extra: Partial<SignOptions> = {}): SignOptions => ({
  instance: 'custom',
  fulcioURL: s.fulcioURL,
  rekorURL: s.rekorURL,
  ...(s.tsaURL ? { tsaURL: s.tsaURL } : {}),
  env: s.runnerEnv(),
  ...extra,
});

const certOf = (bundle: Record<string, unknown>) =>
  signerIdentity(Buffer.from((bundle as { verificationMaterial: { certificate: { rawBytes: string } } }).verificationMaterial.certificate.rawBytes, 'base64'));

describe('signStatement over real HTTP to the Sigstore stand-in', () => {
  test('signs with the runner OIDC token: DSSE v0.3 bundle over the exact statement JSON, Rekor entry and TSA stamp', async () => {
    const statement = makeStatement();
    const before = sigstore.requests.length;
    const res = await signStatement(statement, custom(sigstore));

    const b = res.bundle as any;
    expect(b.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(b.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(JSON.parse(dssePayload(res.bundle).toString('utf8'))).toEqual(statement);
    expect(b.verificationMaterial.tlogEntries).toHaveLength(1);
    expect(b.verificationMaterial.tlogEntries[0].kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' });
    expect(res.rekorLogIndex).toBe(b.verificationMaterial.tlogEntries[0].logIndex);
    expect(b.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1);
    expect(res.signerIdentity).toBe('https://github.com/acme/models/.github/workflows/train.yml@refs/heads/main');

    // The token came from the runner endpoint, asked for audience sigstore with the request token.
    const seen = sigstore.requests.slice(before);
    const oidc = seen.filter((r) => r.service === 'oidc');
    expect(oidc).toHaveLength(1);
    expect(oidc[0]!.path).toMatch(/[?&]audience=sigstore(&|$)/);
    expect(oidc[0]!.headers.authorization).toBe(`Bearer ${sigstore.oidcRequestToken}`);
    expect(seen.map((r) => `${r.service} ${r.status}`)).toEqual(expect.arrayContaining(['fulcio 201', 'rekor 201', 'tsa 201']));
  });

  test('the Fulcio certificate carries the GitHub identity extensions derived from the token', async () => {
    sigstore.setClaims({ repository: 'acme/vision', ref: 'refs/tags/v2', run_id: '99', run_attempt: '3', event_name: 'release', runner_environment: 'self-hosted' });
    try {
      const res = await signStatement(makeStatement(), custom(sigstore));
      const id = certOf(res.bundle);
      expect(id).toMatchObject({
        subjectAlternativeName: 'https://github.com/acme/vision/.github/workflows/train.yml@refs/tags/v2',
        issuer: 'https://token.actions.githubusercontent.com',
        buildSignerURI: 'https://github.com/acme/vision/.github/workflows/train.yml@refs/tags/v2',
        sourceRepositoryURI: 'https://github.com/acme/vision',
        sourceRepositoryRef: 'refs/tags/v2',
        sourceRepositoryOwnerURI: 'https://github.com/acme',
        buildTrigger: 'release',
        runnerEnvironment: 'self-hosted',
        runInvocationURI: 'https://github.com/acme/vision/actions/runs/99/attempts/3',
      });
    } finally {
      sigstore.setClaims({});
    }
  });

  test('SIGSTORE_ID_TOKEN is used when there is no explicit token, and an explicit token wins over it', async () => {
    const envToken = sigstore.mintToken({ repository: 'env/repo', job_workflow_ref: 'env/repo/.github/workflows/a.yml@refs/heads/main' });
    const flagToken = sigstore.mintToken({ repository: 'flag/repo', job_workflow_ref: 'flag/repo/.github/workflows/b.yml@refs/heads/main' });
    const oidcBefore = sigstore.requests.filter((r) => r.service === 'oidc').length;

    const fromEnv = await signStatement(makeStatement(), custom(sigstore, { env: { SIGSTORE_ID_TOKEN: envToken, ...sigstore.runnerEnv() } }));
    expect(fromEnv.signerIdentity).toBe('https://github.com/env/repo/.github/workflows/a.yml@refs/heads/main');

    const fromFlag = await signStatement(makeStatement(), custom(sigstore, { identityToken: flagToken, env: { SIGSTORE_ID_TOKEN: envToken } }));
    expect(fromFlag.signerIdentity).toBe('https://github.com/flag/repo/.github/workflows/b.yml@refs/heads/main');
    expect(sigstore.requests.filter((r) => r.service === 'oidc').length).toBe(oidcBefore);
  });

  test('a token for another audience is refused before Fulcio is asked', async () => {
    const token = sigstore.mintToken({}, 'https://github.com/acme');
    const fulcioBefore = sigstore.requests.filter((r) => r.service === 'fulcio').length;
    const err = await signStatement(makeStatement(), custom(sigstore, { identityToken: token, env: {} })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('identity-token-audience');
    expect((err as InputError).userMessage).toContain('"sigstore"');
    expect(sigstore.requests.filter((r) => r.service === 'fulcio').length).toBe(fulcioBefore);
  });

  test("Fulcio refuses a token from an issuer it does not trust, and the error names Fulcio and the fix", async () => {
    const foreign = other.mintToken();
    const err = await signStatement(makeStatement(), custom(sigstore, { identityToken: foreign, env: {} })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvenanceError);
    const e = err as ProvenanceError;
    expect(e.code).toBe('fulcio-refused');
    expect(e.exitCode).toBe(1);
    expect(e.message).toContain(sigstore.fulcioURL);
    expect(e.message).toContain('HTTP 401');
    expect(e.fix).toMatch(/identity token/);
  });

  test('the runner endpoint refusing the request token is a clear error', async () => {
    const err = await signStatement(
      makeStatement(),
      custom(sigstore, { env: { ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.oidcURL, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' } }),
    ).catch((e: unknown) => e);
    expect((err as ProvenanceError).code).toBe('oidc-refused');
    expect((err as ProvenanceError).fix).toContain('id-token: write');
  });

  test('without a TSA the bundle carries no RFC 3161 stamp and relies on the Rekor entry', async () => {
    const noTsa = await startSigstoreStandin({ tsa: false });
    try {
      const res = await signStatement(makeStatement(), custom(noTsa));
      expect((res.bundle as any).verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).toEqual([]);
      expect(res.rekorLogIndex).toMatch(/^\d+$/);
      expect(certificatePEM(res.bundle)).toContain('BEGIN CERTIFICATE');
    } finally {
      await noTsa.close();
    }
  });
});

describe('preflightIdentity', () => {
  test('in GitHub Actions without id-token: write it says exactly which permission to add', () => {
    let err: unknown;
    try {
      preflightIdentity({ instance: 'public-good', env: { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/models' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.code).toBe('missing-id-token-permission');
    expect(e.exitCode).toBe(2);
    expect(e.userMessage).toContain('id-token: write');
    expect(e.fix).toContain('permissions:');
  });

  test('outside Actions it names --identity-token and SIGSTORE_ID_TOKEN', () => {
    expect(() => preflightIdentity({ instance: 'public-good', env: {} })).toThrow(/SIGSTORE_ID_TOKEN/);
  });

  test('any one token source is enough', () => {
    expect(() => preflightIdentity({ instance: 'public-good', env: { SIGSTORE_ID_TOKEN: 'x.y.z' } })).not.toThrow();
    expect(() => preflightIdentity({ instance: 'public-good', identityToken: 'x.y.z', env: {} })).not.toThrow();
    expect(() =>
      preflightIdentity({ instance: 'public-good', env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' } }),
    ).not.toThrow();
  });
});

describe('instances', () => {
  test('public-good, github and custom resolve in one place', () => {
    expect(resolveEndpoints({ instance: 'public-good' })).toEqual({
      instance: 'public-good',
      fulcioURL: 'https://fulcio.sigstore.dev',
      rekorURL: 'https://rekor.sigstore.dev',
    });
    expect(resolveEndpoints({ instance: 'github' })).toEqual({
      instance: 'github',
      fulcioURL: 'https://fulcio.githubapp.com',
      tsaURL: 'https://timestamp.githubapp.com',
    });
    expect(resolveEndpoints({ instance: 'custom', fulcioURL: 'http://127.0.0.1:1/', rekorURL: 'http://127.0.0.1:2' })).toEqual({
      instance: 'custom',
      fulcioURL: 'http://127.0.0.1:1',
      rekorURL: 'http://127.0.0.1:2',
    });
  });

  test('the github instance has no transparency log witness, only the TSA', () => {
    const w = witnessesFor(resolveEndpoints({ instance: 'github' }));
    expect(w.map((x) => x.constructor.name)).toEqual(['TSAWitness']);
    expect(witnessesFor(resolveEndpoints({ instance: 'public-good' })).map((x) => x.constructor.name)).toEqual(['RekorWitness']);
  });

  test('custom without Rekor, URLs without custom, and non-http URLs are input errors', () => {
    expect(() => resolveEndpoints({ instance: 'custom', fulcioURL: 'https://f' })).toThrow(/--rekor-url/);
    expect(() => resolveEndpoints({ instance: 'public-good', fulcioURL: 'https://f' })).toThrow(/only used with the custom/);
    expect(() => resolveEndpoints({ instance: 'custom', fulcioURL: 'ftp://f', rekorURL: 'https://r' })).toThrow(/http\(s\) URL/);
  });
});
