import { appendFile, lstat, readFile, readdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { assertDepth, parseJsonExact } from '../util/json.js';
import type * as z from 'zod';
import { InputError } from '../errors.js';
import { GitHubJob, GitHubRunAttempt, GitHubRunId, RecordEvent } from '../schema/record-event.js';
import { WorkingDirectory } from '../schema/common.js';
import { LIMITS, containedPath, makeDirs, posixRelative, readLines, realWorkspace, isInside } from '../util/fs.js';
import { parseWith } from '../util/zod-error.js';

export const DEFAULT_RECORDS_DIR = '.ml-provenance';
export const RECORDS_FILE = 'records.jsonl';
/** Written into a records folder `record` makes. */
export const GITIGNORE = '# Made by `ml-provenance record`: the records log belongs to one run, not to the repository.\n*\n';

/**
 * The workspace `record` and `build` take paths relative to: in GitHub Actions, the job's checkout
 * when the command runs anywhere inside it (training code often runs in a sub-folder,
 * `working-directory: train`, while the action reads the log at the checkout's root); else the
 * current folder (outside the checkout, e.g. in a container given the host's GITHUB_WORKSPACE,
 * that path may not even exist here).
 */
export function defaultWorkspace(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const checkout = actionsCheckout(env);
  return checkout !== undefined && isInside(cwd, checkout) ? checkout : cwd;
}

/** GITHUB_WORKSPACE's real path, when it is set and exists here. */
export function actionsCheckout(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const ws = env.GITHUB_WORKSPACE?.trim();
  if (!ws) return undefined;
  try {
    return realpathSync(ws);
  } catch {
    return undefined;
  }
}

/**
 * The folder a recorded command runs in, relative to the workspace and '/'-separated (`train` when
 * `record command` is typed in the checkout's `train/`), so `replay --run` runs it there too. None
 * at the workspace's root, nor outside it (no folder a replayed checkout would have). A folder the
 * log's schema refuses (a name holding a backslash, legal on Linux) is refused here, named, with why and
 * what to do, not left to the schema's message about a field the user never typed; with
 * `required: false` (the folder only helps explain a path, as for a step without a command) it is
 * left out instead.
 */
export function commandFolder(workspace: string, cwd: string = process.cwd(), required = true): string | undefined {
  const rel = posixRelative(workspace, cwd);
  if (rel === '' || !isInside(cwd, workspace)) return undefined;
  const why = unrecordableFolder(workspace, cwd);
  if (why === undefined) return rel;
  if (!required) return undefined;
  throw new InputError('folder-not-recordable', `the current folder ${rel} (in the workspace ${workspace}) cannot be recorded as the folder the command runs in: ${why}`, {
    fix: "rename the folder (no '\\' in its name), or run the command from another folder of the checkout (its root, with the command's paths relative to it)",
    fields: ['cwd'],
  });
}

/**
 * Why the workspace's sub-folder `cwd` cannot be named in a record (the log schema's
 * `WorkingDirectory` refuses it), or undefined when it can (or is the root, or outside).
 */
export function unrecordableFolder(workspace: string, cwd: string): string | undefined {
  const rel = posixRelative(workspace, cwd);
  if (rel === '' || !isInside(cwd, workspace)) return undefined;
  const checked = WorkingDirectory.safeParse(rel);
  if (checked.success) return undefined;
  return rel.includes('\\')
    ? `a folder name in it holds '\\': records keep '/'-separated paths, which must name the same folder on Windows, where '\\' separates folders`
    : (checked.error.issues[0]?.message ?? 'not a folder a record can name');
}

/** The records folder, and who named it (undefined: the default `.ml-provenance`). */
export interface RecordsLocation {
  dir: string;
  from?: string;
}

/**
 * The one rule `record`, `build` and the action share, so training code and the step that signs
 * always meet in the same folder: the folder named by a flag or input (`by` says which), else the
 * job's ML_PROVENANCE_DIR, else `.ml-provenance`, each relative to the workspace. Surrounding blanks
 * are dropped (the runner trims inputs; a YAML or shell slip in the variable would otherwise name
 * a different folder); a blank variable is unset, a blank flag an error.
 */
export function recordsLocation(named: { value: string | undefined; by: string }, workspace: string, env: NodeJS.ProcessEnv = process.env): RecordsLocation {
  if (named.value !== undefined) {
    if (!named.value.trim()) {
      throw new InputError('records-empty', `${named.by} is empty`, { fix: `pass the folder that holds records.jsonl (default .ml-provenance), or leave ${named.by} out`, fields: [named.by] });
    }
    return { dir: path.resolve(workspace, named.value.trim()), from: named.by };
  }
  const fromEnv = env.ML_PROVENANCE_DIR?.trim();
  if (fromEnv) return { dir: path.resolve(workspace, fromEnv), from: 'ML_PROVENANCE_DIR' };
  return { dir: path.resolve(workspace, DEFAULT_RECORDS_DIR) };
}

function notADirectory(dir: string): InputError {
  return new InputError('records-not-dir', `records path ${dir} is not a directory`, {
    fix: 'pass the directory that holds records.jsonl with --records DIR (or ML_PROVENANCE_DIR); default .ml-provenance',
    file: dir,
  });
}

/**
 * Validate and append one event as one line. A single appendFile call on an
 * O_APPEND descriptor keeps concurrent writers (data loader workers) from
 * interleaving partial lines.
 */
export async function appendEvent(
  dir: string,
  event: unknown,
  now: () => Date = () => new Date(),
  where: Partial<Parameters<typeof parseWith>[2]> = {},
): Promise<RecordEvent> {
  const parsed = parseWith(RecordEvent, event, { what: 'record event', fix: 'see schemas/record-event.schema.json', ...where });
  const withTs = { ...parsed, ts: parsed.ts ?? now().toISOString() };
  const line = JSON.stringify(withTs) + '\n';
  if (Buffer.byteLength(line) > LIMITS.recordsLineBytes) {
    throw new InputError('event-too-large', `the event is ${Buffer.byteLength(line)} bytes, more than the ${LIMITS.recordsLineBytes} a records line may have`, {
      fix: 'record big values (files, arrays) by path or digest instead of inline',
    });
  }
  try {
    const made = !existsSync(dir);
    await makeDirs(dir);
    // As pytest, mypy and ruff do with their folders: a log made here is never committed by
    // `git add -A` (a committed log would be merged into every later run's signed record).
    if (made) await writeFile(path.join(dir, '.gitignore'), GITIGNORE, { flag: 'wx' }).catch(() => undefined);
    const file = path.join(dir, RECORDS_FILE);
    const st = await stat(file).catch(() => undefined);
    if (st && !st.isFile()) {
      throw new InputError('records-not-file', `records log ${file} is not a regular file`, { fix: 'remove it, or pass another directory with --records DIR', file });
    }
    await appendFile(file, line, { flag: 'a' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw notADirectory(dir);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new InputError('records-not-writable', `cannot write to the records directory ${dir}`, { fix: 'pass a writable directory with --records DIR (or ML_PROVENANCE_DIR)', file: dir, cause: err });
    }
    throw err;
  }
  return withTs;
}

/** A bare NaN / Infinity where a JSON value belongs (after `:`, `[` or `,`). */
const NON_FINITE = /[:[,]\s*-?(?:NaN|Infinity)\s*[,}\]]/;

/**
 * Parse one line of a records log; `unterminated` marks a last line without a newline,
 * which is skipped when it does not parse (the writer was killed mid-write: the one
 * tolerable defect).
 */
function parseEventLine(raw: string | undefined, file: string, n: number, unterminated: boolean): RecordEvent | undefined {
  const line = raw?.trim();
  if (!line) return undefined;
  let data: unknown;
  const exact = new Set<string>();
  try {
    // Python writes ints of any size (a 64-bit seed, 2**63 + 5): kept exact, as config files' are.
    data = parseJsonExact(line, exact);
  } catch {
    if (unterminated) return undefined;
    // Python's json.dumps writes float('nan') and float('inf') as NaN / Infinity, which JSON has no word for.
    if (NON_FINITE.test(line)) {
      throw new InputError('malformed-record', `${file}:${n} is not valid JSON: it holds NaN or Infinity (Python's json.dumps writes them for float('nan') / float('inf'))`, {
        fix: 'record only finite numbers: skip the value when not math.isfinite(x), and pass allow_nan=False to json.dumps to catch others where they are written',
        file,
        line: n,
      });
    }
    throw new InputError('malformed-record', `${file}:${n} is not valid JSON`, {
      fix: 'each line of the records log must be one JSON object (see schemas/record-event.schema.json)',
      file,
      line: n,
    });
  }
  assertDepth(data, `${file}:${n}`, 'record event');
  if (exact.size) numbersWhereWanted(data, exact);
  return parseWith(RecordEvent, data, { file, line: n, what: 'record event', fix: 'see schemas/record-event.schema.json' });
}

/**
 * Where the log's schema wants a number (a metric's value, a count: measurements), an integer
 * read as exact text (`texts`) becomes a number again, a double as before; params, step
 * parameters, `extra` and seeds keep the text. In place.
 */
function numbersWhereWanted(data: unknown, texts: Set<string>): void {
  const r = RecordEvent.safeParse(data);
  if (r.success) return;
  for (const issue of r.error.issues) {
    if (issue.code !== 'invalid_type' || issue.expected !== 'number' || !issue.path.length) continue;
    let holder = data as Record<PropertyKey, unknown> | undefined;
    for (const k of issue.path.slice(0, -1)) holder = holder && typeof holder === 'object' ? (holder[k] as Record<PropertyKey, unknown>) : undefined;
    const last = issue.path[issue.path.length - 1]!;
    if (!holder || typeof holder !== 'object') continue;
    const v = holder[last];
    if (typeof v === 'string' && texts.has(v)) holder[last] = Number(v);
  }
}

/** Parse a records log; every bad line is reported with file:line and what is wrong. */
export function parseEvents(text: string, file: string): RecordEvent[] {
  const out: RecordEvent[] = [];
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  lines.forEach((raw, i) => {
    const e = parseEventLine(raw, file, i + 1, i === lines.length - 1);
    if (e) out.push(e);
  });
  return out;
}

export async function readEvents(dir: string, within?: string): Promise<RecordEvent[]> {
  return (await readRecords(dir, within)).events;
}

/**
 * Read every `*.jsonl` in the records directory and each folder's records.jsonl one level down (matrix jobs may each leave one),
 * in name order, and the sha256 of records.jsonl's bytes (recorded as a byproduct),
 * each file read once, line by line, within LIMITS (recordsFileBytes a file,
 * recordsLineBytes a line). With `within` (the workspace), the directory and every
 * file must be inside it after symlinks. A missing directory is an empty log.
 */
/** Where an event was read: the log file (as named under the records folder given) and its line. */
export interface EventOrigin {
  file: string;
  line: number;
}

export interface RecordsRead {
  events: RecordEvent[];
  /** Each event's file and line, so a warning can name the lines it is about. */
  origins: Map<RecordEvent, EventOrigin>;
  digest?: string;
}

export async function readRecords(dir: string, within?: string, from?: string): Promise<RecordsRead> {
  let realDir = dir;
  if (within !== undefined) {
    const ws = await realWorkspace(within);
    const shown = path.relative(path.resolve(within), dir) || '.';
    if (!isInside(path.resolve(dir), path.resolve(within)) && !isInside(path.resolve(dir), ws)) {
      // Named where the user set it: ML_PROVENANCE_DIR is often set for the whole job, not typed here.
      throw new InputError('path-outside-workspace', `records directory ${dir}${from ? ` (from ${from})` : ''} is outside the workspace ${ws}`, {
        fix: `keep the records log in the workspace${from ? ` (point ${from} at a folder inside it)` : ' (default .ml-provenance)'}, or copy it there before this step`,
        file: dir,
      });
    }
    const real = await containedPath(dir, ws, 'records directory', shown);
    if (real === undefined) return { events: [], origins: new Map() };
    realDir = real;
  }
  let entries;
  try {
    entries = await readdir(realDir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { events: [], origins: new Map() };
    if (code === 'ENOTDIR') throw notADirectory(dir);
    throw err;
  }
  const names = logNames(realDir, entries);
  const events: RecordEvent[] = [];
  const origins = new Map<RecordEvent, EventOrigin>();
  let digest: string | undefined;
  for (const n of names) {
    const file = path.join(dir, n);
    const hash = n === RECORDS_FILE ? createHash('sha256') : undefined;
    await readLines(path.join(realDir, n), 'records log', {
      shown: file,
      maxBytes: LIMITS.recordsFileBytes,
      maxLine: LIMITS.recordsLineBytes,
      ...(within !== undefined ? { within: realDir } : {}),
      ...(hash ? { onBytes: (b: Buffer) => hash.update(b) } : {}),
      onLine: (line, i, unterminated) => {
        const e = parseEventLine(line, file, i, unterminated);
        if (e) {
          events.push(e);
          origins.set(e, { file, line: i });
        }
      },
    });
    if (hash) digest = hash.digest('hex');
  }
  return { events, origins, ...(digest ? { digest } : {}) };
}

/** The log files of a records folder (its entries given), relative to it, in the order build reads them. */
function logNames(dir: string, entries: Dirent[]): string[] {
  // Not only regular files: a FIFO or a device named *.jsonl is refused by the read, with its reason, not skipped.
  const names = entries.filter((e) => e.name.endsWith('.jsonl') && !e.isDirectory()).map((e) => e.name).sort();
  // One folder down too: actions/download-artifact puts each artifact (a matrix leg's records) in a
  // folder of its name, `.ml-provenance/records-small/records.jsonl`, and every leg's file has the
  // same name, so `merge-multiple` would keep one. Only a folder's records.jsonl: a records folder
  // named on a project folder must not take its data/*.jsonl for records. Symlinked folders are
  // not followed (isDirectory).
  for (const sub of entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    if (existsSync(path.join(dir, sub, RECORDS_FILE))) names.push(path.join(sub, RECORDS_FILE));
  }
  return names;
}

/**
 * `record reset`: remove every log file build would read in the folder (not the folder, its
 * .gitignore, or anything else a folder named on purpose holds), so the next `record` starts an
 * empty log. The files removed, relative to the folder, with their line counts.
 */
export async function resetRecords(dir: string): Promise<Array<{ name: string; lines: number }>> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw notADirectory(dir);
    throw err;
  }
  const removed: Array<{ name: string; lines: number }> = [];
  for (const name of logNames(dir, entries)) {
    const file = path.join(dir, name);
    const st = await lstat(file);
    // Lines are counted in regular files only (a FIFO would block the read); a symlink is removed, not its target.
    const lines = st.isFile() ? (await readFile(file)).toString('utf8').split('\n').filter((l) => l.trim()).length : 0;
    await rm(file, { force: true });
    // A matrix leg's folder (records-small/) left empty goes too.
    if (name.includes(path.sep)) await rmdir(path.dirname(file)).catch(() => undefined);
    removed.push({ name: name.split(path.sep).join('/'), lines });
  }
  return removed;
}

/** The GitHub Actions job run `record` tags its events with (`runTag`) and build compares them with. */
export interface RunIdentity {
  runId: string;
  runAttempt?: string;
  job?: string;
}

/**
 * The tag `record` adds to each event on a runner: the run, and the job and attempt within it
 * (a re-run keeps GITHUB_RUN_ID). Nothing outside GitHub Actions.
 */
export function runTag(env: NodeJS.ProcessEnv = process.env): { githubRun?: string; githubRunAttempt?: string; githubJob?: string } {
  // Each value only in the form the log's schema takes, so a tag never makes the line invalid.
  const valid = (schema: z.ZodType, v: string | undefined): v is string => schema.safeParse(v).success;
  if (env.GITHUB_ACTIONS !== 'true' || !valid(GitHubRunId, env.GITHUB_RUN_ID)) return {};
  return {
    githubRun: env.GITHUB_RUN_ID,
    ...(valid(GitHubRunAttempt, env.GITHUB_RUN_ATTEMPT) ? { githubRunAttempt: env.GITHUB_RUN_ATTEMPT } : {}),
    ...(valid(GitHubJob, env.GITHUB_JOB) ? { githubJob: env.GITHUB_JOB } : {}),
  };
}

/**
 * The events of this GitHub Actions job run, as a workspace a self-hosted runner reuses keeps an
 * earlier log: those `record` tagged with another run's GITHUB_RUN_ID are left out, and so are
 * those of an earlier attempt of this same job ("Re-run jobs" keeps the run id, and the job runs
 * again from its first step, so its earlier lines are stale). An earlier attempt of another job
 * stays: a job re-run alone (the signing job after "Re-run failed jobs") is handed the lines of
 * the training job's attempt by an artifact. Untagged events (outside Actions, or written by
 * training code itself) stay: nothing says they are another run's. Outside Actions (`current`
 * undefined) every event stays. Left-out events are counted by `run N` / `attempt N of this job`.
 */
export function eventsOfRun(events: RecordEvent[], current: RunIdentity | undefined): { events: RecordEvent[]; others: Map<string, number> } {
  const others = new Map<string, number>();
  if (current === undefined) return { events, others };
  const attempt = Number(current.runAttempt);
  const kept = events.filter((e) => {
    if (e.githubRun === undefined) return true;
    let from: string | undefined;
    if (e.githubRun !== current.runId) from = `run ${e.githubRun}`;
    else if (current.job !== undefined && e.githubJob === current.job && e.githubRunAttempt !== undefined && Number(e.githubRunAttempt) < attempt) from = `attempt ${e.githubRunAttempt} of this job`;
    if (from === undefined) return true;
    others.set(from, (others.get(from) ?? 0) + 1);
    return false;
  });
  return { events: kept, others };
}
