import { appendFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { assertDepth } from '../util/json.js';
import { InputError } from '../errors.js';
import { RecordEvent } from '../schema/record-event.js';
import { readFileChecked } from '../util/fs.js';
import { sha256Hex } from '../util/canonical.js';
import { parseWith } from '../util/zod-error.js';

export const DEFAULT_RECORDS_DIR = '.ml-provenance';
export const RECORDS_FILE = 'records.jsonl';

/** `--records DIR`, else ML_PROVENANCE_DIR, else `.ml-provenance` under `cwd`. */
export function recordsDir(flag: string | undefined, cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(cwd, flag ?? env.ML_PROVENANCE_DIR ?? DEFAULT_RECORDS_DIR);
}

/**
 * Validate and append one event as one line. A single appendFile call on an
 * O_APPEND descriptor keeps concurrent writers (data loader workers) from
 * interleaving partial lines.
 */
export async function appendEvent(dir: string, event: unknown, now: () => Date = () => new Date()): Promise<RecordEvent> {
  const parsed = parseWith(RecordEvent, event, { what: 'record event', fix: 'see schemas/record-event.schema.json' });
  const withTs = { ...parsed, ts: parsed.ts ?? now().toISOString() };
  await mkdir(dir, { recursive: true });
  await appendFile(path.join(dir, RECORDS_FILE), JSON.stringify(withTs) + '\n', { flag: 'a' });
  return withTs;
}

/** Parse a records log; every bad line is reported with file:line and what is wrong. */
export function parseEvents(text: string, file: string): RecordEvent[] {
  const out: RecordEvent[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      // A torn last line (the writer was killed mid-write) is the one tolerable defect.
      if (i === lines.length - 1) return;
      throw new InputError('malformed-record', `${file}:${i + 1} is not valid JSON`, {
        fix: 'each line of the records log must be one JSON object (see schemas/record-event.schema.json)',
        file,
        line: i + 1,
      });
    }
    assertDepth(data, `${file}:${i + 1}`, 'record event');
    out.push(parseWith(RecordEvent, data, { file: `${file}:${i + 1}`, what: 'record event', fix: 'see schemas/record-event.schema.json' }));
  });
  return out;
}

export async function readEvents(dir: string): Promise<RecordEvent[]> {
  return (await readRecords(dir)).events;
}

/**
 * Read every `*.jsonl` in the records directory (matrix jobs may each leave one),
 * in name order, and the sha256 of records.jsonl's bytes (recorded as a byproduct),
 * each file read once. A missing directory is an empty log.
 */
export async function readRecords(dir: string): Promise<{ events: RecordEvent[]; digest?: string }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { events: [] };
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') {
      throw new InputError('records-not-dir', `records path ${dir} is a file, not a directory`, {
        fix: 'pass the directory that holds records.jsonl (default .ml-provenance)',
        file: dir,
      });
    }
    throw err;
  }
  const events: RecordEvent[] = [];
  let digest: string | undefined;
  for (const n of names) {
    const file = path.join(dir, n);
    const bytes = await readFileChecked(file, 'records log');
    if (n === RECORDS_FILE) digest = sha256Hex(bytes);
    events.push(...parseEvents(bytes.toString('utf8'), file));
  }
  return { events, ...(digest ? { digest } : {}) };
}
