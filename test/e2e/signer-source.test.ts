/**
 * The repository a run is filed under is the certificate's, never the statement's
 * (a workflow of acme/models signing a record that says victim/models built it), and a
 * damaged certificate is a failed bundle in every command that verifies: verify (text
 * and --json), report, lineage, store ingest — as a changed signature byte already is.
 * Every field naming a GitHub repository or run is the certificate's, whatever the
 * buildType says (the user test's depuri / noworkflow / localtype edits), while a local
 * build that names none, or names the signing run's own repository and commit, verifies.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeStatement } from '../fixtures/statements.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { asBuiltBy } from '../standins/sigstore/oidc.js';
import { runCliAsync } from './sign-verify-helpers.js';

let sigstore: SigstoreStandin;
let work: string;
let good: string;
let spoof: string;

const trust = () => ['--custom-trusted-root', sigstore.trustedRootPath, '--offline'];
const mlp = (...args: string[]) => runCliAsync(args, { cwd: work });
/** Rows of a store, read with Python's sqlite3 (not our code). */
const rows = (db: string, sql: string) =>
  JSON.parse(spawnSync('python3', ['-c', 'import sqlite3,sys,json; print(json.dumps(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall()))', db, sql], { encoding: 'utf8' }).stdout) as unknown[][];

async function sign(name: string, statement: object): Promise<string> {
  const file = path.join(work, `${name}.intoto.json`);
  const out = path.join(work, `${name}.sigstore.json`);
  await writeFile(file, JSON.stringify(statement, null, 2));
  // The runner's token: acme/models' train.yml, run 4242 (the stand-in's default run).
  const r = await runCliAsync(['sign', file, '--out', out, '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!], { env: sigstore.runnerEnv() });
  if (r.code !== 0) throw new Error(r.stderr);
  return out;
}

/** The bundle with one bit of its certificate's DER flipped (as the user's certflip.py). */
async function flipCertificate(bundle: string, at: number, out: string): Promise<string> {
  const b = JSON.parse(await readFile(bundle, 'utf8'));
  const der = Buffer.from(b.verificationMaterial.certificate.rawBytes, 'base64');
  der[at] = der[at]! ^ 1;
  b.verificationMaterial.certificate.rawBytes = der.toString('base64');
  await writeFile(out, JSON.stringify(b));
  return out;
}

beforeAll(async () => {
  sigstore = await startSigstoreStandin();
  work = await mkdtemp(path.join(tmpdir(), 'mlp-signer-source-'));
  good = await sign('good', asBuiltBy(makeStatement({ run: 'good' })));
  spoof = await sign('spoof', asBuiltBy(makeStatement({ run: 'spoof' }), { repository: 'victim/models', workflow_ref: 'victim/models/.github/workflows/train.yml@refs/heads/main' }));
}, 120_000);
afterAll(async () => {
  await sigstore?.close();
});

describe('a record claiming another repository than the one that signed it', () => {
  test('the certificate the stand-in issued says acme/models (openssl reads the extensions, not our code)', async () => {
    const b = JSON.parse(await readFile(spoof, 'utf8'));
    const pem = `-----BEGIN CERTIFICATE-----\n${b.verificationMaterial.certificate.rawBytes.match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE-----\n`;
    const text = spawnSync('openssl', ['x509', '-noout', '-text'], { input: pem, encoding: 'utf8' }).stdout;
    // 1.3.6.1.4.1.57264.1.12 Source Repository URI (a DER UTF8String: openssl shows its two header bytes as dots).
    expect(text).toMatch(/1\.3\.6\.1\.4\.1\.57264\.1\.12:\s*\n\s*\.\.https:\/\/github\.com\/acme\/models\n/);
    expect(text).not.toContain('victim');
  });

  test('verify: identity passes, source fails naming both repositories; exit 1; --json says the same', async () => {
    const r = await mlp('verify', '--bundle', spoof, '--repo', 'acme/models', ...trust());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ok\s+identity\s/m);
    expect(r.stdout).toMatch(/^FAIL\s+source\s+buildDefinition\.externalParameters\.workflow\.repository names https:\/\/github\.com\/victim\/models, but the certificate's Source Repository URI \(1\.3\.6\.1\.4\.1\.57264\.1\.12\) is https:\/\/github\.com\/acme\/models/m);
    expect(r.stderr).toMatch(/^error: verification failed: source: .* — do not trust these files: the record claims a repository, workflow or run other than the one that signed it/);
    const j = await mlp('verify', '--bundle', spoof, '--repo', 'acme/models', ...trust(), '--json');
    expect(j.code).toBe(1);
    const v = JSON.parse(j.stdout) as { verified: boolean; checks: { name: string; status: string }[] };
    expect(v.verified).toBe(false);
    expect(v.checks.find((c) => c.name === 'source')?.status).toBe('fail');
  });

  test('store ingest refuses it: nothing is filed under victim/models, lineage --runs victim/models finds nothing', async () => {
    const db = path.join(work, 'spoof.db');
    const r = await mlp('store', 'ingest', spoof, '--store', db, '--repo', 'acme/models', ...trust());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/source: buildDefinition\.externalParameters\.workflow\.repository names https:\/\/github\.com\/victim\/models/);
    expect(rows(db, 'SELECT count(*) FROM runs')).toEqual([[0]]);
    const l = await mlp('lineage', '--store', db, '--runs', 'victim/models');
    expect(l.stdout).not.toMatch(/verified/);
  });

  test('stored unverified (--no-verify), the run is still filed under the certificate\'s repository, and audit agrees', async () => {
    const db = path.join(work, 'unverified.db');
    const r = await mlp('store', 'ingest', spoof, '--store', db, '--no-verify');
    expect(r.code, r.stderr).toBe(0);
    expect(rows(db, 'SELECT owner, repo FROM runs')).toEqual([['acme', 'models']]);
    const a = await mlp('store', 'audit', '--store', db, ...trust(), '--repo', 'acme/models');
    expect(a.stdout + a.stderr).not.toMatch(/columns? .*owner/);
  });

  test('a row filed the old way (under the statement\'s repository) is found by store audit', async () => {
    const db = path.join(work, 'old-way.db');
    expect((await mlp('store', 'ingest', spoof, '--store', db, '--no-verify')).code).toBe(0);
    // As the previous release filed it (the store's append-only triggers dropped to write it so).
    const py = [
      'import sqlite3,sys',
      'c=sqlite3.connect(sys.argv[1])',
      "for (n,) in c.execute(\"SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='runs'\").fetchall(): c.execute('DROP TRIGGER \"%s\"' % n)",
      "c.execute(\"UPDATE runs SET owner='victim'\")",
      'c.commit()',
    ].join('\n');
    const edit = spawnSync('python3', ['-c', py, db], { encoding: 'utf8' });
    expect(edit.status, edit.stderr).toBe(0);
    expect(rows(db, 'SELECT owner, repo FROM runs')).toEqual([['victim', 'models']]);
    const a = await mlp('store', 'audit', '--store', db, ...trust(), '--repo', 'acme/models');
    expect({ code: a.code, out: a.stdout + a.stderr }).toEqual({ code: 1, out: expect.stringMatching(/column owner differ/) });
  });
});

describe('a damaged certificate is a failed bundle everywhere, like a changed signature', () => {
  let folder: string;
  let sigFolder: string;
  beforeAll(async () => {
    folder = path.join(work, 'rel-cert');
    sigFolder = path.join(work, 'rel-sig');
    await mkdir(folder);
    await mkdir(sigFolder);
    for (const f of [folder, sigFolder]) await writeFile(path.join(f, 'good.sigstore.json'), await readFile(good));
    await flipCertificate(good, 200, path.join(folder, 'bad.sigstore.json'));
    const b = JSON.parse(await readFile(good, 'utf8'));
    const sig = Buffer.from(b.dsseEnvelope.signatures[0].sig, 'base64');
    sig[10] = sig[10]! ^ 1;
    b.dsseEnvelope.signatures[0].sig = sig.toString('base64');
    await writeFile(path.join(sigFolder, 'bad.sigstore.json'), JSON.stringify(b));
  });

  test.each([150, 200])('verify, bit flipped at DER byte %i: FAIL bundle with every check line, exit 1; --json prints the verdict', async (at) => {
    const bad = await flipCertificate(good, at, path.join(work, `cert-${at}.sigstore.json`));
    const r = await mlp('verify', '--bundle', bad, '--repo', 'acme/models', ...trust());
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/unexpected failure|asymmetric key.*--debug/);
    expect(r.stdout).toMatch(/^FAIL\s+bundle\s+the bundle's signing certificate cannot be read: its public key is not a key/m);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(11);
    const j = await mlp('verify', '--bundle', bad, '--repo', 'acme/models', ...trust(), '--json');
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ verified: false, failure: expect.stringMatching(/^bundle: /) });
  });

  test('report, lineage and store ingest over a folder with it treat it as the changed-signature bundle: same exit, the good one kept', async () => {
    const outcome = async (dir: string) => {
      const html = path.join(work, `${path.basename(dir)}.html`);
      const report = await mlp('report', dir, '--out', html, '--repo', 'acme/models', ...trust());
      const lineage = await mlp('lineage', dir, '--repo', 'acme/models', ...trust(), '--format', 'json');
      const db = path.join(work, `${path.basename(dir)}.db`);
      const ingest = await mlp('store', 'ingest', dir, '--store', db, '--repo', 'acme/models', ...trust());
      const wrote = spawnSync('test', ['-s', html]).status === 0;
      return {
        report: report.code, wrote, lineage: lineage.code, ingest: ingest.code, stored: rows(db, 'SELECT count(*) FROM runs')[0]![0],
        unexpected: /unexpected failure/.test(report.stderr + lineage.stderr + ingest.stderr),
      };
    };
    const sig = await outcome(sigFolder);
    const cert = await outcome(folder);
    // A bundle that does not verify stops the ingest before anything is written (docs/STORE.md); report and lineage go on without it.
    expect(sig).toMatchObject({ wrote: true, unexpected: false });
    expect(cert).toEqual(sig);
  });
});

describe('a record naming another repository or run only where the first source check did not look', () => {
  const VICTIM = 'https://github.com/victim/models';
  // The user test's edits of a GitHub-built record, each re-signed by acme/models' own workflow run.
  const SPOOFS: [string, (p: any) => void, RegExp][] = [
    ['depuri', (p) => (p.buildDefinition.resolvedDependencies[0].uri = `git+${VICTIM}@refs/heads/main`), /buildDefinition\.resolvedDependencies\[0\]\.uri names https:\/\/github\.com\/victim\/models, but the certificate's Source Repository URI \(1\.3\.6\.1\.4\.1\.57264\.1\.12\) is https:\/\/github\.com\/acme\/models/],
    ['noworkflow', (p) => {
      delete p.buildDefinition.externalParameters.workflow;
      p.buildDefinition.resolvedDependencies[0].uri = `git+${VICTIM}@refs/heads/main`;
    }, /buildDefinition\.resolvedDependencies\[0\]\.uri names https:\/\/github\.com\/victim\/models/],
    ['localtype', (p) => {
      p.buildDefinition.buildType = 'https://ml-provenance.dev/training-record/local/v1';
      p.buildDefinition.externalParameters.workflow.repository = VICTIM;
      p.buildDefinition.resolvedDependencies[0].uri = `git+${VICTIM}@refs/heads/main`;
      p.runDetails.metadata.invocationId = `${VICTIM}/actions/runs/99/attempts/1`;
    }, /runDetails\.metadata\.invocationId names https:\/\/github\.com\/victim\/models\/actions\/runs\/99\/attempts\/1, but the certificate's Run Invocation URI \(1\.3\.6\.1\.4\.1\.57264\.1\.21\) is https:\/\/github\.com\/acme\/models\/actions\/runs\/4242\/attempts\/1/],
  ];
  const bundles = new Map<string, string>();
  beforeAll(async () => {
    for (const [name, edit] of SPOOFS) {
      const st = asBuiltBy(makeStatement({ run: name })) as any;
      edit(st.predicate);
      bundles.set(name, await sign(name, st));
    }
  }, 120_000);

  test.each(SPOOFS.map(([name, , reason]) => [name, reason] as const))('%s: verify fails source naming the field (identity passes), exit 1', async (name, reason) => {
    const r = await mlp('verify', '--bundle', bundles.get(name)!, '--repo', 'acme/models', ...trust());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ok\s+identity\s/m);
    expect(r.stdout).toMatch(new RegExp(`^FAIL\\s+source\\s+.*${reason.source}`, 'm'));
    expect(r.stdout).not.toMatch(/^VERIFIED/m);
    expect(r.stderr).toMatch(/^error: verification failed: source: /m);
  });

  test('localtype: lineage refuses it instead of labelling it "run 99", and the store keeps no row with victim\'s run', async () => {
    const bundle = bundles.get('localtype')!;
    const l = await mlp('lineage', bundle, '--repo', 'acme/models', ...trust());
    expect(l.stdout).not.toMatch(/run 99/);
    expect(l.stderr).toMatch(/does not verify: source: /);
    const db = path.join(work, 'localtype.db');
    const s = await mlp('store', 'ingest', bundle, '--store', db, '--repo', 'acme/models', ...trust());
    expect(s.code).toBe(1);
    expect(rows(db, 'SELECT count(*) FROM runs')).toEqual([[0]]);
  });

  describe('a record built outside GitHub Actions (real git, real `build`), signed in a GitHub Actions run', () => {
    let repo: string;
    let commit: string;
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.name=u', '-c', 'user.email=u@example.com', ...args], { cwd: repo, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.trim();
    };
    const buildIn = async (remote: string | undefined) => {
      if (remote) git('remote', 'add', 'origin', remote);
      const r = await runCliAsync(['build', '--no-detect-image', '--subject', 'model.bin', '--out', 'local.intoto.json'], { cwd: repo });
      if (remote) git('remote', 'remove', 'origin');
      expect(r.code, r.stderr).toBe(0);
      return path.join(repo, 'local.intoto.json');
    };
    const signAs = async (file: string, claims: Record<string, string>, out: string) => {
      const r = await runCliAsync(['sign', file, '--out', out, '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!], {
        env: { SIGSTORE_ID_TOKEN: sigstore.mintToken(claims) },
      });
      expect(r.code, r.stderr).toBe(0);
      return out;
    };
    beforeAll(async () => {
      repo = path.join(work, 'local-build');
      await mkdir(path.join(repo, 'data'), { recursive: true });
      await writeFile(path.join(repo, 'data', 'd.csv'), 'x\n1\n');
      await writeFile(path.join(repo, 'model.bin'), 'weights');
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      git('commit', '-qm', 'init');
      commit = git('rev-parse', 'HEAD');
      const rec = await runCliAsync(['record', 'dataset', '--id', 'd', '--path', 'data/d.csv', '--license', 'MIT'], { cwd: repo });
      expect(rec.code, rec.stderr).toBe(0);
    }, 60_000);

    test('origin on github.com/acme/models at the signing run\'s commit: verified; at another commit: source fails on the commit', async () => {
      const file = await buildIn('https://github.com/acme/models.git');
      const st = JSON.parse(await readFile(file, 'utf8'));
      expect(st.predicate.buildDefinition.buildType).toBe('https://ml-provenance.dev/training-record/local/v1');
      expect(st.predicate.buildDefinition.resolvedDependencies[0]).toMatchObject({ uri: 'git+https://github.com/acme/models.git@refs/heads/main', digest: { gitCommit: commit } });
      const same = await signAs(file, { sha: commit }, path.join(work, 'local-same.sigstore.json'));
      const ok = await mlp('verify', path.join(repo, 'model.bin'), '--bundle', same, '--repo', 'acme/models', ...trust());
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/^ok\s+source\s+the statement's repository, ref, commit agree with the certificate \(https:\/\/github\.com\/acme\/models\)/m);
      const other = await signAs(file, {}, path.join(work, 'local-other.sigstore.json'));
      const bad = await mlp('verify', '--bundle', other, '--repo', 'acme/models', ...trust());
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(new RegExp(`^FAIL\\s+source\\s+buildDefinition\\.resolvedDependencies\\[0\\]\\.digest\\.gitCommit names ${commit}, but the certificate's Source Repository Digest`, 'm'));
    });

    test('no GitHub remote: nothing to compare, verified by any GitHub identity; with victim\'s remote: source fails', async () => {
      const none = await signAs(await buildIn(undefined), {}, path.join(work, 'local-none.sigstore.json'));
      const ok = await mlp('verify', '--bundle', none, '--repo', 'acme/models', ...trust());
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/^ok\s+source\s+the statement names no GitHub repository, workflow, commit or run/m);
      const victim = await signAs(await buildIn('git@github.com:victim/models.git'), { sha: commit }, path.join(work, 'local-victim.sigstore.json'));
      const bad = await mlp('verify', '--bundle', victim, '--repo', 'acme/models', ...trust());
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/^FAIL\s+source\s+buildDefinition\.resolvedDependencies\[0\]\.uri names https:\/\/github\.com\/victim\/models, but/m);
    });
  });
});
