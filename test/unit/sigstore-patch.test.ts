// patches/@sigstore+core+4.0.1.patch memoizes ASN1Obj.toDER(). These tests run the real
// (patched) @sigstore/core and @sigstore/verify over a bundle from the Sigstore stand-in.
import { readFile } from 'node:fs/promises';
import { bundleFromJSON } from '@sigstore/bundle';
import { ASN1Obj, X509Certificate } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signStatement } from '../../src/sign/index.js';
import { makeStatement } from '../fixtures/statements.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';

let a: SigstoreStandin;
let b: SigstoreStandin;
let bundleJSON: Record<string, unknown>;
let leafDER: Buffer<ArrayBuffer>;

beforeAll(async () => {
  [a, b] = await Promise.all([startSigstoreStandin(), startSigstoreStandin()]);
  bundleJSON = (
    await signStatement(makeStatement(), { instance: 'custom', fulcioURL: a.fulcioURL, rekorURL: a.rekorURL, ...(a.tsaURL ? { tsaURL: a.tsaURL } : {}), env: a.runnerEnv() })
  ).bundle as Record<string, unknown>;
  const vm = bundleJSON.verificationMaterial as { certificate?: { rawBytes: string }; x509CertificateChain?: { certificates: { rawBytes: string }[] } };
  leafDER = Buffer.from(vm.certificate?.rawBytes ?? vm.x509CertificateChain!.certificates[0]!.rawBytes, 'base64');
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const rootOf = async (s: SigstoreStandin) => TrustedRoot.fromJSON(JSON.parse(await readFile(s.trustedRootPath, 'utf8')));
const verifierFor = (root: TrustedRoot) => new Verifier(toTrustMaterial(root), { ctlogThreshold: 1, tlogThreshold: 1, tsaThreshold: 1 });

describe('the @sigstore/core toDER patch', () => {
  test('is applied (npm ci runs patch-package)', () => {
    expect(typeof (ASN1Obj.prototype as unknown as { encodeDER?: unknown }).encodeDER).toBe('function');
  });

  test('encodes a certificate to its original bytes, again and again', () => {
    const cert = X509Certificate.parse(leafDER);
    expect(cert.root.toDER().equals(leafDER)).toBe(true);
    expect(cert.root.toDER().equals(leafDER)).toBe(true);
    const fresh = X509Certificate.parse(Buffer.from(leafDER)).tbsCertificate as unknown as { encodeDER(): Buffer };
    expect(cert.tbsCertificate.toDER().equals(fresh.encodeDER())).toBe(true);
  });

  test('hands out copies: a caller writing into the buffer does not change the next encoding', () => {
    const cert = X509Certificate.parse(leafDER);
    const first = cert.root.toDER();
    first[0] = 0x31; // what RFC3161Timestamp.verifySignature does to signedAttrs
    first.fill(0, 10, 20);
    expect(cert.root.toDER().equals(leafDER)).toBe(true);
    expect(cert.equals(X509Certificate.parse(Buffer.from(leafDER)))).toBe(true);
  });

  test('a certificate differing in one byte is not equal (no stale encoding)', () => {
    const other = Buffer.from(leafDER) as Buffer<ArrayBuffer>;
    other[other.length - 5]! ^= 0x01; // inside the signature value: still parses
    const x = X509Certificate.parse(leafDER);
    const y = X509Certificate.parse(other);
    x.root.toDER();
    expect(x.equals(y)).toBe(false);
  });

  test('a bundle verifies twice with warm encodings (SCT check edits a fresh clone), and fails on a wrong CT log key', async () => {
    const root = await rootOf(a);
    const verifier = verifierFor(root);
    const entity = () => toSignedEntity(bundleFromJSON(bundleJSON));
    expect(() => verifier.verify(entity())).not.toThrow();
    expect(() => verifier.verify(entity())).not.toThrow();

    // Same trust root but another instance's CT log key: only the SCT check can fail.
    const foreign = await rootOf(b);
    const wrongCt = TrustedRoot.fromJSON({ ...TrustedRoot.toJSON(root) as object, ctlogs: (TrustedRoot.toJSON(foreign) as { ctlogs: unknown[] }).ctlogs.map((c) => ({ ...(c as object), logId: (TrustedRoot.toJSON(root) as { ctlogs: { logId: unknown }[] }).ctlogs[0]!.logId })) });
    expect(() => verifierFor(wrongCt).verify(entity())).toThrow(/SCT|signed certificate timestamp/i);
  });
});

// patches/@sigstore+verify+4.1.3.patch: the inclusion proof's own rootHash and treeSize
// must be the ones the signed checkpoint commits to, as rekor/cosign/sigstore-go require.
describe('the @sigstore/verify inclusion-proof patch', () => {
  type Entry = { inclusionProof: { rootHash: string; treeSize: string }; inclusionPromise?: unknown };
  const altered = (f: (e: Entry) => void) => {
    const copy = JSON.parse(JSON.stringify(bundleJSON)) as { verificationMaterial: { tlogEntries: Entry[] } };
    for (const e of copy.verificationMaterial.tlogEntries) {
      // Without the SET, only the inclusion proof can vouch for the entry.
      delete e.inclusionPromise;
      f(e);
    }
    return toSignedEntity(bundleFromJSON(copy));
  };

  test('an untouched proof still verifies (checked without the SET, so the proof is what vouches)', () => {
    expect(() => verifierFor(rootOf_cached!).verify(altered(() => {}))).not.toThrow();
  });

  test('a flipped bit in rootHash is rejected', () => {
    const flip = (e: Entry) => {
      const h = Buffer.from(e.inclusionProof.rootHash, 'base64');
      h[h.length - 1] = h[h.length - 1]! ^ 0x80;
      e.inclusionProof.rootHash = h.toString('base64');
    };
    expect(() => verifierFor(rootOf_cached!).verify(altered(flip))).toThrow('inclusion proof root hash does not match checkpoint');
  });

  test.each(['5', '0', '2', 'x'])('treeSize %s is rejected', (size) => {
    expect(() => verifierFor(rootOf_cached!).verify(altered((e) => (e.inclusionProof.treeSize = size)))).toThrow(/inclusion proof tree size does not match checkpoint|invalid/);
  });

  test("the Verifier keeps the private verifyTLogs step src/verify/signature.ts calls to name a failed log entry", () => {
    expect(typeof (verifierFor(rootOf_cached!) as unknown as { verifyTLogs?: unknown }).verifyTLogs).toBe('function');
  });
});
let rootOf_cached: TrustedRoot | undefined;
beforeAll(async () => {
  rootOf_cached = await rootOf(a);
});
