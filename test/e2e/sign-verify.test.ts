import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeStatement } from '../fixtures/statements.js';
import { asBuiltBy } from '../standins/sigstore/oidc.js';
import { startSigstoreStandin, pae, type SigstoreStandin } from '../standins/sigstore.js';
import { certificatePEM, dssePayload, modelDir, pemCertificate, signatureBytes, withoutTlogEntries } from '../standins/sigstore/fixtures.js';
import { exec, runCliAsync } from './sign-verify-helpers.js';

let sigstore: SigstoreStandin;
let other: SigstoreStandin;
let work: string;
let models: Awaited<ReturnType<typeof modelDir>>;
let statementFile: string;
let bundleFile: string;

const signFlags = (s: SigstoreStandin) => ['--fulcio-url', s.fulcioURL, '--rekor-url', s.rekorURL, '--tsa-url', s.tsaURL!];
const verifyFlags = () => ['--bundle', bundleFile, '--repo', 'acme/models', '--custom-trusted-root', sigstore.trustedRootPath, '--offline'];
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

beforeAll(async () => {
  [sigstore, other] = await Promise.all([startSigstoreStandin(), startSigstoreStandin()]);
  work = await mkdtemp(path.join(tmpdir(), 'mlp-sign-verify-'));
  models = await modelDir();
  statementFile = path.join(work, 'provenance.intoto.json');
  bundleFile = path.join(work, 'provenance.sigstore.json');
  // Built by the run the stand-in's runner token names (acme/models, run 4242), as a real build is.
  const statement = asBuiltBy(makeStatement({ models: models.files.map((f) => ({ name: f.name, sha256: f.sha256 })) }));
  await writeFile(statementFile, JSON.stringify(statement, null, 2));
}, 180_000);
afterAll(async () => {
  await Promise.all([sigstore?.close(), other?.close()]);
});

describe('ml-provenance sign (dist/cli.js)', () => {
  test('signs with the runner token endpoint and writes the bundle', async () => {
    const r = await runCliAsync(['sign', statementFile, '--out', bundleFile, ...signFlags(sigstore)], { env: sigstore.runnerEnv() });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/^signed with custom Sigstore as https:\/\/github\.com\/acme\/models/) });
    expect(r.stdout).toMatch(/^wrote .*provenance\.sigstore\.json \(signer https:\/\/github\.com\/acme\/models\/\.github\/workflows\/train\.yml@refs\/heads\/main, Rekor log index \d+\)\n$/);
    const bundle = JSON.parse(await readFile(bundleFile, 'utf8')) as Record<string, unknown>;
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    // The payload is the statement file, byte for byte: its sha256 is the payload's.
    expect(dssePayload(bundle).equals(await readFile(statementFile))).toBe(true);
    // Only the bundle (no temporary leftovers) in the output directory.
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(work)).sort()).toEqual(['provenance.intoto.json', 'provenance.sigstore.json']);
  });

  test('the DSSE signature verifies with a second implementation: openssl over the PAE with the certificate key', async () => {
    const bundle = JSON.parse(await readFile(bundleFile, 'utf8')) as Record<string, unknown>;
    const dir = await mkdtemp(path.join(tmpdir(), 'mlp-openssl-'));
    const f = (n: string) => path.join(dir, n);
    await writeFile(f('cert.pem'), certificatePEM(bundle));
    const pub = await exec('openssl', ['x509', '-in', f('cert.pem'), '-noout', '-pubkey']);
    expect(pub.code).toBe(0);
    await writeFile(f('pub.pem'), pub.stdout);
    await writeFile(f('sig.der'), signatureBytes(bundle));
    await writeFile(f('pae.bin'), pae('application/vnd.in-toto+json', dssePayload(bundle)));
    const ok = await exec('openssl', ['dgst', '-sha256', '-verify', f('pub.pem'), '-signature', f('sig.der'), f('pae.bin')]);
    expect(ok.stdout.trim()).toBe('Verified OK');
    expect(ok.code).toBe(0);
    // And the same check rejects one changed byte, so it is really checking.
    const tampered = pae('application/vnd.in-toto+json', dssePayload(bundle));
    tampered[tampered.length - 2] = tampered[tampered.length - 2]! ^ 1;
    await writeFile(f('pae-tampered.bin'), tampered);
    const bad = await exec('openssl', ['dgst', '-sha256', '-verify', f('pub.pem'), '-signature', f('sig.der'), f('pae-tampered.bin')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toContain('Verification failure');
    // The certificate chains to the stand-in's Fulcio root (openssl, not sigstore-js, says so).
    const root = JSON.parse(await readFile(sigstore.trustedRootPath, 'utf8')) as { certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[] };
    const rootDer = root.certificateAuthorities[0]!.certChain.certificates[0]!.rawBytes;
    await writeFile(f('root.pem'), pemCertificate(rootDer));
    const chain = await exec('openssl', ['verify', '-CAfile', f('root.pem'), '-purpose', 'any', '-partial_chain', f('cert.pem')]);
    expect(chain.stdout).toContain('cert.pem: OK');
  });

  test('no token source in a GitHub job: exit 2 and the id-token: write fix, before any network use', async () => {
    const before = sigstore.requests.length;
    const r = await runCliAsync(['sign', statementFile, '--out', path.join(work, 'x.json'), ...signFlags(sigstore)], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/models', GITHUB_RUN_ID: '1' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: cannot sign: .*id-token: write.* — .*permissions/m);
    noStack(r.stderr);
    expect(sigstore.requests.length).toBe(before);
  });

  test('a statement that is not valid UTF-8 is refused: the checked text must be the signed bytes', async () => {
    const text = await readFile(statementFile);
    const bad = path.join(work, 'not-utf8.intoto.json');
    const i = text.indexOf(Buffer.from('"model'));
    await writeFile(bad, Buffer.concat([text.subarray(0, i + 1), Buffer.from([0xff]), text.subarray(i + 1)]));
    const r = await runCliAsync(['sign', bad, '--out', path.join(work, 'x.sigstore.json'), ...signFlags(sigstore)], { env: sigstore.runnerEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*not-utf8\.intoto\.json is not valid UTF-8/);
  });

  test('usage errors exit 2: not a statement, missing URL for custom, unknown instance', async () => {
    const notStatement = path.join(work, 'not-statement.json');
    await writeFile(notStatement, '{"hello": 1}');
    const token = sigstore.mintToken();
    const cases = [
      ['sign', notStatement, '--out', path.join(work, 'y.json'), ...signFlags(sigstore), '--identity-token', token],
      ['sign', statementFile, '--out', path.join(work, 'y.json'), '--fulcio-url', sigstore.fulcioURL, '--identity-token', token],
      ['sign', statementFile, '--out', path.join(work, 'y.json'), '--instance', 'elsewhere', '--identity-token', token],
      ['sign', statementFile],
    ];
    for (const args of cases) {
      const r = await runCliAsync(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(/^error: .+ — .+/);
      noStack(r.stderr);
    }
  });
});

describe('ml-provenance verify (dist/cli.js)', () => {
  test('verifies offline with the custom trusted root: one line per check, then VERIFIED, exit 0', async () => {
    const r = await runCliAsync(['verify', ...models.files.map((f) => f.path), ...verifyFlags()]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[1])).toEqual(['bundle', 'signature', 'certificate', 'transparency-log', 'timestamps', 'identity', 'source', 'subjects', 'statement', 'policy', undefined]);
    expect(lines.at(-1)).toBe('VERIFIED');
  });

  test('--json prints exactly one JSON document', async () => {
    const r = await runCliAsync(['verify', models.files[0]!.path, ...verifyFlags(), '--policy', 'standard', '--json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as { verified: boolean; checks: { name: string; ok: boolean; reason: string }[]; signer: { buildSignerURI: string } };
    expect(v.verified).toBe(true);
    expect(v.checks.find((c) => c.name === 'policy')).toMatchObject({ ok: true });
    expect(v.signer.buildSignerURI).toBe('https://github.com/acme/models/.github/workflows/train.yml@refs/heads/main');
  });

  test('a changed model file: FAILED with the reason, exit 1, error line on stderr', async () => {
    const changed = path.join(work, 'weights.bin');
    await writeFile(changed, 'not the signed weights');
    const r = await runCliAsync(['verify', changed, ...verifyFlags()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL\s+subjects\s+1 of 1 file\(s\) match no signed subject digest/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^FAILED: subjects: /);
    expect(r.stderr).toMatch(/^error: verification failed: subjects: .* — the file is not the one that was signed/);
    noStack(r.stderr);
  });

  test('wrong repository and a bundle without its tlog entry fail with exit 1', async () => {
    const wrongRepo = await runCliAsync(['verify', '--bundle', bundleFile, '--repo', 'evil/models', '--custom-trusted-root', sigstore.trustedRootPath, '--offline']);
    expect(wrongRepo.code).toBe(1);
    expect(wrongRepo.stdout).toMatch(/FAILED: identity: .*expected evil\/models/);

    const stripped = path.join(work, 'no-tlog.sigstore.json');
    await writeFile(stripped, JSON.stringify(withoutTlogEntries(JSON.parse(await readFile(bundleFile, 'utf8')))));
    const noTlog = await runCliAsync(['verify', '--bundle', stripped, '--repo', 'acme/models', '--custom-trusted-root', sigstore.trustedRootPath, '--offline']);
    expect(noTlog.code).toBe(1);
    expect(noTlog.stdout).toMatch(/FAILED: transparency-log: the bundle has no transparency-log entry/);
  });

  test("another instance's trust root rejects the bundle", async () => {
    const r = await runCliAsync(['verify', '--bundle', bundleFile, '--repo', 'acme/models', '--custom-trusted-root', other.trustedRootPath, '--offline']);
    expect(r.code).toBe(1);
    // Its log is not one this root lists; its TSA stamp is not from a trusted authority either.
    expect(r.stdout).toMatch(/^FAILED: transparency-log: the entry is from a transparency log the trusted root does not list .*; signed with another Sigstore instance, or forged$/m);
    expect(r.stdout).toMatch(/^FAIL\s+timestamps\s+the RFC 3161 timestamp was not issued by a timestamp authority in the trusted root/m);
    expect(r.stdout).not.toMatch(/^ok\s+(signature|certificate)\s/m);
    // One error line, one "—" before the fix, and the fix is the trusted root (not "never logged").
    const line = r.stderr.split('\n').find((l) => l.startsWith('error: '))!;
    expect(line.split(' — ')).toHaveLength(2);
    expect(line).toMatch(/ — do not trust these files; if the bundle comes from a private or self-hosted Sigstore, pass its --custom-trusted-root$/);
  });

  test('valid JSON that is not a Sigstore bundle it knows: exit 2, one error line, no check lines, no JavaScript internals', async () => {
    const bundle = JSON.parse(await readFile(bundleFile, 'utf8')) as Record<string, unknown>;
    const cases: Array<[string, string, RegExp]> = [
      ['null.json', 'null', /is not a Sigstore bundle: the document is null, not a JSON object — pass the provenance\.sigstore\.json/],
      ['array.json', '[]', /is not a Sigstore bundle: the document is a JSON array/],
      ['in-array.json', JSON.stringify([bundle]), /is not a Sigstore bundle: the document is a JSON array/],
      ['deep.json', '['.repeat(1e6) + ']'.repeat(1e6), /is not a Sigstore bundle: the document is a JSON array/],
      ['v09.json', JSON.stringify({ ...bundle, mediaType: 'application/vnd.dev.sigstore.bundle.v0.9+json' }), /is a Sigstore bundle of a version this verifier does not know/],
      ['extra.json', JSON.stringify({ ...bundle, extra: true }), /is a Sigstore bundle with unknown field\(s\) extra: /],
    ];
    for (const [name, text, message] of cases) {
      const file = path.join(work, name);
      await writeFile(file, text);
      const r = await runCliAsync(['verify', '--bundle', file, '--repo', 'acme/models', '--custom-trusted-root', sigstore.trustedRootPath, '--offline']);
      expect({ name, code: r.code, stdout: r.stdout }).toEqual({ name, code: 2, stdout: '' });
      expect(r.stderr).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${message.source}`));
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/Cannot read properties|Maximum call stack/);
      noStack(r.stderr);
    }
  });

  test('public-good trust root, --offline: the root shipped with sigstore-js is used with no network, and it does not trust the stand-in', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'mlp-home-'));
    const r = await runCliAsync(['verify', '--bundle', bundleFile, '--repo', 'acme/models', '--offline'], { env: { HOME: home, XDG_DATA_HOME: '' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL\s+(timestamps|certificate)\s/m);
    // It says which root it trusts, and that this one may be old.
    expect(r.stderr).toMatch(/^--offline: no cached public-good trust root; using the one shipped with sigstore-js/m);
    expect(r.stderr).toMatch(/^error: verification failed: /m);
    expect(r.stderr).not.toMatch(/is not a function|unexpected failure/);
  });

  test('public-good trust root, online with no network: a clear TUF error naming the fix, exit 1', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'mlp-home-'));
    const r = await runCliAsync(['verify', '--bundle', bundleFile, '--repo', 'acme/models'], { env: { HOME: home, XDG_DATA_HOME: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot fetch Sigstore's public-good trust root through TUF: .* — check network access to tuf-repo-cdn\.sigstore\.dev, or pass --custom-trusted-root FILE/m);
    expect(r.stderr).not.toMatch(/is not a function/);
  });

  test('usage errors exit 2: no identity, missing bundle, malformed bundle JSON, both identity flags', async () => {
    const malformed = path.join(work, 'malformed.json');
    await writeFile(malformed, '{ not json');
    const cases = [
      ['verify', '--bundle', bundleFile, '--custom-trusted-root', sigstore.trustedRootPath],
      ['verify', '--bundle', path.join(work, 'missing.json'), '--repo', 'acme/models'],
      ['verify', '--bundle', malformed, '--repo', 'acme/models'],
      ['verify', '--bundle', bundleFile, '--cert-identity', 'a', '--cert-identity-regexp', 'b', '--custom-trusted-root', sigstore.trustedRootPath],
      ['verify', '/nonexistent/model.bin', '--bundle', bundleFile, '--repo', 'acme/models', '--custom-trusted-root', sigstore.trustedRootPath],
    ];
    for (const args of cases) {
      const r = await runCliAsync(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(/^error: .+ — .+/);
      noStack(r.stderr);
    }
  });
});
