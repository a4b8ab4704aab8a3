import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { crypto } from '@sigstore/core';
import { Verifier, toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import type { ParsedBundle } from './bundle.js';
import { pass, fail, skip, type Check, type CheckName } from './verdict.js';

type CryptoCheck = Extract<CheckName, 'timestamps' | 'certificate' | 'transparency-log' | 'signature'>;
// @sigstore/verify's Verifier runs these in this order and stops at the first failure.
const STEPS: CryptoCheck[] = ['timestamps', 'certificate', 'transparency-log', 'signature'];

/**
 * The trust material (parsed certificates and keys) of each trusted root, built once:
 * `lineage` verifies thousands of bundles against one root, and rebuilding it per
 * bundle re-parsed every CA certificate and re-created every key each time.
 * @sigstore/verify never changes a TrustMaterial.
 */
const trustMaterials = new WeakMap<TrustedRoot, TrustMaterial>();
function trustMaterialOf(root: TrustedRoot): TrustMaterial {
  let material = trustMaterials.get(root);
  if (!material) trustMaterials.set(root, (material = toTrustMaterial(root)));
  return material;
}

function stepOf(code: string | undefined): CryptoCheck | undefined {
  if (!code) return undefined;
  if (code === 'TIMESTAMP_ERROR') return 'timestamps';
  if (code === 'CERTIFICATE_ERROR' || code === 'PUBLIC_KEY_ERROR') return 'certificate';
  if (code.startsWith('TLOG_')) return 'transparency-log';
  if (code === 'SIGNATURE_ERROR') return 'signature';
  return undefined;
}

/** The library's terse messages, said so a release consumer knows what it means. */
function explain(step: CryptoCheck, message: string): string {
  if (step === 'timestamps') {
    if (/expected \d+ timestamps, got 0/.test(message)) {
      return 'no verifiable timestamp: the bundle has neither a transparency-log entry with a signed inclusion promise nor an RFC 3161 timestamp';
    }
    if (/timestamp could not be verified/.test(message)) {
      return 'the RFC 3161 timestamp was not issued by a timestamp authority in the trusted root (or does not cover this signature)';
    }
  }
  if (step === 'certificate' && /certificate chain|issuer|trusted/i.test(message)) {
    return `the signing certificate does not chain to a certificate authority in the trusted root (${message}) — signed by another Sigstore instance, or forged`;
  }
  if (step === 'transparency-log') {
    if (/expected \d+ tlog entries, got 0/.test(message)) return 'the bundle has no transparency-log entry (1 required): it was never logged in Rekor, or the entry was removed';
    if (/payload hash mismatch|signature mismatch/i.test(message)) return `the transparency-log entry records a different signature or payload than the bundle carries (${message})`;
    if (/inclusion|checkpoint|set|signed entry timestamp/i.test(message)) return `the transparency-log entry's proof of inclusion does not verify against the log's key (${message})`;
  }
  if (step === 'signature') return 'the DSSE signature does not verify over the payload with the certificate\'s key: the statement was changed after signing';
  return message;
}

const PASS_TEXT: Record<CryptoCheck, string> = {
  timestamps: 'signing time attested by the transparency log and/or a trusted timestamp authority',
  certificate: 'the Fulcio certificate chains to the trusted root, was valid at the signing time, and carries a valid SCT',
  'transparency-log': 'the Rekor entry matches this signature and payload, and its inclusion is proven by the log\'s key',
  signature: 'the DSSE signature verifies over the exact payload with the certificate\'s key',
};

function timestampText(parsed: ParsedBundle): string {
  const vm = parsed.bundle.verificationMaterial;
  const tlog = vm.tlogEntries.filter((e) => e.inclusionPromise).length;
  const tsa = vm.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
  const parts = [tlog && `${tlog} transparency-log time(s)`, tsa && `${tsa} RFC 3161 timestamp(s) from a trusted authority`].filter(Boolean);
  return `signing time attested by ${parts.join(' and ')}`;
}

/**
 * Signature, certificate chain, transparency log and timestamps. The DSSE
 * signature is first checked on its own with the certificate's key, so a changed
 * payload is reported as what it is; then @sigstore/verify's Verifier checks
 * everything against the trusted root (its steps: timestamps, certificate,
 * transparency log, signature — it stops at the first failure).
 */
export function verifySignatureMaterial(parsed: ParsedBundle, root: TrustedRoot): Check[] {
  const entity = parsed.entity;
  const byName = new Map<CryptoCheck, Check>();
  const key = entity.key.$case === 'certificate' ? crypto.createPublicKey(entity.key.certificate.publicKey) : undefined;
  const signatureOk = key ? entity.signature.verifySignature(key) : false;
  // A bundle must be in a transparency log whenever the trusted instance has one: the
  // thresholds come from the trusted root, never from the bundle. Only an instance with
  // no log at all (GitHub's private one) is verified without one, and then the signing
  // time must come from one of its timestamp authorities.
  const logged = root.tlogs.length > 0;
  // timestampThreshold stays 1 (@sigstore/verify derives it from tsaThreshold when only that is given).
  const thresholds = { tlogThreshold: logged ? 1 : 0, ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0, timestampThreshold: 1 };
  const tsaStamps = parsed.bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
  try {
    if (!logged && tsaStamps === 0) {
      throw Object.assign(new Error('the trusted instance has no transparency log and the bundle carries no RFC 3161 timestamp: nothing proves when it was signed'), {
        code: 'TIMESTAMP_ERROR',
      });
    }
    new Verifier(trustMaterialOf(root), thresholds).verify(entity);
    for (const s of STEPS) byName.set(s, pass(s, passText(s, parsed)));
    if (root.ctlogs.length === 0) {
      byName.set('certificate', pass('certificate', 'the Fulcio certificate chains to the trusted root and was valid at the signing time (the instance has no certificate transparency log)'));
    }
    if (!logged) {
      byName.set('transparency-log', skip('transparency-log', 'the trusted Sigstore instance has no transparency log (like GitHub\'s private instance): a trusted timestamp authority proves the signing time instead'));
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message = (err as Error).message ?? String(err);
    const failed = stepOf(code) ?? 'certificate';
    const at = STEPS.indexOf(failed);
    STEPS.forEach((s, i) => {
      if (i < at) byName.set(s, pass(s, passText(s, parsed)));
      else if (i === at) byName.set(s, fail(s, stepOf(code) ? explain(s, message) : `cannot verify: ${message}`));
      else byName.set(s, skip(s, `not checked: ${failed} failed`));
    });
    // Steps before the log were checked with the time the unverified log entry gave:
    // without an RFC 3161 timestamp, their pass would rest on it.
    if (failed === 'transparency-log' && tsaStamps === 0) {
      for (const s of ['timestamps', 'certificate'] as const) {
        if (byName.get(s)?.status === 'pass') byName.set(s, skip(s, 'not established: it depends on the transparency-log entry, which failed'));
      }
    }
  }
  if (!signatureOk) byName.set('signature', fail('signature', explain('signature', '')));
  else if (byName.get('signature')?.status === 'skip') {
    byName.set('signature', pass('signature', `${PASS_TEXT.signature} (the certificate itself is not trusted: see below)`));
  }
  return (['signature', 'certificate', 'transparency-log', 'timestamps'] as const).map((s) => byName.get(s)!);
}

function passText(s: CryptoCheck, parsed: ParsedBundle): string {
  if (s === 'timestamps') return timestampText(parsed);
  if (s === 'transparency-log') {
    const e = parsed.bundle.verificationMaterial.tlogEntries[0];
    if (e) return `${PASS_TEXT[s]} (log index ${e.logIndex}, integrated ${new Date(Number(e.integratedTime) * 1000).toISOString()})`;
  }
  return PASS_TEXT[s];
}
