import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { strayRecordLogs } from '../../src/record/warnings.js';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendEvent, parseEvents, readEvents, defaultWorkspace, recordsLocation } from '../../src/record/log.js';
import { mergeEvents } from '../../src/record/merge.js';

describe('records log', () => {
  it('appends validated events with a timestamp, one per line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-rec-'));
    await appendEvent(dir, { kind: 'param', params: { lr: 0.1 } }, () => new Date('2026-01-01T00:00:00Z'));
    await appendEvent(dir, { kind: 'metric', name: 'acc', value: 0.9, epoch: 1 });
    const lines = readFileSync(path.join(dir, 'records.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toEqual({ v: 1, kind: 'param', params: { lr: 0.1 }, ts: '2026-01-01T00:00:00.000Z' });
    expect((await readEvents(dir)).map((e) => e.kind)).toEqual(['param', 'metric']);
  });

  it('refuses an invalid event without writing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-rec-'));
    await expect(appendEvent(dir, { kind: 'metric', name: 'acc', value: Number.NaN })).rejects.toThrow(/value/);
    await expect(appendEvent(dir, { kind: 'dataset', id: 'x', uri: 'u', digest: 'sha256:zz' })).rejects.toThrow(/digest: must be sha256:/);
    expect(await readEvents(dir)).toEqual([]);
  });

  it('names file and line of a bad line, tolerates a torn last line', () => {
    expect(() => parseEvents('{"kind":"param","params":{}}\n{oops\n{"kind":"param","params":{}}\n', 'r.jsonl')).toThrow(/r\.jsonl:2 is not valid JSON/);
    expect(() => parseEvents('{"kind":"nope"}\n', 'r.jsonl')).toThrow(/r\.jsonl:1/);
    expect(parseEvents('{"kind":"param","params":{"a":1}}\n{"kind":"par', 'r.jsonl')).toHaveLength(1);
  });

  it('reads every *.jsonl of the directory (matrix jobs) and resolves the directory', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-rec-'));
    writeFileSync(path.join(dir, 'records.jsonl'), '{"kind":"param","params":{"a":1}}\n');
    writeFileSync(path.join(dir, 'shard-2.jsonl'), '{"kind":"param","params":{"b":2}}\n');
    expect(mergeEvents(await readEvents(dir)).params).toEqual({ a: 1, b: 2 });
  });

  it('finds the records folder by one rule for record, build and the action', () => {
    const flag = (value?: string) => ({ value, by: '--records' });
    expect(recordsLocation(flag(), '/w', {})).toEqual({ dir: '/w/.ml-provenance' });
    expect(recordsLocation(flag(), '/w', { ML_PROVENANCE_DIR: 'logs' })).toEqual({ dir: '/w/logs', from: 'ML_PROVENANCE_DIR' });
    // A YAML or shell slip around the value names the same folder; a blank variable is unset.
    expect(recordsLocation(flag(), '/w', { ML_PROVENANCE_DIR: ' logs ' })).toEqual({ dir: '/w/logs', from: 'ML_PROVENANCE_DIR' });
    expect(recordsLocation(flag(), '/w', { ML_PROVENANCE_DIR: '  ' })).toEqual({ dir: '/w/.ml-provenance' });
    expect(recordsLocation(flag('x'), '/w', { ML_PROVENANCE_DIR: 'logs' })).toEqual({ dir: '/w/x', from: '--records' });
    expect(recordsLocation(flag('/abs/r'), '/w', {})).toEqual({ dir: '/abs/r', from: '--records' });
    expect(() => recordsLocation(flag(''), '/w', {})).toThrow(/--records is empty/);
  });

  it('record writes for the checkout in GitHub Actions when run inside it, else for the current folder', () => {
    const ws = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'mlp-ws-')));
    mkdirSync(path.join(ws, 'train'));
    expect(defaultWorkspace({ GITHUB_WORKSPACE: ws }, path.join(ws, 'train'))).toBe(ws);
    expect(defaultWorkspace({ GITHUB_WORKSPACE: ws }, ws)).toBe(ws);
    expect(defaultWorkspace({}, path.join(ws, 'train'))).toBe(path.join(ws, 'train'));
    // Outside the checkout (or the host's path inside a container, where it does not exist): as before.
    expect(defaultWorkspace({ GITHUB_WORKSPACE: ws }, os.tmpdir())).toBe(os.tmpdir());
    expect(defaultWorkspace({ GITHUB_WORKSPACE: path.join(ws, 'nowhere') }, path.join(ws, 'train'))).toBe(path.join(ws, 'train'));
  });
});

describe('mergeEvents', () => {
  it('merges datasets by id, splits library@version, keeps metric order', () => {
    const run = mergeEvents([
      { v: 1, kind: 'dataset', id: 'd', uri: 's3://d' },
      { v: 1, kind: 'dataset', id: 'd', uri: 's3://d', version: '2', license: 'MIT' },
      { v: 1, kind: 'step', name: 'tok', library: '@scope/tok@1.2.3', inputs: ['d'] },
      { v: 1, kind: 'metric', name: 'loss', value: 2, epoch: 1 },
      { v: 1, kind: 'metric', name: 'loss', value: 1, epoch: 2 },
      { v: 1, kind: 'command', argv: ['python', 'train.py'] },
      { v: 1, kind: 'environment', libraries: { torch: '2.4' }, accelerators: ['A100'] },
    ]);
    expect(run.datasets).toEqual([{ id: 'd', uri: 's3://d', version: '2', license: 'MIT' }]);
    expect(run.steps[0]).toMatchObject({ name: 'tok', library: '@scope/tok', version: '1.2.3' });
    expect(run.metrics.map((m) => m.value)).toEqual([2, 1]);
    expect(run.command).toEqual(['python', 'train.py']);
    expect(run.libraries).toEqual({ torch: '2.4' });
    expect(run.accelerators).toEqual(['A100']);
  });
});

describe('records logs a job split from the one read (strayRecordLogs)', () => {
  const workspace = () => {
    const ws = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'mlp-stray-')));
    for (const d of ['.ml-provenance', 'train/.ml-provenance', 'projA/.ml-provenance', 'projB/.ml-provenance']) {
      mkdirSync(path.join(ws, d), { recursive: true });
      writeFileSync(path.join(ws, d, 'records.jsonl'), '{"kind":"param","params":{"a":1}}\n');
    }
    return ws;
  };

  it('the default folder: every top-level folder\'s log is named', () => {
    const ws = workspace();
    expect(strayRecordLogs({ dir: path.join(ws, '.ml-provenance') }, ws).sort()).toEqual(['projA/.ml-provenance', 'projB/.ml-provenance', 'train/.ml-provenance']);
  });

  it('a folder named on purpose: only the checkout\'s default log, not other projects\' logs', () => {
    const ws = workspace();
    expect(strayRecordLogs({ dir: path.join(ws, 'projA', '.ml-provenance'), from: 'the records input' }, ws)).toEqual(['.ml-provenance']);
    rmSync(path.join(ws, '.ml-provenance'), { recursive: true });
    expect(strayRecordLogs({ dir: path.join(ws, 'projA', '.ml-provenance'), from: '--records' }, ws)).toEqual([]);
  });
});
