import type { PolicyRules } from '../schema/policy.js';

/**
 * `standard`: what any record must have to be worth signing — what was trained
 * (subjects), from which code (commit) and which data (datasets with content digests).
 * `strict`: everything a reviewer or auditor needs to reproduce the run.
 */
export const BUILTIN_POLICIES: Record<'none' | 'standard' | 'strict', PolicyRules> = {
  none: {},
  standard: {
    subjects: true,
    sourceCommit: true,
    datasets: { min: 1, require: ['uri', 'digest'] },
    image: 'pinned-if-present',
    stepsReferenceKnownDatasets: true,
    conflicts: 'warning',
    quality: { failedChecks: 'warning' },
  },
  strict: {
    subjects: true,
    sourceCommit: true,
    datasets: { min: 1, require: ['uri', 'digest', 'version', 'license', 'splits', 'seed'] },
    image: 'required',
    config: true,
    hyperparameters: true,
    metrics: { min: 1 },
    steps: true,
    stepsReferenceKnownDatasets: true,
    command: true,
    environment: true,
    conflicts: 'error',
    quality: { failedChecks: 'error' },
    synthetic: { require: ['version', 'seed'] },
    purpose: true,
  },
};
