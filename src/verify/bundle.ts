import nodeCrypto from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { RFC3161Timestamp, X509Certificate, crypto } from '@sigstore/core';
import { toSignedEntity, type SignedEntity } from '@sigstore/verify';
import { IN_TOTO_PAYLOAD_TYPE } from '../statement/load.js';
import { describeBundleProblem, readBundleDocument } from './bundle-format.js';
import { pass, fail, type Check } from './verdict.js';

export interface ParsedBundle {
  bundle: Bundle;
  /** The exact signed bytes (the DSSE payload). */
  payload: Buffer;
  certificate: Uint8Array;
  /** The bundle as @sigstore/verify sees it (timestamps parsed, key located). */
  entity: SignedEntity;
}

/** Step 1: a Sigstore bundle with a certificate and a DSSE envelope carrying an in-toto statement. */
export function parseBundle(doc: unknown): { check: Check; parsed?: ParsedBundle } {
  // Fail closed on what we do not know (and never hand a non-object to the library).
  const read = readBundleDocument(doc);
  if ('problem' in read) return { check: fail('bundle', describeBundleProblem(read.problem)) };
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(read.bundle);
  } catch (err) {
    const fields = (err as { fields?: string[] }).fields;
    return { check: fail('bundle', `not a valid Sigstore bundle: ${libraryMessage(err)}${fields?.length ? ` (${fields.join(', ')})` : ''}`) };
  }
  if (bundle.content.$case !== 'dsseEnvelope') {
    return { check: fail('bundle', 'the bundle signs a message, not a DSSE envelope: it is not an attestation') };
  }
  const env = bundle.content.dsseEnvelope;
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return { check: fail('bundle', `the DSSE payload type is ${env.payloadType}, expected ${IN_TOTO_PAYLOAD_TYPE}`) };
  }
  const vm = bundle.verificationMaterial.content;
  const certificate =
    vm.$case === 'certificate' ? vm.certificate.rawBytes : vm.$case === 'x509CertificateChain' ? vm.x509CertificateChain.certificates[0]?.rawBytes : undefined;
  if (!certificate) {
    return { check: fail('bundle', 'the bundle is signed with a bare public key, not a Sigstore (Fulcio) certificate, so no signer identity can be checked') };
  }
  // A key id is an unsigned hint; a certificate-signed envelope has none. cosign and
  // sigstore-go refuse a signature whose key id is not the certificate key's, so a
  // bundle with one verifies nowhere else: refuse it here too.
  const keyid = env.signatures[0]?.keyid;
  if (keyid) {
    return { check: fail('bundle', `the DSSE signature names key id ${JSON.stringify(keyid.slice(0, 80))}, but a certificate-signed Sigstore envelope carries none: the bundle was altered`) };
  }
  let entity: SignedEntity;
  try {
    entity = toSignedEntity(bundle);
    // An RFC 3161 timestamp's time is parsed only when the verifier reaches it, and its error then
    // carried no step (reported as `certificate: invalid time`, after `timestamps` had passed): read it now.
    for (const t of entity.timestamps) if (t.$case === 'timestamp-authority') void t.timestamp.signingTime;
  } catch (err) {
    return { check: fail('bundle', `the bundle's ${unreadablePart(bundle, certificate)} cannot be read: ${libraryMessage(err)}`) };
  }
  const certProblem = certificateProblem(certificate) ?? certificateKeyProblem(entity);
  if (certProblem) return { check: fail('bundle', `the bundle's signing certificate cannot be read: ${certProblem}`) };
  const m = /bundle\.v([\d.]+)\+json|version=([\d.]+)/.exec(bundle.mediaType);
  const version = m ? (m[1] ?? m[2]) : bundle.mediaType;
  return {
    check: pass('bundle', `Sigstore bundle v${version} with a DSSE envelope (${IN_TOTO_PAYLOAD_TYPE}) and a signing certificate`),
    parsed: { bundle, payload: Buffer.from(env.payload), certificate, entity },
  };
}

/**
 * Why the certificate is not DER as OpenSSL (and Go's crypto/x509, cosign's) reads it, or
 * undefined. @sigstore/core's parser skips over a wrong outer tag (a SEQUENCE's 0x30 changed to
 * 0x31), so a certificate that cosign and openssl refuse as malformed verified; Node's X.509
 * parser is OpenSSL's and holds the encoding to the standard.
 */
function certificateProblem(der: Uint8Array): string | undefined {
  try {
    new nodeCrypto.X509Certificate(Buffer.from(der));
    return undefined;
  } catch (err) {
    if (err instanceof TypeError || !(err instanceof Error)) throw err;
    // OpenSSL reports the last format it tried (PEM: "no start line"), which says nothing useful here.
    return "it is not a valid DER X.509 certificate as OpenSSL and cosign read it; it was altered or damaged";
  }
}

/**
 * Why the certificate's public key is not a key (a changed byte inside it), or undefined.
 * The certificate parses without reading its key; Node reads it only when the signature
 * is checked, and its error ("Failed to read asymmetric key", no code) escaped verify as
 * an unexpected failure. Only this call on the bundle's bytes is classified: a TypeError
 * (wrong argument, our bug) still escapes.
 */
function certificateKeyProblem(entity: SignedEntity): string | undefined {
  if (entity.key.$case !== 'certificate') return undefined;
  try {
    crypto.createPublicKey(entity.key.certificate.publicKey);
    return undefined;
  } catch (err) {
    if (err instanceof TypeError || !(err instanceof Error)) throw err;
    return `its public key is not a key (${err.message}); the certificate was altered or damaged`;
  }
}

/**
 * The library's own message for its coded errors; never a JavaScript engine's
 * ("Cannot read properties of …", "Maximum call stack size exceeded").
 */
export function libraryMessage(err: unknown): string {
  const internal = err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError || err instanceof SyntaxError;
  if (internal || !(err instanceof Error)) return 'malformed content (a field has a value of the wrong kind or size)';
  return err.message;
}

/** Which part of the verification material does not parse, for the reason line. */
function unreadablePart(bundle: Bundle, certificate: Uint8Array): string {
  const parses = (f: () => unknown): boolean => {
    try {
      f();
      return true;
    } catch {
      return false;
    }
  };
  if (!parses(() => X509Certificate.parse(Buffer.from(certificate)))) return 'signing certificate';
  const stamps = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? [];
  const bad = stamps.findIndex((t) => !parses(() => RFC3161Timestamp.parse(Buffer.from(t.signedTimestamp)).signingTime));
  if (bad >= 0) return `RFC 3161 timestamp [${bad}]`;
  return 'verification material';
}
