import { X509Certificate } from '@sigstore/core';
import type { SignerIdentity } from './verdict.js';

// Fulcio's certificate extensions (fulcio docs/oid-info.md). 1.1 is the legacy raw-bytes issuer.
const OIDS: Array<[keyof SignerIdentity, string]> = [
  ['issuer', '1.3.6.1.4.1.57264.1.8'],
  ['buildSignerURI', '1.3.6.1.4.1.57264.1.9'],
  ['buildSignerDigest', '1.3.6.1.4.1.57264.1.10'],
  ['runnerEnvironment', '1.3.6.1.4.1.57264.1.11'],
  ['sourceRepositoryURI', '1.3.6.1.4.1.57264.1.12'],
  ['sourceRepositoryDigest', '1.3.6.1.4.1.57264.1.13'],
  ['sourceRepositoryRef', '1.3.6.1.4.1.57264.1.14'],
  ['sourceRepositoryOwnerURI', '1.3.6.1.4.1.57264.1.16'],
  ['buildConfigURI', '1.3.6.1.4.1.57264.1.18'],
  ['buildTrigger', '1.3.6.1.4.1.57264.1.20'],
  ['runInvocationURI', '1.3.6.1.4.1.57264.1.21'],
];
const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';

/** Values from 1.3.6.1.4.1.57264.1.8 on are DER UTF8Strings inside the extension's OCTET STRING. */
function utf8Extension(cert: X509Certificate, oid: string): string | undefined {
  const ext = cert.extension(oid);
  if (!ext) return undefined;
  try {
    return ext.valueObj.subs[0]?.value.toString('utf8');
  } catch {
    return undefined;
  }
}

/** What the Fulcio certificate says about who signed. */
export function signerIdentity(certDER: Uint8Array): SignerIdentity {
  const cert = X509Certificate.parse(Buffer.from(certDER));
  const id: SignerIdentity = {};
  const san = cert.subjectAltName;
  if (san) id.subjectAlternativeName = san;
  for (const [key, oid] of OIDS) {
    const v = utf8Extension(cert, oid);
    if (v !== undefined) id[key] = v;
  }
  if (!id.issuer) {
    const legacy = cert.extension(OID_ISSUER_V1)?.value.toString('utf8');
    if (legacy) id.issuer = legacy;
  }
  return id;
}

/** The leaf certificate of a bundle document (not verified here), when it has one. */
export function bundleCertificate(bundle: Record<string, unknown> | undefined): Uint8Array | undefined {
  const vm = (bundle as { verificationMaterial?: { certificate?: { rawBytes?: string }; x509CertificateChain?: { certificates?: Array<{ rawBytes?: string }> } } } | undefined)?.verificationMaterial;
  const raw = vm?.certificate?.rawBytes ?? vm?.x509CertificateChain?.certificates?.[0]?.rawBytes;
  return raw ? Buffer.from(raw, 'base64') : undefined;
}

/** What a bundle's certificate says about who signed; empty when it has none or it does not parse (verify fails such a bundle). */
export function bundleSigner(bundle: Record<string, unknown> | undefined): SignerIdentity {
  const cert = bundleCertificate(bundle);
  if (!cert) return {};
  try {
    return signerIdentity(cert);
  } catch {
    return {};
  }
}
