import type { ResourceDescriptor } from '../schema/common.js';
import type { TrainingStatement } from '../schema/predicate.js';

/** The resolved dependency that pins the source code (the one with `digest.gitCommit`). */
export function sourceDependency(st: TrainingStatement): ResourceDescriptor | undefined {
  return st.predicate.buildDefinition.resolvedDependencies.find((d) => d.digest?.gitCommit);
}

/** The git commit the run trained, when known. */
export function gitCommit(st: TrainingStatement): string | undefined {
  return sourceDependency(st)?.digest?.gitCommit;
}

/**
 * For each key, the entry with the highest epoch, then the highest step; among equals
 * the one recorded later wins. This is "the final value" of a metric everywhere.
 */
export function latestByEpoch<T extends { epoch?: number; step?: number }>(items: Iterable<T>, key: (t: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const m of items) {
    const k = key(m);
    const cur = out.get(k);
    const [e, ce] = [m.epoch ?? -1, cur?.epoch ?? -1];
    if (!cur || e > ce || (e === ce && (m.step ?? -1) >= (cur.step ?? -1))) out.set(k, m);
  }
  return out;
}
