/**
 * `ml-provenance verify` (the built dist/cli.js, as a release consumer runs it) side by
 * side with the reference verifiers — cosign 2.5 (Debian trixie), cosign 3.x and
 * sigstore-go 1.3 (Debian sid) — on the same bundles, altered in the ways issue 13 found
 * and a few more. Every tool gets the local Sigstore stand-in's trusted root.
 *
 * The reference tools are fetched from Debian's archive on first use
 * (test/helpers/reference-verifiers.ts); when that is impossible the tests fail with the
 * reason, they are never skipped.
 */
import { createServer, type Server } from 'node:http';
import { copyFile, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GitHubContext } from '../../src/capture/github.js';
import { PREDICATE_TYPE } from '../../src/schema/predicate.js';
import { buildSlsaStatement } from '../../src/statement/slsa.js';
import { makeStatement } from '../fixtures/statements.js';
import { referenceVerifiers, type ReferenceVerifiers } from '../helpers/reference-verifiers.js';
import { CLI, ROOT, cleanEnv, execAsync, type Ran } from '../helpers/run.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { asBuiltBy } from '../standins/sigstore/oidc.js';
import { runCliAsync } from './sign-verify-helpers.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const SAN_RE = '^https://github\\.com/acme/models/\\.github/workflows/';
const JS_INTERNALS = /Cannot read properties|Maximum call stack|is not a function|undefined \(reading|is not iterable|^\s+at /m;

let refs: ReferenceVerifiers;
let sigstore: SigstoreStandin;
let work: string;
let rootFile: string;
let model: string;
let training: Record<string, any>;
let slsaBundleFile: string;
let fulcioV1: Server;

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const run = (cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> =>
  execAsync(cmd, args, { cwd: opts.cwd ?? work, env: { ...cleanEnv(), HOME: work, TUF_ROOT: path.join(work, 'tuf'), ...opts.env } });

type Tool = 'cosign-2' | 'cosign-3' | 'sigstore-go' | 'ml-provenance';
const TOOLS: Tool[] = ['cosign-2', 'cosign-3', 'sigstore-go', 'ml-provenance'];

/** Verify `bundle` (a file) for `artifact` with one tool, as its documentation says to. */
function verifyWith(tool: Tool, bundle: string, artifact = model, type = PREDICATE_TYPE): Promise<Ran> {
  const cosign = (bin: string) =>
    run(bin, ['verify-blob-attestation', '--bundle', bundle, '--new-bundle-format', '--trusted-root', rootFile, '--type', type,
      '--certificate-identity-regexp', SAN_RE, '--certificate-oidc-issuer', ISSUER, artifact]);
  switch (tool) {
    case 'cosign-2':
      return cosign(refs.cosign2.bin);
    case 'cosign-3':
      return cosign(refs.cosign3.bin);
    case 'sigstore-go':
      return run(refs.sigstoreGo.bin, ['-trustedrootJSONpath', rootFile, '-expectedIssuer', ISSUER, '-expectedSANRegex', SAN_RE, '-artifact', artifact, bundle]);
    case 'ml-provenance':
      return run(process.execPath, [CLI, 'verify', artifact, '--bundle', bundle, '--repo', 'acme/models', '--custom-trusted-root', rootFile, '--offline']);
  }
}

type Entry = Record<string, any>;
const entry = (b: Record<string, any>): Entry => b.verificationMaterial.tlogEntries[0];
const flipBit = (b64: string, at = 0): string => {
  const buf = Buffer.from(b64, 'base64');
  buf[at] = buf[at]! ^ 1;
  return buf.toString('base64');
};
const edit = (f: (b: Record<string, any>) => void) => () => {
  const b = clone(training);
  f(b);
  return b;
};
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

/**
 * The side-by-side table. `verdict` is what all three reference verifiers say (each is
 * checked); `exit` is ml-provenance's exit code: 0 verified, 1 failed verification,
 * 2 not a bundle it can read (cosign and sigstore-go exit 1 for everything they refuse).
 *
 * | altered bundle                         | cosign 2.5 | cosign 3.x | sigstore-go | ml-provenance |
 * |----------------------------------------|------------|------------|-------------|---------------|
 * | untouched                              | accept     | accept     | accept      | 0             |
 * | inclusionProof.rootHash one bit        | reject     | reject     | reject      | 1 transparency-log |
 * | inclusionProof.treeSize 5              | reject     | reject     | reject      | 1 transparency-log |
 * | inclusionProof.logIndex 3              | reject     | reject     | reject      | 1 transparency-log |
 * | integratedTime + 1 h                   | reject     | reject     | reject      | 1 transparency-log (SET) |
 * | logIndex + 1                           | reject     | reject     | reject      | 1 transparency-log (SET) |
 * | signedEntryTimestamp one bit           | reject     | reject     | reject      | 1 transparency-log |
 * | checkpoint text changed                | reject     | reject     | reject      | 1 transparency-log |
 * | canonicalizedBody one bit              | reject     | reject     | reject      | 1 transparency-log |
 * | no tlog entries                        | reject     | reject     | reject      | 1 transparency-log |
 * | no RFC 3161 timestamp                  | accept     | accept     | accept      | 0             |
 * | DSSE payload one byte                  | reject     | reject     | reject      | 1 signature   |
 * | mediaType v0.9                         | reject     | reject     | reject      | 2             |
 * | mediaType `+json;version=0.3` spelling | accept     | accept     | accept      | 0             |
 * | unknown top-level field                | reject     | reject     | reject      | 2             |
 * | unknown field in a log entry           | reject     | reject     | reject      | 2             |
 * | int64 fields as JSON numbers           | accept     | accept     | accept      | 0             |
 * | null / [] / bundle in an array         | reject     | reject     | reject      | 2             |
 * | 10^6-deep array, `{"hello": 1}`        | reject     | reject     | reject      | 2             |
 * | a field set to null (protojson: unset) | accept     | accept     | accept      | 0             |
 * | payload not base64                     | reject     | reject     | reject      | 2             |
 * | DSSE keyid set                         | reject     | reject     | reject      | 1 bundle      |
 * | two DSSE signatures / none             | reject     | reject     | reject      | 1 bundle      |
 * | the same tlog entry twice              | reject     | reject     | reject      | 1 transparency-log |
 * | v0.3 with a certificate chain          | reject     | reject     | reject      | 1 bundle      |
 * | truncated certificate                  | reject     | reject     | reject      | 1 bundle      |
 * | certificate key one bit (DER 150, 200) | reject     | reject     | reject      | 1 bundle      |
 * | protobuf field names (snake_case)      | accept     | accept     | accept      | 0             |
 * | mediaType v0.3.1                       | accept     | accept     | accept      | 0             |
 * | where the references disagree or are more lenient:                                             |
 * | SET removed (proof + TSA remain)       | reject     | reject     | accept      | 0 (as sigstore-go) |
 * | RFC 3161 timestamp corrupted           | accept     | accept     | accept      | 1 bundle (fails closed) |
 * | RFC 3161 genTime not a time            | accept     | accept     | accept      | 1 bundle (fails closed) |
 */
type Verdict = 'accept' | 'reject';
const TAMPERED: { name: string; make: () => unknown; raw?: boolean; verdict: Verdict | Record<'cosign-2' | 'cosign-3' | 'sigstore-go', Verdict>; exit: 0 | 1 | 2; failure?: RegExp }[] = [
  { name: 'untouched', make: edit(() => {}), verdict: 'accept', exit: 0 },
  {
    name: 'inclusionProof.rootHash one bit',
    make: edit((b) => (entry(b).inclusionProof.rootHash = flipBit(entry(b).inclusionProof.rootHash))),
    verdict: 'reject', exit: 1, failure: /^transparency-log: .*inclusion proof root hash does not match checkpoint/,
  },
  {
    name: 'inclusionProof.treeSize 5',
    make: edit((b) => (entry(b).inclusionProof.treeSize = '5')),
    verdict: 'reject', exit: 1, failure: /^transparency-log: .*inclusion proof tree size does not match checkpoint/,
  },
  { name: 'inclusionProof.logIndex 3', make: edit((b) => (entry(b).inclusionProof.logIndex = '3')), verdict: 'reject', exit: 1, failure: /^transparency-log: / },
  {
    name: 'integratedTime + 1 h',
    make: edit((b) => (entry(b).integratedTime = String(Number(entry(b).integratedTime) + 3600))),
    verdict: 'reject', exit: 1, failure: /^transparency-log: the log entry's time is not verified: its signed entry timestamp \(SET\)/,
  },
  { name: 'logIndex + 1', make: edit((b) => (entry(b).logIndex = String(Number(entry(b).logIndex) + 1))), verdict: 'reject', exit: 1, failure: /^transparency-log: .*\(SET\)/ },
  {
    name: 'signedEntryTimestamp one bit',
    make: edit((b) => (entry(b).inclusionPromise.signedEntryTimestamp = flipBit(entry(b).inclusionPromise.signedEntryTimestamp, 10))),
    verdict: 'reject', exit: 1, failure: /^transparency-log: /,
  },
  {
    name: 'checkpoint text changed',
    make: edit((b) => (entry(b).inclusionProof.checkpoint.envelope = String(entry(b).inclusionProof.checkpoint.envelope).replace(/Timestamp: (\d)/, (_m, d: string) => `Timestamp: ${(Number(d) + 1) % 10}`))),
    verdict: 'reject', exit: 1, failure: /^transparency-log: /,
  },
  { name: 'canonicalizedBody one bit', make: edit((b) => (entry(b).canonicalizedBody = flipBit(entry(b).canonicalizedBody, 40))), verdict: 'reject', exit: 1, failure: /^transparency-log: / },
  { name: 'no tlog entries', make: edit((b) => (b.verificationMaterial.tlogEntries = [])), verdict: 'reject', exit: 1, failure: /^transparency-log: the bundle has no transparency-log entry/ },
  { name: 'no RFC 3161 timestamp', make: edit((b) => delete b.verificationMaterial.timestampVerificationData), verdict: 'accept', exit: 0 },
  {
    name: 'DSSE payload one byte',
    make: edit((b) => (b.dsseEnvelope.payload = Buffer.from(Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8').replace('"model/', '"modeL/')).toString('base64'))),
    verdict: 'reject', exit: 1, failure: /^signature: /,
  },
  { name: 'mediaType v0.9', make: edit((b) => (b.mediaType = 'application/vnd.dev.sigstore.bundle.v0.9+json')), verdict: 'reject', exit: 2 },
  { name: 'mediaType +json;version=0.3 spelling', make: edit((b) => (b.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.3')), verdict: 'accept', exit: 0 },
  { name: 'unknown top-level field', make: edit((b) => (b.extra = 1)), verdict: 'reject', exit: 2 },
  { name: 'unknown field in a log entry', make: edit((b) => (entry(b).note = 'x')), verdict: 'reject', exit: 2 },
  {
    name: 'int64 fields as JSON numbers',
    make: edit((b) => {
      entry(b).logIndex = Number(entry(b).logIndex);
      entry(b).integratedTime = Number(entry(b).integratedTime);
    }),
    verdict: 'accept', exit: 0,
  },
  { name: 'null', make: () => null, verdict: 'reject', exit: 2 },
  { name: '[]', make: () => [], verdict: 'reject', exit: 2 },
  { name: 'bundle in an array', make: () => [training], verdict: 'reject', exit: 2 },
  { name: '10^6-deep array', make: () => deep(1e6), raw: true, verdict: 'reject', exit: 2 },
  { name: '{"hello": 1}', make: () => ({ hello: 1 }), verdict: 'reject', exit: 2 },
  { name: 'a field set to null', make: edit((b) => (b.verificationMaterial.timestampVerificationData = null)), verdict: 'accept', exit: 0 },
  { name: 'payload not base64', make: edit((b) => (b.dsseEnvelope.payload = '!!!' + String(b.dsseEnvelope.payload))), verdict: 'reject', exit: 2 },
  { name: 'DSSE keyid set', make: edit((b) => (b.dsseEnvelope.signatures[0].keyid = 'abc')), verdict: 'reject', exit: 1, failure: /^bundle: the DSSE signature names key id "abc"/ },
  { name: 'two DSSE signatures', make: edit((b) => b.dsseEnvelope.signatures.push(b.dsseEnvelope.signatures[0])), verdict: 'reject', exit: 1, failure: /^bundle: / },
  { name: 'no DSSE signature', make: edit((b) => (b.dsseEnvelope.signatures = [])), verdict: 'reject', exit: 1, failure: /^bundle: / },
  { name: 'the same tlog entry twice', make: edit((b) => b.verificationMaterial.tlogEntries.push(entry(b))), verdict: 'reject', exit: 1, failure: /^transparency-log: duplicate tlog entry/ },
  {
    name: 'v0.3 with a certificate chain',
    make: edit((b) => {
      b.verificationMaterial.x509CertificateChain = { certificates: [b.verificationMaterial.certificate] };
      delete b.verificationMaterial.certificate;
    }),
    verdict: 'reject', exit: 1, failure: /^bundle: /,
  },
  {
    name: 'truncated certificate',
    make: edit((b) => (b.verificationMaterial.certificate.rawBytes = String(b.verificationMaterial.certificate.rawBytes).slice(0, 100))),
    verdict: 'reject', exit: 1, failure: /^bundle: the bundle's signing certificate cannot be read/,
  },
  ...[150, 200].map((at) => ({
    name: `certificate public key one bit (DER byte ${at})`,
    make: edit((b) => (b.verificationMaterial.certificate.rawBytes = flipBit(b.verificationMaterial.certificate.rawBytes, at))),
    verdict: 'reject' as const, exit: 1 as const, failure: /^bundle: the bundle's signing certificate cannot be read: its public key is not a key/,
  })),
  {
    name: 'protobuf field names (snake_case)',
    make: edit((b) => {
      b.verification_material = b.verificationMaterial;
      delete b.verificationMaterial;
      b.verification_material.tlog_entries = b.verification_material.tlogEntries;
      delete b.verification_material.tlogEntries;
    }),
    verdict: 'accept', exit: 0,
  },
  { name: 'mediaType v0.3.1', make: edit((b) => (b.mediaType = 'application/vnd.dev.sigstore.bundle.v0.3.1+json')), verdict: 'accept', exit: 0 },
  {
    name: 'SET removed',
    make: edit((b) => delete entry(b).inclusionPromise),
    verdict: { 'cosign-2': 'reject', 'cosign-3': 'reject', 'sigstore-go': 'accept' }, exit: 0,
  },
  {
    name: 'RFC 3161 timestamp corrupted',
    make: edit((b) => (b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp = String(b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp).slice(0, 40))),
    verdict: 'accept', exit: 1, failure: /^bundle: the bundle's RFC 3161 timestamp \[0\] cannot be read/,
  },
  {
    // The token parses, but its genTime is not a time (one digit made a control character): read lazily, it
    // used to fail as `certificate: cannot verify: invalid time` after `timestamps` had passed.
    name: 'RFC 3161 genTime unreadable',
    make: edit((b) => {
      const t = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0];
      const der = Buffer.from(String(t.signedTimestamp), 'base64');
      const at = der.indexOf(Buffer.from(String(new Date().getUTCFullYear())));
      der[at + 7] = 2;
      t.signedTimestamp = der.toString('base64');
    }),
    verdict: 'accept', exit: 1, failure: /^bundle: the bundle's RFC 3161 timestamp \[0\] cannot be read: invalid time/,
  },
];

/** Fulcio's v1 `signingCert` API (cosign 2.x) in front of the stand-in's v2 one. */
function fulcioV1Adapter(v2URL: string): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      void (async () => {
        const v1 = JSON.parse(body) as { publicKey: { content: string }; signedEmailAddress: string };
        const reply = await fetch(`${v2URL}/api/v2/signingCert`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            credentials: { oidcIdentityToken: String(req.headers.authorization ?? '').replace(/^Bearer /, '') },
            publicKeyRequest: { publicKey: { algorithm: 'ECDSA', content: Buffer.from(v1.publicKey.content, 'base64').toString('utf8') }, proofOfPossession: v1.signedEmailAddress },
          }),
        });
        const json = (await reply.json()) as { signedCertificateEmbeddedSct?: { chain: { certificates: string[] } } };
        res.writeHead(reply.status, { 'content-type': 'application/pem-certificate-chain' });
        res.end(json.signedCertificateEmbeddedSct?.chain.certificates.join('') ?? JSON.stringify(json));
      })().catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const pem = (b64: string, label: string) => `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;

/** `cosign attest-blob` (2.x: in-toto Statement v0.1) against the stand-in, through the v1 adapter. */
async function cosignAttestBlob(predicate: unknown, out: string): Promise<Ran> {
  const root = sigstore.trustedRoot as { ctlogs: { publicKey: { rawBytes: string } }[]; tlogs: { publicKey: { rawBytes: string } }[]; certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[] };
  const f = (n: string) => path.join(work, n);
  await writeFile(f('ctlog.pem'), pem(root.ctlogs[0]!.publicKey.rawBytes, 'PUBLIC KEY'));
  await writeFile(f('rekor.pem'), pem(root.tlogs[0]!.publicKey.rawBytes, 'PUBLIC KEY'));
  await writeFile(f('fulcio.pem'), root.certificateAuthorities[0]!.certChain.certificates.map((c) => pem(c.rawBytes, 'CERTIFICATE')).join(''));
  await writeFile(f('predicate.json'), JSON.stringify(predicate));
  const adapter = fulcioV1.address() as { port: number };
  return run(
    refs.cosign2.bin,
    ['attest-blob', '--predicate', f('predicate.json'), '--type', PREDICATE_TYPE, '--fulcio-url', `http://127.0.0.1:${adapter.port}`, '--rekor-url', sigstore.rekorURL,
      '--identity-token', sigstore.mintToken({}, 'sigstore'), '--bundle', out, '--new-bundle-format', '--yes', model],
    { env: { SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: f('ctlog.pem'), SIGSTORE_REKOR_PUBLIC_KEY: f('rekor.pem'), SIGSTORE_ROOT_FILE: f('fulcio.pem') } },
  );
}

beforeAll(async () => {
  // Throws (failing every test here) with the reason when the tools cannot be had.
  refs = referenceVerifiers();
  sigstore = await startSigstoreStandin();
  fulcioV1 = await fulcioV1Adapter(sigstore.fulcioURL);
  work = await mkdtemp(path.join(tmpdir(), 'mlp-refverify-'));
  rootFile = path.join(work, 'trusted_root.json');
  await copyFile(sigstore.trustedRootPath, rootFile);
  await mkdir(path.join(work, 'model'));
  model = path.join(work, 'model', 'weights.safetensors');
  await writeFile(model, 'weights: 0.1 0.2 0.3\n'.repeat(40));
  // Built by the run the stand-in's runner token names (acme/models, commit a…a, run 4242), as a real build is.
  const statement = asBuiltBy(makeStatement({ models: [{ name: 'model/weights.safetensors', sha256: sha256(await readFile(model)) }] }));
  await writeFile(path.join(work, 'provenance.intoto.json'), JSON.stringify(statement, null, 2));
  const ctx: GitHubContext = {
    serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', repository: 'acme/models', repositoryId: '2002', repositoryOwnerId: '1001', sha: 'a'.repeat(40),
    ref: 'refs/heads/main', workflowRef: 'acme/models/.github/workflows/train.yml@refs/heads/main', runId: '4242', runAttempt: '1', eventName: 'push',
    runner: { environment: 'github-hosted', os: 'Linux' }, event: {},
  };
  await writeFile(path.join(work, 'provenance.slsa.intoto.json'), JSON.stringify(buildSlsaStatement(statement, ctx)));
  const sign = (file: string, out: string) =>
    runCliAsync(['sign', path.join(work, file), '--out', path.join(work, out), '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!], { env: sigstore.runnerEnv() });
  for (const [file, out] of [['provenance.intoto.json', 'provenance.sigstore.json'], ['provenance.slsa.intoto.json', 'provenance.slsa.sigstore.json']] as const) {
    const r = await sign(file, out);
    if (r.code !== 0) throw new Error(`ml-provenance sign failed: ${r.stderr}`);
  }
  training = JSON.parse(await readFile(path.join(work, 'provenance.sigstore.json'), 'utf8')) as Record<string, any>;
  slsaBundleFile = path.join(work, 'provenance.slsa.sigstore.json');
}, 900_000);
afterAll(async () => {
  fulcioV1?.close();
  await sigstore?.close();
});

describe('the reference verifiers', () => {
  test('are the Debian versions the docs talk about (cosign 2.x from trixie, 3.x and sigstore-go 1.x from sid)', () => {
    expect(refs.cosign2.version).toMatch(/^2\./);
    expect(refs.cosign3.version).toMatch(/^3\./);
    expect(refs.sigstoreGo.version).toMatch(/^1\./);
  });
});

describe('ml-provenance verify agrees with cosign 2.5, cosign 3.x and sigstore-go on altered bundles', () => {
  test.each(TAMPERED)('$name', async (c) => {
    const file = path.join(work, `case-${c.name.replace(/[^a-z0-9]+/gi, '-')}.json`);
    const doc = c.make();
    await writeFile(file, c.raw ? String(doc) : JSON.stringify(doc));
    const results = await Promise.all(TOOLS.map((t) => verifyWith(t, file)));
    const got = Object.fromEntries(TOOLS.map((t, i) => [t, results[i]!.code]));
    const want = (t: 'cosign-2' | 'cosign-3' | 'sigstore-go') => ((typeof c.verdict === 'string' ? c.verdict : c.verdict[t]) === 'accept' ? 0 : 1);
    expect(got, JSON.stringify(results.map((r) => r.stderr.split('\n').filter(Boolean).at(-1)))).toEqual({
      'cosign-2': want('cosign-2'),
      'cosign-3': want('cosign-3'),
      'sigstore-go': want('sigstore-go'),
      'ml-provenance': c.exit,
    });
    const mine = results[3]!;
    expect(mine.stdout + mine.stderr).not.toMatch(JS_INTERNALS);
    if (c.exit === 2) {
      expect(mine.stdout).toBe('');
      expect(mine.stderr).toMatch(/^error: .*case-.*\.json (is not a Sigstore bundle: |is a Sigstore bundle (of a version this verifier does not know|with unknown field))/);
      expect(mine.stderr).toMatch(/ — /);
    }
    if (c.failure) expect(mine.stdout).toMatch(new RegExp(`^FAILED: ${c.failure.source.replace(/^\^/, '')}`, 'm'));
  }, 120_000);

  test('after a failed SET nothing that depends on it passes: timestamps, certificate and signature name transparency-log', async () => {
    const b = clone(training);
    delete b.verificationMaterial.timestampVerificationData;
    entry(b).integratedTime = String(Number(entry(b).integratedTime) + 3600);
    const file = path.join(work, 'moved-no-tsa.json');
    await writeFile(file, JSON.stringify(b));
    const r = await verifyWith('ml-provenance', file);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('ok '))).toEqual([expect.stringMatching(/^ok\s+bundle\s/)]);
    for (const name of ['signature', 'certificate', 'timestamps']) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^skip\\s+${name}\\s+not checked because transparency-log failed`)));
    }
    expect(r.stdout).not.toMatch(/does not chain|forged/);
  });
});

describe('a statement claiming another repository than the certificate (the identity is the certificate\'s)', () => {
  test('cosign --certificate-github-workflow-repository reads the certificate: acme/models passes, victim/models fails; ml-provenance fails source', async () => {
    // Signed by acme/models' workflow (the stand-in's runner token); the statement says victim/models built it.
    const spoof = asBuiltBy(JSON.parse(await readFile(path.join(work, 'provenance.intoto.json'), 'utf8')), {
      repository: 'victim/models', workflow_ref: 'victim/models/.github/workflows/train.yml@refs/heads/main',
    });
    await writeFile(path.join(work, 'spoof.intoto.json'), JSON.stringify(spoof));
    const signed = await runCliAsync(['sign', path.join(work, 'spoof.intoto.json'), '--out', path.join(work, 'spoof.sigstore.json'),
      '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!], { env: sigstore.runnerEnv() });
    expect(signed.code).toBe(0);
    const bundle = path.join(work, 'spoof.sigstore.json');
    const cosignFor = (bin: string, repo: string) =>
      run(bin, ['verify-blob-attestation', '--bundle', bundle, '--new-bundle-format', '--trusted-root', rootFile, '--type', PREDICATE_TYPE,
        '--certificate-identity-regexp', SAN_RE, '--certificate-oidc-issuer', ISSUER, '--certificate-github-workflow-repository', repo, model]);
    for (const bin of [refs.cosign2.bin, refs.cosign3.bin]) {
      expect((await cosignFor(bin, 'acme/models')).code).toBe(0);
      const victim = await cosignFor(bin, 'victim/models');
      expect(victim.code).toBe(1);
      expect(victim.stderr).toMatch(/expected GitHub workflow repository not found in certificate|victim\/models/i);
    }
    // ml-provenance: the signer is acme/models (identity passes), the statement's claim is not (source fails).
    const mine = await run(process.execPath, [CLI, 'verify', model, '--bundle', bundle, '--repo', 'acme/models', '--custom-trusted-root', rootFile, '--offline']);
    expect(mine.code).toBe(1);
    expect(mine.stdout).toMatch(/^ok\s+identity\s/m);
    expect(mine.stdout).toMatch(/^FAIL\s+source\s+buildDefinition\.externalParameters\.workflow\.repository names https:\/\/github\.com\/victim\/models, but the certificate's Source Repository URI \(1\.3\.6\.1\.4\.1\.57264\.1\.12\) is https:\/\/github\.com\/acme\/models/m);
    // --repo victim/models: the certificate says otherwise, as cosign does.
    const asVictim = await run(process.execPath, [CLI, 'verify', model, '--bundle', bundle, '--repo', 'victim/models', '--custom-trusted-root', rootFile, '--offline']);
    expect(asVictim.code).toBe(1);
    expect(asVictim.stdout).toMatch(/FAILED: identity: the source repository is acme\/models, expected victim\/models/);
  });

  test('a statement naming victim/models only in its source dependency or run: cosign --certificate-github-workflow-repository acme/models accepts (it reads the certificate only); ml-provenance fails source', async () => {
    const base = asBuiltBy(JSON.parse(await readFile(path.join(work, 'provenance.intoto.json'), 'utf8')));
    const edits: Record<string, (p: any) => void> = {
      depuri: (p) => (p.buildDefinition.resolvedDependencies[0].uri = 'git+https://github.com/victim/models@refs/heads/main'),
      localtype: (p) => {
        p.buildDefinition.buildType = 'https://ml-provenance.dev/training-record/local/v1';
        p.runDetails.metadata.invocationId = 'https://github.com/victim/models/actions/runs/99/attempts/1';
      },
    };
    for (const [name, edit] of Object.entries(edits)) {
      const st = clone(base) as any;
      edit(st.predicate);
      const file = path.join(work, `${name}.intoto.json`);
      const bundle = path.join(work, `${name}.sigstore.json`);
      await writeFile(file, JSON.stringify(st));
      const signed = await runCliAsync(['sign', file, '--out', bundle, '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!], { env: sigstore.runnerEnv() });
      expect(signed.code, signed.stderr).toBe(0);
      for (const bin of [refs.cosign2.bin, refs.cosign3.bin]) {
        const c = await run(bin, ['verify-blob-attestation', '--bundle', bundle, '--new-bundle-format', '--trusted-root', rootFile, '--type', PREDICATE_TYPE,
          '--certificate-identity-regexp', SAN_RE, '--certificate-oidc-issuer', ISSUER, '--certificate-github-workflow-repository', 'acme/models', model]);
        expect(c.code, `${name} ${bin}: ${c.stderr}`).toBe(0);
      }
      const mine = await run(process.execPath, [CLI, 'verify', model, '--bundle', bundle, '--repo', 'acme/models', '--custom-trusted-root', rootFile, '--offline']);
      expect(mine.code, name).toBe(1);
      expect(mine.stdout).toMatch(/^ok\s+identity\s/m);
      expect(mine.stdout).toMatch(/^FAIL\s+source\s+.*names https:\/\/github\.com\/victim\/models/m);
    }
  });
});

describe('cosign 2.x attest-blob (in-toto Statement v0.1) bundles', () => {
  test('a bundle cosign 2.5 attest-blob made against the stand-in verifies with ml-provenance (same predicate checks), cosign and sigstore-go', async () => {
    const out = path.join(work, 'cosign-attest-blob.sigstore.json');
    const made = await cosignAttestBlob(JSON.parse(await readFile(path.join(work, 'provenance.intoto.json'), 'utf8')).predicate, out);
    expect(made.code, made.stderr).toBe(0);
    const bundle = JSON.parse(await readFile(out, 'utf8')) as { dsseEnvelope: { payload: string } };
    expect(JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'))._type).toBe('https://in-toto.io/Statement/v0.1');
    const [c2, c3, sg] = await Promise.all((['cosign-2', 'cosign-3', 'sigstore-go'] as const).map((t) => verifyWith(t, out)));
    expect([c2!.code, c3!.code, sg!.code]).toEqual([0, 0, 0]);
    const r = await run(process.execPath, [CLI, 'verify', model, '--bundle', out, '--repo', 'acme/models', '--custom-trusted-root', rootFile, '--offline', '--policy', 'standard']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^ok\s+statement\s+in-toto Statement v0\.1 \(as cosign 2\.x attest-blob writes\) with a valid ml-provenance training record \(1 subject\(s\)\)$/m);
    expect(r.stdout).toMatch(/^ok\s+policy\s+complete under policy "standard"/m);
  }, 120_000);

  test('a v0.1 statement whose predicate is not a valid training record fails the statement check', async () => {
    const out = path.join(work, 'cosign-attest-blob-bad.sigstore.json');
    const predicate = JSON.parse(await readFile(path.join(work, 'provenance.intoto.json'), 'utf8')).predicate as Record<string, unknown>;
    delete predicate.runDetails;
    const made = await cosignAttestBlob(predicate, out);
    expect(made.code, made.stderr).toBe(0);
    const r = await verifyWith('ml-provenance', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL\s+statement\s+.*runDetails/m);
  }, 120_000);
});

/** The sh blocks of docs/VERIFYING.md marked `<!-- tested: reference-verifiers -->`. */
async function documentedCommands(): Promise<string[]> {
  const doc = await readFile(path.join(ROOT, 'docs', 'VERIFYING.md'), 'utf8');
  return [...doc.matchAll(/<!-- tested: reference-verifiers -->\s*```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Run a documented block in a folder laid out as a release download, with `cosign` on PATH and the stand-in's root. */
async function runDocumented(block: string, cosignBin: string, bundle: string): Promise<Ran> {
  const dir = await mkdtemp(path.join(work, 'release-'));
  await mkdir(path.join(dir, 'model'));
  await mkdir(path.join(dir, 'bin'));
  await copyFile(model, path.join(dir, 'model', 'weights.safetensors'));
  await copyFile(bundle, path.join(dir, 'provenance.sigstore.json'));
  await copyFile(slsaBundleFile, path.join(dir, 'provenance.slsa.sigstore.json'));
  await copyFile(rootFile, path.join(dir, 'trusted_root.json'));
  await symlink(cosignBin, path.join(dir, 'bin', 'cosign'));
  // The self-hosted form the docs describe: the same command plus --trusted-root.
  const script = block.replace(/cosign verify-blob-attestation \\\n/g, 'cosign verify-blob-attestation --trusted-root trusted_root.json \\\n');
  expect(script).toContain('--trusted-root trusted_root.json');
  return run('sh', ['-c', script], { cwd: dir, env: { PATH: `${path.join(dir, 'bin')}:${process.env.PATH ?? ''}` } });
}

describe('docs/VERIFYING.md cosign commands, run with the fetched cosign', () => {
  test('the docs have the two tested blocks: the plain --type command and the one safe on cosign 2.5', async () => {
    const blocks = await documentedCommands();
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toContain('.predicateType');
  });

  test('cosign 2.5 ignores --type for bundles: the SLSA companion passes as the training record; cosign 3.x refuses it', async () => {
    const [plain] = await documentedCommands();
    const slsaAsTraining = slsaBundleFile;
    const v2 = await runDocumented(plain!, refs.cosign2.bin, slsaAsTraining);
    expect(v2.code, v2.stderr).toBe(0);
    const v3 = await runDocumented(plain!, refs.cosign3.bin, slsaAsTraining);
    expect(v3.code).not.toBe(0);
    expect(v3.stderr).toMatch(/invalid predicate type/);
    // The training bundle passes with both.
    for (const bin of [refs.cosign2.bin, refs.cosign3.bin]) expect((await runDocumented(plain!, bin, path.join(work, 'provenance.sigstore.json'))).code).toBe(0);
  }, 120_000);

  test('the safe command accepts the training bundle and refuses the SLSA companion with cosign 2.5 and 3.x', async () => {
    const [, safe] = await documentedCommands();
    for (const bin of [refs.cosign2.bin, refs.cosign3.bin]) {
      const ok = await runDocumented(safe!, bin, path.join(work, 'provenance.sigstore.json'));
      expect({ bin, code: ok.code, err: ok.stderr.slice(-300) }).toMatchObject({ bin, code: 0 });
      const swapped = await runDocumented(safe!, bin, slsaBundleFile);
      expect({ bin, refused: swapped.code !== 0 }).toEqual({ bin, refused: true });
    }
  }, 120_000);
});
