export { signStatement, signPayload, preflightIdentity, IN_TOTO_PAYLOAD_TYPE } from './sign.js';
export type { SignOptions, SignResult, SigningDeps } from './sign.js';
export { resolveEndpoints, parseInstanceName, INSTANCE_NAMES } from './instances.js';
export type { SigstoreInstanceName, SigstoreEndpoints } from './instances.js';
export { identityProviderFor, tokenSource, checkToken, StaticTokenProvider, GitHubActionsTokenProvider, SIGSTORE_AUDIENCE } from './identity.js';
export type { IdentityProvider, TokenSource } from './identity.js';
export { witnessesFor } from './witnesses.js';
export { DEFAULT_FETCH, fetchPolicyFromEnv, TIMEOUT_ENV, RETRY_BASE_ENV } from './policy.js';
export type { FetchPolicy, RetryPolicy } from './policy.js';
