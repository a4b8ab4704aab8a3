import * as z from 'zod';

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
  metrics: z.strictObject({ min: z.number().int().nonnegative().optional(), require: z.array(z.string()).optional() }).optional(),
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
