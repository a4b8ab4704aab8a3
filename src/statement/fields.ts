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
