/**
 * Redaction of the record's wider fields (src/schema/coverage.ts): the run's purpose and
 * flags, per-step commands and environments, dataset source, quality and synthetic
 * details, the Python environment and merge conflicts. The same detector as the rest of
 * the record (redact.ts): a key naming a credential, or a value that looks like one.
 * Every redacted value is listed in `predicate.redactions` as `#<JSON Pointer>`.
 */
import type { TrainingPredicate } from '../schema/predicate.js';
import { redactString, redactValue } from './redact.js';
import { redactArgv } from './redact-record.js';

export function redactCoverage(predicate: TrainingPredicate, extraKeyPatterns: RegExp[] = []): TrainingPredicate {
  const paths: string[] = [];
  const value = <T>(v: T, ptr: string): T => {
    const r = redactValue(v, extraKeyPatterns);
    paths.push(...r.paths.map((p) => `${ptr}${p}`));
    return r.value;
  };
  /** Values only: names such as package names are not keys that say "credential". */
  const str = (v: string, ptr: string): string => {
    const r = redactString(v);
    if (r === undefined) return v;
    paths.push(ptr);
    return r;
  };

  const experiment = predicate.experiment
    ? {
        ...(predicate.experiment.purpose !== undefined ? { purpose: str(predicate.experiment.purpose, '#/experiment/purpose') } : {}),
        ...(predicate.experiment.flags ? { flags: value(predicate.experiment.flags, '#/experiment/flags') } : {}),
      }
    : undefined;

  const steps = predicate.steps.map((s, i) => {
    const out = { ...s };
    if (s.command) {
      const r = redactArgv(s.command, extraKeyPatterns);
      out.command = r.argv;
      paths.push(...r.indices.map((j) => `#/steps/${i}/command/${j}`));
    }
    if (s.environment?.image) out.environment = { ...s.environment, image: str(s.environment.image, `#/steps/${i}/environment/image`) };
    return out;
  });

  const datasets = predicate.datasets.map((d, i) => {
    const out = { ...d };
    if (d.source?.repository) out.source = { ...d.source, repository: str(d.source.repository, `#/datasets/${i}/source/repository`) };
    if (d.synthetic?.parameters) out.synthetic = { ...d.synthetic, parameters: value(d.synthetic.parameters, `#/datasets/${i}/synthetic/parameters`) };
    if (d.quality?.checks) {
      out.quality = {
        ...d.quality,
        checks: d.quality.checks.map((c, j) => (c.detail ? { ...c, detail: str(c.detail, `#/datasets/${i}/quality/checks/${j}/detail`) } : c)),
      };
    }
    return out;
  });

  let environment = predicate.environment;
  if (environment.python) {
    const packages = Object.fromEntries(
      Object.entries(environment.python.packages).map(([k, v]) => [k, str(v, `#/environment/python/packages/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`)]),
    );
    environment = { ...environment, python: { ...environment.python, packages } };
  }

  const conflicts = predicate.conflicts?.map((c, i) => ({
    ...c,
    values: c.values.map((v, j) => ({ ...v, value: value(v.value, `#/conflicts/${i}/values/${j}/value`) })),
  }));

  const known = new Set(predicate.redactions);
  return {
    ...predicate,
    ...(experiment ? { experiment } : {}),
    steps,
    datasets,
    environment,
    ...(conflicts ? { conflicts } : {}),
    redactions: [...predicate.redactions, ...paths.filter((p) => !known.has(p))],
  };
}
