import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadActionYml, stepInputs, type ActionMetadata } from './action-env.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const ACTION = path.join(ROOT, 'dist', 'index.js');
export const EXAMPLE = path.join(ROOT, 'examples', 'tiny-regression');

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI the way a user does: `node dist/cli.js …`. */
export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Ran {
  const res = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...cleanEnv(), ...opts.env },
    encoding: 'utf8',
    input: opts.input ?? '',
    timeout: 120_000,
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

/** The test process's environment without anything that makes code think it is on a runner. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|SIGSTORE_|ML_PROVENANCE_)/.test(k)) continue;
    env[k] = v;
  }
  // Like a hosted runner, not in a container, even when the tests run in one (/.dockerenv):
  // the container markers are read under this root instead of /. Tests of detection set it.
  env.ML_PROVENANCE_SYSROOT = NOT_A_CONTAINER;
  return env;
}

/** A root with no /.dockerenv, /proc/self/* or /run/.containerenv under it. */
export const NOT_A_CONTAINER = path.join(os.tmpdir(), 'mlp-not-a-container');

/** A fresh copy of the example project in a temp dir, optionally a git repo with one commit. */
export function copyExample(opts: { git?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-example-'));
  cpSync(EXAMPLE, dir, {
    recursive: true,
    filter: (src) => !/[/\\](\.ml-provenance|model|out)$/.test(src),
  });
  if (opts.git) {
    const git = (...a: string[]) => spawnSync('git', a, { cwd: dir, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'example');
  }
  return dir;
}

/** Run the example's training script in `dir` (writes model/ and .ml-provenance/). */
export function train(dir: string): void {
  const res = spawnSync('python3', ['train.py'], { cwd: dir, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`train.py failed: ${res.stderr}`);
}

export interface ActionRun extends Ran {
  outputs: Record<string, string>;
  /** The GITHUB_OUTPUT file as written. */
  outputText: string;
  summary: string;
  /** `::error ...::message` lines the runner turns into annotations. */
  annotations: string[];
}

/** Parse the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const [, name, delim] = m;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const eq = lines[i]!.indexOf('=');
      out[lines[i]!.slice(0, eq)] = lines[i]!.slice(eq + 1);
    }
  }
  return out;
}

/** What `${{ github.token }}` evaluates to in these tests: a job token the GitHub stand-ins accept by default. */
export const JOB_TOKEN = 'ghs_job_token_for_tests';

let meta: ActionMetadata | undefined;
/** action.yml, loaded strictly and checked once per test file: a broken file fails every action test. */
export function actionMetadata(): ActionMetadata {
  return (meta ??= loadActionYml(path.join(ROOT, 'action.yml')));
}

export interface RunnerOptions {
  workspace: string;
  /** Overrides of (and additions to) the runner variables. */
  env?: NodeJS.ProcessEnv;
  event?: Record<string, unknown>;
  eventName?: string;
}

/**
 * The environment the runner gives a step: inputs as INPUT_* variables, outputs and
 * the job summary through files, the event in GITHUB_EVENT_PATH, a fresh RUNNER_TEMP.
 */
function runnerStep(inputs: Record<string, string>, opts: RunnerOptions): { env: NodeJS.ProcessEnv; outputFile: string; summaryFile: string } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlp-runner-'));
  const outputFile = path.join(tmp, 'output');
  const summaryFile = path.join(tmp, 'summary.md');
  const eventFile = path.join(tmp, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(opts.event ?? {}));
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_REPOSITORY: 'example-org/tiny-regression',
    GITHUB_REPOSITORY_ID: '1000',
    GITHUB_REPOSITORY_OWNER_ID: '2000',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW_REF: 'example-org/tiny-regression/.github/workflows/train.yml@refs/heads/main',
    GITHUB_WORKFLOW: 'train',
    GITHUB_JOB: 'train',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: opts.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: tmp,
    NO_PROXY: '127.0.0.1,localhost',
    // Inputs as the runner gives them: every input action.yml declares, with its default.
    ...stepInputs(actionMetadata(), inputs, { githubToken: JOB_TOKEN }),
    ...opts.env,
  };
  return { env, outputFile, summaryFile };
}

function actionRun(ran: Ran, step: { outputFile: string; summaryFile: string }): ActionRun {
  const outputText = readFileSync(step.outputFile, 'utf8');
  return {
    ...ran,
    outputText,
    outputs: parseOutputFile(outputText),
    summary: existsSync(step.summaryFile) ? readFileSync(step.summaryFile, 'utf8') : '',
    annotations: ran.stdout.split('\n').filter((l) => /^::(error|warning)/.test(l)),
  };
}

/** Run dist/index.js the way the runner does (see runnerStep), blocking this process. */
export function runAction(inputs: Record<string, string>, opts: RunnerOptions): ActionRun {
  const step = runnerStep(inputs, opts);
  const res = spawnSync(process.execPath, [ACTION], { cwd: opts.workspace, env: step.env, encoding: 'utf8', timeout: 180_000 });
  return actionRun({ code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr }, step);
}

/**
 * The same without blocking: for tests whose stand-ins (Sigstore, GitHub, the artifact
 * service) serve from this process, which spawnSync would freeze.
 */
export async function runActionAsync(inputs: Record<string, string>, opts: RunnerOptions): Promise<ActionRun> {
  const step = runnerStep(inputs, opts);
  return actionRun(await execAsync(process.execPath, [ACTION], { cwd: opts.workspace, env: step.env }), step);
}

/** Run a program without blocking this process (in-process stand-ins keep answering); killed after 150 s. */
export function execAsync(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}
