// patches/@sigstore+core+4.0.1.patch memoizes ASN1Obj.toDER(). These tests run the real
// (patched) @sigstore/core and @sigstore/verify over a bundle from the Sigstore stand-in.
import { readFile } from 'node:fs/promises';
import { bundleFromJSON } from '@sigstore/bundle';
import { ASN1Obj, ByteStream, X509Certificate } from '@sigstore/core';
import fc from 'fast-check';
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

// Upstream @sigstore/core 4.0.1's ASN1Obj.toDER(), unpatched (dist/asn1/obj.js, with
// encodeLength from dist/asn1/length.js): the oracle for every encoding the patch returns.
function upstreamLength(len: number): Buffer {
  if (len < 128) return Buffer.from([len]);
  const bytes: number[] = [];
  for (let v = BigInt(len); v > 0n; v >>= 8n) bytes.unshift(Number(v & 255n));
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
function upstreamDER(obj: ASN1Obj): Buffer {
  const valueStream = new ByteStream();
  if (obj.subs.length > 0) for (const sub of obj.subs) valueStream.appendView(upstreamDER(sub));
  else valueStream.appendView(obj.value);
  const value = valueStream.buffer;
  const out = new ByteStream();
  out.appendChar(obj.tag.toDER());
  out.appendView(upstreamLength(value.length));
  out.appendView(value);
  return out.buffer;
}
const nodesOf = (obj: ASN1Obj): ASN1Obj[] => [obj, ...obj.subs.flatMap(nodesOf)];
/** Every node encodes as upstream would, read twice (the second answer comes from the memo). */
function expectUpstreamEncodings(root: ASN1Obj): void {
  for (const node of nodesOf(root)) {
    const want = upstreamDER(node);
    expect(node.toDER().equals(want)).toBe(true);
    expect(node.toDER().equals(want)).toBe(true);
  }
}

/** Random DER: primitives (some OCTET STRINGs holding DER, as extnValue does) and constructed nodes, 1-300-byte values (long-form lengths included). */
const derTree: fc.Arbitrary<Buffer<ArrayBuffer>> = fc.letrec<{ node: Buffer<ArrayBuffer> }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom(0x02, 0x04, 0x06, 0x0c, 0x13, 0x80, 0x81), fc.uint8Array({ minLength: 1, maxLength: 300 })).map(([tag, v]) => Buffer.concat([Buffer.from([tag]), upstreamLength(v.length), v])),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((subs) => { const v = Buffer.concat(subs); return Buffer.concat([Buffer.from([0x04]), upstreamLength(v.length), v]); }),
    fc.tuple(fc.constantFrom(0x30, 0x31, 0xa0, 0xa3), fc.array(tie('node'), { minLength: 1, maxLength: 4 })).map(([tag, subs]) => { const v = Buffer.concat(subs); return Buffer.concat([Buffer.from([tag]), upstreamLength(v.length), v]); }),
  ),
})).node;

describe('the @sigstore/core in-place DER patch: the same bytes as unpatched upstream', () => {
  test('certificates of a real bundle and its trusted root: every node, parsed from a copy of the bytes', async () => {
    const root = JSON.parse(await readFile(a.trustedRootPath, 'utf8')) as { certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[]; timestampAuthorities?: { certChain: { certificates: { rawBytes: string }[] } }[] };
    const ders = [leafDER, ...[...root.certificateAuthorities, ...(root.timestampAuthorities ?? [])].flatMap((ca) => ca.certChain.certificates.map((c) => Buffer.from(c.rawBytes, 'base64')))];
    expect(ders.length).toBeGreaterThan(2);
    for (const der of ders) {
      const cert = X509Certificate.parse(der);
      expect(cert.root.toDER().equals(der)).toBe(true);
      expectUpstreamEncodings(cert.root);
    }
  });

  test('random DER trees: every node as upstream, before and after the tree is edited', () => {
    fc.assert(
      fc.property(derTree, fc.nat(), fc.nat(), fc.constantFrom('splice', 'swap', 'value', 'tag', 'push'), (der, pick, other, edit) => {
        const parsed = ASN1Obj.parseBuffer(der);
        expect(parsed.toDER().equals(der)).toBe(true);
        expectUpstreamEncodings(parsed);
        // Edit a fresh parse the ways a caller could (verifySCTs splices a clone's extension).
        const tree = ASN1Obj.parseBuffer(Buffer.from(der));
        const nodes = nodesOf(tree);
        const target = nodes[pick % nodes.length]!;
        const donor = nodesOf(ASN1Obj.parseBuffer(Buffer.from(der)))[other % nodes.length]!;
        if (edit === 'splice' && target.subs.length > 0) target.subs.splice(other % target.subs.length, 1);
        else if (edit === 'swap' && target.subs.length > 0) target.subs[other % target.subs.length] = donor;
        else if (edit === 'push' && target.subs.length > 0) target.subs.push(donor);
        else if (edit === 'value' && target.subs.length === 0) (target as { value: Buffer }).value = Buffer.from(target.value.map((b) => b ^ 0x5a));
        else if (edit === 'tag') (target.tag as { number: number }).number = target.tag.number === 0x02 ? 0x04 : 0x02;
        expectUpstreamEncodings(tree);
      }),
      { numRuns: 300 },
    );
  });

  test('an OCTET STRING that is not DER stays a primitive, one that is gets children, and the stack-trace limit is restored', () => {
    const limit = Error.stackTraceLimit;
    const notDer = ASN1Obj.parseBuffer(Buffer.from([0x04, 0x03, 0x30, 0x05, 0x01]));
    expect(notDer.subs).toEqual([]);
    expect([...notDer.value]).toEqual([0x30, 0x05, 0x01]);
    const der = ASN1Obj.parseBuffer(Buffer.from([0x04, 0x03, 0x02, 0x01, 0x07]));
    expect(der.subs.length).toBe(1);
    expect(der.subs[0]!.toInteger()).toBe(7n);
    expect(Error.stackTraceLimit).toBe(limit);
    // A real parse error outside the swallowed attempt still carries its stack.
    let err: Error | undefined;
    try {
      ASN1Obj.parseBuffer(Buffer.from([0x30, 0x05, 0x02]));
    } catch (e) {
      err = e as Error;
    }
    expect(err?.stack).toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
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
