import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { crypto } from '@sigstore/core';
import { Verifier, toTrustMaterial, type SignedEntity, type TrustMaterial, type VerifierOptions } from '@sigstore/verify';
import { libraryMessage, type ParsedBundle } from './bundle.js';
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

/** What an entry from a log the trusted root does not list means (failureFix gives the trusted-root fix for it). */
export const UNKNOWN_LOG_MEANING = 'signed with another Sigstore instance, or forged';

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
    return `the signing certificate does not chain to a certificate authority in the trusted root (${message}); signed by another Sigstore instance, or forged`;
  }
  if (step === 'transparency-log') {
    if (/expected \d+ tlog entries, got 0/.test(message)) return 'the bundle has no transparency-log entry (1 required): it was never logged in Rekor, or the entry was removed';
    if (/payload hash mismatch|signature mismatch/i.test(message)) return `the transparency-log entry records a different signature or payload than the bundle carries (${message})`;
    if (/^unknown log/.test(message)) return `${message.replace(/^unknown log: /, '')}; ${UNKNOWN_LOG_MEANING}`;
    if (/inclusion promise/i.test(message)) {
      return `the log entry's time is not verified: its signed entry timestamp (SET) does not verify with the log's key, so its integrated time, log index or body was changed (${message})`;
    }
    if (/inclusion|checkpoint|index|hash count|set|signed entry timestamp/i.test(message)) {
      return `the transparency-log entry's proof of inclusion does not verify against the log's signed checkpoint (${message})`;
    }
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

type VerifierRun = { failed?: CryptoCheck; message?: string; coded?: boolean };

/** Run @sigstore/verify's Verifier; which step failed, if any. */
function runVerifier(material: TrustMaterial, thresholds: VerifierOptions, entity: SignedEntity): VerifierRun {
  try {
    new Verifier(material, thresholds).verify(entity);
    return {};
  } catch (err) {
    const step = stepOf((err as { code?: string }).code);
    return { failed: step ?? 'certificate', message: step ? ((err as Error).message ?? String(err)) : libraryMessage(err), coded: step !== undefined };
  }
}

/**
 * The transparency-log entries on their own (signed entry timestamp / inclusion proof,
 * and that they record this signature). @sigstore/verify checks them only after it has
 * used their (then unverified) integrated time for the timestamps and the certificate,
 * so an entry moved in time fails there as "certificate does not chain". Run only after
 * such a failure, to name the real cause.
 */
function tlogFailure(material: TrustMaterial, entity: SignedEntity): string | undefined {
  const v = new Verifier(material, { tlogThreshold: 1 }) as unknown as { verifyTLogs?: (e: SignedEntity) => void };
  // A private method of the pinned, patched version; test/unit/sigstore-patch.test.ts checks it exists.
  if (typeof v.verifyTLogs !== 'function') return undefined;
  const unknown = entity.tlogEntries.find((e) => !material.tlogs.some((t) => t.logID.equals(e.logId.keyId)));
  if (unknown) return `unknown log: the entry is from a transparency log the trusted root does not list (log id ${unknown.logId.keyId.toString('base64')})`;
  try {
    v.verifyTLogs(entity);
    return undefined;
  } catch (err) {
    return stepOf((err as { code?: string }).code) === 'transparency-log' ? (err as Error).message : undefined;
  }
}

const notChecked = (s: CryptoCheck, because: string, detail = ''): Check => skip(s, `not checked because ${because} failed${detail ? `: ${detail}` : ''}`);

/**
 * Signature, certificate chain, transparency log and timestamps, checked by
 * @sigstore/verify's Verifier against the trusted root (its steps: timestamps,
 * certificate, transparency log, signature; it stops at the first failure). The DSSE
 * signature is also checked on its own with the certificate's key, so a changed payload
 * is reported as what it is. A check that depends on a failed one is never reported as
 * passing: it says which check it was not checked because of.
 */
export function verifySignatureMaterial(parsed: ParsedBundle, root: TrustedRoot): Check[] {
  const entity = parsed.entity;
  const material = trustMaterialOf(root);
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

  let run: VerifierRun =
    !logged && tsaStamps === 0
      ? {
          failed: 'timestamps',
          coded: false,
          message: 'the trusted instance has no transparency log and the bundle carries no RFC 3161 timestamp: nothing proves when it was signed',
        }
      : runVerifier(material, thresholds, entity);
  // Timestamps and the certificate were checked at the log entry's integrated time before
  // the entry itself: when the entry does not verify, that is the failure to report.
  if ((run.failed === 'timestamps' || run.failed === 'certificate') && logged && entity.tlogEntries.length > 0) {
    const tlogMessage = tlogFailure(material, entity);
    if (tlogMessage !== undefined) run = { failed: 'transparency-log', message: tlogMessage, coded: true };
  }

  if (!run.failed) {
    for (const s of STEPS) byName.set(s, pass(s, passText(s, parsed)));
    if (root.ctlogs.length === 0) {
      byName.set('certificate', pass('certificate', 'the Fulcio certificate chains to the trusted root and was valid at the signing time (the instance has no certificate transparency log)'));
    }
    if (!logged) {
      byName.set('transparency-log', skip('transparency-log', 'the trusted Sigstore instance has no transparency log (like GitHub\'s private instance): a trusted timestamp authority proves the signing time instead'));
    }
  } else if (run.failed === 'transparency-log') {
    byName.set('transparency-log', fail('transparency-log', explain('transparency-log', run.message ?? '')));
    if (tsaStamps > 0) {
      // The RFC 3161 timestamps do not depend on the log: check the rest with them alone.
      const tsaOnly = runVerifier(material, { ...thresholds, tlogThreshold: 0 }, {
        ...entity,
        tlogEntries: [],
        timestamps: entity.timestamps.filter((t) => t.$case === 'timestamp-authority'),
      });
      const at = tsaOnly.failed ? STEPS.indexOf(tsaOnly.failed) : STEPS.length;
      for (const s of ['timestamps', 'certificate', 'signature'] as const) {
        const idx = STEPS.indexOf(s);
        if (idx < at) byName.set(s, pass(s, s === 'timestamps' ? `signing time attested by ${tsaStamps} RFC 3161 timestamp(s) from a trusted authority (the transparency-log time is not counted: transparency-log failed)` : PASS_TEXT[s]));
        else if (idx === at) byName.set(s, fail(s, tsaOnly.coded ? explain(s, tsaOnly.message ?? '') : `cannot verify: ${tsaOnly.message}`));
        else byName.set(s, notChecked(s, tsaOnly.failed!));
      }
    } else {
      // The entry's SET may verify while the entry records another signature or payload:
      // then its time is verified, but it is not this signature's.
      const otherEntry = /mismatch|body/i.test(run.message ?? '');
      byName.set(
        'timestamps',
        notChecked(
          'timestamps',
          'transparency-log',
          `${otherEntry ? 'the log entry records another signature or payload, so its time is not this signature\'s' : 'the log entry\'s time (its signed entry timestamp) is not verified'}, and the bundle has no RFC 3161 timestamp`,
        ),
      );
      byName.set('certificate', notChecked('certificate', 'transparency-log', 'no verified signing time to check the certificate\'s validity at'));
      byName.set('signature', notChecked('signature', 'transparency-log'));
    }
  } else {
    const at = STEPS.indexOf(run.failed);
    STEPS.forEach((s, i) => {
      if (i < at) byName.set(s, pass(s, passText(s, parsed)));
      else if (i === at) byName.set(s, fail(s, run.coded ? explain(s, run.message ?? '') : `cannot verify: ${run.message}`));
      else byName.set(s, notChecked(s, run.failed!));
    });
  }

  // The signature's own verdict: a changed payload fails whatever else failed; a valid
  // signature counts only with a trusted certificate.
  const cert = byName.get('certificate')!;
  const rootFailure = run.failed === 'transparency-log' ? (STEPS.find((s) => byName.get(s)?.status === 'fail' && s !== 'transparency-log') ?? 'transparency-log') : run.failed;
  if (!signatureOk) byName.set('signature', fail('signature', explain('signature', '')));
  else if (cert.status !== 'pass') {
    const because = cert.status === 'fail' ? 'certificate' : (rootFailure ?? 'certificate');
    byName.set('signature', notChecked('signature', because, 'the signature matches the certificate\'s key, but the certificate was not verified'));
  } else if (byName.get('signature')?.status !== 'pass') {
    // The Verifier stopped before its signature step: the key is trusted and the signature verifies with it.
    byName.set('signature', pass('signature', PASS_TEXT.signature));
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
