import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A directory with two "model" files whose digests tests can put in a statement. */
export async function modelDir(): Promise<{ dir: string; files: { name: string; path: string; sha256: string }[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mlp-models-'));
  await mkdir(path.join(dir, 'model'), { recursive: true });
  const contents: Array<[string, string]> = [
    ['model/weights.bin', 'weights: 0.1 0.2 0.3\n'.repeat(50)],
    ['model/config.json', '{"layers": 2}\n'],
  ];
  const files = [];
  for (const [name, text] of contents) {
    const p = path.join(dir, name);
    await writeFile(p, text);
    files.push({ name, path: p, sha256: createHash('sha256').update(text).digest('hex') });
  }
  return { dir, files };
}

type BundleJSON = Record<string, unknown> & {
  dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] };
  verificationMaterial: { tlogEntries: unknown[]; timestampVerificationData?: { rfc3161Timestamps: unknown[] }; certificate?: { rawBytes: string } };
};

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A copy of the bundle with its DSSE payload bytes rewritten (the signature is left as it was). */
export function withPayload(bundle: Record<string, unknown>, edit: (payload: Buffer) => Buffer): Record<string, unknown> {
  const b = clone(bundle) as BundleJSON;
  b.dsseEnvelope.payload = edit(Buffer.from(b.dsseEnvelope.payload, 'base64')).toString('base64');
  return b;
}

/** A copy of the bundle with the statement JSON edited. */
export function withStatement(bundle: Record<string, unknown>, edit: (s: Record<string, any>) => void): Record<string, unknown> {
  return withPayload(bundle, (p) => {
    const s = JSON.parse(p.toString('utf8')) as Record<string, any>;
    edit(s);
    return Buffer.from(JSON.stringify(s));
  });
}

export function withoutTlogEntries(bundle: Record<string, unknown>): Record<string, unknown> {
  const b = clone(bundle) as BundleJSON;
  b.verificationMaterial.tlogEntries = [];
  return b;
}

export function withoutTimestamps(bundle: Record<string, unknown>): Record<string, unknown> {
  const b = clone(bundle) as BundleJSON;
  delete b.verificationMaterial.timestampVerificationData;
  return b;
}

export function dssePayload(bundle: Record<string, unknown>): Buffer {
  return Buffer.from((bundle as BundleJSON).dsseEnvelope.payload, 'base64');
}

export function certificatePEM(bundle: Record<string, unknown>): string {
  const raw = (bundle as BundleJSON).verificationMaterial.certificate?.rawBytes;
  if (!raw) throw new Error('bundle has no certificate');
  return pemCertificate(raw);
}

/** PEM from base64 DER: 64-character lines and no blank line when the length is a multiple of 64 (OpenSSL rejects one). */
export function pemCertificate(b64: string): string {
  return `-----BEGIN CERTIFICATE-----\n${(b64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
}

export function signatureBytes(bundle: Record<string, unknown>): Buffer {
  return Buffer.from((bundle as BundleJSON).dsseEnvelope.signatures[0]!.sig, 'base64');
}
