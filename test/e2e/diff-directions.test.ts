// `diff --metric-directions`: the CLI twin of the action's `metric-directions` input, through
// dist/cli.js on two records built by dist/cli.js. Same syntax (one `NAME: lower|higher [N%]`
// a line), same parser, same precedence (wins over the policy file and the guess from the name).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { cleanEnv, CLI, copyExample, execAsync, train } from '../helpers/run.js';

let ws: string;
const mlp = (...args: string[]) => execAsync(process.execPath, [CLI, ...args], { cwd: ws, env: cleanEnv() });
/** The markdown table row of one metric. */
const row = (md: string, name: string) => md.split('\n').find((l) => l.includes(`| ${name.replace(/_/g, '\\_')} `)) ?? `(no row for ${name})`;

beforeAll(async () => {
  ws = copyExample({ git: true });
  train(ws);
  // `throughput` says nothing about its direction; `latency_ms` reads as neither either.
  writeFileSync(path.join(ws, 'old.json'), JSON.stringify({ throughput: 200, latency_ms: 100, coverage: 0.8 }));
  writeFileSync(path.join(ws, 'new.json'), JSON.stringify({ throughput: 150, latency_ms: 150, coverage: 0.79 }));
  for (const v of ['old', 'new']) {
    const r = await mlp('build', '--subject', 'model/model.json', '--metrics', `${v}.json`, '--python-env', 'none', '--no-hardware', '--no-detect-image', '--policy', 'none', '--out', `st-${v}.json`);
    if (r.code !== 0) throw new Error(r.stderr);
  }
}, 120_000);

describe('diff --metric-directions (dist/cli.js)', () => {
  it('without it, a metric whose name says nothing has no verdict; with it, the change reads the given way', async () => {
    const guessed = await mlp('diff', 'st-old.json', 'st-new.json');
    expect(guessed.code, guessed.stderr).toBe(0);
    expect(row(guessed.stdout, 'throughput')).toMatch(/^\| throughput \| 200 \| 150 \| [^|]+ \|\s*\|$/);
    const told = await mlp('diff', 'st-old.json', 'st-new.json', '--metric-directions', 'throughput: higher');
    expect(told.code, told.stderr).toBe(0);
    expect(row(told.stdout, 'throughput')).toMatch(/\*\*regression\*\*/);
    const lower = await mlp('diff', 'st-old.json', 'st-new.json', '--metric-directions', 'throughput = lower');
    expect(row(lower.stdout, 'throughput')).toMatch(/better/);
  });

  it('the input\'s syntax: several lines in one value or repeated, a tolerance in %, comments; `# ` lines skipped', async () => {
    const multi = await mlp('diff', 'st-old.json', 'st-new.json', '--metric-directions', '# ours\nthroughput: higher\nlatency_ms: lower', '--metric-directions', 'coverage: higher 5%');
    expect(multi.code, multi.stderr).toBe(0);
    expect(row(multi.stdout, 'throughput')).toMatch(/\*\*regression\*\*/);
    expect(row(multi.stdout, 'latency_ms')).toMatch(/\*\*regression\*\*/);
    // 0.8 → 0.79 is 1.25 % worse: a regression at the default 1 %, within a 5 % tolerance.
    expect(row(multi.stdout, 'coverage')).toMatch(/worse, within tolerance/);
    const strict = await mlp('diff', 'st-old.json', 'st-new.json', '--metric-directions', 'coverage: higher');
    expect(row(strict.stdout, 'coverage')).toMatch(/\*\*regression\*\*/);
  });

  it('wins over the policy file, as the input does in the action; the action reads the same text the same way', async () => {
    writeFileSync(path.join(ws, 'directions.yml'), 'version: 1\nextends: standard\nrules:\n  metrics:\n    directions:\n      throughput: lower\n');
    const policyOnly = await mlp('diff', 'st-old.json', 'st-new.json', '--policy', 'directions.yml');
    expect(row(policyOnly.stdout, 'throughput')).toMatch(/better/);
    const both = await mlp('diff', 'st-old.json', 'st-new.json', '--policy', 'directions.yml', '--metric-directions', 'throughput: higher');
    expect(both.code, both.stderr).toBe(0);
    expect(row(both.stdout, 'throughput')).toMatch(/\*\*regression\*\*/);
    const text = 'throughput: higher\ncoverage: higher 5%';
    expect(parseInputs((n) => ({ 'subject-path': 'm.bin', 'metric-directions': text })[n] ?? '').metricDirections).toEqual({ throughput: 'higher', coverage: { better: 'higher', tolerance: 0.05 } });
  });

  it('a bad value: exit 2, one `error: --metric-directions: … — …` line naming the line, not echoing it, no stack trace', async () => {
    const secretish = 'ghp_' + 'A'.repeat(36);
    const r = await mlp('diff', 'st-old.json', 'st-new.json', '--metric-directions', `throughput: higher\n${secretish}`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: --metric-directions: cannot read line 2 \(.*\) — write one `NAME: lower` or `NAME: higher` a line/)]);
    expect(r.stderr).not.toContain(secretish);
    const down = await mlp('diff', 'st-old.json', 'st-new.json', '--metric-directions', 'throughput: down');
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/^error: --metric-directions: cannot read line 1 /);
    expect(down.stderr).not.toMatch(/^\s+at /m);
  });

  it('is listed in diff --help', async () => {
    const r = await mlp('diff', '--help');
    expect(r.stdout).toMatch(/--metric-directions/);
    expect(readFileSync(path.join(ws, 'st-old.json'), 'utf8')).toMatch(/throughput/);
  });
});
