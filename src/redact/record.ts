/**
 * Redaction of what the training code recorded (and the datasets manifest gave):
 * hyperparameters, step parameters, dataset URIs and versions, the training
 * command and environment extras. Config files are redacted when captured
 * (config.ts); these fields reach the predicate from records.jsonl, where training
 * code writes whatever it has — `record param wandb_api_key=…`, a presigned
 * `s3://…?X-Amz-Signature=…` URI, `--token …` in the command line.
 *
 * The same two signals as for config apply (value.ts): a key that names a
 * credential, or a value that looks like one. Every redacted value is listed in
 * `predicate.redactions` as `#<JSON Pointer into the predicate>`.
 */
import type { TrainingPredicate } from '../schema/predicate.js';
import { REDACTED, argvSecrets, redactString, replaceSecrets } from './detect.js';
import { rewriteUrls } from './urls.js';
import { fileUri, fileUriPath, knownPath } from '../util/file-uri.js';
import { contextSecrets, redactValue } from './value.js';

/**
 * Redact a command line: `--name value` and `--name=value` with a credential
 * name, `KEY=value` and Hydra overrides (`trainer.wandb_api_key=…`), arguments
 * holding a credential, and command strings inside arguments (`bash -c "…"`).
 * Returns the argv and the indices replaced. `known` adds credentials found
 * elsewhere in the record.
 */
export function redactArgv(argv: string[], extraKeyPatterns: RegExp[] = [], known: Iterable<string> = []): { argv: string[]; indices: number[] } {
  // URL credentials first, in place (as redactString does), then the words.
  const out = argv.map((a) => rewriteUrls(a, extraKeyPatterns, REDACTED));
  const byIndex = new Map<number, string[]>();
  for (const f of argvSecrets(out, extraKeyPatterns)) byIndex.set(f.index, [...(byIndex.get(f.index) ?? []), f.secret]);
  const knownList = [...known].filter((k) => k.length >= 6);
  const indices: number[] = [];
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    if (argv[i] === REDACTED) continue;
    const r = replaceSecrets(a, [...(byIndex.get(i) ?? []), ...knownList.filter((k) => a.includes(k))]);
    if (r !== undefined) out[i] = r;
    if (out[i] !== argv[i]) indices.push(i);
  }
  return { argv: out, indices };
}

/** Credentials a command line holds by name (`--password x`), to look for in the rest of the record. */
function argvContextSecrets(argv: string[], extra: RegExp[]): string[] {
  return argvSecrets(argv, extra)
    .map((f) => f.secret)
    .filter((s) => s.length >= 6);
}

/**
 * Return a copy of `predicate` with recorded fields redacted and their pointers
 * appended to `redactions`. Pure; applying it twice changes nothing more.
 */
export function redactRecorded(predicate: TrainingPredicate, extraKeyPatterns: RegExp[] = []): TrainingPredicate {
  const paths: string[] = [];
  const ext = predicate.buildDefinition.externalParameters;
  // Credentials named anywhere in what was recorded are hidden everywhere else in it too.
  const known = new Set<string>([
    ...contextSecrets(ext.hyperparameters, extraKeyPatterns),
    ...predicate.steps.flatMap((s) => [...contextSecrets(s.parameters ?? {}, extraKeyPatterns)]),
    ...contextSecrets(predicate.environment.extra ?? {}, extraKeyPatterns),
    ...(ext.command ? argvContextSecrets(ext.command, extraKeyPatterns) : []),
  ]);

  const hp = redactValue(ext.hyperparameters, extraKeyPatterns, known);
  paths.push(...hp.paths.map((p) => `#/buildDefinition/externalParameters/hyperparameters${p}`));

  let command = ext.command;
  if (command) {
    const r = redactArgv(command, extraKeyPatterns, known);
    command = r.argv;
    paths.push(...r.indices.map((i) => `#/buildDefinition/externalParameters/command/${i}`));
  }

  const steps = predicate.steps.map((s, i) => {
    if (!s.parameters) return s;
    const r = redactValue(s.parameters, extraKeyPatterns, known);
    paths.push(...r.paths.map((p) => `#/steps/${i}/parameters${p}`));
    return { ...s, parameters: r.value };
  });

  const datasets = predicate.datasets.map((d, i) => {
    const out = { ...d };
    for (const field of ['uri', 'version', 'downloadLocation', 'name', 'license'] as const) {
      const v = d[field];
      if (typeof v !== 'string') continue;
      // A `file:` uri is checked as the path it names: percent-encoding (`my%20token`) must
      // not hide a known value from the check; the redacted path is encoded again.
      const local = field === 'uri' && !/^file:\/\//i.test(v) ? fileUriPath(v, knownPath(d)) : undefined;
      const r = redactString(local ?? v, extraKeyPatterns, known);
      if (r === undefined) continue;
      out[field] = local !== undefined ? fileUri(r) : r;
      paths.push(`#/datasets/${i}/${field}`);
    }
    if (d.annotations) {
      const r = redactValue(d.annotations, extraKeyPatterns, known);
      paths.push(...r.paths.map((p) => `#/datasets/${i}/annotations${p}`));
      out.annotations = r.value;
    }
    return out;
  });

  let environment = predicate.environment;
  if (environment.extra) {
    const r = redactValue(environment.extra, extraKeyPatterns, known);
    paths.push(...r.paths.map((p) => `#/environment/extra${p}`));
    environment = { ...environment, extra: r.value };
  }
  if (environment.libraries) {
    const r = redactValue(environment.libraries, extraKeyPatterns, known);
    paths.push(...r.paths.map((p) => `#/environment/libraries${p}`));
    environment = { ...environment, libraries: r.value };
  }
  if (environment.accelerators) {
    const accelerators = environment.accelerators.map((a, i) => {
      const r = redactString(a, extraKeyPatterns, known);
      if (r !== undefined) paths.push(`#/environment/accelerators/${i}`);
      return r ?? a;
    });
    environment = { ...environment, accelerators };
  }

  // The image reference is redacted when captured (capture/image.ts); list it like the rest.
  if (predicate.image?.reference.includes(REDACTED)) paths.push('#/image/reference');
  if (predicate.image?.uri?.includes(REDACTED)) paths.push('#/image/uri');

  const listed = new Set(predicate.redactions);
  return {
    ...predicate,
    buildDefinition: {
      ...predicate.buildDefinition,
      externalParameters: { ...ext, hyperparameters: hp.value, ...(command ? { command } : {}) },
    },
    steps,
    datasets,
    environment,
    redactions: [...predicate.redactions, ...paths.filter((p) => !listed.has(p))],
  };
}
