import * as z from 'zod';

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
      allowedLicenses: z.array(z.string().min(1)).optional().meta({ description: 'SPDX ids allowed' }),
      deniedLicenses: z.array(z.string().min(1)).optional(),
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
});
export type PolicyRules = z.infer<typeof PolicyRules>;

export const PolicyFile = z
  .strictObject({
    version: z.literal(1),
    name: z.string().min(1).optional(),
    extends: z.enum(['none', 'standard', 'strict']).optional().meta({ description: 'start from a built-in policy' }),
    rules: PolicyRules.default({}),
  })
  .meta({
    title: 'ml-provenance policy',
    description: 'Which parts of a training record must be present for it to count as complete.',
  });
export type PolicyFile = z.infer<typeof PolicyFile>;
