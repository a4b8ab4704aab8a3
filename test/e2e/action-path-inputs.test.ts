// `subject-path` and `config` as workflows write them. Users of actions/upload-artifact and
// @actions/glob write `!PATTERN` lines to exclude files ("Patterns that begin with ! are
// exclusions", @actions/glob's README); this action takes only what to include, so such a
// line must be refused as what it is, not reported as a missing file named `!…`.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runAction, runCli, train } from '../helpers/run.js';

let ws: string;
beforeAll(() => {
  ws = copyExample({ git: true });
  train(ws);
});

describe('exclusion lines in path inputs', () => {
  it.each([
    ['subject-path', { 'subject-path': 'model/**\n!model/*.tmp', datasets: 'datasets.yaml' }],
    ['config', { 'subject-path': 'model/model.json', datasets: 'datasets.yaml', config: 'config/*.yaml\n!config/secret.yaml' }],
  ] as const)('%s: exit 2, one annotation saying the line is an exclusion and what to write instead', (name, inputs) => {
    const r = runAction({ ...inputs, sign: 'false', 'upload-artifact': 'false' }, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    const a = decodeURIComponent(r.annotations[0]!);
    expect(a).not.toMatch(/file=!/);
    expect(a).toMatch(new RegExp(`input ${name}: line "![^"]+" is an exclusion pattern.* — list only what to include`));
    expect(r.outputs['statement-path']).toBeUndefined();
  });
});

describe('the records log where the training step wrote it', () => {
  // A job-level `env: ML_PROVENANCE_DIR: build/records` reaches every step (the runner passes
  // the job's env to each): `ml-provenance record` and train.py write there, so the action must read there.
  const statement = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { predicate: { metrics: unknown[]; steps: unknown[] } };

  it('without a `records` input, the job\'s ML_PROVENANCE_DIR is read, as `record` and `build` read it', () => {
    const dir = copyExample({ git: true });
    mkdirSync(path.join(dir, 'build'));
    train(dir);
    cpSync(path.join(dir, '.ml-provenance'), path.join(dir, 'build', 'records'), { recursive: true });
    const fresh = copyExample({ git: true });
    cpSync(path.join(dir, 'model'), path.join(fresh, 'model'), { recursive: true });
    cpSync(path.join(dir, 'build'), path.join(fresh, 'build'), { recursive: true });
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', sign: 'false', 'upload-artifact': 'false' }, { workspace: fresh, env: { ML_PROVENANCE_DIR: 'build/records' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const st = statement(r.outputs['statement-path']!);
    expect(st.predicate.steps.length).toBeGreaterThan(0);
    expect(st.predicate.metrics.length).toBeGreaterThan(0);
  });

  it('a `records` input wins over ML_PROVENANCE_DIR', () => {
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', records: '.ml-provenance', sign: 'false', 'upload-artifact': 'false' }, { workspace: ws, env: { ML_PROVENANCE_DIR: 'nowhere' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(statement(r.outputs['statement-path']!).predicate.metrics.length).toBeGreaterThan(0);
  });
});

describe('training code that runs in a sub-folder of the checkout (`working-directory: train`)', () => {
  // The runner gives every step GITHUB_WORKSPACE (the checkout) and starts `run:` in its
  // working-directory; the action reads the log at the checkout's root.
  const statement = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { predicate: { metrics: Array<{ name: string }>; datasets: Array<{ id: string; digest?: unknown }> } };
  const subfolder = () => {
    const dir = copyExample({ git: true });
    train(dir);
    mkdirSync(path.join(dir, 'train', 'data'), { recursive: true });
    writeFileSync(path.join(dir, 'train', 'data', 'extra.csv'), 'x,y\n1,2\n');
    return dir;
  };

  it('`record` writes the checkout\'s log, with paths relative to the checkout, and the action reads it', () => {
    const dir = subfolder();
    const env = { GITHUB_WORKSPACE: dir };
    const cwd = path.join(dir, 'train');
    expect(runCli(['record', 'metric', '--name', 'sub_metric', '--value', '0.25'], { cwd, env })).toMatchObject({ code: 0, stderr: '' });
    expect(runCli(['record', 'dataset', '--id', 'extra', '--path', 'train/data/extra.csv'], { cwd, env })).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(path.join(cwd, '.ml-provenance'))).toBe(false);
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', sign: 'false', 'upload-artifact': 'false' }, { workspace: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const st = statement(r.outputs['statement-path']!);
    expect(st.predicate.metrics.map((m) => m.name)).toContain('sub_metric');
    expect(st.predicate.datasets.find((d) => d.id === 'extra')?.digest).toBeDefined();
  });

  it('`build` run in the sub-folder (a workflow without the action) reads the same log, with paths relative to the checkout', () => {
    const dir = subfolder();
    const env = { GITHUB_WORKSPACE: dir };
    const cwd = path.join(dir, 'train');
    expect(runCli(['record', 'metric', '--name', 'sub_metric', '--value', '0.25'], { cwd, env }).code).toBe(0);
    const b = runCli(['build', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--out', 'p.json', '--no-detect-image', '--policy', 'none'], { cwd, env });
    expect(b.code, b.stderr).toBe(0);
    expect(statement(path.join(cwd, 'p.json')).predicate.metrics.map((m) => m.name)).toContain('sub_metric');
  });

  it('an absolute path inside the checkout (Python\'s os.path.abspath) is logged relative to it, uri too', () => {
    const dir = subfolder();
    const cwd = path.join(dir, 'train');
    // Through a symlink to the checkout, as GITHUB_WORKSPACE may be (macOS /var → /private/var).
    const link = `${dir}-link`;
    symlinkSync(dir, link);
    expect(runCli(['record', 'dataset', '--id', 'extra', '--path', path.join(link, 'train', 'data', 'extra.csv')], { cwd, env: { GITHUB_WORKSPACE: dir } }).code).toBe(0);
    expect(runCli(['record', 'step', '--name', 's', '--output', `out=${path.join(dir, 'train', 'data', 'extra.csv')}`], { cwd, env: { GITHUB_WORKSPACE: dir } }).code).toBe(0);
    const lines = readFileSync(path.join(dir, '.ml-provenance', 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; path?: string; uri?: string });
    expect(lines.filter((l) => l.kind === 'dataset').map((l) => [l.path, l.uri])).toEqual([
      ['train/data/extra.csv', 'file:train/data/extra.csv'],
      ['train/data/extra.csv', undefined],
    ]);
  });

  it('run outside the checkout (a script that cd\'s to $RUNNER_TEMP): the line is written, with a warning that the action will not read it', () => {
    const dir = subfolder();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'mlp-runner-temp-'));
    const r = runCli(['record', 'metric', '--name', 'm', '--value', '1'], { cwd: elsewhere, env: { GITHUB_WORKSPACE: dir } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: the records log \S+ is outside the checkout \(GITHUB_WORKSPACE \S+\), where the action does not read it — .*set ML_PROVENANCE_DIR to a folder in it/);
    expect(existsSync(path.join(elsewhere, '.ml-provenance', 'records.jsonl'))).toBe(true);
  });

  it('a path typed relative to the sub-folder: exit 2 naming the flag and the path to write', () => {
    const dir = subfolder();
    const cwd = path.join(dir, 'train');
    const r = runCli(['record', 'dataset', '--id', 'extra', '--path', 'data/extra.csv'], { cwd, env: { GITHUB_WORKSPACE: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --path data\/extra\.csv: paths are relative to the workspace .* — write --path train\/data\/extra\.csv\n$/);
    const o = runCli(['record', 'step', '--name', 's', '--output', 'extra=data/extra.csv'], { cwd, env: { GITHUB_WORKSPACE: dir } });
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/— write --output extra=train\/data\/extra\.csv\n$/);
    expect(existsSync(path.join(dir, '.ml-provenance', 'records.jsonl')) && readFileSync(path.join(dir, '.ml-provenance', 'records.jsonl'), 'utf8')).not.toMatch(/extra/);
  });

  it('outside GitHub Actions, a log left in a sub-folder is named by build (nothing from it is in the record)', () => {
    const dir = subfolder();
    expect(runCli(['record', 'metric', '--name', 'sub_metric', '--value', '0.25'], { cwd: path.join(dir, 'train') }).code).toBe(0);
    rmSync(path.join(dir, '.ml-provenance'), { recursive: true });
    const b = runCli(['build', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--out', 'out/p.json', '--no-detect-image', '--policy', 'none'], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/warning: no records log at \.ml-provenance, but train\/\.ml-provenance holds one .* — pass --records train\/\.ml-provenance/);
  });
});

describe('ML_PROVENANCE_DIR that does not lead to the log', () => {
  // A job-level ML_PROVENANCE_DIR is set once for every step, not typed at the action: what goes
  // wrong with it must say that is where the folder came from.
  it('outside the workspace (a job that points it at $RUNNER_TEMP): exit 2 naming ML_PROVENANCE_DIR and how to fix it', () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
    cpSync(path.join(ws, '.ml-provenance'), path.join(temp, 'mlp'), { recursive: true });
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', sign: 'false', 'upload-artifact': 'false' }, { workspace: ws, env: { ML_PROVENANCE_DIR: path.join(temp, 'mlp'), RUNNER_TEMP: temp } });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    expect(decodeURIComponent(r.annotations[0]!)).toMatch(/records directory \S+ \(from ML_PROVENANCE_DIR\) is outside the workspace .* — keep the records log in the workspace \(point ML_PROVENANCE_DIR at a folder inside it\)/);
  });

  it('a folder that does not exist: a warning naming it and ML_PROVENANCE_DIR (the record has nothing from `record`)', () => {
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', sign: 'false', 'upload-artifact': 'false' }, { workspace: ws, env: { ML_PROVENANCE_DIR: 'build/recrods' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const warned = r.annotations.map((a) => decodeURIComponent(a)).filter((a) => a.includes('build/recrods'));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/^::warning.*records directory build\/recrods \(from ML_PROVENANCE_DIR\) does not exist: nothing written by `ml-provenance record` is in this record — point ML_PROVENANCE_DIR at the folder/);
    // The default folder missing is no mistake (a project that records nothing itself): no warning.
    const fresh = copyExample({ git: true });
    cpSync(path.join(ws, 'model'), path.join(fresh, 'model'), { recursive: true });
    const quiet = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', sign: 'false', 'upload-artifact': 'false' }, { workspace: fresh });
    expect(quiet.code, quiet.stdout + quiet.stderr).toBe(0);
    expect(quiet.annotations.filter((a) => /records directory/.test(a))).toEqual([]);
  });
});

describe('a metrics file in the documented `{metrics: [...]}` form with a bad value', () => {
  // The file may be a name→number object, a list, or {metrics: [list]} (schemas/metrics.schema.json):
  // the error must name the entry that is wrong, not say the whole `metrics` key should be a number.
  it('names metrics[0].value', () => {
    writeFileSync(path.join(ws, 'bad-metrics.json'), JSON.stringify({ metrics: [{ name: 'accuracy', value: 'high' }] }));
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', metrics: 'bad-metrics.json', sign: 'false', 'upload-artifact': 'false' }, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    const a = decodeURIComponent(r.annotations[0]!);
    expect(a).toMatch(/file=bad-metrics\.json::bad-metrics\.json: invalid metrics file: metrics\[0\]\.value: .*expected number, received string/);
  });
});

describe('python-env errors speak the action\'s language too', () => {
  it('an interpreter that is not there: the fix names the `python-env` input', () => {
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', 'python-env': 'pip:/nonexistent/python3', sign: 'false', 'upload-artifact': 'false' }, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    expect(decodeURIComponent(r.annotations[0]!)).toMatch(/python interpreter "\/nonexistent\/python3" was not found — .*`python-env: pip:\/path\/to\/python`/);
  });
});

describe('where an error annotation points', () => {
  // GitHub places an annotation's `file` on that path of the repository: a subject that was not
  // found, or a path outside the checkout, is named in the message and points at nothing.
  it.each(['model/missing.bin', '/etc/passwd'])('subject-path %s: exit 2, one annotation with no file', (sp) => {
    const r = runAction({ 'subject-path': sp, datasets: 'datasets.yaml', sign: 'false', 'upload-artifact': 'false' }, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    expect(r.annotations[0]).toMatch(/^::error title=ml-provenance::/);
    expect(decodeURIComponent(r.annotations[0]!)).toContain(sp);
  });

  it('a file in the checkout that is wrong: the annotation is on it, relative to the checkout', () => {
    const dir = copyExample({ git: true });
    train(dir);
    writeFileSync(path.join(dir, 'bad-metrics.json'), '{"metrics": [{"name": "loss"}]}');
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', metrics: path.join(dir, 'bad-metrics.json'), sign: 'false', 'upload-artifact': 'false' }, { workspace: dir });
    expect(r.code).toBe(2);
    expect(r.annotations[0]).toMatch(/^::error title=ml-provenance,file=bad-metrics\.json::/);
  });
});
