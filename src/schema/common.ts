import * as z from 'zod';

/** Lower-case hex sha256, as in-toto DigestSet and Sigstore use. */
export const Sha256Hex = z.string().regex(/^[a-f0-9]{64}$/, 'must be 64 lower-case hex characters (a sha256 digest)');

/** `sha256:<hex>`, the form users type on the command line and in manifests. */
export const PrefixedSha256 = z
  .string()
  .regex(/^sha256:[a-f0-9]{64}$/, 'must be sha256:<64 lower-case hex characters>');

/** in-toto DigestSet: algorithm -> lower-case hex. */
export const DigestSet = z
  .record(z.string().regex(/^[a-zA-Z0-9_-]+$/), z.string().regex(/^[a-fA-F0-9]+$/, 'must be hex'))
  .meta({ description: 'in-toto DigestSet: algorithm name to hex digest' });

/** Scalar values allowed for hyperparameters, step parameters and annotations. */
export const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * A seed: an integer, or — beyond ±(2^53 − 1), where a JSON number would be rounded by most
 * readers and RFC 8785 canonical JSON is undefined — its exact decimal text (a 64-bit seed,
 * `"9223372036854775813"`; util/json.ts exactInteger).
 */
export const Seed = z
  .union([z.number().int(), z.string().regex(/^-?[1-9]\d{15,}$/, 'a seed is an integer (beyond 2^53 written as its exact decimal text)')])
  .meta({ description: 'an integer; one beyond ±(2^53 − 1) as its exact decimal text' });

/** Any JSON value (config files after parsing). */
export const JsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

/** in-toto ResourceDescriptor v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/resource_descriptor.md). */
export const ResourceDescriptorShape = {
  uri: z.string().min(1).optional(),
  digest: DigestSet.optional(),
  name: z.string().min(1).optional(),
  downloadLocation: z.string().optional(),
  mediaType: z.string().optional(),
  annotations: z.record(z.string(), z.unknown()).optional(),
};
export const ResourceDescriptor = z.object(ResourceDescriptorShape);
export type ResourceDescriptor = z.infer<typeof ResourceDescriptor>;

/** Split name -> fraction of the dataset in (0, 1]. */
export const Splits = z.record(
  z.string().regex(/^[A-Za-z0-9_.-]+$/, 'split names are ASCII letters (A-Z, a-z), digits, _ . -'),
  z.number().gt(0).lte(1),
);

/**
 * A dataset identifier: stable, used by steps as input/output references. Any other
 * character is percent-encoded (RFC 3986: `%20` for a space), as an id made from a path
 * is (src/util/dataset-id.ts), so the id still names that one path.
 */
export const DatasetId = z
  .string()
  .min(1)
  .max(200)
  .regex(
    /^(?:[A-Za-z0-9]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9_.\/:@-]|%[0-9A-Fa-f]{2})*$/,
    'dataset ids are ASCII letters (A-Z, a-z), digits and _ . / : @ -, any other character percent-encoded (%20 for a space, %C3%B6 for ö)',
  );

/**
 * The folder a command ran in, relative to the checkout and '/'-separated (`train`, `src/train`):
 * `replay --run` runs the command there. Never absolute and never through `.` or `..`, so it names a
 * folder inside whatever checkout the record is replayed in (replay also refuses one a symlink leads out of).
 */
export const WorkingDirectory = z
  .string()
  .max(1000)
  .regex(
    /^(?!\.\.?(?:\/|$))[^/\\\0]+(?:\/(?!\.\.?(?:\/|$))[^/\\\0]+)*$/,
    "a working directory is a folder inside the checkout, relative and '/'-separated, with no '.' or '..' part and no leading '/' (train, src/train)",
  );
