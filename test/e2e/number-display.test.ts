// A metric is a double: 2**63 + 5 is stored as 2**63. What the summary (text and Markdown, the
// PR comment's body) and the HTML report show must never be rounded digits written out as an
// exact whole number (9223370000000000000): Python, reading the value it wrote, is the judge.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';

// name -> Python expression of the value the training code logged.
const METRICS: Record<string, string> = {
  tokens_seen: '2**63 + 5',
  samples: '12345678901234567',
  params: '123456789.123',
  exact_max: '2**53 - 1',
  million: '1500000.0',
  loss: '0.1234567',
  tiny: '1.5e-7',
  huge: '2**70',
  e20: '1e20',
};

// A shown value passes when it is (a) whole-number text only for a value a double holds exactly,
// and then every digit is the logged value's, or (b) otherwise the stored double itself or it
// rounded to six significant digits ('%.6g'), in any notation.
const ORACLE = String.raw`
import json, sys
logged = {k: eval(v) for k, v in json.loads(sys.argv[1]).items()}
shown = json.loads(sys.argv[2])
bad = []
for where, values in shown.items():
    for name, s in values.items():
        v = logged[name]
        if s.lstrip("-").isdigit():
            if int(s) != v or abs(v) > 2**53 - 1: bad.append(f"{where} {name}: {s} reads as the exact integer, logged {v!r}")
        elif float(s) not in (float(v), float(f"{float(v):.6g}")): bad.append(f"{where} {name}: {s}, logged {v!r}")
    if set(values) != set(logged): bad.append(f"{where}: shows {sorted(values)}")
print(json.dumps(bad))
`;

function sh(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('metrics past what a double holds exactly, as the summary and the report show them', () => {
  let ws: string;
  beforeAll(() => {
    ws = mkdtempSync(path.join(os.tmpdir(), 'mlp-numshow-'));
    writeFileSync(path.join(ws, 'model.bin'), 'weights');
    writeFileSync(path.join(ws, 'd.csv'), 'a\n1\n');
    mkdirSync(path.join(ws, '.ml-provenance'));
    const lines = Object.entries(METRICS).map(([name, expr]) => `json.dumps({"v": 1, "kind": "metric", "name": ${JSON.stringify(name)}, "value": ${expr}})`);
    sh('python3', ['-c', `import json\nopen(".ml-provenance/records.jsonl", "w").write("\\n".join([${lines.join(', ')}]) + "\\n")`], ws);
    sh('git', ['init', '-q', '-b', 'main'], ws);
    sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'init'], ws);
    expect(runCli(['record', 'dataset', '--id', 'd', '--path', 'd.csv', '--license', 'MIT'], { cwd: ws }).code).toBe(0);
    const r = runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--out', 'p.json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  it('text, Markdown and the HTML report write each value as Python reads it back: exact, or rounded in exponent form', () => {
    const text = runCli(['summary', 'p.json', '--format', 'text'], { cwd: ws });
    const md = runCli(['summary', 'p.json', '--format', 'markdown'], { cwd: ws });
    const rep = runCli(['report', 'p.json', '--no-verify', '--out', 'r.html'], { cwd: ws });
    for (const r of [text, md, rep]) expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(path.join(ws, 'r.html'), 'utf8');
    const pick = (re: RegExp, s: string) => Object.fromEntries([...s.matchAll(re)].map((m) => [m[1]!.replace(/\\_/g, '_'), m[2]!]));
    const shown = {
      text: pick(/^metric: (\w+) = (\S+)$/gm, text.stdout),
      markdown: pick(/^\| ([\w\\]+) \| (\S+) \| — \| — \|$/gm, md.stdout),
      report: pick(/<td>p\.json<\/td><td>(\w+)<\/td><td><\/td><td><\/td><td><\/td><td>([^<]+)<\/td>/g, html),
    };
    expect(shown.text.tokens_seen).toBe('9.22337e+18');
    expect(shown.markdown.samples).toBe('1.23457e+16');
    writeFileSync(path.join(ws, 'oracle.py'), ORACLE);
    expect(JSON.parse(sh('python3', ['oracle.py', JSON.stringify(METRICS), JSON.stringify(shown)], ws))).toEqual([]);
  });
});
