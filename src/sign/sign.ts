import { bundleToJSON, type Bundle } from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { DSSEBundleBuilder, FulcioSigner, type Witness } from '@sigstore/sign';
import { silentLogger, type Logger } from '../util/log.js';
import { signingError } from './errors.js';
import { identityProviderFor, preflightIdentity as preflight, type IdentityProvider } from './identity.js';
import { resolveEndpoints, type SigstoreEndpoints, type SigstoreInstanceName } from './instances.js';
import { DEFAULT_FETCH, fetchPolicyFromEnv, type FetchPolicy } from './policy.js';
import { witnessesFor } from './witnesses.js';
import { IN_TOTO_PAYLOAD_TYPE } from '../statement/load.js';

export { IN_TOTO_PAYLOAD_TYPE };

export interface SignOptions {
  instance: SigstoreInstanceName;
  /** Required for 'custom' (with rekorURL; tsaURL optional). */
  fulcioURL?: string;
  rekorURL?: string;
  tsaURL?: string;
  /** Explicit token; otherwise SIGSTORE_ID_TOKEN, otherwise the GitHub runner's OIDC endpoint. */
  identityToken?: string;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Called with the OIDC token once obtained: the action passes core.setSecret so logs mask it. */
  onToken?: (token: string) => void;
}

export interface SignResult {
  /** Sigstore bundle v0.3 JSON. */
  bundle: Record<string, unknown>;
  rekorLogIndex?: string;
  /** The certificate's subject alternative name (the signing workflow for GitHub tokens). */
  signerIdentity?: string;
}

/** Everything a bundle is made from, injected (tests pass real objects, not module mocks). */
export interface SigningDeps {
  endpoints: SigstoreEndpoints;
  identityProvider: IdentityProvider;
  witnesses?: Witness[];
  fetch?: FetchPolicy;
  logger?: Logger;
}

/** sign → witness → bundle over `payload`, as a DSSE envelope of `payloadType`. */
export async function signPayload(payload: Buffer, payloadType: string, deps: SigningDeps): Promise<SignResult> {
  const fetch = deps.fetch ?? DEFAULT_FETCH;
  // @sigstore/sign retries Fulcio, Rekor and the TSA itself (408, 429, 5xx, dropped
  // connections, timeouts) with this policy; the identity provider retries on its own.
  const signer = new FulcioSigner({ fulcioBaseURL: deps.endpoints.fulcioURL, identityProvider: deps.identityProvider, timeout: fetch.timeout, retry: { ...fetch.retry } });
  const builder = new DSSEBundleBuilder({ signer, witnesses: deps.witnesses ?? witnessesFor(deps.endpoints, fetch) });
  let bundle: Bundle;
  try {
    bundle = await builder.create({ data: payload, type: payloadType });
  } catch (err) {
    throw signingError(err, deps.endpoints, fetch);
  }
  const result: SignResult = { bundle: bundleToJSON(bundle) as unknown as Record<string, unknown> };
  const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
  if (logIndex !== undefined) result.rekorLogIndex = logIndex;
  const san = signerSAN(bundle);
  if (san) result.signerIdentity = san;
  deps.logger?.info(
    `signed with ${deps.endpoints.instance} Sigstore${san ? ` as ${san}` : ''}${logIndex !== undefined ? `; Rekor log index ${logIndex}` : ''}`,
  );
  return result;
}

function signerSAN(bundle: Bundle): string | undefined {
  const content = bundle.verificationMaterial.content;
  const raw =
    content.$case === 'certificate'
      ? content.certificate.rawBytes
      : content.$case === 'x509CertificateChain'
        ? content.x509CertificateChain.certificates[0]?.rawBytes
        : undefined;
  if (!raw) return undefined;
  try {
    return X509Certificate.parse(Buffer.from(raw)).subjectAltName;
  } catch {
    return undefined;
  }
}

/** Throws an InputError that says how to grant `id-token: write` when no token source exists. */
export function preflightIdentity(opts: SignOptions): void {
  preflight({ ...(opts.identityToken ? { identityToken: opts.identityToken } : {}), env: opts.env ?? process.env });
}

/**
 * Keyless-sign an in-toto statement: DSSE with payload type application/vnd.in-toto+json,
 * certificate from Fulcio, witnessed by Rekor and/or a TSA. Returns the bundle (v0.3
 * JSON) and what the action reports. Pass the statement file's bytes so the payload
 * is exactly the file users read and digest; an object is signed as compact JSON.
 */
export async function signStatement(statement: object | Uint8Array, opts: SignOptions): Promise<SignResult> {
  const endpoints = resolveEndpoints(opts);
  const env = opts.env ?? process.env;
  const fetch = fetchPolicyFromEnv(env);
  const source = identityProviderFor({ ...(opts.identityToken ? { identityToken: opts.identityToken } : {}), env, fetch });
  const onToken = opts.onToken;
  const identityProvider: IdentityProvider = onToken
    ? { getToken: async () => { const t = await source.getToken(); onToken(t); return t; } }
    : source;
  const logger = opts.logger ?? silentLogger;
  logger.debug(`Sigstore ${endpoints.instance}: fulcio=${endpoints.fulcioURL} rekor=${endpoints.rekorURL ?? '-'} tsa=${endpoints.tsaURL ?? '-'}; timeout ${fetch.timeout} ms, ${fetch.retry.retries} retries from ${fetch.retry.minTimeout} ms`);
  const payload = statement instanceof Uint8Array ? Buffer.from(statement) : Buffer.from(JSON.stringify(statement), 'utf8');
  return signPayload(payload, IN_TOTO_PAYLOAD_TYPE, { endpoints, identityProvider, logger, fetch });
}
