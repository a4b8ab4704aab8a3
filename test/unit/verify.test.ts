import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { signStatement, type SignOptions } from '../../src/sign/index.js';
import { buildSlsaStatement } from '../../src/statement/slsa.js';
import { parseTrustedRoot, verifyBundle, type Verdict, type VerifyOptions } from '../../src/verify/index.js';
import { makeStatement } from '../fixtures/statements.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { modelDir, withPayload, withStatement, withoutTimestamps, withoutTlogEntries } from '../standins/sigstore/fixtures.js';

let a: SigstoreStandin; // the instance that signs
let b: SigstoreStandin; // another trust root
let bNoTsa: SigstoreStandin;
let models: Awaited<ReturnType<typeof modelDir>>;
let bundle: Record<string, unknown>;

const custom = (s: SigstoreStandin): SignOptions => ({
  instance: 'custom',
  fulcioURL: s.fulcioURL,
  rekorURL: s.rekorURL,
  ...(s.tsaURL ? { tsaURL: s.tsaURL } : {}),
  env: s.runnerEnv(),
});

const statementFor = (m: typeof models, extra: Parameters<typeof makeStatement>[0] = {}) =>
  makeStatement({ models: m.files.map((f) => ({ name: f.name, sha256: f.sha256 })), ...extra });

const opts = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({
  identity: { repo: 'acme/models' },
  customTrustedRoot: a.trustedRootPath,
  offline: true,
  subjects: models.files.map((f) => f.path),
  ...extra,
});

const statusOf = (v: Verdict) => Object.fromEntries(v.checks.map((c) => [c.name, c.status]));
const check = (v: Verdict, name: string) => v.checks.find((c) => c.name === name)!;

beforeAll(async () => {
  [a, b, bNoTsa] = await Promise.all([startSigstoreStandin(), startSigstoreStandin(), startSigstoreStandin({ tsa: false })]);
  models = await modelDir();
  bundle = (await signStatement(statementFor(models), custom(a))).bundle;
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), bNoTsa?.close()]);
});

describe('verifyBundle: an untouched bundle', () => {
  test('verifies, with every check in order and a plain reason', async () => {
    const v = await verifyBundle(bundle, opts());
    expect(v.verified).toBe(true);
    expect(v.failure).toBeUndefined();
    expect(v.checks.map((c) => c.name)).toEqual(['bundle', 'signature', 'certificate', 'transparency-log', 'timestamps', 'identity', 'subjects', 'statement', 'policy']);
    expect(statusOf(v)).toEqual({
      bundle: 'pass',
      signature: 'pass',
      certificate: 'pass',
      'transparency-log': 'pass',
      timestamps: 'pass',
      identity: 'pass',
      subjects: 'pass',
      statement: 'pass',
      policy: 'skip',
    });
    for (const c of v.checks) expect(c.reason.length).toBeGreaterThan(10);
    expect(check(v, 'timestamps').reason).toContain('1 transparency-log time(s) and 1 RFC 3161 timestamp(s)');
    expect(check(v, 'identity').reason).toContain('https://github.com/acme/models/.github/workflows/train.yml@refs/heads/main');
    expect(v.signer?.sourceRepositoryURI).toBe('https://github.com/acme/models');
    expect(v.subjects?.map((s) => s.subject)).toEqual(['model/weights.bin', 'model/config.json']);
    expect(v.rekorLogIndex).toBe((bundle as any).verificationMaterial.tlogEntries[0].logIndex);
  });

  test('a directory SUBJECT stands for each of its files', async () => {
    const v = await verifyBundle(bundle, opts({ subjects: [path.join(models.dir, 'model')] }));
    expect(v.verified).toBe(true);
    expect(v.subjects).toHaveLength(2);
  });

  test('the trusted root can be injected as an object (the action does this)', async () => {
    const root = parseTrustedRoot(JSON.parse(await readFile(a.trustedRootPath, 'utf8')), a.trustedRootPath);
    const v = await verifyBundle(bundle, { ...opts(), customTrustedRoot: undefined, trustedRoot: root });
    expect(v.verified).toBe(true);
  });

  test('signer workflow, exact identity, identity regexp and issuer all pass when they match', async () => {
    for (const identity of [
      { signerWorkflow: 'acme/models/.github/workflows/train.yml' },
      { signerWorkflow: 'acme/models/.github/workflows/train.yml@refs/heads/main' },
      { signerWorkflow: 'github.com/acme/models/.github/workflows/train.yml@main' },
      { repo: 'ACME/Models', certIdentity: 'https://github.com/acme/models/.github/workflows/train.yml@refs/heads/main' },
      { certIdentityRegexp: '^https://github\\.com/acme/models/', certOidcIssuer: 'https://token.actions.githubusercontent.com' },
    ]) {
      const v = await verifyBundle(bundle, opts({ identity }));
      expect({ identity, status: check(v, 'identity').status, reason: check(v, 'identity').reason }).toMatchObject({ status: 'pass' });
    }
  });
});

describe('verifyBundle: tampering and wrong signers fail with a clear reason', () => {
  test('one changed payload byte: the DSSE signature no longer verifies', async () => {
    const tampered = withPayload(bundle, (p) => {
      const copy = Buffer.from(p);
      const i = copy.indexOf('"lr":0.01');
      copy.write('"lr":0.02', i); // same length, one byte different
      return copy;
    });
    const v = await verifyBundle(tampered, opts());
    expect(v.verified).toBe(false);
    expect(check(v, 'signature')).toMatchObject({ status: 'fail' });
    expect(check(v, 'signature').reason).toContain('changed after signing');
    expect(check(v, 'transparency-log').status).toBe('fail');
    expect(v.failure).toMatch(/^signature: /);
    // Nothing from an unauthenticated payload is reported as passing.
    expect(statusOf(v)).toMatchObject({ identity: 'skip', subjects: 'skip', statement: 'skip', policy: 'skip' });
  });

  test('a changed model file: its digest matches no signed subject', async () => {
    const changed = path.join(models.dir, 'weights-changed.bin');
    await writeFile(changed, (await readFile(models.files[0]!.path, 'utf8')).replace('0.1', '0.9'));
    const v = await verifyBundle(bundle, opts({ subjects: [changed, models.files[1]!.path] }));
    expect(v.verified).toBe(false);
    expect(check(v, 'subjects').status).toBe('fail');
    expect(check(v, 'subjects').reason).toMatch(/1 of 2 file\(s\) match no signed subject digest: .*weights-changed\.bin/);
    expect(v.failure).toMatch(/^subjects: /);
  });

  test('a swapped subject: rewriting the signed digest to another file breaks the signature', async () => {
    const other = path.join(models.dir, 'other-model.bin');
    await writeFile(other, 'a different model');
    const { createHash } = await import('node:crypto');
    const otherDigest = createHash('sha256').update('a different model').digest('hex');
    const swapped = withStatement(bundle, (s) => {
      s.subject[0].digest.sha256 = otherDigest;
    });
    const v = await verifyBundle(swapped, opts({ subjects: [other] }));
    expect(v.verified).toBe(false);
    expect(v.failure).toMatch(/^signature: /);
    expect(check(v, 'subjects').status).toBe('skip');
  });

  test('wrong repository', async () => {
    const v = await verifyBundle(bundle, opts({ identity: { repo: 'evil/models' } }));
    expect(v.verified).toBe(false);
    expect(check(v, 'identity').reason).toContain('the source repository is acme/models, expected evil/models');
    expect(statusOf(v)).toMatchObject({ signature: 'pass', certificate: 'pass', identity: 'fail', subjects: 'skip' });
  });

  test('wrong workflow, wrong ref, wrong exact identity, non-matching regexp, wrong issuer', async () => {
    const cases: Array<[VerifyOptions['identity'], RegExp]> = [
      [{ signerWorkflow: 'acme/models/.github/workflows/release.yml' }, /signing workflow is https:\/\/github\.com\/acme\/models\/\.github\/workflows\/train\.yml@refs\/heads\/main, expected acme\/models\/\.github\/workflows\/release\.yml/],
      [{ signerWorkflow: 'acme/models/.github/workflows/train.yml@refs/heads/dev' }, /expected acme\/models\/\.github\/workflows\/train\.yml@refs\/heads\/dev/],
      [{ certIdentity: 'https://github.com/acme/models/.github/workflows/train.yml@refs/heads/dev' }, /expected exactly/],
      [{ certIdentityRegexp: '^https://github\\.com/other/' }, /does not match/],
      [{ repo: 'acme/models', certOidcIssuer: 'https://accounts.google.com' }, /OIDC issuer is https:\/\/token\.actions\.githubusercontent\.com, expected https:\/\/accounts\.google\.com/],
    ];
    for (const [identity, reason] of cases) {
      const v = await verifyBundle(bundle, opts({ identity }));
      expect(v.verified).toBe(false);
      expect(check(v, 'identity').status).toBe('fail');
      expect(check(v, 'identity').reason).toMatch(reason);
    }
  });

  test('--repo alone rejects a workflow from another repository (as gh does), --signer-workflow accepts it', async () => {
    a.setClaims({ job_workflow_ref: 'acme/shared/.github/workflows/reusable.yml@refs/heads/main' });
    let reusable: Record<string, unknown>;
    try {
      reusable = (await signStatement(statementFor(models), custom(a))).bundle;
    } finally {
      a.setClaims({});
    }
    const byRepo = await verifyBundle(reusable, opts());
    expect(check(byRepo, 'identity').reason).toContain('is not in acme/models');
    const byWorkflow = await verifyBundle(reusable, opts({ identity: { repo: 'acme/models', signerWorkflow: 'acme/shared/.github/workflows/reusable.yml' } }));
    expect(byWorkflow.verified).toBe(true);
  });

  test('removed transparency-log entry', async () => {
    const v = await verifyBundle(withoutTlogEntries(bundle), opts());
    expect(v.verified).toBe(false);
    expect(check(v, 'transparency-log').status).toBe('fail');
    expect(check(v, 'transparency-log').reason).toContain('no transparency-log entry (1 required)');
    expect(v.failure).toMatch(/^transparency-log: /);
  });

  test('removed tlog entry and TSA stamp: no verifiable time at all', async () => {
    const v = await verifyBundle(withoutTimestamps(withoutTlogEntries(bundle)), opts());
    expect(v.verified).toBe(false);
    expect(check(v, 'timestamps').reason).toContain('no verifiable timestamp');
  });

  test('a bundle from another Sigstore instance (second stand-in) fails against this trust root', async () => {
    const foreign = (await signStatement(statementFor(models), custom(b))).bundle;
    const v = await verifyBundle(foreign, opts());
    expect(v.verified).toBe(false);
    // Its TSA stamp is checked first and is not from a trusted authority.
    expect(check(v, 'timestamps').reason).toContain('not issued by a timestamp authority in the trusted root');
    // The same bundle verifies against its own root, so the failure is about trust, not shape.
    expect((await verifyBundle(foreign, opts({ customTrustedRoot: b.trustedRootPath }))).verified).toBe(true);
  });

  test('a bundle from another instance without TSA: the certificate chain is what fails', async () => {
    const foreign = (await signStatement(statementFor(models), custom(bNoTsa))).bundle;
    const v = await verifyBundle(foreign, opts());
    expect(v.verified).toBe(false);
    expect(check(v, 'certificate').status).toBe('fail');
    expect(check(v, 'certificate').reason).toContain('does not chain to a certificate authority in the trusted root');
    expect(check(v, 'signature').status).toBe('pass');
  });

  test('not a bundle at all: bundle fails and nothing else is checked', async () => {
    const v = await verifyBundle({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', hello: 1 }, opts());
    expect(v.verified).toBe(false);
    expect(check(v, 'bundle').reason).toContain('not a valid Sigstore bundle');
    expect(v.checks.filter((c) => c.status === 'skip')).toHaveLength(8);
  });
});

describe('verifyBundle: statement and policy', () => {
  test('policy: an incomplete record fails under standard; the same record passes under none', async () => {
    const thin = (await signStatement(statementFor(models, { datasets: [], steps: [] }), custom(a))).bundle;
    const strictV = await verifyBundle(thin, opts({ policy: 'standard' }));
    expect(strictV.verified).toBe(false);
    expect(check(strictV, 'policy').status).toBe('fail');
    expect(check(strictV, 'policy').reason).toMatch(/incomplete under policy "standard": .*datasets/);
    expect(strictV.policy?.missing.length).toBeGreaterThan(0);
    const none = await verifyBundle(thin, opts({ policy: 'none' }));
    expect(check(none, 'policy').status).toBe('pass');
    expect(none.verified).toBe(true);
  });

  test('a signed statement that is not a valid training record fails the statement check', async () => {
    const bad = makeStatement() as any;
    bad.predicate.metrics = [{ name: 'loss', value: 'high' }];
    const signed = (await signStatement(bad, custom(a))).bundle;
    const v = await verifyBundle(signed, opts({ subjects: [] }));
    expect(v.verified).toBe(false);
    expect(check(v, 'statement').reason).toContain('predicate.metrics[0].value');
    expect(check(v, 'subjects').status).toBe('skip');
  });

  test('the companion SLSA provenance bundle verifies too (statement is SLSA v1), but not when a policy asks for a training record', async () => {
    const slsa = buildSlsaStatement(statementFor(models), {
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      repository: 'acme/models',
      sha: 'a'.repeat(40),
      ref: 'refs/heads/main',
      workflowRef: 'acme/models/.github/workflows/train.yml@refs/heads/main',
      runId: '4242',
      runAttempt: '1',
      eventName: 'push',
      runner: { environment: 'github-hosted' },
      event: {},
    });
    const signed = (await signStatement(slsa, custom(a))).bundle;
    const v = await verifyBundle(signed, opts({}));
    expect(v.verified).toBe(true);
    expect(v.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(check(v, 'statement').reason).toContain('SLSA provenance v1');
    expect(check(v, 'policy').status).toBe('skip');
    const withPolicy = await verifyBundle(signed, opts({ policy: 'standard' }));
    expect(withPolicy.verified).toBe(false);
    expect(check(withPolicy, 'policy').status).toBe('fail');
    expect(check(withPolicy, 'policy').reason).toMatch(/carries no ml-provenance training record \(predicate type https:\/\/slsa\.dev\/provenance\/v1\)/);
  });
});

describe('verifyBundle: usage errors are thrown before any check (exit 2)', () => {
  test('no expected identity', async () => {
    const err = await verifyBundle(bundle, opts({ identity: {} })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).userMessage).toMatch(/--repo OWNER\/REPO/);
  });
  test('conflicting identity flags, bad repo, bad regexp', async () => {
    await expect(verifyBundle(bundle, opts({ identity: { certIdentity: 'x', certIdentityRegexp: 'y' } }))).rejects.toThrow(/mutually exclusive/);
    await expect(verifyBundle(bundle, opts({ identity: { repo: 'not-a-repo' } }))).rejects.toThrow(/OWNER\/REPO/);
    await expect(verifyBundle(bundle, opts({ identity: { certIdentityRegexp: '(' } }))).rejects.toThrow(/not a valid regular expression/);
  });
  test('a SUBJECT that does not exist', async () => {
    await expect(verifyBundle(bundle, opts({ subjects: ['/nonexistent/model.bin'] }))).rejects.toMatchObject({ code: 'subject-not-found', exitCode: 2 });
  });
  test('a trusted root that is not one', async () => {
    const bad = path.join(models.dir, 'not-a-root.json');
    await writeFile(bad, JSON.stringify({ mediaType: 'x', tlogs: [] }));
    await expect(verifyBundle(bundle, opts({ customTrustedRoot: bad }))).rejects.toMatchObject({ code: 'bad-trusted-root', exitCode: 2 });
  });
});

describe('an instance without a transparency log (like GitHub\'s private Sigstore)', () => {
  // Fulcio + a timestamp authority, no Rekor: what the action's `sigstore: github` produces.
  const tsaOnly = (s: SigstoreStandin): SignOptions => ({ instance: 'custom', fulcioURL: s.fulcioURL, tsaURL: s.tsaURL!, env: s.runnerEnv() });

  test('signing needs a witness: Rekor or a timestamp authority', async () => {
    await expect(signStatement(statementFor(models), { instance: 'custom', fulcioURL: a.fulcioURL, env: a.runnerEnv() })).rejects.toThrow(/needs --rekor-url/);
  });

  test('its bundles verify against its trusted root (no log in it), with the signing time from the TSA', async () => {
    const signed = (await signStatement(statementFor(models), tsaOnly(a))).bundle as { verificationMaterial: { tlogEntries: unknown[] } };
    expect(signed.verificationMaterial.tlogEntries ?? []).toEqual([]);
    const root = JSON.parse(await readFile(a.trustedRootPath, 'utf8')) as Record<string, unknown>;
    const noLog = path.join(path.dirname(a.trustedRootPath), 'trusted_root.no-log.json');
    await writeFile(noLog, JSON.stringify({ ...root, tlogs: [] }));
    const v = await verifyBundle(signed, opts({ customTrustedRoot: noLog }));
    expect(v.verified, v.failure).toBe(true);
    expect(check(v, 'transparency-log').status).toBe('skip');
    expect(check(v, 'transparency-log').reason).toMatch(/has no transparency log/);
    expect(check(v, 'timestamps').reason).toMatch(/1 RFC 3161 timestamp/);
  });

  test('the same bundle fails against a trusted root that has a log: the log cannot be skipped by leaving it out', async () => {
    const signed = (await signStatement(statementFor(models), tsaOnly(a))).bundle;
    const v = await verifyBundle(signed, opts());
    expect(v.verified).toBe(false);
    expect(check(v, 'transparency-log').status).toBe('fail');
  });

  test('without a timestamp either, nothing proves the signing time: it fails', async () => {
    const signed = (await signStatement(statementFor(models), tsaOnly(a))).bundle;
    const root = JSON.parse(await readFile(a.trustedRootPath, 'utf8')) as Record<string, unknown>;
    const noLog = path.join(path.dirname(a.trustedRootPath), 'trusted_root.no-log-2.json');
    await writeFile(noLog, JSON.stringify({ ...root, tlogs: [] }));
    const v = await verifyBundle(withoutTimestamps(signed), opts({ customTrustedRoot: noLog }));
    expect(v.verified).toBe(false);
    expect(check(v, 'timestamps').status).toBe('fail');
  });
});
