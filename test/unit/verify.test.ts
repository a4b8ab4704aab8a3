import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { signStatement, type SignOptions } from '../../src/sign/index.js';
import { buildSlsaStatement } from '../../src/statement/slsa.js';
import { parseTrustedRoot, verifyBundle, type Verdict, type VerifyOptions } from '../../src/verify/index.js';
import { makeStatement } from '../fixtures/statements.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { asBuiltBy } from '../standins/sigstore/oidc.js';
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

// Built by the run the stand-in's tokens name (acme/models, run 4242), as a real build and its signature are.
const statementFor = (m: typeof models, extra: Parameters<typeof makeStatement>[0] = {}) =>
  asBuiltBy(makeStatement({ models: m.files.map((f) => ({ name: f.name, sha256: f.sha256 })), ...extra }));

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
    expect(v.checks.map((c) => c.name)).toEqual(['bundle', 'signature', 'certificate', 'transparency-log', 'timestamps', 'identity', 'source', 'subjects', 'statement', 'policy']);
    expect(statusOf(v)).toEqual({
      bundle: 'pass',
      signature: 'pass',
      certificate: 'pass',
      'transparency-log': 'pass',
      timestamps: 'pass',
      identity: 'pass',
      source: 'pass',
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

  test('a bundle from another instance without TSA: its log is unknown, and nothing that needs a verified time passes', async () => {
    const foreign = (await signStatement(statementFor(models), custom(bNoTsa))).bundle;
    const v = await verifyBundle(foreign, opts());
    expect(v.verified).toBe(false);
    expect(v.failure).toMatch(/^transparency-log: the entry is from a transparency log the trusted root does not list .*; signed with another Sigstore instance, or forged$/);
    // The certificate cannot be checked without a verified signing time, and a signature
    // by an unverified certificate's key is not reported as passing.
    expect(check(v, 'certificate')).toMatchObject({ status: 'skip', reason: expect.stringMatching(/^not checked because transparency-log failed/) });
    expect(check(v, 'timestamps')).toMatchObject({ status: 'skip', reason: expect.stringMatching(/^not checked because transparency-log failed/) });
    expect(check(v, 'signature')).toMatchObject({ status: 'skip', reason: expect.stringMatching(/^not checked because transparency-log failed: the signature matches the certificate's key/) });
  });

  test('not a bundle at all: bundle fails and nothing else is checked', async () => {
    const v = await verifyBundle({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', hello: 1 }, opts());
    expect(v.verified).toBe(false);
    expect(check(v, 'bundle').reason).toBe('not a Sigstore bundle: verificationMaterial: expected object; unknown field(s) hello');
    expect(v.checks.filter((c) => c.status === 'skip')).toHaveLength(9);
    expect(v.checks.filter((c) => c.status === 'skip').every((c) => c.reason === 'not checked because bundle failed')).toBe(true);
  });
});

describe('verifyBundle: the statement\'s claimed source must be the certificate\'s (source check)', () => {
  const signedAs = async (statement: object) => (await signStatement(statement, custom(a))).bundle;
  /** Signed with a token carrying these claims instead of the default run's. */
  const signedWith = async (statement: object, claims: Parameters<SigstoreStandin['setClaims']>[0]) => {
    a.setClaims(claims);
    try {
      return await signedAs(statement);
    } finally {
      a.setClaims({});
    }
  };
  /** The default run's record (acme/models, train.yml on main, commit a…a, run 4242) with `edit` applied. */
  const edited = (edit: (p: any) => void) => {
    const st = statementFor(models) as any;
    edit(st.predicate);
    return st as object;
  };
  const LOCAL = 'https://ml-provenance.dev/training-record/local/v1';
  const VICTIM = 'https://github.com/victim/models';
  /** A record built outside GitHub Actions: local build type and builder, no workflow, no run, the source as `git` found it. */
  const local = (sourceUri: string, gitCommit = 'a'.repeat(40)) =>
    edited((p) => {
      p.buildDefinition.buildType = LOCAL;
      delete p.buildDefinition.externalParameters.workflow;
      delete p.runDetails.metadata.invocationId;
      p.runDetails.builder.id = 'https://ml-provenance.dev/builders/local';
      p.buildDefinition.resolvedDependencies[0] = { uri: sourceUri, digest: { gitCommit }, name: 'source' };
    });

  // The stand-in's tokens are acme/models' train.yml on refs/heads/main, commit a…a, run 4242 attempt 1.
  test.each([
    ['another repository (the spoof)', { repository: 'victim/models', workflow_ref: 'victim/models/.github/workflows/train.yml@refs/heads/main' }, /externalParameters\.workflow\.repository names https:\/\/github\.com\/victim\/models, but the certificate's Source Repository URI \(1\.3\.6\.1\.4\.1\.57264\.1\.12\) is https:\/\/github\.com\/acme\/models/],
    ['another workflow', { workflow_ref: 'acme/models/.github/workflows/other.yml@refs/heads/main' }, /externalParameters\.workflow names https:\/\/github\.com\/acme\/models\/\.github\/workflows\/other\.yml@refs\/heads\/main, but the certificate's Build Config URI \(1\.3\.6\.1\.4\.1\.57264\.1\.18\) is https:\/\/github\.com\/acme\/models\/\.github\/workflows\/train\.yml@refs\/heads\/main/],
    ['another ref', { ref: 'refs/heads/dev', workflow_ref: 'acme/models/.github/workflows/train.yml@refs/heads/dev' }, /resolvedDependencies\[0\]\.uri names refs\/heads\/dev, but the certificate's Source Repository Ref \(1\.3\.6\.1\.4\.1\.57264\.1\.14\) is refs\/heads\/main/],
    ['another commit', { sha: 'b'.repeat(40) }, new RegExp(`gitCommit names ${'b'.repeat(40)}, but the certificate's Source Repository Digest \\(1\\.3\\.6\\.1\\.4\\.1\\.57264\\.1\\.13\\) is ${'a'.repeat(40)}`)],
    ['another run', { run_id: '9999' }, /invocationId names https:\/\/github\.com\/acme\/models\/actions\/runs\/9999\/attempts\/1, but the certificate's Run Invocation URI \(1\.3\.6\.1\.4\.1\.57264\.1\.21\) is https:\/\/github\.com\/acme\/models\/actions\/runs\/4242\/attempts\/1/],
  ])('%s: identity passes (the signer is who --repo names), source fails and says which claim', async (_name, claims, reason) => {
    const v = await verifyBundle(await signedAs(asBuiltBy(statementFor(models), claims)), opts());
    expect(v.verified).toBe(false);
    expect(statusOf(v)).toMatchObject({ signature: 'pass', certificate: 'pass', identity: 'pass', source: 'fail' });
    expect(check(v, 'source').reason).toMatch(reason);
    expect(v.failure).toMatch(/^source: /);
  });

  // A field the old check did not compare, edited alone (issue: the source check can be sidestepped). Each names
  // victim/models where the summary, lineage or the store show it; each fails, whatever the buildType says.
  test.each([
    ['depuri: only the source dependency\'s uri', (p: any) => (p.buildDefinition.resolvedDependencies[0].uri = `git+${VICTIM}@refs/heads/main`), /resolvedDependencies\[0\]\.uri names https:\/\/github\.com\/victim\/models, but the certificate's Source Repository URI/],
    ['noworkflow: the workflow deleted and the uri changed', (p: any) => {
      delete p.buildDefinition.externalParameters.workflow;
      p.buildDefinition.resolvedDependencies[0].uri = `git+${VICTIM}@refs/heads/main`;
    }, /resolvedDependencies\[0\]\.uri names https:\/\/github\.com\/victim\/models/],
    ['localtype: local build type, another repository\'s run as invocationId', (p: any) => {
      p.buildDefinition.buildType = LOCAL;
      p.buildDefinition.externalParameters.workflow.repository = VICTIM;
      p.buildDefinition.resolvedDependencies[0].uri = `git+${VICTIM}@refs/heads/main`;
      p.runDetails.metadata.invocationId = `${VICTIM}/actions/runs/99/attempts/1`;
    }, /invocationId names https:\/\/github\.com\/victim\/models\/actions\/runs\/99\/attempts\/1, but the certificate's Run Invocation URI/],
    ['localtype, nothing else: only invocationId names another run', (p: any) => {
      p.buildDefinition.buildType = LOCAL;
      p.runDetails.metadata.invocationId = `${VICTIM}/actions/runs/99/attempts/1`;
    }, /invocationId names .*victim\/models\/actions\/runs\/99/],
    ['a run URL on another host (lineage still labels it "run 99")', (p: any) => {
      p.buildDefinition.buildType = LOCAL;
      p.runDetails.metadata.invocationId = 'https://ci.example/victim/models/actions/runs/99';
    }, /invocationId names https:\/\/ci\.example\/victim\/models\/actions\/runs\/99, but/],
    ['the builder id names another workflow', (p: any) => (p.runDetails.builder.id = `${VICTIM}/.github/workflows/train.yml@refs/heads/main`), /builder\.id names https:\/\/github\.com\/victim\/models\/\.github\/workflows\/train\.yml@refs\/heads\/main, but the certificate's Build Config URI \(1\.3\.6\.1\.4\.1\.57264\.1\.18\) or Build Signer URI/],
    ['the builder id names another repository', (p: any) => (p.runDetails.builder.id = VICTIM), /builder\.id names https:\/\/github\.com\/victim\/models, but/],
    ['a local record whose source is victim/models, over ssh', (p: any) => {
      p.buildDefinition.buildType = LOCAL;
      p.buildDefinition.resolvedDependencies[0].uri = 'git+git@github.com:victim/models.git@refs/heads/main';
    }, /resolvedDependencies\[0\]\.uri names https:\/\/github\.com\/victim\/models, but/],
    ['a local record whose source uri is not OWNER/REPO on github.com', (p: any) => {
      p.buildDefinition.buildType = LOCAL;
      p.buildDefinition.resolvedDependencies[0].uri = `git+${VICTIM}/extra@refs/heads/main`;
    }, /resolvedDependencies\[0\]\.uri names git\+https:\/\/github\.com\/victim\/models\/extra@refs\/heads\/main, but/],
    ['a second dependency named source', (p: any) => p.buildDefinition.resolvedDependencies.push({ uri: `git+${VICTIM}@refs/heads/main`, name: 'source' }), /resolvedDependencies\[2\]\.uri names https:\/\/github\.com\/victim\/models/],
    ['internalParameters.github.repository', (p: any) => (p.buildDefinition.internalParameters = { github: { repository: 'victim/models' } }), /internalParameters\.github\.repository names victim\/models, but/],
  ])('%s: source fails naming the field', async (_name, edit, reason) => {
    const v = await verifyBundle(await signedAs(edited(edit)), opts());
    expect(statusOf(v)).toMatchObject({ signature: 'pass', identity: 'pass', source: 'fail' });
    expect(check(v, 'source').reason).toMatch(reason);
    expect(v.verified).toBe(false);
  });

  test('the workflow and its repository are one claim: one problem, not two', async () => {
    const v = await verifyBundle(await signedAs(edited((p) => (p.buildDefinition.externalParameters.workflow.repository = VICTIM))), opts());
    expect(check(v, 'source').reason.match(/ names /g)).toHaveLength(1);
  });

  test('the same claims pass: another attempt of the same run, OWNER/REPO without a host, a repository spelt in other case', async () => {
    const st = statementFor(models) as any;
    st.predicate.runDetails.metadata.invocationId = 'https://github.com/acme/models/actions/runs/4242/attempts/2';
    st.predicate.buildDefinition.externalParameters.workflow.repository = 'ACME/Models';
    st.predicate.buildDefinition.resolvedDependencies[0].uri = 'git+https://github.com/Acme/Models.git@refs/heads/main';
    const v = await verifyBundle(await signedAs(st), opts());
    expect(check(v, 'source')).toMatchObject({ status: 'pass' });
    expect(check(v, 'source').reason).toContain('repository, workflow, ref, commit, run agree with the certificate (https://github.com/acme/models)');
    expect(v.verified).toBe(true);
  });

  test('a reusable workflow: the signer (SAN) is the reusable one, the statement names the caller, as Fulcio\'s build config URI does', async () => {
    const reusable = await signedWith(statementFor(models), { job_workflow_ref: 'acme/shared/.github/workflows/reusable.yml@refs/heads/main' });
    const v = await verifyBundle(reusable, opts({ identity: { repo: 'acme/models', signerWorkflow: 'acme/shared/.github/workflows/reusable.yml' } }));
    expect(v.signer?.subjectAlternativeName).toContain('acme/shared');
    expect(check(v, 'source').status).toBe('pass');
    expect(v.verified).toBe(true);
  });

  test('a builder id naming the reusable workflow that signed (Build Signer URI) passes, as slsa-github-generator writes it', async () => {
    const st = edited((p) => (p.runDetails.builder.id = 'https://github.com/acme/shared/.github/workflows/reusable.yml@refs/heads/main'));
    const v = await verifyBundle(await signedWith(st, { job_workflow_ref: 'acme/shared/.github/workflows/reusable.yml@refs/heads/main' }), opts({ identity: { repo: 'acme/models', signerWorkflow: 'acme/shared/.github/workflows/reusable.yml' } }));
    expect(check(v, 'source').status).toBe('pass');
  });

  test('a record built outside GitHub Actions that names no GitHub source or run: nothing to compare, it passes', async () => {
    const v = await verifyBundle(await signedAs(local('git+file:.', 'c'.repeat(40))), opts());
    expect(check(v, 'source').reason).toContain('names no GitHub repository, workflow, commit or run');
    expect(v.verified).toBe(true);
  });

  test('a local build of the signer\'s repository and commit (a container step without GITHUB_* variables) passes; at another commit it fails', async () => {
    const same = await verifyBundle(await signedAs(local('git+https://github.com/acme/models.git@refs/heads/main')), opts());
    expect(check(same, 'source')).toMatchObject({ status: 'pass', reason: expect.stringContaining('repository, ref, commit agree') });
    expect(same.verified).toBe(true);
    const other = await verifyBundle(await signedAs(local('git+git@github.com:acme/models.git', 'c'.repeat(40))), opts());
    expect(check(other, 'source').reason).toMatch(/resolvedDependencies\[0\]\.digest\.gitCommit names c{40}, but the certificate's Source Repository Digest/);
  });

  describe('signed outside GitHub Actions (a certificate with no source repository, ref, commit, build config or run)', () => {
    // The stand-in's Fulcio writes an extension only for a claim the token has (and needs a SAN: job_workflow_ref).
    const bare = { repository: '', ref: '', sha: '', workflow_ref: '', run_id: '', job_workflow_ref: 'acme/models/.github/workflows/train.yml@refs/heads/main' };
    const asSigner = (v: Verdict) => ({ identity: { certIdentity: v.signer!.subjectAlternativeName! } });

    test('a record claiming a GitHub source or run fails: the certificate cannot vouch for it', async () => {
      const b = await signedWith(statementFor(models), bare);
      const probe = await verifyBundle(b, opts());
      expect(probe.signer?.sourceRepositoryURI).toBeUndefined();
      const v = await verifyBundle(b, opts(asSigner(probe)));
      expect(check(v, 'identity').status).toBe('pass');
      expect(check(v, 'source').status).toBe('fail');
      expect(check(v, 'source').reason).toMatch(/^buildDefinition\.externalParameters\.workflow\.repository names the GitHub repository https:\/\/github\.com\/acme\/models, but the certificate has no Source Repository URI \(1\.3\.6\.1\.4\.1\.57264\.1\.12\) to vouch for it \(not signed in GitHub Actions\)/);
      expect(check(v, 'source').reason).toMatch(/invocationId names the GitHub run .* no Run Invocation URI/);
    });

    test('a local record whose only GitHub field is its source remote fails; one with a file: remote passes', async () => {
      const gh = await signedWith(local('git+https://github.com/acme/models.git@refs/heads/main'), bare);
      const probe = await verifyBundle(gh, opts());
      expect(check(await verifyBundle(gh, opts(asSigner(probe))), 'source').reason).toMatch(/resolvedDependencies\[0\]\.uri names the GitHub repository https:\/\/github\.com\/acme\/models, but the certificate has no Source Repository URI/);
      const file = await verifyBundle(await signedWith(local('git+file:.'), bare), opts(asSigner(probe)));
      expect(check(file, 'source').status).toBe('pass');
      expect(file.verified).toBe(true);
    });
  });

  test('the companion SLSA provenance is compared too: one naming another repository fails', async () => {
    const slsa = buildSlsaStatement(statementFor(models), {
      serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', repository: 'victim/models', sha: 'a'.repeat(40), ref: 'refs/heads/main',
      workflowRef: 'victim/models/.github/workflows/train.yml@refs/heads/main', runId: '4242', runAttempt: '1', eventName: 'push', runner: {}, event: {},
    });
    const v = await verifyBundle(await signedAs(slsa), opts({ subjects: [] }));
    expect(check(v, 'source').status).toBe('fail');
    expect(check(v, 'source').reason).toContain('victim/models');
  });

  test('GitHub\'s own SLSA provenance (actions/attest-build-provenance): its runner builder id names no repository', async () => {
    const slsa = buildSlsaStatement(statementFor(models), {
      serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', repository: 'acme/models', sha: 'a'.repeat(40), ref: 'refs/heads/main',
      workflowRef: 'acme/models/.github/workflows/train.yml@refs/heads/main', runId: '4242', runAttempt: '1', eventName: 'push', runner: {}, event: {},
    }) as any;
    slsa.predicate.runDetails.builder.id = 'https://github.com/actions/runner/github-hosted';
    const v = await verifyBundle(await signedAs(slsa), opts({ subjects: [] }));
    expect(check(v, 'source')).toMatchObject({ status: 'pass', reason: expect.stringContaining('repository, workflow, ref, commit, run agree') });
  });
});

describe('verifyBundle: a damaged certificate is a failed bundle, not an unexpected failure', () => {
  // One bit flipped inside the certificate's public key: the certificate still parses, the key does not.
  const flipCertificate = (b: Record<string, unknown>, at: number) => {
    const out = structuredClone(b) as any;
    const der = Buffer.from(out.verificationMaterial.certificate.rawBytes, 'base64');
    der[at] = der[at]! ^ 1;
    out.verificationMaterial.certificate.rawBytes = der.toString('base64');
    return out as Record<string, unknown>;
  };
  test.each([150, 200])('a bit flipped at DER byte %i', async (at) => {
    const v = await verifyBundle(flipCertificate(bundle, at), opts());
    expect(v.verified).toBe(false);
    expect(check(v, 'bundle').status).toBe('fail');
    expect(check(v, 'bundle').reason).toMatch(/signing certificate cannot be read/);
    expect(v.checks.filter((c) => c.name !== 'bundle').every((c) => c.status === 'skip')).toBe(true);
  });
  test('the outer SEQUENCE tag changed (0x30 → 0x31): fails bundle, as openssl and cosign refuse it', async () => {
    const v = await verifyBundle(flipCertificate(bundle, 0), opts());
    expect(v.verified).toBe(false);
    expect(check(v, 'bundle').reason).toMatch(/signing certificate cannot be read: it is not a valid DER X\.509 certificate/);
    // openssl, the outside reader, refuses the same bytes.
    const der = Buffer.from((flipCertificate(bundle, 0) as any).verificationMaterial.certificate.rawBytes, 'base64');
    const r = spawnSync('openssl', ['x509', '-inform', 'DER', '-noout', '-subject'], { input: der });
    expect(r.status).not.toBe(0);
    const original = spawnSync('openssl', ['x509', '-inform', 'DER', '-noout', '-subject'], { input: Buffer.from((bundle as any).verificationMaterial.certificate.rawBytes, 'base64') });
    expect(original.status).toBe(0);
  });
  test('every single-bit flip of the certificate gives a verdict (never a thrown error), and none verifies', async () => {
    const der = Buffer.from((bundle as any).verificationMaterial.certificate.rawBytes, 'base64');
    // From byte 0: the outer SEQUENCE tag is covered by no signature and @sigstore/core reads 0x31 as 0x30; openssl and cosign refuse it, so do we.
    for (let at = 0; at < der.length; at += 7) {
      const v = await verifyBundle(flipCertificate(bundle, at), opts());
      expect({ at, verified: v.verified }).toEqual({ at, verified: false });
    }
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
    const bad = asBuiltBy(makeStatement()) as any;
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

// Issue 13: where sigstore-js was more lenient than cosign / sigstore-go. The same
// altered bundles are run through cosign and sigstore-go in test/e2e/reference-verifiers.test.ts.
type BundleJSON = { mediaType: string; verificationMaterial: { tlogEntries: Record<string, any>[]; timestampVerificationData?: unknown } } & Record<string, unknown>;
const edit = (b: Record<string, unknown>, f: (x: BundleJSON) => void): Record<string, unknown> => {
  const copy = JSON.parse(JSON.stringify(b)) as BundleJSON;
  f(copy);
  return copy;
};
const flipBit = (b64: string): string => {
  const buf = Buffer.from(b64, 'base64');
  buf[0] = buf[0]! ^ 1;
  return buf.toString('base64');
};
const JS_INTERNALS = /Cannot read properties|Maximum call stack|is not a function|undefined \(reading|is not iterable/;

describe('verifyBundle: an inclusion proof must agree with its signed checkpoint (patched @sigstore/verify)', () => {
  test.each([
    ['one bit of inclusionProof.rootHash flipped', (x: BundleJSON) => (x.verificationMaterial.tlogEntries[0]!.inclusionProof.rootHash = flipBit(x.verificationMaterial.tlogEntries[0]!.inclusionProof.rootHash)), /root hash does not match checkpoint/],
    ['inclusionProof.treeSize set to 5', (x: BundleJSON) => (x.verificationMaterial.tlogEntries[0]!.inclusionProof.treeSize = '5'), /tree size does not match checkpoint/],
  ])('%s: transparency-log fails; the TSA-attested checks stand on their own', async (_name, change, message) => {
    const v = await verifyBundle(edit(bundle, change), opts());
    expect(v.verified).toBe(false);
    expect(v.failure).toMatch(/^transparency-log: the transparency-log entry's proof of inclusion does not verify against the log's signed checkpoint/);
    expect(check(v, 'transparency-log').reason).toMatch(message);
    // The bundle has an RFC 3161 timestamp: the signing time comes from it alone.
    expect(check(v, 'timestamps')).toMatchObject({ status: 'pass', reason: expect.stringContaining('the transparency-log time is not counted: transparency-log failed') });
    expect(statusOf(v)).toMatchObject({ certificate: 'pass', signature: 'pass', identity: 'skip', subjects: 'skip', statement: 'skip' });
  });
});

describe('verifyBundle: an entry moved in time is a log failure, and dependent checks never pass', () => {
  const moved = (b: Record<string, unknown>) => edit(b, (x) => (x.verificationMaterial.tlogEntries[0]!.integratedTime = String(Number(x.verificationMaterial.tlogEntries[0]!.integratedTime) + 3600)));

  test('integratedTime + 1 hour, no RFC 3161 timestamp: the SET is named, timestamps/certificate/signature are not checked because of it', async () => {
    const v = await verifyBundle(moved(withoutTimestamps(bundle)), opts());
    expect(v.failure).toMatch(/^transparency-log: the log entry's time is not verified: its signed entry timestamp \(SET\) does not verify/);
    expect(v.failure).not.toMatch(/chain|forged/);
    expect(check(v, 'timestamps')).toMatchObject({ status: 'skip', reason: expect.stringMatching(/^not checked because transparency-log failed: the log entry's time/) });
    expect(check(v, 'certificate')).toMatchObject({ status: 'skip', reason: expect.stringMatching(/^not checked because transparency-log failed/) });
    expect(check(v, 'signature')).toMatchObject({ status: 'skip', reason: expect.stringMatching(/^not checked because transparency-log failed/) });
    expect(v.checks.filter((c) => c.status === 'pass').map((c) => c.name)).toEqual(['bundle']);
  });

  test('integratedTime + 1 hour with an RFC 3161 timestamp: same failure; the time comes from the TSA only', async () => {
    const v = await verifyBundle(moved(bundle), opts());
    expect(v.failure).toMatch(/^transparency-log: the log entry's time is not verified/);
    expect(check(v, 'timestamps').reason).toMatch(/^signing time attested by 1 RFC 3161 timestamp\(s\) from a trusted authority \(the transparency-log time is not counted/);
    expect(check(v, 'certificate').status).toBe('pass');
  });

  test('a changed payload without a TSA stamp: the log entry is for something else, so its (signed) time is not this signature\'s', async () => {
    const v = await verifyBundle(withPayload(withoutTimestamps(bundle), (p) => Buffer.from(p.toString('utf8').replace('"model/', '"modeL/'))), opts());
    expect(check(v, 'signature').status).toBe('fail');
    expect(check(v, 'transparency-log').reason).toMatch(/records a different signature or payload/);
    expect(check(v, 'timestamps').reason).toBe(
      "not checked because transparency-log failed: the log entry records another signature or payload, so its time is not this signature's, and the bundle has no RFC 3161 timestamp",
    );
    expect(check(v, 'certificate').status).toBe('skip');
  });

  test('a certificate from another instance: the signature is not reported as passing beside it', async () => {
    const foreign = (await signStatement(statementFor(models), custom(bNoTsa))).bundle;
    const v = await verifyBundle(foreign, opts());
    for (const c of v.checks.filter((x) => x.status === 'pass')) expect(c.name).toBe('bundle');
    expect(v.checks.map((c) => c.reason).join('\n')).not.toMatch(/not trusted: see below/);
  });
});

describe('verifyBundle: unknown formats fail closed; non-bundles never leak JavaScript internals', () => {
  test.each([
    ['mediaType v0.9', (x: BundleJSON) => (x.mediaType = 'application/vnd.dev.sigstore.bundle.v0.9+json'), /^a Sigstore bundle of a version this verifier does not know \(mediaType "application\/vnd\.dev\.sigstore\.bundle\.v0\.9\+json"; known: v0\.1 to v0\.3\)$/],
    ['mediaType version=0.4', (x: BundleJSON) => (x.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.4'), /version this verifier does not know/],
    ['an unknown top-level field', (x: BundleJSON) => (x.extra = 1), /^a Sigstore bundle with unknown field\(s\) extra: /],
    ['an unknown field in a log entry', (x: BundleJSON) => (x.verificationMaterial.tlogEntries[0]!.note = 'x'), /unknown field\(s\) verificationMaterial\.tlogEntries\[0\]\.note/],
  ])('%s: refused before any check', async (_name, change, reason) => {
    const v = await verifyBundle(edit(bundle, change), opts());
    expect(v.verified).toBe(false);
    expect(check(v, 'bundle')).toMatchObject({ status: 'fail', reason: expect.stringMatching(reason) });
  });

  test('a DSSE key id (an unsigned hint cosign and sigstore-go check) fails the bundle check; a base64 error is named', async () => {
    const v = await verifyBundle(edit(bundle, (x) => ((x as any).dsseEnvelope.signatures[0].keyid = 'abc')), opts());
    expect(check(v, 'bundle')).toMatchObject({ status: 'fail', reason: expect.stringMatching(/^the DSSE signature names key id "abc"/) });
    const b64 = await verifyBundle(edit(bundle, (x) => ((x as any).dsseEnvelope.payload = '!!!')), opts());
    expect(check(b64, 'bundle').reason).toBe('not a Sigstore bundle: dsseEnvelope.payload: not base64');
  });

  test('null for a field that may be absent means absent (protobuf JSON, as cosign and sigstore-go read it)', async () => {
    const v = await verifyBundle(edit(bundle, (x) => ((x.verificationMaterial as any).timestampVerificationData = null)), opts());
    expect(v.failure).toBeUndefined();
  });

  test('the media types and number forms cosign and sigstore-go accept still verify', async () => {
    for (const mediaType of ['application/vnd.dev.sigstore.bundle.v0.3+json', 'application/vnd.dev.sigstore.bundle+json;version=0.3', 'application/vnd.dev.sigstore.bundle.v0.3.1+json']) {
      expect({ mediaType, verified: (await verifyBundle(edit(bundle, (x) => (x.mediaType = mediaType)), opts())).verified }).toEqual({ mediaType, verified: true });
    }
    const numbers = edit(bundle, (x) => (x.verificationMaterial.tlogEntries[0]!.integratedTime = Number(x.verificationMaterial.tlogEntries[0]!.integratedTime)));
    expect((await verifyBundle(numbers, opts())).verified).toBe(true);
    // protobuf field names (`verification_material`), as protobuf JSON parsers accept them.
    const snake = edit(bundle, (x) => {
      (x as any).verification_material = x.verificationMaterial;
      delete (x as any).verificationMaterial;
      (x as any).verification_material.tlogEntries[0].inclusion_proof = (x as any).verification_material.tlogEntries[0].inclusionProof;
      delete (x as any).verification_material.tlogEntries[0].inclusionProof;
    });
    expect((await verifyBundle(snake, opts())).failure).toBeUndefined();
    // ... but not both names at once.
    const both = edit(bundle, (x) => ((x as any).verification_material = x.verificationMaterial));
    expect(check(await verifyBundle(both, opts()), 'bundle').reason).toMatch(/unknown field\(s\) verification_material/);
  });

  const deep = (n: number): unknown => {
    let v: unknown = [];
    for (let i = 0; i < n; i++) v = [v];
    return v;
  };
  test.each([
    ['null', null, 'not a Sigstore bundle: the document is null, not a JSON object'],
    ['[]', [], 'not a Sigstore bundle: the document is a JSON array, not a JSON object'],
    ['a string', 'bundle', 'not a Sigstore bundle: the document is a JSON string, not a JSON object'],
    ['a bundle inside an array', 'IN_ARRAY', 'not a Sigstore bundle: the document is a JSON array, not a JSON object'],
    ['a 10^6-deep array', deep(1e6), 'not a Sigstore bundle: the document is a JSON array, not a JSON object'],
    ['a 10^6-deep mediaType', { mediaType: deep(1e6) }, 'not a Sigstore bundle: it has no mediaType string'],
    ['a 10^6-deep unknown field', 'DEEP_FIELD', /^a Sigstore bundle with unknown field\(s\) deep: /],
    ['a 10^6-deep known field', 'DEEP_KNOWN', /^not a Sigstore bundle: verificationMaterial\.tlogEntries\[0\]: expected object$/],
  ])('%s', async (_name, input, reason) => {
    const doc =
      input === 'IN_ARRAY' ? [bundle] : input === 'DEEP_FIELD' ? { ...bundle, deep: deep(1e6) } : input === 'DEEP_KNOWN' ? edit(bundle, (x) => (x.verificationMaterial.tlogEntries = [deep(1e6) as Record<string, any>])) : input;
    const v = await verifyBundle(doc, opts());
    expect(check(v, 'bundle')).toMatchObject({ status: 'fail', reason: typeof reason === 'string' ? reason : expect.stringMatching(reason) });
    expect(v.checks.map((c) => c.reason).join('\n')).not.toMatch(JS_INTERNALS);
  });
});

describe('verifyBundle: in-toto Statement v0.1 (what cosign 2.x attest-blob writes)', () => {
  const v01 = (extra: Parameters<typeof makeStatement>[0] = {}) => ({ ...statementFor(models, extra), _type: 'https://in-toto.io/Statement/v0.1' });

  test('a v0.1 statement with a valid training record verifies, and the policy applies as for v1', async () => {
    const signed = (await signStatement(v01(), custom(a))).bundle;
    const v = await verifyBundle(signed, opts({ policy: 'standard' }));
    expect(v.failure).toBeUndefined();
    expect(check(v, 'statement').reason).toBe('in-toto Statement v0.1 (as cosign 2.x attest-blob writes) with a valid ml-provenance training record (2 subject(s))');
    expect(check(v, 'policy').status).toBe('pass');
  });

  test('a v0.1 statement gets the same predicate validation: an invalid record fails', async () => {
    const bad = v01() as Record<string, any>;
    delete bad.predicate.runDetails;
    const v = await verifyBundle((await signStatement(bad, custom(a))).bundle, opts());
    expect(check(v, 'statement').status).toBe('fail');
    expect(check(v, 'statement').reason).toMatch(/runDetails/);
  });

  test('other statement versions are still refused', async () => {
    const v = await verifyBundle((await signStatement({ ...statementFor(models), _type: 'https://in-toto.io/Statement/v0.2' }, custom(a))).bundle, opts());
    expect(check(v, 'statement')).toMatchObject({ status: 'fail', reason: 'the payload is not an in-toto Statement v1 or v0.1 (_type is "https://in-toto.io/Statement/v0.2")' });
  });
});
