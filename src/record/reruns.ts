// Signs that a records log holds more than one run. `record` appends, and outside GitHub Actions
// (or for lines training code writes itself) nothing tags a line with the run that wrote it, so
// training twice without emptying the log signs both runs' lines as one. Read from the lines alone:
// what a run does once and a second run does again from the start.
import type { RecordEvent } from '../schema/record-event.js';
import type { EventOrigin } from './log.js';

/** One thing found, and the lines it was found on (none when `what` names them itself). */
export interface RerunSign {
  what: string;
  lines: number[];
}

/** The signs found in one log file, `file` as read. */
export interface RerunSigns {
  file: string;
  /** What shows a second run: a metric series starting over, a dataset recorded as other data. */
  signs: RerunSign[];
  /** What a second run repeats too, named beside the signs (alone it proves nothing: a resumed run repeats it). */
  repeats: RerunSign[];
}

const DATASET_IDENTITY = ['version', 'digest', 'uri'] as const;

/** A metric's place in its series: epoch, then step; none (a final metric) sorts first. */
const position = (e: { epoch?: number | undefined; step?: number | undefined }): [number, number] => [e.epoch ?? -1, e.step ?? -1];
const notAfter = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);

const point = (e: { epoch?: number | undefined; step?: number | undefined }): string =>
  [e.epoch !== undefined ? `epoch ${e.epoch}` : '', e.step !== undefined ? `step ${e.step}` : ''].filter(Boolean).join(', ');

function metricLabel(e: { name: string; split?: string | undefined; epoch?: number | undefined; step?: number | undefined }): string {
  const at = [e.split ? `split ${e.split}` : '', point(e)].filter(Boolean).join(', ');
  return `metric ${e.name}${at ? ` (${at})` : ''}`;
}

/**
 * The signs in one file's events (in file order, with their lines). A metric series (name, split)
 * whose earliest epoch/step so far is recorded again starts over: a resumed run goes on from its
 * checkpoint, later than that; concurrent workers (multiprocessing, DDP ranks) write one run's
 * points out of order but each once, so a point merely earlier than the first line's is no sign;
 * cross-validation folds under one name look like a restart and are told to use their own split. A dataset id recorded with two versions, digests or uris names
 * other data under one id. Steps and the command recorded again are only repeats.
 */
function signsOf(events: ReadonlyArray<{ e: RecordEvent; line: number }>): Omit<RerunSigns, 'file'> {
  const signs: RerunSign[] = [];
  const series = new Map<string, { earliest: [number, number]; seen: Map<string, number>; restarted?: boolean }>();
  const datasets = new Map<string, Map<string, Array<{ value: string; line: number }>>>();
  const steps = new Map<string, number[]>();
  const commands: number[] = [];
  for (const { e, line } of events) {
    if (e.kind === 'metric') {
      const key = `${e.name}\u0000${e.split ?? ''}`;
      const at = position(e);
      const s = series.get(key) ?? { earliest: at, seen: new Map<string, number>() };
      series.set(key, s);
      const before = s.seen.get(at.join());
      if (before !== undefined && !s.restarted && notAfter(at, s.earliest)) {
        s.restarted = true;
        signs.push({ what: `${metricLabel(e)} recorded again`, lines: [before, line] });
      }
      if (before === undefined) s.seen.set(at.join(), line);
      if (notAfter(at, s.earliest)) s.earliest = at;
    } else if (e.kind === 'dataset') {
      const fields = datasets.get(e.id) ?? new Map<string, Array<{ value: string; line: number }>>();
      datasets.set(e.id, fields);
      for (const f of DATASET_IDENTITY) {
        if (e[f] === undefined) continue;
        const values = fields.get(f) ?? [];
        const value = String(e[f]);
        if (!values.some((v) => v.value === value)) values.push({ value, line });
        fields.set(f, values);
      }
    } else if (e.kind === 'step') {
      steps.set(e.name, [...(steps.get(e.name) ?? []), line]);
    } else if (e.kind === 'command') {
      commands.push(line);
    }
  }
  for (const [id, fields] of datasets) {
    for (const [f, values] of fields) {
      if (values.length < 2) continue;
      signs.push({ what: `dataset ${id} recorded with ${f} ${values.map((v) => `${v.value} (line ${v.line})`).join(', ')}`, lines: [] });
    }
  }
  const repeats: RerunSign[] = [...steps].filter(([, l]) => l.length > 1).map(([name, lines]) => ({ what: `step ${name} recorded ${times(lines.length)}`, lines }));
  if (commands.length > 1) repeats.push({ what: `the command recorded ${times(commands.length)}`, lines: commands });
  return { signs, repeats };
}

const times = (n: number) => (n === 2 ? 'twice' : `${n} times`);

/**
 * The signs of several runs in each log file. Per file and per GitHub Actions job (when tagged):
 * matrix legs hand over one file each, and each leg's series is its own.
 */
export function rerunSigns(events: ReadonlyArray<RecordEvent>, origins: ReadonlyMap<RecordEvent, EventOrigin>): RerunSigns[] {
  const groups = new Map<string, { file: string; events: Array<{ e: RecordEvent; line: number }> }>();
  for (const e of events) {
    const o = origins.get(e);
    if (!o) continue;
    const key = [o.file, e.githubRun ?? '', e.githubJob ?? '', e.githubRunAttempt ?? ''].join('\u0000');
    const g = groups.get(key) ?? { file: o.file, events: [] };
    groups.set(key, g);
    g.events.push({ e, line: o.line });
  }
  return [...groups.values()].map((g) => ({ file: g.file, ...signsOf(g.events) })).filter((r) => r.signs.length);
}
