import type { DigestOptions, ProgressCallback } from '../digest/index.js';

/** How capture reports long hashing and skipped special files; both optional. */
export interface HashReporting {
  /** A progress callback for one hashing operation, labelled e.g. `dataset points`. */
  progress?: (label: string) => ProgressCallback | undefined;
  warn?: (message: string) => void;
}

/** Digest options for one labelled operation. */
export function digestOptions(r: HashReporting | undefined, label: string): DigestOptions {
  const onProgress = r?.progress?.(label);
  return {
    ...(onProgress ? { onProgress } : {}),
    ...(r?.warn ? { onWarning: (w) => r.warn!(`${label}: ${w.message}`) } : {}),
  };
}
