import { execFile, spawn } from 'node:child_process';
import { shellWord } from '../util/shell-word.js';
import { mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import { LIMITS, readFileChecked, readLines } from '../util/fs.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { digestPath } from '../digest/index.js';
import { isInside } from '../util/fs.js';
import { CheckError, InputError } from '../errors.js';
import { RecordEvent } from '../schema/record-event.js';
import type { DatasetDescriptor, Metric, TrainingStatement } from '../schema/predicate.js';
import { lastMetrics } from './diff.js';
import { textTable } from '../render/text-table.js';
import { termLine } from '../render/terminal.js';
import { refusedValueShape } from '../redact/messages.js';
import { gitCommit } from '../statement/fields.js';
import { datasetByRef, datasetLocalPath, fetchInstructions, pipelineOrder, producedByPipeline, unreplayableSteps } from './pipeline.js';

/**
 * Replay: does this workspace still hold what the record says went in (`--check`),
 * and does re-running the recorded command reproduce what came out (`--run`)?
 */
export type ReplayStatus = 'match' | 'mismatch' | 'missing' | 'skipped' | 'planned';

export interface ReplayRow {
  kind: 'source' | 'config' | 'dataset' | 'model' | 'metric' | 'step';
  input: string;
  recorded: string;
  local: string;
  status: ReplayStatus;
  note?: string;
  /** A remote dataset: the command that fetches it at its recorded version (also in the note). */
  fetch?: string;
}

const run = promisify(execFile);

async function gitHead(dir: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['rev-parse', 'HEAD'], { cwd: dir });
    return stdout.trim();
  } catch {
    return undefined;
  }
}

/** Tracked files with uncommitted changes (a HEAD that matches says nothing about them). */
async function gitChanged(dir: string): Promise<string[]> {
  try {
    const { stdout } = await run('git', ['status', '--porcelain', '--untracked-files=no', '-z'], { cwd: dir });
    // `XY PATH\0`, and for a rename or copy (X or Y is R or C) the original path follows as a field of its own.
    const fields = stdout.split('\0');
    const paths: string[] = [];
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (!f) continue;
      paths.push(f.slice(3));
      if (/[RC]/.test(f.slice(0, 2)) && fields[i + 1]) paths.push(fields[++i]!);
    }
    return paths;
  } catch {
    return [];
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Resolve a recorded relative path inside the workdir, refusing paths that climb out of it. */
function inside(workdir: string, rel: string): string | undefined {
  const abs = path.resolve(workdir, rel);
  return isInside(abs, workdir) ? abs : undefined;
}

async function compareDigest(
  kind: ReplayRow['kind'],
  input: string,
  recorded: string | undefined,
  workdir: string,
  rel: string,
  /** A path the user named (`--input ID=PATH`): taken as given, not confined to the workdir. */
  userPath?: string,
): Promise<ReplayRow> {
  const abs = userPath !== undefined ? path.resolve(userPath) : inside(workdir, rel);
  if (!abs) return { kind, input, recorded: recorded ?? '-', local: '-', status: 'skipped', note: `${rel} is outside the workdir` };
  if (!(await exists(abs))) return { kind, input, recorded: recorded ?? '-', local: 'not found', status: 'missing', note: rel };
  const d = await digestPath(abs, workdir);
  const local = `sha256:${d.sha256}`;
  if (!recorded) return { kind, input, recorded: '-', local, status: 'skipped', note: 'no sha256 recorded' };
  const where = userPath ?? rel;
  return { kind, input, recorded, local, status: recorded === local ? 'match' : 'mismatch', ...(where !== input ? { note: where } : {}) };
}

/** The DVC file in the workdir that tracks a path (`PATH.dvc`, or a `dvc.lock` naming it), if any. */
async function dvcTracker(workdir: string, rel: string): Promise<string | undefined> {
  const own = inside(workdir, `${rel}.dvc`);
  if (own && (await exists(own))) return `${rel}.dvc`;
  const lock = path.join(workdir, 'dvc.lock');
  if (!(await exists(lock))) return undefined;
  const text = (await readFileChecked(lock, 'dvc.lock', { maxBytes: LIMITS.recordsFileBytes }).catch(() => undefined))?.toString('utf8') ?? '';
  const want = path.normalize(rel);
  const paths = text.split('\n').map((l) => /^\s*(?:-\s*)?path:\s*['"]?([^'"#]+?)['"]?\s*$/.exec(l)?.[1]);
  return paths.some((p) => p !== undefined && path.normalize(p) === want) ? 'dvc.lock' : undefined;
}

/** One dataset's row: its local copy checked, or for a remote one, how to fetch it. */
async function datasetRow(d: DatasetDescriptor, workdir: string, overrides: ReadonlyMap<string, string>, note?: string): Promise<ReplayRow> {
  const label = d.version ? `${d.id}@${d.version}` : d.id;
  const recorded = d.digest?.sha256 ? `sha256:${d.digest.sha256}` : undefined;
  const given = overrides.get(label);
  const local = datasetLocalPath(d);
  let row: ReplayRow;
  if (given !== undefined) row = await compareDigest('dataset', label, recorded, workdir, given, given);
  else if (!local) row = { kind: 'dataset', input: label, recorded: recorded ?? '-', local: '-', status: 'skipped', note: `remote (${d.uri}): ${fetchInstructions(d)}`, fetch: fetchInstructions(d) };
  else row = await compareDigest('dataset', label, recorded, workdir, local);
  // A DVC-tracked file that is not here is fetched from DVC's remote: say so when the
  // workdir's DVC files (PATH.dvc, dvc.lock) track it.
  const dvc = row.status === 'missing' && local && given === undefined ? await dvcTracker(workdir, local) : undefined;
  if (dvc) row = { ...row, note: `${row.note ?? local}; tracked by DVC (${dvc}): dvc pull ${local}` };
  return note ? { ...row, note: row.note ? `${note}; ${row.note}` : note } : row;
}

export interface CheckOptions {
  /** `--input ID=PATH`: local copies of datasets (remote ones, usually), keyed by ID@VERSION. */
  overrides?: ReadonlyMap<string, string>;
}

/**
 * Check the inputs (source commit, config files, local datasets) and list the plan: the
 * steps `--run` would run, in order. Datasets a replayed step writes are not inputs.
 */
export async function replayCheck(statement: TrainingStatement, workdir: string, co: CheckOptions = {}): Promise<ReplayRow[]> {
  const p = statement.predicate;
  const rows: ReplayRow[] = [];
  const commit = gitCommit(statement);
  if (commit) {
    const head = await gitHead(workdir);
    const changed = head === undefined ? [] : await gitChanged(workdir);
    rows.push({
      kind: 'source',
      input: 'git HEAD',
      recorded: commit,
      local: head ?? 'not a git checkout',
      status: head === undefined ? 'missing' : head === commit ? 'match' : 'mismatch',
      // Said, not failed: the record has the commit, not the working tree it ran in.
      ...(changed.length ? { note: `uncommitted changes: ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}` } : {}),
    });
  }
  for (const c of p.configFiles) {
    rows.push(await compareDigest('config', c.name, `sha256:${c.digest.sha256}`, workdir, c.name));
  }
  const plan = pipelineOrder(statement);
  const produced = producedByPipeline(statement, plan);
  for (const d of p.datasets) {
    const label = d.version ? `${d.id}@${d.version}` : d.id;
    const by = produced.get(label);
    if (by !== undefined) {
      const recorded = d.digest?.sha256 ? `sha256:${d.digest.sha256}` : '-';
      // A copy already here is rewritten by the step, so it decides nothing; saying it differs helps find a stale or edited file.
      const at = datasetLocalPath(d);
      const here = at ? await compareDigest('dataset', label, d.digest?.sha256 ? recorded : undefined, workdir, at) : undefined;
      const now = here?.status === 'mismatch' ? '; the copy here differs (the step rewrites it)' : '';
      rows.push({ kind: 'dataset', input: label, recorded, local: here?.status === 'match' || here?.status === 'mismatch' ? here.local : '-', status: 'planned', note: `written by step ${by}: compared after it runs${now}` });
      continue;
    }
    rows.push(await datasetRow(d, workdir, co.overrides ?? new Map()));
  }
  plan.forEach((ps, i) => {
    rows.push({ kind: 'step', input: ps.step.name, recorded: showReplayCommand({ argv: ps.argv, dir: ps.step.workingDirectory }), local: '-', status: 'planned', note: `runs ${i + 1} of ${plan.length}` });
  });
  for (const s of unreplayableSteps(statement, plan)) {
    const outs = s.outputs?.length ? `; its outputs (${s.outputs.join(', ')}) must already be in the workdir` : '';
    rows.push({ kind: 'step', input: s.name, recorded: '-', local: '-', status: 'skipped', note: `cannot replay: no command recorded${outs}` });
  }
  return rows;
}

export interface Tolerance {
  absolute: number;
  relative: number;
}

/** `0.01` (absolute) or `2%` (relative to the recorded value). */
export function parseTolerance(text: string | undefined): Tolerance {
  if (text === undefined || text === '') return { absolute: 0, relative: 0 };
  const m = /^\s*(\d+(?:\.\d+)?(?:e-?\d+)?)\s*(%?)\s*$/i.exec(text);
  if (!m) {
    throw new InputError('bad-tolerance', `--tolerance must be a non-negative number or a percentage ${refusedValueShape(text)}`, {
      fix: 'pass --tolerance 0.001 (absolute) or --tolerance 1% (relative)',
    });
  }
  const n = Number(m[1]);
  return m[2] ? { absolute: 0, relative: n / 100 } : { absolute: n, relative: 0 };
}

export function withinTolerance(recorded: number, local: number, t: Tolerance): boolean {
  const diff = Math.abs(recorded - local);
  return diff <= t.absolute || diff <= t.relative * Math.abs(recorded) || diff === 0;
}

export interface RunOptions {
  workdir: string;
  tolerance: Tolerance;
  /** Where the child's output goes; stderr by default so stdout stays the table. */
  onOutput?: (chunk: Buffer) => void;
  env?: NodeJS.ProcessEnv;
  /** `--input ID=PATH` (see CheckOptions). */
  overrides?: ReadonlyMap<string, string>;
  /** `--allow-changed-inputs`: a step's input that differs (but is there) does not stop the replay. */
  allowChangedInputs?: boolean;
}

function runCommand(argv: string[], cwd: string, env: NodeJS.ProcessEnv, onOutput: (b: Buffer) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('error', (err) =>
      reject(
        new InputError('replay-command-failed', `could not start the recorded command ${JSON.stringify(argv[0])}: ${err.message}`, {
          fix: 'install the program the training used (see environment.tools in the record) and run again',
          cause: err,
        }),
      ),
    );
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Metric events a run appended: read from the fresh records dir, else what was appended to the workdir's log. */
async function producedMetrics(freshDir: string, workdirLog: string, offset: number): Promise<Metric[]> {
  const out: Metric[] = [];
  const take = (line: string | undefined) => {
    if (!line?.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return; // a torn last line from a killed run is not a metric
    }
    const ev = RecordEvent.safeParse(json);
    if (ev.success && ev.data.kind === 'metric') {
      const { name, value, epoch, step, split } = ev.data;
      out.push({ name, value, ...(epoch !== undefined ? { epoch } : {}), ...(step !== undefined ? { step } : {}), ...(split !== undefined ? { split } : {}) });
    }
  };
  // Through the checked read path, within the records limits: the run may have written anything there.
  const fresh = path.join(freshDir, 'records.jsonl');
  if (await exists(fresh)) {
    await readLines(fresh, 'records log', { maxBytes: LIMITS.recordsFileBytes, maxLine: LIMITS.recordsLineBytes, onLine: take });
    if (out.length) return out;
  }
  if (await exists(workdirLog)) {
    const bytes = await readFileChecked(workdirLog, 'records log', { maxBytes: offset + LIMITS.recordsFileBytes });
    for (const line of bytes.subarray(offset).toString('utf8').split('\n')) take(line);
  }
  return out;
}

/** A command replay may run: argv plus what it is (the run's command, or a step's). */
export interface ReplayCommand {
  label: string;
  argv: string[];
  /** The recorded folder it ran in, relative to the checkout (`workingDirectory`); absent: the root. */
  dir?: string;
  /** Where `dir` is in the record (a JSON pointer), for errors. */
  field?: string;
  /** The step, for a pipeline step: its inputs are checked before and its outputs after. */
  stepIndex?: number;
}

/** A command with a credential redacted cannot be replayed faithfully (and "[REDACTED]" is no credential). */
function assertNotRedacted(statement: TrainingStatement, argv: string[], pointer: string, what: string): void {
  const redacted = statement.predicate.redactions.filter((r) => r.includes(pointer));
  if (redacted.length || argv.includes('[REDACTED]')) {
    throw new InputError('replay-command-redacted', `${what} had credentials redacted, so it cannot be re-run as recorded`, {
      fix: 'run it yourself with the credentials supplied, then use `replay --check` or compare with `diff`',
      fields: redacted,
    });
  }
}

/** The recorded command, refused when there is none or it had credentials redacted. */
export function recordedCommand(statement: TrainingStatement): string[] {
  const argv = statement.predicate.buildDefinition.externalParameters.command;
  if (!argv || argv.length === 0) {
    throw new InputError('replay-no-command', 'the record has no command to re-run (buildDefinition.externalParameters.command) and no step with a recorded command', {
      fix: 'record the command during training (`ml-provenance record run -- CMD…`, or `record step --command`), or use --check only',
      fields: ['predicate.buildDefinition.externalParameters.command'],
    });
  }
  assertNotRedacted(statement, argv, '/externalParameters/command', 'the recorded command');
  return argv;
}

/**
 * What `--run` runs: the steps that carry a command, in dependency order (a pipeline);
 * when no step has one, the run's own command.
 */
export function replayCommands(statement: TrainingStatement): ReplayCommand[] {
  const plan = pipelineOrder(statement);
  if (plan.length === 0) {
    const dir = statement.predicate.buildDefinition.externalParameters.workingDirectory;
    return [{ label: 'the recorded command', argv: recordedCommand(statement), ...(dir ? { dir, field: 'predicate.buildDefinition.externalParameters.workingDirectory' } : {}) }];
  }
  return plan.map((ps) => {
    assertNotRedacted(statement, ps.argv, `/steps/${ps.index}/command`, `step ${ps.step.name}'s command`);
    const dir = ps.step.workingDirectory;
    return { label: `step ${ps.step.name}`, argv: ps.argv, stepIndex: ps.index, ...(dir ? { dir, field: `predicate.steps[${ps.index}].workingDirectory` } : {}) };
  });
}

/** The command and, when not the checkout's root, the folder it runs in: `python3 train.py (in train/)`. */
export function showReplayCommand(c: Pick<ReplayCommand, 'argv' | 'dir'>): string {
  return `${showCommand(c.argv)}${c.dir ? ` (in ${termLine(c.dir)}/)` : ''}`;
}

/** The workdir's real path; one that is not a folder is a usage error (a mistyped --workdir), not a workspace whose every input is missing. */
export async function workdirRoot(workdir: string): Promise<string> {
  const real = await realpath(workdir).catch(() => undefined);
  if (real === undefined || !(await stat(real).catch(() => undefined))?.isDirectory()) {
    throw new InputError('workdir-missing', `the workdir ${termLine(workdir)} is not a folder here`, { fix: 'pass --workdir a copy of the checkout', fields: ['--workdir'] });
  }
  return real;
}

/**
 * The folder a command runs in: the workdir, or the recorded `workingDirectory` inside it. One
 * that leads out of the workdir (absolute, `..`, a symlink out) is refused, never run there; so
 * is one that is not a folder here. Checked again just before each command runs, as an earlier
 * step may have changed the tree.
 */
export async function commandDir(workdir: string, c: Pick<ReplayCommand, 'dir' | 'field' | 'label'>): Promise<string> {
  const dir = c.dir;
  if (!dir) return workdir;
  const field = c.field ?? 'workingDirectory';
  const shown = termLine(dir);
  const target = path.resolve(workdir, dir);
  const outside = (how: string) =>
    new InputError('replay-workdir-outside', `${c.label}: its folder "${shown}" (${field}) leads outside the workdir ${termLine(workdir)}${how}, so it was not run`, {
      fix: `workingDirectory must name a folder inside the checkout (relative, no '..', no symlink out of it); record the command from inside the checkout, or replay a record whose ${field} does`,
      fields: [field],
    });
  if (path.isAbsolute(dir) || !isInside(target, workdir)) throw outside('');
  const root = await workdirRoot(workdir);
  const real = await realpath(target).catch(() => undefined);
  const st = real === undefined ? undefined : await stat(real).catch(() => undefined);
  if (real === undefined || !st?.isDirectory()) {
    throw new InputError('replay-workdir-missing', `${c.label}: its folder "${shown}" (${field}) is not a folder in the workdir ${termLine(workdir)}, so it was not run`, {
      fix: `copy the whole checkout into the workdir (the command ran in its ${shown}/ folder)`,
      fields: [field],
    });
  }
  if (!isInside(real, root)) throw outside(' through a symlink');
  return real;
}

/** Rows for a step's input or output datasets. */
async function stepDatasetRows(
  statement: TrainingStatement,
  stepIndex: number,
  dir: 'inputs' | 'outputs',
  workdir: string,
  overrides: ReadonlyMap<string, string>,
  /** Datasets already compared after an earlier step of this replay: not checked twice. */
  seen: Set<DatasetDescriptor>,
): Promise<ReplayRow[]> {
  const step = statement.predicate.steps[stepIndex]!;
  const rows: ReplayRow[] = [];
  for (const ref of step[dir] ?? []) {
    const d = datasetByRef(statement, ref);
    if (!d) continue; // a run-local name with no dataset entry: nothing recorded to compare
    if (dir === 'inputs' && seen.has(d)) continue;
    seen.add(d);
    rows.push(await datasetRow(d, workdir, overrides, `${dir === 'inputs' ? 'input of' : 'output of'} step ${step.name}`));
  }
  return rows;
}

const bad = (r: ReplayRow) => r.status === 'mismatch' || r.status === 'missing';

/**
 * Re-run what the record ran in `workdir` and compare: for a pipeline, each step's inputs
 * before it and its outputs after it (stopping at the first step whose inputs or outputs
 * differ); then the models and the final metrics.
 */
export async function replayRun(statement: TrainingStatement, opts: RunOptions): Promise<ReplayRow[]> {
  const commands = replayCommands(statement);
  const workdir = path.resolve(opts.workdir);
  const say = opts.onOutput ?? ((b: Buffer) => process.stderr.write(b));
  const overrides = opts.overrides ?? new Map<string, string>();
  const fresh = await mkdtemp(path.join(tmpdir(), 'mlp-replay-'));
  const workdirLog = path.join(workdir, '.ml-provenance', 'records.jsonl');
  const offset = (await stat(workdirLog).catch(() => undefined))?.size ?? 0;
  const rows: ReplayRow[] = [];
  const seen = new Set<DatasetDescriptor>();
  /** The steps after a failing one are listed as not run, so the table says where it stopped. */
  const stopAt = (i: number, why: string) => {
    for (const c of commands.slice(i + 1)) rows.push({ kind: 'step', input: c.label.replace(/^step /, ''), recorded: showReplayCommand(c), local: '-', status: 'skipped', note: `not run: ${why}` });
    return rows;
  };
  try {
    // Every recorded folder is checked before the first command runs: a bad one stops the whole replay.
    for (const c of commands) await commandDir(workdir, c);
    for (const [i, c] of commands.entries()) {
      if (c.stepIndex !== undefined && i > 0) {
        // The first step's inputs were checked with the rest before anything ran.
        const before = await stepDatasetRows(statement, c.stepIndex, 'inputs', workdir, overrides, seen);
        rows.push(...before);
        const stop = opts.allowChangedInputs ? before.some((r) => r.status === 'missing') : before.some(bad);
        if (stop) return stopAt(i - 1, `an input of ${c.label} ${before.some((r) => r.status === 'missing') ? 'is missing' : 'differs from the record'}`);
      }
      // Say what is about to run before running it: it comes from the record.
      const cwd = await commandDir(workdir, c);
      say(Buffer.from(`replay: ${c.label}${commands.length > 1 ? ` (${i + 1} of ${commands.length})` : ''}: running ${showCommand(c.argv)} in ${termLine(cwd)}\n`));
      // The workdir is the replayed run's checkout: `record` resolves paths against it, as the original run's did against its own.
      const code = await runCommand(c.argv, cwd, { ...process.env, ...opts.env, ML_PROVENANCE_DIR: fresh, GITHUB_WORKSPACE: workdir }, say);
      if (code !== 0) {
        throw new CheckError('replay-command-failed', `${c.label}: the recorded command \`${showCommand(c.argv)}\` exited with ${code} in ${cwd}`, {
          fix: 'the run could not be reproduced; check its output above (missing inputs or dependencies?)',
        });
      }
      if (c.stepIndex !== undefined) {
        const after = await stepDatasetRows(statement, c.stepIndex, 'outputs', workdir, overrides, seen);
        rows.push(...after);
        if (after.some(bad)) return stopAt(i, `replay stopped at ${c.label}, whose output differs from the record`);
      }
    }
    // Datasets the plan said a step writes but no step listed as its output (the same file
    // recorded under another id): compared now that every step has run.
    if (commands.some((c) => c.stepIndex !== undefined)) {
      for (const [lbl, by] of producedByPipeline(statement, pipelineOrder(statement))) {
        const d = datasetByRef(statement, lbl);
        if (d && !seen.has(d)) {
          seen.add(d);
          rows.push(await datasetRow(d, workdir, overrides, `written by step ${by}`));
        }
      }
    }
    for (const s of statement.subject) {
      rows.push(await compareDigest('model', s.name, `sha256:${s.digest.sha256}`, workdir, s.name));
    }
    const recorded = lastMetrics(statement.predicate.metrics);
    const local = lastMetrics(await producedMetrics(fresh, workdirLog, offset));
    for (const [key, m] of recorded) {
      const label = `${m.name}${m.split ? ` (${m.split})` : ''}${m.epoch !== undefined ? ` epoch ${m.epoch}` : ''}`;
      const got = local.get(key);
      if (!got) {
        rows.push({ kind: 'metric', input: label, recorded: String(m.value), local: 'not recorded', status: 'missing' });
        continue;
      }
      const ok = withinTolerance(m.value, got.value, opts.tolerance);
      rows.push({
        kind: 'metric',
        input: label,
        recorded: String(m.value),
        local: String(got.value),
        status: ok ? 'match' : 'mismatch',
        ...(m.value !== got.value ? { note: `Δ ${got.value - m.value}` } : {}),
      });
    }
    return rows;
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

/** What replay needs to know about who signed a record before running its command. */
export interface RunTrust {
  /** The record was not verified (`--no-verify`): the user vouches for the file. */
  unverified: boolean;
  /** The identity flags pin a ref: `--signer-workflow …@REF` or an exact `--cert-identity`. */
  pinned: boolean;
  /** The verified signer's ref and trigger (Fulcio certificate extensions), when known. */
  signerRef?: string;
  trigger?: string;
  signer?: string;
}

/** The ref of a workflow identity URI (`https://github.com/o/r/.github/workflows/t.yml@refs/heads/main`). */
export function refOfIdentity(uri: string | undefined): string | undefined {
  const at = uri?.lastIndexOf('@') ?? -1;
  return uri && at > 0 ? uri.slice(at + 1) : undefined;
}

const PR_TRIGGERS = new Set(['pull_request', 'pull_request_target']);

/**
 * `replay --run` executes a command the record names, and whoever controlled the
 * signing run controlled that command: a pull request's branch, for a pull-request
 * run. So the signer must be pinned to a ref the auditor chose (a record from any
 * branch otherwise passes `--repo`), and a record from a pull-request run
 * (ref refs/pull/*, trigger pull_request or pull_request_target, whose workflow ref
 * is the base branch's) is refused even then.
 */
export function assertRunTrusted(t: RunTrust): void {
  if (t.unverified) return;
  const pr = (t.signerRef?.startsWith('refs/pull/') ?? false) || (t.trigger !== undefined && PR_TRIGGERS.has(t.trigger));
  if (pr) {
    throw new CheckError(
      'replay-pull-request-signer',
      `the record was signed by a pull-request run (${[t.signerRef, t.trigger && `trigger ${t.trigger}`].filter(Boolean).join(', ')}): its command is whatever that branch put in the records log, so --run will not execute it`,
      { fix: 'read the command with `ml-provenance summary` and run it yourself if you trust it, or replay the record of the merged run (signed on a protected branch)' },
    );
  }
  if (!t.pinned) {
    throw new InputError('replay-signer-not-pinned', '--run executes the command in the record, so the signer must be pinned to a ref you trust: --repo (or a --signer-workflow without @REF) accepts a record from any branch', {
      fix: 'add --signer-workflow OWNER/REPO/.github/workflows/FILE.yml@refs/heads/main (or an exact --cert-identity)',
      fields: ['--signer-workflow'],
    });
  }
}

/** The command as a person would type it, one safe line (arguments with spaces or quotes are quoted). */
export function showCommand(argv: string[]): string {
  return termLine(argv.map(shellWord).join(' '));
}

export function replayFailed(rows: ReplayRow[]): boolean {
  return rows.some(bad);
}

export function renderReplayTable(rows: ReplayRow[]): string {
  const short = (s: string) => (/^sha256:[a-f0-9]{64}$/.test(s) ? s.slice(0, 19) : /^[a-f0-9]{40}$/.test(s) ? s.slice(0, 12) : s);
  return textTable(
    ['kind', 'input', 'recorded', 'local', 'status', 'note'],
    rows.map((r) => [r.kind, r.input, short(r.recorded), short(r.local), r.status === 'match' ? 'ok' : r.status === 'planned' ? 'planned' : r.status.toUpperCase(), r.note ?? '']),
  );
}
