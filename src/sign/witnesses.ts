import { RekorWitness, TSAWitness, type Witness } from '@sigstore/sign';
import type { SigstoreEndpoints } from './instances.js';
import { DEFAULT_FETCH, type FetchPolicy } from './policy.js';

export { DEFAULT_FETCH, type FetchPolicy } from './policy.js';

/**
 * Rekor (dsse entries, as actions/attest writes) and the TSA, whichever the instance has.
 * Both retry through @sigstore/sign's own fetch (408, 429, 5xx, dropped connections and
 * timeouts) per `fetch.retry`; a 409 from Rekor fetches the entry already logged.
 */
export function witnessesFor(endpoints: SigstoreEndpoints, fetch: FetchPolicy = DEFAULT_FETCH): Witness[] {
  const witnesses: Witness[] = [];
  const opts = { timeout: fetch.timeout, retry: { ...fetch.retry } };
  if (endpoints.rekorURL) {
    witnesses.push(new RekorWitness({ rekorBaseURL: endpoints.rekorURL, entryType: 'dsse', fetchOnConflict: true, ...opts }));
  }
  if (endpoints.tsaURL) witnesses.push(new TSAWitness({ tsaBaseURL: endpoints.tsaURL, ...opts }));
  return witnesses;
}
