import { describe, expect, it } from 'vitest';
import { rerunSigns } from '../../src/record/reruns.js';
import { RecordEvent } from '../../src/schema/record-event.js';
import type { EventOrigin } from '../../src/record/log.js';

/** Events as read from files: each line parsed by the log's own schema, with its file and line. */
function read(files: Record<string, object[]>): { events: RecordEvent[]; origins: Map<RecordEvent, EventOrigin> } {
  const events: RecordEvent[] = [];
  const origins = new Map<RecordEvent, EventOrigin>();
  for (const [file, lines] of Object.entries(files)) {
    lines.forEach((l, i) => {
      const e = RecordEvent.parse(l);
      events.push(e);
      origins.set(e, { file, line: i + 1 });
    });
  }
  return { events, origins };
}
const metric = (epoch: number, extra: object = {}) => ({ kind: 'metric', name: 'loss', value: 1 / (epoch + 1), epoch, split: 'train', ...extra });
const signs = (files: Record<string, object[]>) => {
  const r = read(files);
  return rerunSigns(r.events, r.origins);
};

describe('rerunSigns', () => {
  it('a series whose earliest point is recorded again is a sign; one that goes on from a checkpoint is not', () => {
    expect(signs({ a: [metric(2), metric(1), metric(3), metric(1)] })).toEqual([{ file: 'a', signs: [{ what: 'metric loss (split train, epoch 1) recorded again', lines: [2, 4] }], repeats: [] }]);
    expect(signs({ a: [metric(1), metric(2), metric(3), { kind: 'step', name: 'load' }, metric(2), metric(3), { kind: 'step', name: 'load' }] })).toEqual([]);
  });

  it('concurrent workers writing one run\'s epochs out of order are one run; the same workers twice are two', () => {
    const pool = [2, 1, 0, 3, 5, 4].map((i) => metric(i));
    expect(signs({ a: pool })).toEqual([]);
    expect(signs({ a: [...pool, ...[1, 2, 0, 4, 3, 5].map((i) => metric(i))] })[0]!.signs).toEqual([{ what: 'metric loss (split train, epoch 0) recorded again', lines: [3, 9] }]);
  });

  it('steps and the command recorded again are named only beside a sign', () => {
    const step = { kind: 'step', name: 'fit' };
    const cmd = { kind: 'command', argv: ['python3', 'train.py'] };
    expect(signs({ a: [cmd, step, cmd, step] })).toEqual([]);
    const [found] = signs({ a: [cmd, step, metric(1), cmd, step, metric(1)] });
    expect(found!.repeats).toEqual([
      { what: 'step fit recorded twice', lines: [2, 5] },
      { what: 'the command recorded twice', lines: [1, 4] },
    ]);
  });

  it('a dataset id with two versions is a sign; a later line completing it is not', () => {
    const d = { kind: 'dataset', id: 'pts', uri: 'file:d.csv' };
    expect(signs({ a: [d, { ...d, version: 'v1', license: 'MIT' }] })).toEqual([]);
    expect(signs({ a: [{ ...d, version: 'v1' }, { ...d, version: 'v2' }] })[0]!.signs).toEqual([{ what: 'dataset pts recorded with version v1 (line 1), v2 (line 2)', lines: [] }]);
  });

  it('each file, and each GitHub Actions job, is read on its own', () => {
    expect(signs({ 'records-small/records.jsonl': [metric(1)], 'records-large/records.jsonl': [metric(1)] })).toEqual([]);
    const job = (j: string) => ({ githubRun: '7', githubJob: j, githubRunAttempt: '1' });
    expect(signs({ a: [metric(1, job('small')), metric(1, job('large'))] })).toEqual([]);
    expect(signs({ a: [metric(1, job('small')), metric(1, job('small'))] })[0]!.signs[0]!.what).toBe('metric loss (split train, epoch 1) recorded again');
  });
});
