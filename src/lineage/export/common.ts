import { createHash } from 'node:crypto';
import type { TrainingStatement } from '../../schema/predicate.js';
import { VERSION } from '../../version.js';
import { lastMetrics } from '../diff.js';

export const PRODUCER = `https://github.com/ml-provenance/ml-provenance/releases/tag/v${VERSION}`;
export const TOOL_NAME = 'ml-provenance';
export const TOOL_VERSION = VERSION;

/** Deterministic exports: the same statement always exports to the same bytes. */
export function statementDigest(s: TrainingStatement): string {
  return createHash('sha256').update(JSON.stringify(s)).digest('hex');
}

/** An RFC 4122 UUID (version 5 layout) from a name, so run ids are stable across exports. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** When the run happened; exports fall back to the epoch rather than "now" so they stay reproducible. */
export function runTime(s: TrainingStatement): { started?: string; finished: string } {
  const m = s.predicate.runDetails.metadata;
  const finished = m.finishedOn ?? m.startedOn ?? '1970-01-01T00:00:00Z';
  return { ...(m.startedOn ? { started: m.startedOn } : {}), finished };
}

export function finalMetrics(s: TrainingStatement) {
  return [...lastMetrics(s.predicate.metrics).values()];
}

export { datasetLabel } from '../../render/lineage.js';

/** Digest algorithms in in-toto spelling → the hex values, sha256 first. */
export function digests(d: { digest?: Record<string, string> | undefined }): [string, string][] {
  return Object.entries(d.digest ?? {}).sort(([a], [b]) => (a === 'sha256' ? -1 : b === 'sha256' ? 1 : a < b ? -1 : 1));
}

export { gitCommit } from '../../statement/fields.js';

export function runName(s: TrainingStatement): string {
  const w = s.predicate.buildDefinition.externalParameters.workflow;
  if (w) return `${w.repository.replace(/^https:\/\/github\.com\//, '')}/${w.path}`;
  return s.predicate.runDetails.builder.id;
}
