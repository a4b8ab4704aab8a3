import * as z from 'zod';
import { SpdxLicenseExpression } from './license.js';

/** Which way a metric improves: a word, or the word with its own regression tolerance. */
export const MetricDirection = z.union([
  z.enum(['lower', 'higher']),
  z.strictObject({
    better: z.enum(['lower', 'higher']),
    tolerance: z.number().nonnegative().optional().meta({ description: 'fraction of the base value (0.02 = 2 %)' }),
  }),
]);
export type MetricDirection = z.infer<typeof MetricDirection>;

/**
 * A policy file. Read documents are versioned; unknown keys are rejected so a
 * misspelled rule never silently turns a check off.
 */
const Severity = z.enum(['error', 'warning', 'ignore']);

export const PolicyRules = z.strictObject({
  subjects: z.boolean().optional().meta({ description: 'at least one model artifact subject' }),
  sourceCommit: z.boolean().optional().meta({ description: 'the git commit that was trained' }),
  datasets: z
    .strictObject({
      min: z.number().int().nonnegative().optional(),
      require: z
        .array(z.enum(['uri', 'digest', 'version', 'license', 'splits', 'seed']))
        .optional()
        .meta({ description: 'fields every dataset must have' }),
      allowedLicenses: z.array(SpdxLicenseExpression).optional().meta({ description: 'SPDX licenses allowed (a dataset\'s license must be one of them)' }),
      deniedLicenses: z.array(SpdxLicenseExpression).optional(),
    })
    .optional(),
  image: z.enum(['optional', 'pinned-if-present', 'required']).optional().meta({
    description: 'container image: optional; must be digest-pinned when given; or must be given and pinned',
  }),
  config: z.boolean().optional().meta({ description: 'at least one config file' }),
  hyperparameters: z.boolean().optional(),
  metrics: z
    .strictObject({
      min: z.number().int().nonnegative().optional(),
      require: z.array(z.string()).optional(),
      directions: z.record(z.string().min(1), MetricDirection).optional().meta({
        description:
          'which way is better, per metric name (overrides the built-in guess from the name: loss/error/mse… lower, accuracy/f1/auc… higher); used to flag regressions against the base record',
      }),
      tolerance: z.number().nonnegative().optional().meta({
        description: 'a worsening smaller than this fraction of the base value is not flagged as a regression (default 0.01 = 1 %)',
      }),
    })
    .optional(),
  steps: z.boolean().optional().meta({ description: 'at least one transformation step' }),
  stepsReferenceKnownDatasets: z.boolean().optional().meta({ description: 'step inputs/outputs name recorded datasets' }),
  command: z.boolean().optional().meta({ description: 'the recorded training command' }),
  environment: z.boolean().optional().meta({ description: 'runner OS/arch and library versions' }),
  conflicts: Severity.optional().meta({ description: 'sources that disagree about a dataset, step or metric: error, warning or ignore' }),
  datasetSource: z.boolean().optional().meta({ description: 'every dataset names its source repository and access classification' }),
  quality: z
    .strictObject({
      failedChecks: Severity.optional().meta({ description: 'a recorded quality check that did not pass' }),
      require: z.array(z.enum(['rows', 'missingRate', 'labelDistribution', 'checks'])).optional().meta({ description: 'quality facts every dataset must have' }),
    })
    .optional(),
  synthetic: z
    .strictObject({
      require: z.array(z.enum(['version', 'parameters', 'seed'])).optional().meta({ description: 'what synthetic data must say about its generation' }),
    })
    .optional(),
  licenseChanges: Severity.optional().meta({ description: 'a dataset whose license changed between versions' }),
  purpose: z.boolean().optional().meta({ description: 'the run states its purpose (`record run --purpose`)' }),
});
export type PolicyRules = z.infer<typeof PolicyRules>;

export const PolicyFile = z
  .strictObject({
    version: z.literal(1),
    name: z.string().min(1).optional(),
    extends: z.enum(['none', 'standard', 'strict']).optional().meta({ description: 'start from a built-in policy' }),
    rules: PolicyRules.default({}),
    anonymize: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'predicate fields (dotted paths, * for any key) replaced by keyed pseudonyms, e.g. datasets.*.uri' }),
  })
  .meta({
    title: 'ml-provenance policy',
    description: 'Which parts of a training record must be present for it to count as complete.',
  });
export type PolicyFile = z.infer<typeof PolicyFile>;
