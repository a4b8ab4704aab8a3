// Signed bundles for the store tests: a small lineage across repositories, each run
// built as a schema-valid statement and signed through dist/cli.js against the local
// Sigstore stand-in (the signer identity is the run's own repository).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataset, makeStatement, sha } from '../fixtures/statements.js';
import { startPostgres, type PgServer } from '../helpers/postgres.js';
import type { SigstoreStandin } from '../standins/sigstore.js';
import { claimsOf } from '../standins/sigstore/oidc.js';
import { runCliAsync } from './sign-verify-helpers.js';

export interface SignedRun {
  name: string;
  repo: string;
  bundle: string;
  model: string;
}

/** The signer policy that accepts every run below (and nothing signed elsewhere). */
export const IDENTITY = ['--cert-identity-regexp', '^https://github\\.com/(acme|other)/'];

export const RAW = dataset('raw', '1', 'raw bytes v1');
export const FEATURES_DIGEST = sha('features bytes');

function withRepo<T extends ReturnType<typeof makeStatement>>(s: T, repo: string, finished: string): T {
  const p = s.predicate;
  p.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: `https://github.com/${repo}`, path: '.github/workflows/train.yml' };
  p.runDetails.builder.id = `https://github.com/${repo}/.github/workflows/train.yml@refs/heads/main`;
  // Built in `repo`'s run, so its source is `repo` too (verify's source check compares every field that names one).
  for (const d of p.buildDefinition.resolvedDependencies) if (d.digest?.gitCommit) d.uri = `git+https://github.com/${repo}@refs/heads/main`;
  p.runDetails.metadata.invocationId = `https://github.com/${repo}/actions/runs/${sha(finished).slice(0, 8)}/attempts/1`;
  p.runDetails.metadata.finishedOn = finished;
  return s;
}

/**
 * prep (acme/pipeline): raw@1 → featurize → features (content-digested output)
 * train (acme/train): reads features (same bytes) → model A, accuracy/loss
 * again (acme/train): reads raw@1 directly → model B
 * secret (other/secret): its own data → model C
 */
export function lineageStatements() {
  const features = dataset('features', 'v1', 'features bytes');
  return [
    {
      name: 'prep',
      repo: 'acme/pipeline',
      statement: withRepo(
        makeStatement({
          run: 'prep',
          datasets: [RAW, features],
          steps: [{ name: 'featurize', library: 'pandas', version: '2.2.0', inputs: ['raw'], outputs: ['features'] }],
          models: [{ name: 'out/features.parquet', sha256: FEATURES_DIGEST }],
          metrics: [{ name: 'rows', value: 1000 }],
        }),
        'acme/pipeline',
        '2025-03-01T00:00:00Z',
      ),
    },
    {
      name: 'train',
      repo: 'acme/train',
      statement: withRepo(
        makeStatement({
          run: 'train',
          datasets: [dataset('feats', 'v1', 'features bytes')],
          steps: [],
          metrics: [
            { name: 'accuracy', value: 0.8, epoch: 1, split: 'test' },
            { name: 'accuracy', value: 0.9, epoch: 2, split: 'test' },
            { name: 'loss', value: 0.3, epoch: 2, split: 'train' },
          ],
        }),
        'acme/train',
        '2025-03-02T00:00:00Z',
      ),
    },
    {
      name: 'again',
      repo: 'acme/train',
      statement: withRepo(makeStatement({ run: 'again', datasets: [RAW], steps: [], metrics: [{ name: 'accuracy', value: 0.7, epoch: 1, split: 'test' }] }), 'acme/train', '2025-04-01T00:00:00Z'),
    },
    {
      name: 'secret',
      repo: 'other/secret',
      statement: withRepo(makeStatement({ run: 'secret', datasets: [dataset('private', '9')], steps: [] }), 'other/secret', '2025-03-05T00:00:00Z'),
    },
  ];
}

export async function signRuns(sigstore: SigstoreStandin, dir: string): Promise<SignedRun[]> {
  await mkdir(dir, { recursive: true });
  const out: SignedRun[] = [];
  for (const r of lineageStatements()) {
    const stmt = path.join(dir, `${r.name}.intoto.json`);
    const bundle = path.join(dir, `${r.name}.sigstore.json`);
    await writeFile(stmt, JSON.stringify(r.statement, null, 2));
    const signed = await runCliAsync([
      'sign', stmt, '--out', bundle,
      '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!,
      // The token of the run the statement says made it (repository, workflow, commit, run).
      '--identity-token', sigstore.mintToken(claimsOf(r.statement)),
    ]);
    if (signed.code !== 0) throw new Error(`sign ${r.name} failed: ${signed.stderr}`);
    out.push({ name: r.name, repo: r.repo, bundle, model: r.statement.subject[0]!.digest.sha256! });
  }
  return out;
}

export interface OneRun {
  work: string;
  pg: PgServer;
  /** The statement file, in `work`. */
  file: string;
  /** Its first subject's sha256. */
  model: string;
  /** dist/cli.js in `work`. */
  mlp(...args: string[]): ReturnType<typeof runCliAsync>;
  /** The store on each engine: a file in `work`, or the server's `store` database. */
  store(engine: string): string;
  close(): Promise<void>;
}

/** One unsigned statement of `repo` in a temp folder, and a real PostgreSQL server with an empty `store` database: the same question asked of both engines. */
export async function oneRunOnBothEngines(name: string, statement: ReturnType<typeof makeStatement>, repo: string): Promise<OneRun> {
  const work = await mkdtemp(path.join(tmpdir(), `mlp-store-${name}-`));
  const pg = await startPostgres();
  const r = pg.psql('CREATE DATABASE store');
  if (r.code !== 0) throw new Error(r.stderr);
  statement.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: `https://github.com/${repo}`, path: '.github/workflows/train.yml' };
  const file = path.join(work, `${name}.intoto.json`);
  await writeFile(file, JSON.stringify(statement));
  return {
    work,
    pg,
    file,
    model: statement.subject[0]!.digest.sha256!,
    mlp: (...args) => runCliAsync(args, { cwd: work }),
    store: (engine) => (engine === 'sqlite' ? path.join(work, 'store.db') : pg.url('postgres', 'store')),
    async close() {
      await pg.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/**
 * Counts the worker threads a CLI process starts, through Node's own `process.on('worker')`
 * (emitted for every Worker created) in a preload given with `--import`: nothing of the
 * project is replaced. `reset()` before a run, `started()` after it.
 */
export async function workerCounter(dir: string): Promise<{ args: string[]; reset(): Promise<void>; started(): Promise<number> }> {
  const log = path.join(dir, 'workers.log');
  const preload = path.join(dir, 'count-workers.mjs');
  await writeFile(
    preload,
    [
      "import { appendFileSync } from 'node:fs';",
      "import { isMainThread } from 'node:worker_threads';",
      `if (isMainThread) process.on('worker', () => appendFileSync(${JSON.stringify(log)}, 'started\\n'));`,
    ].join('\n'),
  );
  await writeFile(log, '');
  return {
    args: ['--import', pathToFileURL(preload).href],
    reset: () => writeFile(log, ''),
    started: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean).length,
  };
}
