/**
 * Redaction of what the training code recorded (and the datasets manifest gave):
 * hyperparameters, step parameters, dataset URIs and versions, the training
 * command and environment extras. Config files are redacted when captured
 * (config.ts); these fields reach the predicate from records.jsonl, where training
 * code writes whatever it has — `record param wandb_api_key=…`, a presigned
 * `s3://…?X-Amz-Signature=…` URI, `--token …` in the command line.
 *
 * The same two signals as for config apply (redact.ts): a key that names a
 * credential, or a value that looks like one. Every redacted value is listed in
 * `predicate.redactions` as `#<JSON Pointer into the predicate>`.
 */
import type { TrainingPredicate } from '../schema/predicate.js';
import { REDACTED, classifyKey, redactString, redactValue } from './redact.js';

/** `--token`, `--api-key`, `-p`-less: an option whose name says the next value is a credential. */
function optionName(arg: string): string | undefined {
  const m = /^--?([A-Za-z][A-Za-z0-9_.-]*)$/.exec(arg);
  return m?.[1];
}

/**
 * Redact a command line: arguments that look like credentials, `--name=value`
 * with a credential name, and the value after `--name` with a credential name
 * (`--password hunter2`). Returns the argv and the indices replaced.
 */
export function redactArgv(argv: string[], extraKeyPatterns: RegExp[] = []): { argv: string[]; indices: number[] } {
  const out = [...argv];
  const indices = new Set<number>();
  const isSecretName = (name: string): boolean => classifyKey(name, extraKeyPatterns) !== 'none';
  for (let i = 0; i < out.length; i++) {
    const arg = out[i]!;
    const eq = /^(--?[A-Za-z][A-Za-z0-9_.-]*=|[A-Za-z_][A-Za-z0-9_]*=)(.*)$/s.exec(arg);
    if (eq && eq[2] && eq[2] !== REDACTED && isSecretName(eq[1]!.replace(/^-+|=$/g, ''))) {
      out[i] = `${eq[1]}${REDACTED}`;
      indices.add(i);
      continue;
    }
    const r = redactString(arg);
    if (r !== undefined) {
      out[i] = r;
      indices.add(i);
      continue;
    }
    const name = optionName(arg);
    const next = out[i + 1];
    if (name && next !== undefined && !next.startsWith('-') && next !== REDACTED && isSecretName(name)) {
      out[i + 1] = REDACTED;
      indices.add(i + 1);
      i++;
    }
  }
  return { argv: out, indices: [...indices].sort((a, b) => a - b) };
}

/**
 * Return a copy of `predicate` with recorded fields redacted and their pointers
 * appended to `redactions`. Pure; applying it twice changes nothing more.
 */
export function redactRecorded(predicate: TrainingPredicate, extraKeyPatterns: RegExp[] = []): TrainingPredicate {
  const paths: string[] = [];
  const ext = predicate.buildDefinition.externalParameters;

  const hp = redactValue(ext.hyperparameters, extraKeyPatterns);
  paths.push(...hp.paths.map((p) => `#/buildDefinition/externalParameters/hyperparameters${p}`));

  let command = ext.command;
  if (command) {
    const r = redactArgv(command, extraKeyPatterns);
    command = r.argv;
    paths.push(...r.indices.map((i) => `#/buildDefinition/externalParameters/command/${i}`));
  }

  const steps = predicate.steps.map((s, i) => {
    if (!s.parameters) return s;
    const r = redactValue(s.parameters, extraKeyPatterns);
    paths.push(...r.paths.map((p) => `#/steps/${i}/parameters${p}`));
    return { ...s, parameters: r.value };
  });

  const datasets = predicate.datasets.map((d, i) => {
    const out = { ...d };
    for (const field of ['uri', 'version', 'downloadLocation'] as const) {
      const v = d[field];
      if (typeof v !== 'string') continue;
      const r = redactString(v);
      if (r === undefined) continue;
      out[field] = r;
      paths.push(`#/datasets/${i}/${field}`);
    }
    return out;
  });

  let environment = predicate.environment;
  if (environment.extra) {
    const r = redactValue(environment.extra, extraKeyPatterns);
    paths.push(...r.paths.map((p) => `#/environment/extra${p}`));
    environment = { ...environment, extra: r.value };
  }

  const known = new Set(predicate.redactions);
  return {
    ...predicate,
    buildDefinition: {
      ...predicate.buildDefinition,
      externalParameters: { ...ext, hyperparameters: hp.value, ...(command ? { command } : {}) },
    },
    steps,
    datasets,
    environment,
    redactions: [...predicate.redactions, ...paths.filter((p) => !known.has(p))],
  };
}
