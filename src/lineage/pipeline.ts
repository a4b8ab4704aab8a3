/**
 * Pipeline replay: the recorded steps that carry a command, in dependency order (a step
 * that reads what another wrote runs after it), each one's inputs checked before it runs
 * and its outputs compared after. Remote inputs are not fetched: replay says how to get
 * them and checks the copy the user points it at (`--input ID=PATH`).
 */
import path from 'node:path';
import { InputError } from '../errors.js';
import type { DatasetDescriptor, Step, TrainingStatement } from '../schema/predicate.js';
import { pathDatasetId } from '../util/dataset-id.js';
import { fileUriPath, knownPath } from '../util/file-uri.js';

export interface PlannedStep {
  /** Position in the record's steps[] (ties in the order keep it). */
  index: number;
  step: Step;
  argv: string[];
}

/** A step input or output: the record's dataset it names. */
export function datasetByRef(statement: TrainingStatement, ref: string): DatasetDescriptor | undefined {
  const ds = statement.predicate.datasets;
  return ds.find((d) => `${d.id}@${d.version ?? ''}` === ref) ?? ds.find((d) => d.id === ref);
}

/** The local path a dataset was hashed from: the capture's `annotations.path`, else the path its `file:` uri names (decoded). */
export function datasetLocalPath(d: DatasetDescriptor): string | undefined {
  return knownPath(d) ?? fileUriPath(d.uri);
}

const label = (d: DatasetDescriptor) => (d.version ? `${d.id}@${d.version}` : d.id);

/**
 * The steps with a recorded command, ordered so every step runs after the steps whose
 * outputs it reads. A cycle cannot be replayed in any order: it is an error naming the
 * steps, never a guess.
 */
export function pipelineOrder(statement: TrainingStatement): PlannedStep[] {
  const steps = statement.predicate.steps
    .map((step, index) => ({ step, index, argv: step.command ?? [] }))
    .filter((s) => s.argv.length > 0);
  // A dataset is known by its label and by its local path: a step reading the file another
  // step wrote depends on it even when the two recorded it under different ids.
  const producer = new Map<string, number>();
  for (const s of steps) for (const o of s.step.outputs ?? []) for (const k of datasetKeys(statement, o)) producer.set(k, s.index);
  const deps = new Map(
    steps.map((s) => [
      s.index,
      new Set(
        (s.step.inputs ?? [])
          .flatMap((i) => datasetKeys(statement, i).map((k) => producer.get(k)))
          .filter((p): p is number => p !== undefined && p !== s.index),
      ),
    ]),
  );
  const done = new Set<number>();
  const order: PlannedStep[] = [];
  while (order.length < steps.length) {
    const next = steps.find((s) => !done.has(s.index) && [...deps.get(s.index)!].every((d) => done.has(d)));
    if (!next) {
      const stuck = steps.filter((s) => !done.has(s.index)).map((s) => s.step.name);
      throw new InputError('replay-step-cycle', `the recorded steps ${stuck.join(', ')} read each other's outputs in a cycle, so there is no order to replay them in`, {
        fix: 'check the steps’ --input/--output in the record (`ml-provenance summary`); replay the run command instead with a record that has no step commands',
      });
    }
    done.add(next.index);
    order.push(next);
  }
  return order;
}

function datasetKey(statement: TrainingStatement, ref: string): string {
  const d = datasetByRef(statement, ref);
  return d ? label(d) : ref;
}

function datasetKeys(statement: TrainingStatement, ref: string): string[] {
  const d = datasetByRef(statement, ref);
  const at = d && datasetLocalPath(d);
  return [datasetKey(statement, ref), ...(at ? [`path:${path.normalize(at)}`] : [])];
}

/**
 * Steps replay cannot run because no command was recorded for them, when other steps of
 * the same run have one: listed, never skipped silently. Their outputs must already be in
 * the workdir (they are checked as inputs).
 */
export function unreplayableSteps(statement: TrainingStatement, plan: PlannedStep[]): Step[] {
  if (plan.length === 0) return [];
  return statement.predicate.steps.filter((s) => !s.command || s.command.length === 0);
}

/**
 * Datasets some replayed step writes (label → step name): not inputs the workspace must
 * already hold. A dataset recorded under another id at the same local path is the same
 * file (a training script declaring what the preprocessing step wrote), so it counts too.
 */
export function producedByPipeline(statement: TrainingStatement, plan: PlannedStep[]): Map<string, string> {
  const out = new Map<string, string>();
  const byPath = new Map<string, string>();
  for (const p of plan) {
    for (const o of p.step.outputs ?? []) {
      out.set(datasetKey(statement, o), p.step.name);
      const d = datasetByRef(statement, o);
      const at = d && datasetLocalPath(d);
      if (at) byPath.set(path.normalize(at), p.step.name);
    }
  }
  for (const d of statement.predicate.datasets) {
    const at = datasetLocalPath(d);
    const by = at && byPath.get(path.normalize(at));
    if (by && !out.has(label(d))) out.set(label(d), by);
  }
  return out;
}

/** How to get a remote dataset at its recorded version, as a command a person can run (or advice when there is none). */
export function fetchInstructions(d: DatasetDescriptor): string {
  const rev = d.version;
  const to = `./${d.id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const uri = d.uri;
  const hf = hfRepo(uri);
  let cmd: string;
  // `hf` is huggingface_hub's CLI (its `huggingface-cli` is deprecated and no longer works).
  if (hf) cmd = `hf download ${hf.repo}${hf.file ? ` ${hf.file}` : ''} --repo-type dataset${rev ? ` --revision ${rev}` : ''} --local-dir ${to}`;
  else if (uri.startsWith('s3://')) cmd = s3Instructions(uri, rev, to);
  else if (uri.startsWith('gs://')) cmd = gsInstructions(uri, rev, to);
  else if (uri.startsWith('dvc://') || d.annotations?.dvc !== undefined) cmd = `dvc pull${rev ? ` (at the git revision ${rev}: git checkout ${rev} first)` : ''}`;
  else if (/^https?:\/\//.test(uri)) cmd = `curl -fL -o ${to} '${uri.replace(/'/g, `'\\''`)}'`;
  else cmd = `fetch ${uri}${rev ? ` at version ${rev}` : ''} to ${to}`;
  const check = d.digest?.sha256 ? `, then pass --input ${d.id}=${to} so replay checks its sha256` : `, then pass --input ${d.id}=${to} (no digest recorded: it cannot be checked)`;
  return `${cmd}${check}`;
}

/** A Hugging Face dataset repository (and a file in it) from `hf://datasets/ORG/NAME@REV/FILE` or its https form. */
function hfRepo(uri: string): { repo: string; file?: string } | undefined {
  const hf = /^hf:\/\/datasets\/([^/@\s]+(?:\/[^/@\s]+)?)(?:@[^/\s]+)?(?:\/(\S+))?$/.exec(uri);
  if (hf) return { repo: hf[1]!, ...(hf[2] ? { file: hf[2] } : {}) };
  const web = /^https:\/\/huggingface\.co\/datasets\/([^?#\s]+)/.exec(uri);
  if (!web) return undefined;
  const parts = web[1]!.split('/').filter(Boolean);
  const tree = parts.findIndex((p, i) => i > 0 && (p === 'tree' || p === 'resolve' || p === 'blob'));
  const repo = parts.slice(0, tree > 0 ? Math.min(tree, 2) : 2).join('/');
  const file = tree > 0 ? parts.slice(tree + 2).join('/') : '';
  return repo ? { repo, ...(file ? { file } : {}) } : undefined;
}

/**
 * `aws s3 cp` has no --version-id (only `s3api get-object` does), and a record's
 * version is often the team's own label rather than an S3 VersionId: both are said.
 */
function s3Instructions(uri: string, rev: string | undefined, to: string): string {
  if (uri.endsWith('/')) return `aws s3 cp --recursive ${uri} ${to}${rev ? `   (the prefix must still hold version ${rev}: the digest check tells)` : ''}`;
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  const base = `aws s3 cp ${uri} ${to}`;
  if (!rev || !m) return base;
  return `${base}   (if ${rev} is the object's S3 version id: aws s3api get-object --bucket ${m[1]} --key ${m[2]} --version-id ${rev} ${to})`;
}

/** Like S3: a record's version may be the team's label, so the object-generation form (`URI#GENERATION`) is offered, not assumed. */
function gsInstructions(uri: string, rev: string | undefined, to: string): string {
  if (uri.endsWith('/')) return `gcloud storage cp -r ${uri} ${to}${rev ? `   (the prefix must still hold version ${rev}: the digest check tells)` : ''}`;
  const base = `gcloud storage cp ${uri} ${to}`;
  return rev ? `${base}   (if ${rev} is the object's generation: gcloud storage cp ${uri}#${rev} ${to})` : base;
}

/** `--input ID=PATH` pairs: where the user put a copy of a (remote) dataset. */
export function parseInputOverrides(pairs: string[], statement: TrainingStatement): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const id = eq > 0 ? pair.slice(0, eq) : '';
    const p = eq > 0 ? pair.slice(eq + 1) : '';
    if (!id || !p) throw new InputError('bad-input-override', `--input takes ID=PATH (${pair.length} characters given, without "=" or a part)`, { fix: 'pass --input DATASET_ID=./local/copy' });
    // Also by the path as typed (`data/my file.csv`) when the id is that path percent-encoded.
    const d = datasetByRef(statement, id) ?? datasetByRef(statement, pathDatasetId(id));
    if (!d) {
      throw new InputError('unknown-input-override', `--input names a dataset the record does not have`, {
        fix: `use one of: ${statement.predicate.datasets.map(label).slice(0, 10).join(', ')}`,
      });
    }
    out.set(label(d), p);
  }
  return out;
}
