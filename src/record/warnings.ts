// What build and the action say about the records log: lines the record would miss (a named folder
// that is not there, a job split across folders), lines that are not this run's (a committed log,
// an earlier run's in a reused workspace).
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { quote } from 'shell-quote';
import { committedFiles, gitTopLevel, trackedFiles } from '../capture/git.js';
import { isInside, posixRelative } from '../util/fs.js';
import { DEFAULT_RECORDS_DIR, RECORDS_FILE, readEvents, type RecordsLocation } from './log.js';
import type { RerunSign, RerunSigns } from './reruns.js';

/** The records folder as the warnings name it: relative to the workspace, '/'-separated. */
const shownDir = (loc: RecordsLocation, workspace: string): string => posixRelative(workspace, loc.dir) || '.';

/**
 * Records logs a job may have split from the one `build` and the action read. In GitHub Actions
 * `record` resolves its folder against the checkout even from a sub-folder, while training code
 * that writes its own lines (`open(".ml-provenance/records.jsonl", "a")`, or ML_PROVENANCE_DIR as
 * given) resolves it against its own working directory: a step with `working-directory: train`
 * leaves `train/.ml-provenance` beside the checkout's `.ml-provenance`. A workflow that names the
 * sub-folder's (`records: train/.ml-provenance`) meets the same split the other way round.
 * Candidates: the checkout's `.ml-provenance`, and the same folder name under each top-level
 * folder (only those: a data folder may hold millions of files). Workspace-relative, '/'-separated.
 */
export function strayRecordLogs(loc: RecordsLocation, workspace: string): string[] {
  const ws = path.resolve(workspace);
  const names = new Set([DEFAULT_RECORDS_DIR]);
  const read = path.resolve(loc.dir);
  // ML_PROVENANCE_DIR=build/records read relative to a sub-folder is train/build/records.
  if (isInside(read, ws) && read !== ws && loc.from === 'ML_PROVENANCE_DIR') names.add(path.relative(ws, read));
  let entries: Dirent[];
  try {
    entries = readdirSync(ws, { withFileTypes: true });
  } catch {
    return [];
  }
  const candidates = [...names];
  // A folder named on purpose (`--records`, the `records` input) is compared with the checkout's
  // default log only: in a repository of several projects, each step names its own project's log,
  // and the other projects' logs are not strays of this one.
  const named = loc.from !== undefined && loc.from !== 'ML_PROVENANCE_DIR';
  for (const e of named ? [] : entries) {
    if (e.isDirectory() && e.name !== '.git') for (const n of names) candidates.push(path.join(e.name, n));
  }
  const readReal = real(read);
  const found: string[] = [];
  for (const c of candidates) {
    const dir = path.join(ws, c);
    if (!existsSync(path.join(dir, RECORDS_FILE))) continue;
    // The log being read, under another name (a symlinked folder), is not a second log.
    if (path.resolve(dir) === read || real(dir) === readReal) continue;
    found.push(posixRelative(ws, dir));
  }
  return [...new Set(found)];
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * What to tell the user when the record would miss lines: the folder named on purpose does not
 * exist, or other logs hold what a split job wrote (`strayRecordLogs`). Undefined: nothing to say.
 * The default folder missing alone is no mistake (a project that records nothing itself).
 */
export function recordsWarning(loc: RecordsLocation, workspace: string): string | undefined {
  const shown = shownDir(loc, workspace);
  const exists = existsSync(loc.dir);
  if (loc.from && !exists) {
    return `records directory ${shown} (from ${loc.from}) does not exist: nothing written by \`ml-provenance record\` is in this record — point ${loc.from} at the folder the training step wrote (records.jsonl)`;
  }
  const found = strayRecordLogs(loc, workspace);
  if (!found.length) return undefined;
  const list = found.join(', ');
  const them = found.length > 1 ? 'them' : 'it';
  const sub = found[0]!.includes('/') ? found[0]!.split('/')[0] : undefined;
  const where = sub ? `a step with \`working-directory: ${sub}\`` : `here the step that wrote ${shown}`;
  if (!exists) {
    return `no records log at ${shown}, but ${list} ${found.length > 1 ? 'hold one each' : 'holds one'} (written by \`ml-provenance record\` or training code run in a sub-folder): nothing from ${them} is in this record — pass --records ${found[0]} (the action's \`records\` input), or set ML_PROVENANCE_DIR for the whole job${subfolderBuild(found[0]!)}`;
  }
  return `${list} also ${found.length > 1 ? 'hold a records log each' : 'holds a records log'} besides ${shown}, the one read: nothing from ${them} is in this record — in GitHub Actions \`ml-provenance record\` resolves the folder against the checkout, while training code that writes lines itself resolves it against its working directory (${where}): have both write ${shown} (Python: os.path.join(os.environ.get("GITHUB_WORKSPACE", "."), "${shown}")), or delete the stray log`;
}

/**
 * A log tracked by git: committed, its lines were written wherever it was committed from, and every
 * checkout merges them; only staged (`git add`, no commit yet), the next commit does that. Told
 * apart by HEAD's tree, which holds the committed files only.
 */
export async function committedLogWarning(loc: RecordsLocation, workspace: string): Promise<string | undefined> {
  const [tracked, inHead] = await Promise.all([trackedFiles(workspace, loc.dir), committedFiles(workspace, loc.dir)]);
  const logs = tracked.filter((f) => f.endsWith('.jsonl'));
  if (!logs.length) return undefined;
  const committed = logs.filter((f) => inHead.includes(f));
  const staged = logs.filter((f) => !inHead.includes(f));
  const shown = shownDir(loc, workspace);
  const fix = `\`${quote(['git', 'rm', '-r', '--cached', shown])}\` and ignore the folder (\`ml-provenance record\` writes ${shown}/.gitignore when it makes the folder)`;
  const are = (files: string[]) => (files.length > 1 ? `logs ${files.join(', ')} are` : `log ${files[0]} is`);
  const its = (files: string[]) => (files.length > 1 ? 'their' : 'its');
  const stagedText = (files: string[]) => `${are(files)} staged (\`git add\`) but not committed yet: once committed, ${its(files)} lines, recorded here, are merged into the record of every later checkout's run`;
  if (!committed.length) return `the records ${stagedText(staged)} — ${fix}`;
  const also = staged.length ? `; the records ${stagedText(staged)}` : '';
  return `the records ${are(committed)} committed to the repository: ${its(committed)} lines were recorded wherever it was committed from, not by this run, and are in this record${also} — ${fix}`;
}

/**
 * Lines `eventsOfRun` left out (counted by `run N` / `attempt N of this job`), and why. `untagged`:
 * the signs of several runs among the lines without a run tag (training code's own), which are
 * kept: in a reused workspace they hold the earlier run's too, said here rather than in a second
 * warning with the same cause.
 */
export function otherRunsWarning(others: ReadonlyMap<string, number>, loc: RecordsLocation, workspace: string, untagged: RerunSigns[] = []): string | undefined {
  if (!others.size) return undefined;
  const counts = [...others].map(([from, n]) => `${from}: ${n}`).join(', ');
  const keys = [...others.keys()];
  const by = [
    ...(keys.some((k) => k.startsWith('run ')) ? ['another GitHub Actions run'] : []),
    ...(keys.some((k) => k.startsWith('attempt ')) ? ['an earlier attempt of this job, a re-run'] : []),
  ].join(' or ');
  const kept = untagged.length ? `; the lines without a run tag (written by the training code itself) are all kept, and ${signsText(untagged, workspace)}: the earlier run's among them are in this record` : '';
  return `${[...others.values()].reduce((a, b) => a + b, 0)} event(s) in the records log were recorded by ${by} (${counts}) and are left out of this record — the workspace was reused (a self-hosted runner; actions/checkout with \`clean: false\`): remove ${shownDir(loc, workspace)} before training (actions/checkout's default \`clean: true\` does)${kept}`;
}

/** Outside GitHub Actions `record` in a sub-folder wrote paths relative to it: build belongs there. */
function subfolderBuild(log: string): string {
  const folder = path.posix.dirname(log);
  return folder === '.' ? '' : `; outside GitHub Actions, where \`record\` takes paths relative to the folder it runs in, run build in ${folder} instead`;
}

/** A records log build does not read, and the fix to add to what the record then misses. */
export interface LogElsewhere {
  warning?: string;
  fix: string;
  /**
   * Set when build's own log holds lines too: the fix is for what the other log holds only, the
   * kinds of its events (`dataset`, `metric`...) and the dataset ids it records.
   */
  holds?: { kinds: Set<string>; datasets: Set<string> };
}

/** The nearest non-empty log in a parent folder, up to the git work tree's top. */
export interface ParentLog {
  /** The log folder, relative to the workspace ('../.ml-provenance'), and absolute. */
  log: string;
  logDir: string;
  /** The parent folder, relative to the workspace ('..') and absolute. */
  there: string;
  dir: string;
  which: string;
}

/**
 * Outside GitHub Actions `record` and `build` each take the folder they run in as the workspace,
 * so `record` at the repository's top and `build` (or `record reset`) in `train/` meet different
 * logs. The parent folders up to the git work tree's top are looked at (git's own bound: never the
 * home folder of an unrelated project), nearest first. Empty logs are no answer.
 */
export async function parentRecordsLog(loc: RecordsLocation, workspace: string): Promise<ParentLog | undefined> {
  const ws = real(workspace);
  const top = await gitTopLevel(ws);
  const topReal = top === undefined ? undefined : real(top);
  if (topReal === undefined || topReal === ws || !isInside(ws, topReal)) return undefined;
  const rel = path.relative(path.resolve(workspace), loc.dir);
  const names = [...new Set([DEFAULT_RECORDS_DIR, ...(rel && isInside(loc.dir, path.resolve(workspace)) ? [rel] : [])])];
  for (let dir = ws; dir !== topReal; ) {
    dir = path.dirname(dir);
    const name = names.find((n) => nonEmpty(path.join(dir, n, RECORDS_FILE)));
    if (name !== undefined) {
      const which = dir === topReal ? 'the top folder of the git repository' : 'a parent folder in the git repository';
      return { log: posixRelative(ws, path.join(dir, name)), logDir: path.join(dir, name), there: posixRelative(ws, dir), dir, which };
    }
  }
  return undefined;
}

/**
 * Where the log went when build read none (or an empty one): a parent folder's (`parentRecordsLog`),
 * then the sub-folders `strayRecordLogs` looks at, which `recordsWarning` already warns about
 * (only the fix is added here). When build's own log holds lines, a parent folder's log may still
 * hold the rest (`record` typed in both folders): its fix names what that log holds.
 */
export async function recordsElsewhere(loc: RecordsLocation, workspace: string, eventsRead: number): Promise<LogElsewhere | undefined> {
  const shown = shownDir(loc, workspace);
  const parent = await parentRecordsLog(loc, workspace);
  if (parent && eventsRead > 0) {
    const events = await readEvents(parent.logDir).catch(() => []);
    if (!events.length) return undefined;
    const ids = [...new Set(events.flatMap((e) => (e.kind === 'dataset' ? [e.id] : [])))];
    return {
      fix: `the records log ${parent.log} (in ${parent.which}, outside this build's workspace) holds ${events.length} event(s) this build does not read${ids.length ? ` (dataset ${ids.join(', ')})` : ''}: outside GitHub Actions \`record\` writes the log of the folder it runs in, and it ran both in ${parent.there} and here (${shown}): run every \`record\` and build in one folder (${parent.there}, ${parent.dir}, with paths relative to it: \`ml-provenance record reset\` here and record those lines again there)`,
      holds: { kinds: new Set(events.map((e) => e.kind)), datasets: new Set(ids) },
    };
  }
  if (eventsRead > 0) return undefined;
  if (parent) {
    const fix = `run build in ${parent.there} (${parent.dir}), where \`record\` wrote the log, with paths relative to that folder, or pass --workspace ${parent.there}`;
    const none = existsSync(path.join(loc.dir, RECORDS_FILE)) ? `the records log ${shown}/${RECORDS_FILE} is empty` : `no records log at ${shown}`;
    return {
      warning: `${none} in the workspace ${path.resolve(workspace)}, but ${parent.log} (in ${parent.which}) holds one: nothing from it is in this record — build reads the log of its workspace, which outside GitHub Actions is the folder it runs in, as for \`record\`: ${fix}`,
      fix: `the records log ${parent.log} (outside this build's workspace) holds what was recorded: ${fix}`,
    };
  }
  const stray = strayRecordLogs(loc, workspace).filter((s) => nonEmpty(path.join(path.resolve(workspace), s, RECORDS_FILE)));
  if (!stray.length) return undefined;
  return { fix: `the records log ${stray[0]} holds what was recorded, and ${shown} is read: pass --records ${stray[0]}${subfolderBuild(stray[0]!)}` };
}

function nonEmpty(file: string): boolean {
  try {
    const st = statSync(file);
    return st.isFile() && st.size > 0;
  } catch {
    return false;
  }
}

const lineList = (lines: number[]): string => (lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`);
const said = (s: RerunSign): string => (s.lines.length ? `${s.what} (${lineList(s.lines)})` : s.what);

/** `FILE seems to hold more than one run (what, on which lines)` for each file. */
function signsText(found: RerunSigns[], workspace: string): string {
  return found
    .map((f) => {
      const all = [...f.signs, ...f.repeats];
      const more = all.length > 4 ? `, and ${all.length - 4} more` : '';
      return `${posixRelative(path.resolve(workspace), f.file)} seems to hold more than one run (${all.slice(0, 4).map(said).join('; ')}${more})`;
    })
    .join('; ');
}

/**
 * A log that holds more than one run (`rerunSigns`): every line is merged into this record. What
 * was found, on which lines, and how to start each run from an empty log.
 */
export function earlierRunWarning(found: RerunSigns[], loc: RecordsLocation, workspace: string): string | undefined {
  if (!found.length) return undefined;
  const reset = quote(['ml-provenance', 'record', 'reset', ...(loc.from && loc.from !== 'ML_PROVENANCE_DIR' ? ['--records', shownDir(loc, workspace)] : [])]);
  return `${signsText(found, workspace)}, and every line of it is in this record — \`record\` appends, and nothing in these lines tells one run from the next (outside GitHub Actions they carry no run tag): start each run from an empty log, \`${reset}\` (or delete ${shownDir(loc, workspace)}) before training, then train and build again; if these lines are one run's (cross-validation folds under one metric name), record each series under its own --split or name`;
}
