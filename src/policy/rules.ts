import type { PolicyRules } from '../schema/policy.js';
import { isSpdxExpression, spdxFix } from '../schema/license.js';
import { Seed } from '../schema/common.js';
import type { DatasetDescriptor, Step, TrainingStatement } from '../schema/predicate.js';
import { gitCommit } from '../statement/fields.js';

export interface Finding {
  /** The rule that produced it (e.g. `datasets.require.license`). */
  rule: string;
  /** The record field it is about, in user terms (`datasets[0].license`). */
  field: string;
  message: string;
  /** What to do, with the flag or input that supplies the value. */
  fix: string;
  severity: 'error' | 'warning';
}

const DATASET_FIX: Record<string, string> = {
  uri: 'give the dataset a URI (`--uri` in `ml-provenance record dataset`, or `uri:` in the datasets manifest)',
  digest:
    'give a local `path` to hash, the content digest `digest: sha256:<hex>` for remote data (`--digest` in `ml-provenance record dataset`), or pin a Hugging Face dataset by commit (`hf://datasets/ORG/NAME@<40-hex commit>`)',
  version: 'record the dataset version (`--version`, or `version:` in the datasets manifest)',
  license: 'record the dataset license as an SPDX expression (`--license CC-BY-4.0`, or `license:` in the manifest)',
  splits:
    'record the splits where they were made: on the dataset (`record dataset --split train=0.8 --split test=0.2`, or `splits:` in the manifest), or on the step that split it (`record step --name split --input ID --output train --output test --split train=0.8 --split test=0.2`)',
  seed: 'record the seed where it was used: on the dataset (`record dataset --seed 42`, or `seed:` in the manifest), or on the step that split or shuffled it (`record step ... --seed 42`)',
};

/** A content pin: a sha256, or the git commit of a dataset repository (Hugging Face hub, git). */
function hasContentDigest(d: DatasetDescriptor): boolean {
  return Boolean(d.digest?.sha256) || /^([a-f0-9]{40}|[a-f0-9]{64})$/.test(d.digest?.gitCommit ?? '');
}

/**
 * Splits and seeds belong to whatever made them: the dataset itself, the step that read it
 * and split it (its outputs are the parts), the step that produced it as one of those
 * parts, or a derived dataset a step made from it. A raw input is complete when a later
 * step records how it was split; nobody has to invent `--split all=1`.
 */
function splitFacts(p: TrainingStatement['predicate']): (d: DatasetDescriptor, what: 'splits' | 'seed') => boolean {
  const byId = new Map(p.datasets.map((d) => [d.id, d]));
  const has = (x: { splits?: Record<string, number> | undefined; seed?: number | string | undefined } | undefined, what: 'splits' | 'seed') =>
    what === 'splits' ? Boolean(x?.splits && Object.keys(x.splits).length) : x?.seed !== undefined;
  const stepHas = (st: Step, what: 'splits' | 'seed') =>
    has(st, what) || (what === 'seed' && Seed.safeParse(st.parameters?.seed).success) || (st.outputs ?? []).some((o) => has(byId.get(o), what));
  return (d, what) =>
    has(d, what) || p.steps.some((st) => (st.inputs?.includes(d.id) || st.outputs?.includes(d.id)) && stepHas(st, what));
}

/** Check a statement against rules; returns every finding, errors and warnings. Pure. */
export function evaluateRules(st: TrainingStatement, rules: PolicyRules): Finding[] {
  const p = st.predicate;
  const out: Finding[] = [];
  const add = (rule: string, field: string, message: string, fix: string, severity: Finding['severity'] = 'error') =>
    out.push({ rule, field, message, fix, severity });

  if (rules.subjects && st.subject.length === 0) {
    add('subjects', 'subject', 'no model artifact was recorded as a subject', 'pass the trained model files with `subject-path` (action) or `--subject PATH` (CLI)');
  }

  if (rules.sourceCommit) {
    if (!gitCommit(st)) {
      add(
        'sourceCommit',
        'buildDefinition.resolvedDependencies[source].digest.gitCommit',
        'the source commit is unknown',
        'run inside a git checkout (actions/checkout) so the commit can be read, or set GITHUB_SHA',
      );
    }
  }

  const ds = rules.datasets;
  if (ds) {
    const min = ds.min ?? 0;
    if (p.datasets.length < min) {
      add(
        'datasets.min',
        'datasets',
        `${p.datasets.length} dataset(s) recorded, at least ${min} required`,
        'declare the training data: `ml-provenance record dataset --id ID --uri URI ...` in the training code, or the `datasets` input (a manifest file or inline YAML list)',
      );
    }
    const recorded = splitFacts(p);
    p.datasets.forEach((d, i) => {
      const field = `datasets[${i}]`;
      for (const req of ds.require ?? []) {
        const missing = req === 'digest' ? !hasContentDigest(d) : req === 'splits' || req === 'seed' ? !recorded(d, req) : d[req] === undefined;
        const where = req === 'splits' || req === 'seed' ? ', and no step that reads or made it records them' : '';
        if (missing) add(`datasets.require.${req}`, `${field}.${req}`, `dataset "${d.id}" has no ${req}${where}`, DATASET_FIX[req]!);
      }
      if (d.license !== undefined && !isSpdxExpression(d.license)) {
        // An error where the policy asks for licenses; elsewhere worth knowing.
        add('datasets.license.spdx', `${field}.license`, `dataset "${d.id}" license "${d.license}" is not an SPDX license expression`, spdxFix(d.license), ds.require?.includes('license') ? 'error' : 'warning');
      }
      (d.licenseHistory ?? []).forEach((h, j) => {
        if (isSpdxExpression(h.license)) return;
        add(
          'datasets.license.spdx',
          `${field}.licenseHistory[${j}].license`,
          `dataset "${d.id}" earlier license "${h.license}" (version ${h.version}) is not an SPDX license expression`,
          spdxFix(h.license),
          ds.require?.includes('license') ? 'error' : 'warning',
        );
      });
      if (d.splits) {
        const sum = Object.values(d.splits).reduce((a, b) => a + b, 0);
        if (sum > 1 + 1e-9) {
          add('datasets.splits.sum', `${field}.splits`, `dataset "${d.id}" splits add up to ${sum.toFixed(4)}, more than 1`, 'give split fractions that add up to at most 1');
        }
      }
      if (d.license && ds.allowedLicenses && !ds.allowedLicenses.includes(d.license)) {
        add(
          'datasets.allowedLicenses',
          `${field}.license`,
          `dataset "${d.id}" is licensed ${d.license}, which the policy does not allow`,
          `use data under one of: ${ds.allowedLicenses.join(', ')} — or change the policy's allowedLicenses`,
        );
      }
      if (d.license && ds.deniedLicenses?.includes(d.license)) {
        add('datasets.deniedLicenses', `${field}.license`, `dataset "${d.id}" is licensed ${d.license}, which the policy denies`, 'remove this dataset or change the policy');
      }
    });
  }

  const img = rules.image ?? 'optional';
  if (p.image && !p.image.pinned && img !== 'optional') {
    add(
      'image.pinned',
      'image',
      `container image "${p.image.reference}" is a tag without a digest, so it can change under the same name`,
      'pin the image by digest: `image: REGISTRY/NAME:TAG@sha256:<digest>` (find it with `docker buildx imagetools inspect` or the build step output)',
    );
  }
  if (!p.image && img === 'required') {
    add('image.required', 'image', 'no container image was recorded', 'pass the training image with its digest: `image: REGISTRY/NAME@sha256:<digest>` (action) or `--image` (CLI)');
  }

  if (rules.config && p.configFiles.length === 0) {
    add('config', 'configFiles', 'no config file was recorded', 'pass the training config files with `config` (action) or `--config PATH` (CLI)');
  }
  if (rules.hyperparameters && Object.keys(p.buildDefinition.externalParameters.hyperparameters).length === 0) {
    add('hyperparameters', 'buildDefinition.externalParameters.hyperparameters', 'no hyperparameters were recorded', 'record them from the training code: `ml-provenance record param lr=0.01 epochs=10`');
  }
  if (rules.metrics) {
    const min = rules.metrics.min ?? 0;
    if (p.metrics.length < min) {
      add('metrics.min', 'metrics', `${p.metrics.length} metric(s) recorded, at least ${min} required`, 'record evaluation metrics: `ml-provenance record metric --name accuracy --value 0.93 --split test`, or pass a `metrics` file');
    }
    for (const name of rules.metrics.require ?? []) {
      if (!p.metrics.some((m) => m.name === name)) {
        add('metrics.require', `metrics[${name}]`, `required metric "${name}" was not recorded`, `record it: \`ml-provenance record metric --name ${name} --value N\``);
      }
    }
  }
  if (rules.steps && p.steps.length === 0) {
    add('steps', 'steps', 'no transformation step was recorded', 'record each data transformation: `ml-provenance record step --name tokenize --library tokenizers@0.19 --input raw --output tokens`');
  }
  if (rules.stepsReferenceKnownDatasets) {
    const known = new Set(p.datasets.map((d) => d.id));
    const produced = new Set(p.steps.flatMap((s) => s.outputs ?? []));
    p.steps.forEach((s, i) => {
      (s.inputs ?? []).forEach((id, j) => {
        if (!known.has(id) && !produced.has(id)) {
          add(
            'steps.inputs',
            `steps[${i}].inputs[${j}]`,
            `step "${s.name}" reads dataset "${id}", which is neither recorded nor produced by a step`,
            `record it with \`ml-provenance record dataset --id ${id} ...\` or fix the step's --input`,
          );
        }
      });
    });
  }
  if (rules.command && !p.buildDefinition.externalParameters.command?.length) {
    add('command', 'buildDefinition.externalParameters.command', 'the training command was not recorded', 'record it from the training code: `ml-provenance record command -- python train.py …` (or a `{"kind":"command","argv":[…]}` line in records.jsonl)');
  }
  if (rules.environment) {
    const env = p.environment;
    if (!env.os || !env.arch) add('environment', 'environment.os', 'the runner OS/architecture is unknown', 'run `ml-provenance build` on the training machine');
    if (!env.libraries || Object.keys(env.libraries).length === 0) {
      add('environment', 'environment.libraries', 'no library versions were recorded', 'record them: `{"kind":"environment","libraries":{"torch":"2.4.0"}}` in records.jsonl');
    }
  }

  // Warnings: never fail the build, always worth knowing.
  for (const [i, d] of p.datasets.entries()) {
    if (d.digestSource === 'given') {
      add('datasets.digest.given', `datasets[${i}].digest`, `dataset "${d.id}" digest was given, not computed here`, 'hash the data locally (pass `path`) if the job has it', 'warning');
    }
  }
  return out;
}
