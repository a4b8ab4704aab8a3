import { createHash } from 'node:crypto';

export interface TrustParts {
  fulcioURL: string;
  caRoot: ArrayBufferView;
  ctlog: { publicKey: Buffer; logID: ArrayBufferView };
  rekorURL: string;
  rekorPublicKey: Buffer;
  tsa?: { url: string; signing: ArrayBufferView; root: ArrayBufferView };
  validFrom: Date;
}

const b64 = (b: Uint8Array | ArrayBufferView): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');

/**
 * A Sigstore TrustedRoot (protobuf-specs JSON, the format of the public TUF
 * target `trusted_root.json` and of `cosign --trusted-root`) for this stand-in.
 */
export function trustedRootJSON(p: TrustParts): Record<string, unknown> {
  const start = { start: p.validFrom.toISOString() };
  const key = (der: Buffer) => ({ rawBytes: b64(der), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: start });
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        // The checkpoint signer's name is the log's host:port; verifiers match it against baseUrl.
        baseUrl: p.rekorURL,
        hashAlgorithm: 'SHA2_256',
        publicKey: key(p.rekorPublicKey),
        logId: { keyId: createHash('sha256').update(p.rekorPublicKey).digest('base64') },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: p.fulcioURL,
        certChain: { certificates: [{ rawBytes: b64(p.caRoot) }] },
        validFor: start,
      },
    ],
    ctlogs: [
      {
        baseUrl: `${p.fulcioURL}/ct`,
        hashAlgorithm: 'SHA2_256',
        publicKey: key(p.ctlog.publicKey),
        logId: { keyId: b64(p.ctlog.logID) },
      },
    ],
    timestampAuthorities: p.tsa
      ? [
          {
            subject: { organization: 'sigstore.mock', commonName: 'tsa' },
            uri: p.tsa.url,
            certChain: { certificates: [{ rawBytes: b64(p.tsa.signing) }, { rawBytes: b64(p.tsa.root) }] },
            validFor: start,
          },
        ]
      : [],
  };
}
