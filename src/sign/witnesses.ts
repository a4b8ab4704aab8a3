import { RekorWitness, TSAWitness, type Witness } from '@sigstore/sign';
import type { SigstoreEndpoints } from './instances.js';

export interface FetchPolicy {
  timeout: number;
  retry: number;
}

// actions/attest's values: a Sigstore round trip can be slow on a busy day.
export const DEFAULT_FETCH: FetchPolicy = { timeout: 10_000, retry: 3 };

/** Rekor (dsse entries, as actions/attest writes) and the TSA, whichever the instance has. */
export function witnessesFor(endpoints: SigstoreEndpoints, fetch: FetchPolicy = DEFAULT_FETCH): Witness[] {
  const witnesses: Witness[] = [];
  if (endpoints.rekorURL) {
    witnesses.push(new RekorWitness({ rekorBaseURL: endpoints.rekorURL, entryType: 'dsse', fetchOnConflict: true, ...fetch }));
  }
  if (endpoints.tsaURL) witnesses.push(new TSAWitness({ tsaBaseURL: endpoints.tsaURL, ...fetch }));
  return witnesses;
}
