import type { TrainingStatement } from '../schema/predicate.js';

/**
 * What the base-branch lookup found (publish/base.ts), kept free of heavy imports so the
 * action's entry can name it without loading the GitHub client.
 */
export type BaseRecord =
  | { found: true; statement: TrainingStatement; source: string }
  /** `unreadable`: a record may exist but could not be read; `reason` says why, `fix` how. */
  | { found: false; unreadable: boolean; reason: string; fix?: string };

/** The line the PR comment shows in place of the comparison. */
export function baseRecordSentence(r: Extract<BaseRecord, { found: false }>): string {
  return r.unreadable
    ? `_Could not read the base branch's record, so nothing is compared: ${r.reason}${r.fix ? ` — ${r.fix}` : ''}._`
    : `_No record from the base branch to compare with (${r.reason})._`;
}
