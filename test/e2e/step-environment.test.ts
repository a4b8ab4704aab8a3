// A step's own environment, captured instead of typed: `record step --env-python` reads a
// lockfile or runs `pip freeze` of the named interpreter (the real python3 here), and
// `--env-detect-image` asks the container runtimes; the built statement carries what was
// captured and where it came from, typed values winning, through dist/cli.js.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCliAsync } from './sign-verify-helpers.js';

const exec = promisify(execFile);
let ws: string;
const mlp = (...args: string[]) => runCliAsync(args, { cwd: ws, env: { ML_PROVENANCE_DIR: path.join(ws, '.ml-provenance') } });

beforeAll(async () => {
  ws = await mkdtemp(path.join(tmpdir(), 'mlp-step-env-'));
  await exec('git', ['init', '-q'], { cwd: ws });
  await exec('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'i'], { cwd: ws });
  await writeFile(path.join(ws, 'requirements.txt'), 'numpy==1.26.4\npandas==2.2.0\n');
  await writeFile(path.join(ws, 'model.bin'), 'weights');
});
afterAll(async () => {
  if (ws) await rm(ws, { recursive: true, force: true });
});

test('lockfile and pip freeze captures land in the step environment with their sources; typed versions win', async () => {
  const a = await mlp('record', 'step', '--name', 'prep', '--env-python', 'requirements.txt', '--env-library', 'numpy=2.0.0', '--', 'python3', 'prep.py');
  expect(a.code, a.stderr).toBe(0);
  const b = await mlp('record', 'step', '--name', 'train', '--env-python', 'pip:python3', '--', 'python3', 'train.py');
  expect(b.code, b.stderr).toBe(0);
  expect((await mlp('record', 'dataset', '--id', 'raw', '--path', 'requirements.txt', '--version', '1')).code).toBe(0);
  const built = await mlp('build', '--subject', 'model.bin', '--out', 'prov.json', '--allow-incomplete');
  expect(built.code, built.stderr).toBe(0);
  const st = JSON.parse(await readFile(path.join(ws, 'prov.json'), 'utf8'));
  const steps = st.predicate.steps as { name: string; environment?: { libraries?: Record<string, string>; sources?: string[] } }[];
  const prep = steps.find((s) => s.name === 'prep')!;
  expect(prep.environment).toEqual({ libraries: { numpy: '2.0.0', pandas: '2.2.0' }, sources: ['requirements.txt'] });
  const train = steps.find((s) => s.name === 'train')!;
  // What pip itself says is installed for this interpreter.
  const { stdout } = await exec('python3', ['-m', 'pip', 'freeze', '--all']).catch(() => exec('python3', ['-m', 'pip', 'freeze']));
  const first = stdout.split('\n').find((l) => /^[A-Za-z0-9_.-]+==/.test(l))!;
  const [name] = first.split('==');
  expect(Object.keys(train.environment!.libraries!).map((k) => k.toLowerCase().replace(/[-_.]+/g, '-'))).toContain(name!.toLowerCase().replace(/[-_.]+/g, '-'));
  expect(train.environment!.sources![0]).toMatch(/^pip freeze/);
});

test('--env-detect-image outside a container: a warning naming the fix, the step still recorded', async () => {
  const r = await runCliAsync(['record', 'step', '--name', 'eval', '--env-detect-image', '--', 'true'], {
    cwd: ws,
    // No Docker socket, pod or Podman marker: the runtimes answer nothing.
    env: { ML_PROVENANCE_DIR: path.join(ws, '.ml-provenance'), KUBERNETES_SERVICE_HOST: '', ML_PROVENANCE_CONTAINER_ID: '' },
  });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/warning: --env-detect-image: this step does not run in a container the tool can see .* pass --env-image REF/);
  const log = await readFile(path.join(ws, '.ml-provenance', 'records.jsonl'), 'utf8');
  expect(log).toMatch(/"name":"eval"/);
});
