/**
 * The repository a run is filed under is the certificate's, never the statement's
 * (a workflow of acme/models signing a record that says victim/models built it), and a
 * damaged certificate is a failed bundle in every command that verifies: verify (text
 * and --json), report, lineage, store ingest — as a changed signature byte already is.
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
    expect(r.stdout).toMatch(/^FAIL\s+source\s+the statement says it was built in https:\/\/github\.com\/victim\/models, but the certificate's source repository is https:\/\/github\.com\/acme\/models/m);
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
    expect(r.stderr).toMatch(/source: the statement says it was built in https:\/\/github\.com\/victim\/models/);
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
