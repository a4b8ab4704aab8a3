import { ServiceError, ProvenanceError } from '../errors.js';
import type { SigstoreEndpoints } from './instances.js';

/** @sigstore/sign's InternalError, read structurally (its class is not exported from every entry). */
interface SigstoreInternalError {
  code?: string;
  message: string;
  cause?: { statusCode?: number; message?: string } | unknown;
}

/** Turn a signing-library failure into one line that names the service and what to do. */
export function signingError(err: unknown, endpoints: SigstoreEndpoints): ProvenanceError {
  if (err instanceof ProvenanceError) return err;
  const e = err as SigstoreInternalError;
  // FulcioSigner wraps our identity provider's errors; they already say what to do.
  if (e?.cause instanceof ProvenanceError) return e.cause;
  const cause = (e?.cause ?? {}) as { statusCode?: number; message?: string; cause?: { code?: string } };
  const status = cause.statusCode;
  const detail = cause.message ?? e?.message ?? String(err);
  switch (e?.code) {
    case 'CA_CREATE_SIGNING_CERTIFICATE_ERROR':
      return new ServiceError('fulcio-refused', `Fulcio (${endpoints.fulcioURL}) did not issue a signing certificate${status ? ` (HTTP ${status})` : ''}: ${detail}`, {
        fix:
          status && status >= 400 && status < 500
            ? 'check the identity token: audience "sigstore", not expired, and from an issuer this Fulcio trusts'
            : 'retry later; check the Sigstore status page or your custom --fulcio-url',
        cause: err,
      });
    case 'TLOG_CREATE_ENTRY_ERROR':
    case 'TLOG_FETCH_ENTRY_ERROR':
      return new ServiceError('rekor-refused', `Rekor (${endpoints.rekorURL ?? 'none'}) did not log the signature${status ? ` (HTTP ${status})` : ''}: ${detail}`, {
        fix: 'retry later; check the Sigstore status page or your custom --rekor-url',
        cause: err,
      });
    case 'TSA_CREATE_TIMESTAMP_ERROR':
      return new ServiceError('tsa-refused', `the timestamp authority (${endpoints.tsaURL ?? 'none'}) did not stamp the signature${status ? ` (HTTP ${status})` : ''}: ${detail}`, {
        fix: 'retry later, or check your custom --tsa-url',
        cause: err,
      });
    case 'IDENTITY_TOKEN_READ_ERROR':
    case 'IDENTITY_TOKEN_PARSE_ERROR':
      return new ServiceError('identity-token', `could not get a usable identity token: ${detail}`, {
        fix: 'in GitHub Actions grant `permissions: id-token: write`; elsewhere pass --identity-token or SIGSTORE_ID_TOKEN',
        cause: err,
      });
    default:
      return new ServiceError('signing-failed', `signing failed: ${detail}`, {
        fix: 'run again with --debug; if it persists, report it with the output',
        cause: err,
      });
  }
}
