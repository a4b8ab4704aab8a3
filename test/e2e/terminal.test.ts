// Issue 12 item 5 (terminal): a PR branch writes escape sequences, bare carriage returns,
// C1 controls and bidi overrides into records.jsonl; every text output of the built CLI
// (summary text, lineage table, diff text, replay, validate, build and verify findings,
// error lines) and the action's log show them as visible escapes. The byte-level check
// here is completed by a real terminal (tmux) in the same file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanEnv, runAction } from '../helpers/run.js';
import { runCliAsync } from './sign-verify-helpers.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';

/** What a terminal interprets (written independently of src/render/terminal.ts). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;

const ESC = '\x1b';
const EVIL = {
  clear: `${ESC}[2J${ESC}[H`,
  link: `${ESC}]8;;https://evil.example/${ESC}\\docs${ESC}]8;;${ESC}\\`,
  title: `${ESC}]0;pwned\x07`,
  cr: '0.51\r0.99',
  bidi: '\u202etxt.exe\u202c',
  isolate: '\u2066x\u2069',
  c1: '\x9b2J\x9d8;;x\x9c',
  nl: 'acc\nmetric: accuracy = 0.99',
};

let ws: string;
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ws, env: { ...cleanEnv(), ...env }, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
function expectClean(text: string, what: string): void {
  const m = RAW_CONTROL.exec(text);
  expect(m, `${what}: raw U+${m?.[0].codePointAt(0)?.toString(16)} in ${JSON.stringify(text.slice(Math.max(0, (m?.index ?? 0) - 40), (m?.index ?? 0) + 40))}`).toBeNull();
}

beforeAll(() => {
  ws = mkdtempSync(path.join(os.tmpdir(), 'mlp-terminal-'));
  mkdirSync(path.join(ws, 'model'));
  mkdirSync(path.join(ws, '.ml-provenance'));
  writeFileSync(path.join(ws, 'model', 'm.bin'), 'model');
  const ev = [
    { kind: 'dataset', id: 'points', uri: `s3://b/${EVIL.link}`, version: EVIL.bidi, license: EVIL.title },
    { kind: 'metric', name: `accuracy${EVIL.clear}`, value: 0.51, split: EVIL.cr },
    { kind: 'metric', name: EVIL.nl, value: 0.5 },
    { kind: 'param', params: { [`lr${EVIL.c1}`]: EVIL.isolate, note: EVIL.cr } },
    { kind: 'step', name: `tokenize${EVIL.clear}`, parameters: { k: EVIL.link }, inputs: ['points'] },
    { kind: 'environment', libraries: { [`torch${EVIL.title}`]: `2.4${EVIL.bidi}` } },
    { kind: 'command', argv: ['python3', `train.py${EVIL.clear}`, EVIL.cr] },
  ];
  writeFileSync(path.join(ws, '.ml-provenance', 'records.jsonl'), ev.map((e) => JSON.stringify({ v: 1, ...e })).join('\n') + '\n');
  const b = run(['build', '--subject', 'model/m.bin', '--policy', 'none', '--out', 'prov.json']);
  expect(b.code, b.stderr).toBe(0);
  const a = JSON.parse(readFileSync(path.join(ws, 'prov.json'), 'utf8')) as { predicate: { metrics: Array<{ name: string }> } };
  // The record keeps the text as it was recorded: only what is printed is neutralised.
  expect(a.predicate.metrics.map((m) => m.name)).toContain(`accuracy${EVIL.clear}`);
  writeFileSync(path.join(ws, 'old.json'), readFileSync(path.join(ws, 'prov.json'), 'utf8').replace('"value":0.51', '"value":0.49').replace(/"value": 0\.51/, '"value": 0.49'));
}, 60_000);

describe('every text output of the CLI', () => {
  const outputs: Array<[string, string[]]> = [
    ['summary --format text', ['summary', 'prov.json', '--format', 'text']],
    ['summary (markdown)', ['summary', 'prov.json']],
    ['summary --format json', ['summary', 'prov.json', '--format', 'json']],
    ['lineage (table)', ['lineage', 'prov.json', '--no-verify']],
    ['lineage --metric (table)', ['lineage', 'prov.json', '--no-verify', '--metric', `accuracy${EVIL.clear}`]],
    ['lineage --format json', ['lineage', 'prov.json', '--no-verify', '--format', 'json']],
    ['diff --format text', ['diff', 'old.json', 'prov.json', '--format', 'text']],
    ['replay --check', ['replay', 'prov.json', '--no-verify', '--check']],
    ['validate (strict findings)', ['validate', 'prov.json', '--policy', 'strict']],
    ['build findings (strict)', ['build', '--subject', 'model/m.bin', '--policy', 'strict', '--out', 'strict.json']],
    ['error line naming a hostile path', ['build', '--subject', 'model/m.bin', '--config', `cfg${EVIL.clear}${EVIL.bidi}.yaml`]],
    ['replay --run shows the command', ['replay', 'prov.json', '--no-verify', '--run', '--workdir', '.']],
  ];
  it.each(outputs)('%s', (what, args) => {
    const r = run(args);
    expect(r.code, r.stderr).not.toBeNull();
    expectClean(r.stdout, `${what} stdout`);
    expectClean(r.stderr, `${what} stderr`);
    // Where record text is printed, it is there, escaped (policy findings quote no values).
    if (!/findings/.test(what)) expect(r.stdout + r.stderr).toMatch(/\\u001b|\\u202e|\\r|\\u009b|\\u2066|\\n/);
  });

  it('summary text: a field cannot forge a line (the metric named "acc\\nmetric: accuracy = 0.99")', () => {
    const r = run(['summary', 'prov.json', '--format', 'text']);
    expect(r.stdout).toContain('metric: acc\\nmetric: accuracy = 0.99 = 0.5');
    expect(r.stdout).not.toMatch(/^metric: accuracy = 0\.99/m);
    // The carriage return that would overwrite 0.51 with 0.99 is shown.
    expect(r.stdout).toContain('[0.51\\r0.99] = 0.51');
  });

  it('JSON output stays the same JSON values', () => {
    const r = run(['summary', 'prov.json', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { statement: { predicate: { metrics: Array<{ name: string }> } } };
    expect(doc.statement.predicate.metrics[0]!.name).toBe(`accuracy${EVIL.clear}`);
  });
});

describe('verify text output with a signed hostile record', () => {
  let sigstore: SigstoreStandin;
  beforeAll(async () => {
    sigstore = await startSigstoreStandin();
  }, 60_000);
  afterAll(async () => sigstore?.close());

  it('check lines and policy findings are sanitised', async () => {
    const s = await runCliAsync(['sign', 'prov.json', '--out', 'prov.sigstore.json', '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!, '--identity-token', sigstore.mintToken()], { cwd: ws });
    expect(s.code, s.stderr).toBe(0);
    const r = await runCliAsync(['verify', '--bundle', 'prov.sigstore.json', '--repo', 'acme/models', '--custom-trusted-root', sigstore.trustedRootPath, '--offline', '--policy', 'strict'], { cwd: ws });
    expect(r.stdout).toMatch(/^ok\s+signature/m);
    expectClean(r.stdout, 'verify stdout');
    expectClean(r.stderr, 'verify stderr');
  }, 60_000);
});

describe('the action log (dist/index.js)', () => {
  it('no raw control reaches the job log, and no record text starts a workflow command', () => {
    const evilWs = mkdtempSync(path.join(os.tmpdir(), 'mlp-terminal-action-'));
    mkdirSync(path.join(evilWs, 'model'));
    writeFileSync(path.join(evilWs, 'model', 'm.bin'), 'model');
    // A file name is record text too: it reaches warnings (a FIFO inside a subject folder is skipped with one).
    mkdirSync(path.join(evilWs, 'shards'));
    writeFileSync(path.join(evilWs, 'shards', 'a.bin'), 'a');
    spawnSync('mkfifo', [path.join(evilWs, 'shards', `p${EVIL.clear}\n::error::forged`)]);
    mkdirSync(path.join(evilWs, '.ml-provenance'));
    writeFileSync(path.join(evilWs, '.ml-provenance', 'records.jsonl'), readFileSync(path.join(ws, '.ml-provenance', 'records.jsonl')));
    const r = runAction({ 'subject-path': 'model/m.bin\nshards', sign: 'false', 'upload-artifact': 'false', comment: 'false', policy: 'strict' }, { workspace: evilWs });
    expectClean(r.stdout, 'action stdout');
    expectClean(r.stderr, 'action stderr');
    expect(r.stdout).not.toMatch(/^::error::forged/m);
  }, 60_000);
});

// The same through a real terminal emulator: tmux interprets what reaches it, and its
// pane shows what a person would see. Before the sanitiser, `summary --format text`
// cleared this pane and set its title to "pwned".
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
describe.skipIf(!hasTmux)('seen through a real terminal (tmux)', () => {
  it.each([
    ['summary --format text', ['summary', 'prov.json', '--format', 'text'], 'metric: accuracy\\u001b[2J\\u001b[H [0.51\\r0.99] = 0.51'],
    ['lineage (table)', ['lineage', 'prov.json', '--no-verify'], 'tokenize\\u001b[2J\\u001b[H'],
    ['replay --check', ['replay', 'prov.json', '--no-verify', '--check'], 'points@\\u202etxt.exe\\u202c'],
  ])('%s: nothing is cleared, retitled, linked or reordered', async (_what, args, visible) => {
    const sock = `mlp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const tmux = (...a: string[]) => spawnSync('tmux', ['-L', sock, ...a], { encoding: 'utf8', timeout: 10_000 });
    const quoted = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ');
    try {
      expect(tmux('new-session', '-d', '-x', '250', '-y', '50', '-s', 't', `cd '${ws}' && echo BEFORE-LINE && ${quoted}; echo AFTER-LINE; sleep 60`).status).toBe(0);
      let pane = '';
      for (let i = 0; i < 100 && !pane.includes('AFTER-LINE'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        pane = tmux('capture-pane', '-p', '-t', 't').stdout;
      }
      expect(pane).toContain('AFTER-LINE');
      expect(pane).toContain('BEFORE-LINE');
      expect(pane).toContain(visible);
      expect(tmux('display', '-p', '-t', 't', '#{pane_title}').stdout.trim()).not.toBe('pwned');
    } finally {
      tmux('kill-server');
    }
  }, 30_000);
});
