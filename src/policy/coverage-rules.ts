import type { PolicyRules } from '../schema/policy.js';
import type { TrainingStatement } from '../schema/predicate.js';
import type { Finding } from './rules.js';

/**
 * Rules over the record's wider coverage: disagreeing sources, dataset source and quality,
 * synthetic data, license changes and the run's purpose. Pure; appended to the core rules.
 */
export function evaluateCoverageRules(st: TrainingStatement, rules: PolicyRules): Finding[] {
  const p = st.predicate;
  const out: Finding[] = [];
  const add = (rule: string, field: string, message: string, fix: string, severity: 'error' | 'warning' | 'ignore' = 'error') => {
    if (severity !== 'ignore') out.push({ rule, field, message, fix, severity });
  };

  const conflicts = rules.conflicts ?? 'warning';
  (p.conflicts ?? []).forEach((c, i) => {
    const said = c.values.map((v) => `${v.source} says ${JSON.stringify(v.value)}`).join(', ');
    // Two lines of the log itself disagree: often an earlier run's, still in the log.
    const logOnly = c.values.every((v) => v.source.startsWith('records log'));
    // One metric point recorded twice in the log is what a run resumed from a checkpoint does
    // (it records that epoch again): the later value is the run's. Two runs' lines are told by
    // the records warning about more than one run, which gives the reset; here it would throw
    // a resumed run's first epochs away.
    const resumed = logOnly && c.kind === 'metric';
    add(
      'conflicts',
      `conflicts[${i}]`,
      resumed ? `${c.kind} "${c.id}" was recorded more than once in the records log with different values: ${said}` : `${c.kind} "${c.id}" ${c.field} disagrees between sources: ${said}`,
      resumed
        ? 'both values are in the record, in the order recorded: nothing to do when the run resumed from a checkpoint (it records that epoch again); if it was recorded twice by mistake, record each point once'
        : `make the sources agree (fix the ${c.kind === 'dataset' ? 'datasets manifest or the `record dataset` call' : c.kind === 'step' ? '`record step` calls' : 'metrics file or the `record metric` calls'}); the last one was kept${logOnly ? '; if an earlier run\'s lines are still in the records log, start each run from an empty one (`ml-provenance record reset` before training)' : ''}`,
      conflicts,
    );
  });

  p.datasets.forEach((d, i) => {
    const field = `datasets[${i}]`;
    if (rules.datasetSource) {
      if (!d.source?.repository) {
        add('datasetSource', `${field}.source.repository`, `dataset "${d.id}" does not name its source repository`, `record it: \`ml-provenance record dataset --id ${d.id} --source-repo URL\` (or \`source: {repository: …}\` in the manifest)`);
      }
      if (!d.source?.access) {
        add('datasetSource', `${field}.source.access`, `dataset "${d.id}" has no access classification`, `record it: \`--access public|internal|confidential|restricted\` (or \`source: {access: …}\` in the manifest)`);
      }
    }
    for (const req of rules.quality?.require ?? []) {
      const q = d.quality;
      const missing = req === 'checks' ? !q?.checks?.length : q?.[req] === undefined;
      if (missing) {
        add(`quality.require.${req}`, `${field}.quality.${req}`, `dataset "${d.id}" has no quality ${req === 'checks' ? 'checks' : req}`, QUALITY_FIX[req]);
      }
    }
    (d.quality?.checks ?? []).forEach((c, j) => {
      if (!c.passed) {
        add(
          'quality.failedChecks',
          `${field}.quality.checks[${j}]`,
          `quality check "${c.name}" failed on dataset "${d.id}"${c.detail ? `: ${c.detail}` : ''}`,
          'fix the data (or the check) and re-run, or set the policy\'s `quality.failedChecks` to warning',
          rules.quality?.failedChecks ?? 'warning',
        );
      }
    });
    if (d.synthetic) {
      for (const req of rules.synthetic?.require ?? []) {
        if (d.synthetic[req] === undefined) {
          add(`synthetic.require.${req}`, `${field}.synthetic.${req}`, `synthetic dataset "${d.id}" does not record its generator's ${req}`, SYNTHETIC_FIX[req]);
        }
      }
    }
    const history = d.licenseHistory ?? [];
    const changed = history.filter((h) => d.license && h.license !== d.license);
    if (changed.length) {
      add(
        'licenseChanges',
        `${field}.licenseHistory`,
        `dataset "${d.id}" changed license: ${changed.map((h) => `${h.license} (version ${h.version})`).join(', ')} → ${d.license}${d.version ? ` (version ${d.version})` : ''}`,
        'check that this run may use the data under its current license, then acknowledge it in the policy (`licenseChanges: ignore`)',
        rules.licenseChanges ?? 'warning',
      );
    }
  });

  if (rules.purpose && !p.experiment?.purpose) {
    add('purpose', 'experiment.purpose', 'the run does not state its purpose', 'record it from the training code: `ml-provenance record run --purpose "why this run was made"`');
  }
  return out;
}

const QUALITY_FIX: Record<'rows' | 'missingRate' | 'labelDistribution' | 'checks', string> = {
  rows: 'record the row count: `ml-provenance record dataset --id ID --rows N` (or `quality: {rows: N}` in the manifest)',
  missingRate: 'record the missing-value rate: `--missing-rate 0.01` (or `quality: {missingRate: …}`)',
  labelDistribution: 'record the label distribution: `--label LABEL=COUNT` (repeatable) or `quality: {labelDistribution: {…}}`',
  checks: 'record the data checks that ran: `--check NAME=pass|fail` (repeatable) or `quality: {checks: [{name, passed}]}`',
};

const SYNTHETIC_FIX: Record<'version' | 'parameters' | 'seed', string> = {
  version: 'record the generator version: `--synthetic-generator NAME@VERSION`',
  parameters: 'record the generation parameters: `--synthetic-param K=V` (repeatable)',
  seed: 'record the generation seed: `--synthetic-seed N`',
};
