import { ServiceError, ProvenanceError } from '../errors.js';
import type { SigstoreEndpoints } from './instances.js';
import { DEFAULT_FETCH, TIMEOUT_ENV, formatMs, type FetchPolicy } from './policy.js';

/** @sigstore/sign's InternalError, read structurally (its class is not exported from every entry). */
interface SigstoreInternalError {
  code?: string;
  message: string;
  cause?: { statusCode?: number; message?: string } | unknown;
}

/** What @sigstore/sign's fetch puts under an InternalError: its HTTPError, or minipass-fetch's FetchError. */
interface FetchCause {
  statusCode?: number;
  message?: string;
  /** FetchError: 'request-timeout', 'system', … */
  type?: string;
  code?: string;
}

/**
 * Turn a signing-library failure into one line that names the service and what to do.
 * `fetch` is the policy the clients ran with, so the line can say how often and how long.
 */
export function signingError(err: unknown, endpoints: SigstoreEndpoints, fetch: FetchPolicy = DEFAULT_FETCH): ProvenanceError {
  if (err instanceof ProvenanceError) return err;
  const e = err as SigstoreInternalError;
  // FulcioSigner wraps our identity provider's errors; they already say what to do.
  if (e?.cause instanceof ProvenanceError) return e.cause;
  const cause = (e?.cause ?? {}) as FetchCause;
  const status = cause.statusCode;
  const timedOut = cause.type === 'request-timeout';
  const network = status === undefined && (timedOut || cause.type === 'system' || typeof cause.code === 'string');
  // @sigstore/sign retries these (and only these) `retries` times before giving up.
  const retried = network || (status !== undefined && (status === 408 || status === 429 || status >= 500));
  const how = `${status ? ` (HTTP ${status})` : ''}${retried ? ` after ${fetch.retry.retries + 1} attempts` : ''}`;
  // HTTPError messages start with "(503) ", which the line already says.
  const detail = timedOut ? `no answer within ${formatMs(fetch.timeout)}` : (cause.message ?? e?.message ?? String(err)).replace(/^\(\d{3}\) /, "");
  const slow = timedOut ? ` (or allow more time: ${TIMEOUT_ENV}, now ${fetch.timeout})` : '';
  const kind = (service: string) => (timedOut ? `${service}-timeout` : network ? `${service}-unreachable` : `${service}-refused`);
  switch (e?.code) {
    case 'CA_CREATE_SIGNING_CERTIFICATE_ERROR':
      return new ServiceError(kind('fulcio'), `Fulcio (${endpoints.fulcioURL}) did not issue a signing certificate${how}: ${detail}`, {
        fix:
          status && status >= 400 && status < 500 && !retried
            ? 'check the identity token: audience "sigstore", not expired, and from an issuer this Fulcio trusts'
            : `retry later; check the Sigstore status page or your custom --fulcio-url${slow}`,
        cause: err,
      });
    case 'TLOG_CREATE_ENTRY_ERROR':
    case 'TLOG_FETCH_ENTRY_ERROR':
      return new ServiceError(kind('rekor'), `Rekor (${endpoints.rekorURL ?? 'none'}) did not log the signature${how}: ${detail}`, {
        fix: `retry later; check the Sigstore status page or your custom --rekor-url${slow}`,
        cause: err,
      });
    case 'TSA_CREATE_TIMESTAMP_ERROR':
      return new ServiceError(kind('tsa'), `the timestamp authority (${endpoints.tsaURL ?? 'none'}) did not stamp the signature${how}: ${detail}`, {
        fix: `retry later, or check your custom --tsa-url${slow}`,
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
