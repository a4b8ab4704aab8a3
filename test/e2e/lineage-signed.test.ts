// `ml-provenance lineage` over real, signed records: three training runs of the example
// project (two dataset versions, three learning rates), built and signed through
// dist/cli.js against the local Sigstore stand-in, then queried from a folder and from
// GitHub release assets (GitHub REST stand-in). Every CLI call is an async spawn: the
// stand-ins answer from this process.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyExample, train } from '../helpers/run.js';
import { fakeGitHubToken, startGitHubStandin, type GitHubStandin } from '../standins/github.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { runCliAsync } from './sign-verify-helpers.js';

interface Run {
  name: 'a' | 'b' | 'c';
  version: string;
  lr: string;
  ws: string;
  statement: Statement;
  bundle: string;
  modelSha: string;
  testMse: number;
}
interface Statement {
  subject: { name: string; digest: { sha256: string } }[];
  predicate: { datasets: { id: string; version?: string; digest: { sha256: string } }[]; metrics: { name: string; value: number; epoch?: number; split?: string }[] };
}

const RUNS: Array<Pick<Run, 'name' | 'version' | 'lr'>> = [
  { name: 'a', version: '2026.11', lr: '0.02' },
  { name: 'b', version: '2026.12', lr: '0.05' },
  { name: 'c', version: '2026.12', lr: '0.01' },
];

let sigstore: SigstoreStandin;
let work: string;
/** Three good bundles and one JSON file that is not a provenance document. */
let good: string;
let tamperedDir: string;
let foreignDir: string;
let foreignBundle: string;
let tamperedBundle: string;
const runs: Run[] = [];
const byName = (n: Run['name']) => runs.find((r) => r.name === n)!;

const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);
const trust = () => ['--custom-trusted-root', sigstore.trustedRootPath, '--offline'];
const lineage = (...args: string[]) => runCliAsync(['lineage', ...args], { cwd: work });
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const json = <T>(text: string): T => JSON.parse(text) as T;

interface MetricAnswerJson {
  metric: { name: string; value: number; epoch?: number; split?: string };
  lineage: { run: { source: string }; datasets: { id: string; version?: string; digest?: string }[]; steps: { name: string }[]; models: { sha256: string }[] };
}
interface DatasetAnswerJson {
  dataset: { id: string; version?: string; digest?: string };
  run: { source: string };
  models: { sha256: string; paths: string[] }[];
}
interface ModelAnswerJson {
  model: { sha256: string; paths: string[] };
  lineage: MetricAnswerJson['lineage'] & { metrics: { name: string; value: number; split?: string; epoch?: number }[] };
}

async function cli(cwd: string, ...args: string[]): Promise<void> {
  const r = await runCliAsync(args, { cwd });
  if (r.code !== 0) throw new Error(`ml-provenance ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
}

/** The DSSE payload of a bundle, decoded. */
function payloadOf(bundle: { dsseEnvelope: { payload: string } }): Statement {
  return JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as Statement;
}

/** One copy of the example per run: its own dataset version and learning rate, trained, built, signed. */
async function makeRun(spec: (typeof RUNS)[number]): Promise<Run> {
  const ws = copyExample({ git: true });
  const cfgPath = path.join(ws, 'config', 'train.yaml');
  const cfg = await readFile(cfgPath, 'utf8');
  expect(cfg).toContain('learning_rate: 0.02');
  await writeFile(cfgPath, cfg.replace('learning_rate: 0.02', `learning_rate: ${spec.lr}`));
  const git = (...a: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...a], { cwd: ws, encoding: 'utf8' });
  git('commit', '-qam', `learning rate ${spec.lr}`);
  await cli(
    ws,
    'record', 'dataset', '--id', 'points', '--uri', 'https://example.com/datasets/points', '--version', spec.version,
    '--path', 'data/points.csv', '--license', 'CC-BY-4.0', '--split', 'train=0.8', '--split', 'test=0.2', '--seed', '42',
  );
  train(ws); // spawnSync: nothing is in flight against the stand-in at this point
  await cli(ws, 'build', '--subject', 'model/model.json', '--config', 'config/train.yaml', '--out', 'provenance.intoto.json');
  await cli(
    ws,
    'sign', 'provenance.intoto.json', '--out', 'provenance.sigstore.json',
    '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!,
    '--identity-token', sigstore.mintToken(),
  );
  const statement = json<Statement>(await readFile(path.join(ws, 'provenance.intoto.json'), 'utf8'));
  const bundle = path.join(good, `run-${spec.name}.sigstore.json`);
  await copyFile(path.join(ws, 'provenance.sigstore.json'), bundle);
  const model = await readFile(path.join(ws, 'model', 'model.json'));
  const testMse = statement.predicate.metrics.filter((m) => m.name === 'mse' && m.split === 'test').at(-1)!.value;
  return { ...spec, ws, statement, bundle, modelSha: createHash('sha256').update(model).digest('hex'), testMse };
}

beforeAll(async () => {
  [sigstore] = await Promise.all([startSigstoreStandin()]);
  work = await mkdtemp(path.join(tmpdir(), 'mlp-lineage-signed-'));
  good = path.join(work, 'bundles');
  tamperedDir = path.join(work, 'tampered');
  foreignDir = path.join(work, 'foreign');
  await Promise.all([good, tamperedDir, foreignDir].map((d) => mkdir(d)));
  for (const spec of RUNS) runs.push(await makeRun(spec));
  // A folder of release assets holds other JSON too: lineage skips it with a warning.
  await writeFile(path.join(good, 'package.json'), '{"name":"not-a-record"}\n');

  // Tampered: run b's bundle with a better test mse written into the signed payload.
  const b = json<{ dsseEnvelope: { payload: string } }>(await readFile(byName('b').bundle, 'utf8'));
  const st = payloadOf(b);
  st.predicate.metrics.find((m) => m.split === 'test')!.value = 0.0001;
  b.dsseEnvelope.payload = Buffer.from(JSON.stringify(st)).toString('base64');
  for (const r of runs) if (r.name !== 'b') await copyFile(r.bundle, path.join(tamperedDir, path.basename(r.bundle)));
  tamperedBundle = path.join(tamperedDir, 'run-b.sigstore.json');
  await writeFile(tamperedBundle, JSON.stringify(b));

  // Foreign: run a's statement, validly signed, but by another repository's workflow.
  for (const r of runs) await copyFile(r.bundle, path.join(foreignDir, path.basename(r.bundle)));
  foreignBundle = path.join(foreignDir, 'run-z.sigstore.json');
  await cli(
    byName('a').ws,
    'sign', 'provenance.intoto.json', '--out', foreignBundle,
    '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!,
    '--identity-token', sigstore.mintToken({ repository: 'evil/fork' }),
  );
}, 240_000);

afterAll(async () => {
  await sigstore?.close();
  await Promise.all([work, ...runs.map((r) => r.ws)].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
});

describe('the records under test', () => {
  test('three runs with different dataset versions, models and metrics', () => {
    expect(runs.map((r) => r.statement.predicate.datasets.map((d) => `${d.id}@${d.version}`))).toEqual([['points@2026.11'], ['points@2026.12'], ['points@2026.12']]);
    expect(new Set(runs.map((r) => r.modelSha)).size).toBe(3);
    expect(new Set(runs.map((r) => r.testMse)).size).toBe(3);
    for (const r of runs) expect(r.statement.subject).toEqual([{ name: 'model/model.json', digest: { sha256: r.modelSha } }]);
  });
});

describe('lineage DIR over signed bundles (verified offline with the stand-in root)', () => {
  test('a folder laid out like a release (statement beside its bundle): the unsigned copy is skipped, the signed one counts', async () => {
    const release = path.join(work, 'release-layout');
    await mkdir(release, { recursive: true });
    const a = byName('a');
    await copyFile(a.bundle, path.join(release, 'provenance.sigstore.json'));
    await copyFile(path.join(a.ws, 'provenance.intoto.json'), path.join(release, 'provenance.intoto.json'));
    const r = await lineage(release, '--metric', 'mse', '--split', 'test', '--repo', 'acme/models', ...trust(), '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    // The copy of the bytes its bundle signed is expected there: skipped without a warning.
    expect(r.stderr).not.toMatch(/warning/);
    const { answers } = json<{ answers: MetricAnswerJson[] }>(r.stdout);
    expect(answers.map((x) => x.metric.value)).toEqual([a.testMse]);
    // Named explicitly, an unsigned statement is still an error unless --no-verify.
    const explicit = await lineage(path.join(release, 'provenance.intoto.json'), '--repo', 'acme/models', ...trust());
    expect(explicit.code).toBe(2);
  });

  test('--metric mse: each run’s final value and the dataset version behind it', async () => {
    const r = await lineage(good, '--metric', 'mse', '--split', 'test', '--repo', 'acme/models', ...trust(), '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/skipping .*package\.json: not an ml-provenance statement or bundle/);
    const { answers } = json<{ answers: MetricAnswerJson[] }>(r.stdout);
    const got = answers.map((a) => ({ source: a.lineage.run.source, value: a.metric.value, split: a.metric.split, versions: a.lineage.datasets.map((d) => `${d.id}@${d.version}`) }));
    expect(got).toEqual(
      runs.map((run) => ({ source: run.bundle, value: run.testMse, split: 'test', versions: [`points@${run.version}`] })),
    );
    // Recorded datasets carry their content digest; the derived ones (points-train, features) are not listed as inputs.
    for (const a of answers) expect(a.lineage.datasets[0]!.digest).toBe(`sha256:${byName('a').statement.predicate.datasets[0]!.digest.sha256}`);

    // Without --split: both splits, each at the run's last epoch (30).
    const all = await lineage(good, '--metric', 'mse', '--repo', 'acme/models', ...trust(), '--format', 'json');
    expect(all.code).toBe(0);
    const both = json<{ answers: MetricAnswerJson[] }>(all.stdout).answers;
    expect(both).toHaveLength(6);
    expect(new Set(both.map((a) => `${a.metric.split}@${a.metric.epoch}`))).toEqual(new Set(['train@30', 'test@30']));

    // --epoch picks an intermediate value: train mse at epoch 10, one per run.
    const e10 = await lineage(good, '--metric', 'mse', '--epoch', '10', '--repo', 'acme/models', ...trust(), '--format', 'json');
    expect(json<{ answers: MetricAnswerJson[] }>(e10.stdout).answers.map((a) => [a.metric.split, a.metric.epoch])).toEqual([['train', 10], ['train', 10], ['train', 10]]);
  });

  test('--metric as a table names the run (its bundle) and the dataset version', async () => {
    const r = await lineage(good, '--metric', 'mse', '--split', 'test', '--repo', 'acme/models', ...trust());
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^metric\s+value\s+run\s+datasets$/);
    expect(lines).toHaveLength(2 + runs.length);
    for (const run of runs) {
      const row = lines.find((l) => l.includes(run.bundle));
      expect(row, run.name).toMatch(new RegExp(`^mse \\(test, epoch 30\\)\\s+${String(run.testMse).replace('.', '\\.')}\\s+.*points@${run.version} sha256:[0-9a-f]{12}$`));
    }
  });

  test('--dataset points@VERSION lists the models trained on that version', async () => {
    const r = await lineage(good, '--dataset', 'points@2026.12', '--repo', 'acme/models', ...trust(), '--format', 'json');
    expect(r.code).toBe(0);
    const { answers } = json<{ answers: DatasetAnswerJson[] }>(r.stdout);
    expect(answers.map((a) => ({ dataset: `${a.dataset.id}@${a.dataset.version}`, source: a.run.source, models: a.models.map((m) => m.sha256) }))).toEqual([
      { dataset: 'points@2026.12', source: byName('b').bundle, models: [byName('b').modelSha] },
      { dataset: 'points@2026.12', source: byName('c').bundle, models: [byName('c').modelSha] },
    ]);

    const old = await lineage(good, '--dataset', 'points@2026.11', '--repo', 'acme/models', ...trust());
    expect(old.code).toBe(0);
    const rows = old.stdout.trimEnd().split('\n').slice(2);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(byName('a').bundle);
    expect(rows[0]).toContain(`model/model.json sha256:${byName('a').modelSha.slice(0, 12)}`);

    // No version: every run; an unknown version: no rows, exit 1 (like grep), the error on stderr.
    const any = await lineage(good, '--dataset', 'points', '--repo', 'acme/models', ...trust(), '--format', 'json');
    expect(json<{ answers: DatasetAnswerJson[] }>(any.stdout).answers.map((a) => a.models[0]!.sha256)).toEqual(runs.map((x) => x.modelSha));
    const none = await lineage(good, '--dataset', 'points@1999.01', '--repo', 'acme/models', ...trust(), '--format', 'json');
    expect(none.code).toBe(1);
    expect(json<{ answers: unknown[] }>(none.stdout).answers).toEqual([]);
    expect(none.stderr).toMatch(/^error: dataset points has no version 1999\.01 among the 3 record\(s\) given — its versions: 2026\.12, 2026\.11; /m);
  });

  test('--model: a local file is answered by content, a digest by digest, a subject path by name', async () => {
    const c = byName('c');
    const byFile = await lineage(good, '--model', path.join(c.ws, 'model', 'model.json'), '--repo', 'acme/models', ...trust(), '--format', 'json');
    expect(byFile.code).toBe(0);
    const a1 = json<{ answers: ModelAnswerJson[] }>(byFile.stdout).answers;
    expect(a1).toHaveLength(1);
    expect(a1[0]!.model).toEqual({ key: `model:${c.modelSha}`, sha256: c.modelSha, paths: ['model/model.json'] });
    expect(a1[0]!.lineage.run.source).toBe(c.bundle);
    expect(a1[0]!.lineage.datasets.map((d) => `${d.id}@${d.version}`)).toEqual(['points@2026.12']);
    expect(a1[0]!.lineage.steps.map((s) => s.name)).toEqual(['shuffle-split', 'standardize']);
    expect(a1[0]!.lineage.metrics.filter((m) => m.split === 'test').map((m) => m.value)).toEqual([c.testMse]);

    const byDigest = await lineage(good, '--model', `sha256:${c.modelSha}`, '--repo', 'acme/models', ...trust());
    expect(byDigest.code).toBe(0);
    const rows = byDigest.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^model\s+digest\s+run\s+datasets\s+steps\s+final metrics$/);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain(c.bundle);
    expect(rows[2]).toContain('points@2026.12');
    expect(rows[2]).toContain('shuffle-split, standardize');
    expect(rows[2]).toContain(`mse (test, epoch 30) = ${c.testMse}`);

    // The subject name all three runs recorded: every run's model answers.
    const byName_ = await lineage(good, '--model', 'model/model.json', '--repo', 'acme/models', ...trust(), '--format', 'json');
    expect(json<{ answers: ModelAnswerJson[] }>(byName_.stdout).answers.map((a) => a.model.sha256).sort()).toEqual(runs.map((r) => r.modelSha).sort());
  });

  test('--format mermaid: a well-formed flowchart, shared dataset node, one run node per bundle', async () => {
    const r = await lineage(good, '--repo', 'acme/models', ...trust(), '--format', 'mermaid');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    const nodes = new Map<string, string>();
    const edges: [string, string][] = [];
    for (const l of lines.slice(1)) {
      const node = /^ {2}(n\d+)(\[\(|\[\[|\(\[|\[\/|\{\{|\[)"([^"]*)"(\)\]|\]\]|\]\)|\/\]|\}\}|\])$/.exec(l);
      const edge = /^ {2}(n\d+) --> (n\d+)$/.exec(l);
      const cls = /^ {2}(classDef \w+ .+|class (n\d+,)*n\d+ \w+)$/.exec(l);
      expect(node ?? edge ?? cls, l).toBeTruthy();
      if (node) {
        expect(nodes.has(node[1]!), `duplicate ${node[1]}`).toBe(false);
        nodes.set(node[1]!, `${node[2]}${node[3]}`);
      }
      if (edge) edges.push([edge[1]!, edge[2]!]);
    }
    for (const [from, to] of edges) expect(nodes.has(from) && nodes.has(to), `${from} --> ${to}`).toBe(true);
    const labels = [...nodes.values()];
    expect(labels.filter((l) => l.startsWith('([')).map((l) => l.slice(2))).toEqual(runs.map((x) => x.bundle));
    // points@2026.12 is one node feeding two runs' first step; points@2026.11 feeds one.
    const ds = (v: string) => [...nodes].filter(([, l]) => l.startsWith(`[(points@${v}<br/>sha256:`)).map(([id]) => id);
    expect(ds('2026.12')).toHaveLength(1);
    expect(ds('2026.11')).toHaveLength(1);
    expect(edges.filter(([from]) => from === ds('2026.12')[0])).toHaveLength(2);
    expect(edges.filter(([from]) => from === ds('2026.11')[0])).toHaveLength(1);
    for (const run of runs) expect(labels.some((l) => (l.startsWith('{{') || l.startsWith('[')) && l.includes(`mse (test, epoch 30) = ${run.testMse}`))).toBe(true);

    // A query's answer draws only its runs.
    const q = await lineage(good, '--dataset', 'points@2026.11', '--repo', 'acme/models', ...trust(), '--format', 'mermaid');
    expect(q.stdout.match(/\(\["[^"]*"\]\)/g)).toEqual([`(["${byName('a').bundle}"])`]);
    expect(q.stdout).not.toContain('2026.12');
  });

  test('--format dot: a well-formed digraph with the same picture', async () => {
    const r = await lineage(good, '--metric', 'mse', '--repo', 'acme/models', ...trust(), '--format', 'dot');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['digraph lineage {', '  rankdir=LR;', '  node [fontname="Helvetica"];']);
    expect(lines.at(-1)).toBe('}');
    const ids = new Set<string>();
    const shapes: string[] = [];
    for (const l of lines.slice(3, -1)) {
      const node = /^ {2}(n\d+) \[shape=(\w+), label="((?:[^"\\]|\\.)*)"\];$/.exec(l);
      const edge = /^ {2}(n\d+) -> (n\d+);$/.exec(l);
      expect(node ?? edge, l).toBeTruthy();
      if (node) {
        ids.add(node[1]!);
        shapes.push(node[2]!);
      } else expect(ids.has(edge![1]!) && ids.has(edge![2]!), l).toBe(true); // nodes come first
    }
    expect(shapes.filter((s) => s === 'ellipse')).toHaveLength(3);
    expect(shapes.filter((s) => s === 'parallelogram')).toHaveLength(3);
    expect(r.stdout).toContain('label="points@2026.11\\nsha256:');
  });

  test('no query: one table row per run; json: the whole graph', async () => {
    const t = await lineage(good, '--repo', 'acme/models', ...trust());
    expect(t.code).toBe(0);
    const rows = t.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^run\s+datasets\s+steps\s+models\s+final metrics$/);
    expect(rows.slice(2).map((l) => runs.find((x) => l.startsWith(x.bundle))?.name)).toEqual(['a', 'b', 'c']);
    const j = await lineage(good, '--repo', 'acme/models', ...trust(), '--format', 'json');
    const { graph } = json<{ graph: { runs: unknown[]; models: { sha256: string }[]; datasets: { id: string; derived: boolean }[] } }>(j.stdout);
    expect(graph.runs).toHaveLength(3);
    expect(graph.models.map((m) => m.sha256)).toEqual(runs.map((x) => x.modelSha));
    expect(graph.datasets.filter((d) => !d.derived).map((d) => d.id)).toEqual(['points', 'points']);
  });

  test('a tampered bundle in the folder stops the command (exit 1) and names the file; --no-verify takes it', async () => {
    const r = await lineage(tamperedDir, '--metric', 'mse', '--repo', 'acme/models', ...trust());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^error: ${tamperedBundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not verify: .+ — .*--no-verify`, 'm'));
    noStack(r.stderr);

    const unverified = await lineage(tamperedDir, '--metric', 'mse', '--split', 'test', '--no-verify', '--format', 'json');
    expect(unverified.code).toBe(0);
    const values = json<{ answers: MetricAnswerJson[] }>(unverified.stdout).answers.map((a) => [a.lineage.run.source, a.metric.value]);
    expect(values).toContainEqual([tamperedBundle, 0.0001]);
  });

  test('a bundle whose payload is not a readable record is verified, not silently skipped', async () => {
    const dir = await mkdtemp(path.join(work, 'mixed-'));
    for (const r of runs) if (r.name !== 'b') await copyFile(r.bundle, path.join(dir, path.basename(r.bundle)));
    // A genuinely signed attestation of another kind (SLSA provenance) sits next to the records.
    const a = byName('a');
    await cli(a.ws, 'export', 'provenance.intoto.json', '--no-verify', '--format', 'slsa', '--out', 'slsa.intoto.json');
    const slsa = path.join(dir, 'slsa.sigstore.json');
    await cli(
      a.ws,
      'sign', 'slsa.intoto.json', '--out', slsa,
      '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!,
      '--identity-token', sigstore.mintToken(),
    );
    const ok = await lineage(dir, '--repo', 'acme/models', ...trust(), '--format', 'json');
    expect(ok.code).toBe(0);
    // SLSA provenance is the companion the action publishes beside a record: verified, then skipped quietly.
    expect(ok.stderr).not.toMatch(/warning/);
    expect(json<{ graph: { runs: unknown[] } }>(ok.stdout).graph.runs).toHaveLength(2);

    // Run b's bundle with a metric value changed to text: the payload no longer parses as a
    // record, and the signature no longer matches it. It must stop the command, not vanish.
    const b = json<{ dsseEnvelope: { payload: string } }>(await readFile(byName('b').bundle, 'utf8'));
    const st = payloadOf(b) as unknown as { predicate: { metrics: { value: unknown; split?: string }[] } };
    st.predicate.metrics.find((m) => m.split === 'test')!.value = 'excellent';
    b.dsseEnvelope.payload = Buffer.from(JSON.stringify(st)).toString('base64');
    const broken = path.join(dir, 'run-b.sigstore.json');
    await writeFile(broken, JSON.stringify(b));
    const r = await lineage(dir, '--metric', 'mse', '--repo', 'acme/models', ...trust());
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(new RegExp(`^error: ${esc(broken)} does not verify: .+ — `, 'm'));
    noStack(r.stderr);
    // Named on its own: the same verdict (it used to be a usage error about the schema).
    const alone = await lineage(broken, '--repo', 'acme/models', ...trust());
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(new RegExp(`^error: ${esc(broken)} does not verify: `, 'm'));
    // --no-verify: nothing to check, so it is skipped with the reason.
    const unverified = await lineage(dir, '--no-verify', '--format', 'json');
    expect(unverified.code).toBe(0);
    expect(unverified.stderr).toMatch(new RegExp(`^warning: skipping ${esc(broken)}: a Sigstore bundle, but not an ml-provenance training record \\(.+; not verified\\)$`, 'm'));
  });

  test('a bundle signed by another repository’s workflow is rejected under --repo', async () => {
    const r = await lineage(foreignDir, '--dataset', 'points', '--repo', 'acme/models', ...trust());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: ${foreignBundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not verify: identity: .*evil/fork.*expected acme/models`, 'm'));
    noStack(r.stderr);
    // The same bundle alone verifies for the repository that did sign it.
    const own = await lineage(foreignBundle, '--repo', 'evil/fork', ...trust(), '--format', 'json');
    expect(own.code).toBe(0);
  });

  test('no --repo (nor another identity): exit 2 with the documented fix, before any answer', async () => {
    const r = await lineage(good, '--metric', 'mse', ...trust());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .+ — pass --repo OWNER\/REPO/m);
    noStack(r.stderr);
  });

  test('a bare statement needs --no-verify', async () => {
    const st = path.join(byName('a').ws, 'provenance.intoto.json');
    const r = await lineage(st, '--repo', 'acme/models', ...trust());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*provenance\.intoto\.json is an unsigned statement.* — .*--no-verify/m);
    expect((await lineage(st, '--no-verify', '--format', 'json')).code).toBe(0);
  });
});

/**
 * GitHub serves a release asset's bytes by redirecting GET .../releases/assets/{id}
 * (Accept: application/octet-stream) to a signed blob URL on another host, which
 * rejects an Authorization header. The REST stand-in has no download route, so this
 * front adds one (with its own fault switch) and passes everything else through.
 */
interface AssetFront {
  url: string;
  downloads: { id: number; status: number }[];
  failNext(n: number, status?: number): void;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startAssetFront(gh: GitHubStandin): Promise<AssetFront> {
  const downloads: AssetFront['downloads'] = [];
  let failing = 0;
  let failStatus = 500;
  const asset = (id: number) => gh.releases.flatMap((r) => r.assets).find((a) => a.id === id);
  const blob = createServer((req, res) => {
    const id = Number(/^\/blob\/(\d+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname)?.[1]);
    const a = asset(id);
    if (req.headers.authorization) {
      res.writeHead(400, { 'content-type': 'application/xml' }).end('<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>');
    } else if (!a) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': a.data.length }).end(a.data);
  });
  const blobUrl = await listen(blob);
  const front = createServer((req, res) => {
    const m = /^\/repos\/[^/]+\/[^/]+\/releases\/assets\/(\d+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (req.method === 'GET' && m) {
      const id = Number(m[1]);
      const a = asset(id);
      const status = failing > 0 ? failStatus : !a ? 404 : /octet-stream/.test(String(req.headers.accept)) ? 302 : 200;
      downloads.push({ id, status });
      if (failing > 0) failing--;
      if (status === 302) res.writeHead(302, { location: `${blobUrl}/blob/${id}?sig=x` }).end();
      else if (status === 200) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, name: a!.name, size: a!.size }));
      else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: status === 404 ? 'Not Found' : 'Server Error' }));
      return;
    }
    const headers: IncomingHttpHeaders = { ...req.headers, host: new URL(gh.url).host };
    const up = request(`${gh.url}${req.url}`, { method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  const url = await listen(front);
  const close = (s: Server) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); });
  return {
    url,
    downloads,
    failNext: (n, status = 500) => {
      failing = n;
      failStatus = status;
    },
    close: async () => {
      await Promise.all([close(front), close(blob)]);
    },
  };
}

describe('lineage --repo OWNER/REPO --from-releases (GitHub REST stand-in)', () => {
  let gh: GitHubStandin;
  let front: AssetFront;
  let token: string;
  const env = () => ({ GITHUB_API_URL: front.url, GITHUB_TOKEN: token });
  const fromReleases = (...args: string[]) => runCliAsync(['lineage', '--from-releases', ...trust(), ...args], { cwd: work, env: env() });

  beforeAll(async () => {
    token = fakeGitHubToken();
    gh = await startGitHubStandin({ token });
    front = await startAssetFront(gh);
    const bytes = async (r: Run) => readFile(r.bundle);
    // Oldest first; the list is served newest first, so v1 lands on the second page of 100.
    gh.addRelease({ tag: 'v1', assets: [{ name: 'provenance.sigstore.json', data: await bytes(byName('a')) }, { name: 'model.json', data: '{}' }] });
    for (let i = 0; i < 101; i++) gh.addRelease({ tag: `nightly-${i}`, assets: i % 10 === 0 ? [{ name: 'notes.txt', data: 'n' }] : [] });
    gh.addRelease({ tag: 'v2', assets: [{ name: 'train.sigstore.json', data: await bytes(byName('b')) }] });
    gh.addRelease({ tag: 'v3', assets: [{ name: 'provenance.sigstore.json', data: await bytes(byName('c')) }] });
  });
  afterAll(async () => {
    await front?.close();
    await gh?.close();
  });

  const source = (tag: string, name = 'provenance.sigstore.json') => `acme/models@${tag}/${name}`;

  test('reads every page of releases, downloads only provenance assets, answers like the folder', async () => {
    const before = { lists: gh.received('release.list').length, downloads: front.downloads.length };
    const r = await fromReleases('--repo', 'acme/models', '--metric', 'mse', '--split', 'test', '--format', 'json');
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const { answers } = json<{ answers: MetricAnswerJson[] }>(r.stdout);
    expect(answers.map((a) => [a.lineage.run.source, a.metric.value, a.lineage.datasets.map((d) => d.version)])).toEqual([
      [source('v3'), byName('c').testMse, ['2026.12']],
      [source('v2', 'train.sigstore.json'), byName('b').testMse, ['2026.12']],
      [source('v1'), byName('a').testMse, ['2026.11']],
    ]);
    const lists = gh.received('release.list').slice(before.lists);
    expect(lists.map((q) => q.query.page ?? '1')).toEqual(['1', '2']);
    expect(lists.every((q) => q.query.per_page === '100')).toBe(true);
    // Three provenance assets downloaded, each once, through the redirect (the blob host saw no token).
    expect(front.downloads.slice(before.downloads).map((d) => d.status)).toEqual([302, 302, 302]);

    const ds = await fromReleases('--repo', 'acme/models', '--dataset', 'points@2026.12', '--format', 'json');
    expect(ds.code).toBe(0);
    expect(json<{ answers: DatasetAnswerJson[] }>(ds.stdout).answers.map((a) => [a.run.source, a.models[0]!.sha256])).toEqual([
      [source('v3'), byName('c').modelSha],
      [source('v2', 'train.sigstore.json'), byName('b').modelSha],
    ]);

    const model = await fromReleases('--repo', 'acme/models', '--model', path.join(byName('a').ws, 'model', 'model.json'));
    expect(model.code).toBe(0);
    expect(model.stdout).toContain(source('v1'));
    expect(model.stdout).toContain('points@2026.11');
  });

  test('a 500 on an asset download is retried and the answer is complete', async () => {
    const before = front.downloads.length;
    front.failNext(1, 500);
    const r = await fromReleases('--repo', 'acme/models', '--dataset', 'points', '--format', 'json');
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(json<{ answers: DatasetAnswerJson[] }>(r.stdout).answers.map((a) => a.run.source)).toEqual([source('v3'), source('v2', 'train.sigstore.json'), source('v1')]);
    const seen = front.downloads.slice(before);
    expect(seen.map((d) => d.status)).toEqual([500, 302, 302, 302]);
    expect(seen[0]!.id).toBe(seen[1]!.id);
  });

  test('a 500 on the release list is retried too', async () => {
    gh.fault({ route: 'release.list', status: 500 });
    const r = await fromReleases('--repo', 'acme/models', '--format', 'json');
    expect(r.code).toBe(0);
    expect(json<{ graph: { runs: unknown[] } }>(r.stdout).graph.runs).toHaveLength(3);
  });

  test('an asset that disappears between listing and download: exit 1, one error line naming it', async () => {
    front.failNext(1, 404);
    const r = await fromReleases('--repo', 'acme/models', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: downloading release asset acme\/models@v3\/provenance\.sigstore\.json failed: Not Found \(HTTP 404\) — the asset was deleted or replaced while reading; run again\n$/);
    noStack(r.stderr);
  });

  test('releases signed by another repository’s workflow are rejected', async () => {
    // The stand-in serves the same releases under any name: as evil/fork's they must not verify.
    const r = await fromReleases('--repo', 'evil/fork', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: evil\/fork@v3\/provenance\.sigstore\.json does not verify: identity: .*expected evil\/fork/m);
    noStack(r.stderr);
  });

  test('a tampered asset on a release stops the command, naming the release and asset', async () => {
    gh.addRelease({ tag: 'v4', assets: [{ name: 'provenance.sigstore.json', data: await readFile(tamperedBundle) }] });
    try {
      const r = await fromReleases('--repo', 'acme/models', '--metric', 'mse');
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 1, stdout: '' });
      expect(r.stderr).toMatch(/^error: acme\/models@v4\/provenance\.sigstore\.json does not verify: .+ — .*--no-verify/m);
      noStack(r.stderr);
    } finally {
      gh.releases.pop();
    }
  });

  test('usage errors exit 2: no --repo, no token, bad --repo', async () => {
    const noRepo = await fromReleases('--metric', 'mse');
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toMatch(/^error: --from-releases needs --repo OWNER\/REPO — add --repo OWNER\/REPO$/m);
    const noToken = await runCliAsync(['lineage', '--from-releases', '--repo', 'acme/models', ...trust()], { cwd: work, env: { GITHUB_API_URL: front.url } });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/^error: reading release assets needs a GitHub token — set GITHUB_TOKEN/m);
    const bad = await fromReleases('--repo', 'not a repo');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: .*--repo must be OWNER\/REPO.* — /m);
    for (const r of [noRepo, noToken, bad]) noStack(r.stderr);
  });
});

describe('lineage over many bundles: verification on worker threads and the verification cache', () => {
  // 72 files (24 copies of each of the three signed bundles): above the 64 at which
  // verification moves to worker threads. Each test has its own cache and key.
  const COPIES = 24;
  let many: string;
  let manyTampered: string;
  let twoTampered: string;
  const xdg = async (name: string) => {
    const base = path.join(work, `xdg-${name}`);
    return { XDG_CACHE_HOME: path.join(base, 'cache'), XDG_STATE_HOME: path.join(base, 'state') };
  };
  const entries = async (env: { XDG_CACHE_HOME: string }) =>
    (await readdir(path.join(env.XDG_CACHE_HOME, 'ml-provenance', 'verified-v1')).catch(() => [] as string[])).length;
  const query = (dir: string, env: NodeJS.ProcessEnv, ...extra: string[]) =>
    runCliAsync(['lineage', dir, '--metric', 'mse', '--split', 'test', '--repo', 'acme/models', ...trust(), '--format', 'json', ...extra], { cwd: work, env });

  beforeAll(async () => {
    many = path.join(work, 'many');
    manyTampered = path.join(work, 'many-tampered');
    twoTampered = path.join(work, 'many-two-tampered');
    await Promise.all([mkdir(many), mkdir(manyTampered), mkdir(twoTampered)]);
    for (let i = 0; i < COPIES * runs.length; i++) {
      const src = runs[i % runs.length]!.bundle;
      const name = `b${String(i).padStart(3, '0')}.sigstore.json`;
      await copyFile(src, path.join(many, name));
      await copyFile(i === 40 ? tamperedBundle : src, path.join(manyTampered, name));
      // Threads take batches of 16, two each to start: 31 ends the first thread's second batch,
      // 32 starts the second thread's first, so the later one is found first.
      await copyFile(i === 31 || i === 32 ? tamperedBundle : src, path.join(twoTampered, name));
    }
  });

  test('--jobs 2 verifies on two threads and answers exactly as one thread does', async () => {
    const env = await xdg('threads');
    const [two, one] = await Promise.all([query(many, env, '--jobs', '2', '--no-cache'), query(many, env, '--jobs', '1', '--no-cache')]);
    expect([two.code, one.code]).toEqual([0, 0]);
    expect(two.stderr).toMatch(/^verifying 72 bundles on 2 threads\.\.\.$/m);
    expect(one.stderr).toMatch(/^verifying 72 bundles\.\.\.$/m);
    expect(one.stderr).not.toMatch(/threads/);
    const answers = json<{ answers: MetricAnswerJson[] }>(two.stdout).answers;
    // 24 copies of one statement are one run (its id is the statement digest).
    expect(answers).toHaveLength(runs.length);
    expect(json<{ answers: MetricAnswerJson[] }>(one.stdout)).toEqual({ answers });
    expect(new Set(answers.map((a) => a.metric.value))).toEqual(new Set(runs.map((r) => r.testMse)));
    // --no-cache neither reads nor writes the cache.
    expect(await entries(env)).toBe(0);
  });

  test('a second run answers from the cache without verifying again; --no-cache verifies again', async () => {
    const env = await xdg('warm');
    const cold = await query(many, env);
    expect(cold.code).toBe(0);
    expect(cold.stderr).toMatch(/^verifying 72 bundles/m);
    expect(await entries(env)).toBe(3); // one entry per distinct bundle
    const warm = await query(many, env);
    expect(warm.code).toBe(0);
    expect(warm.stderr).not.toMatch(/verifying/);
    expect(warm.stdout).toBe(cold.stdout);
    const again = await query(many, env, '--no-cache');
    expect(again.stderr).toMatch(/^verifying 72 bundles/m);
    expect(again.stdout).toBe(cold.stdout);
    // The key is private to the user; the entries name nothing readable.
    const key = path.join(env.XDG_STATE_HOME, 'ml-provenance', 'verify-cache.key');
    expect((await stat(key)).mode & 0o777).toBe(0o600);
  });

  test('a tampered bundle among many still stops the command, naming it, however warm the cache', async () => {
    const env = await xdg('tampered');
    expect((await query(many, env)).code).toBe(0); // the good bundles are now cached
    for (const extra of [['--jobs', '2'], ['--jobs', '1']]) {
      const r = await query(manyTampered, env, ...extra);
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 1, stdout: '' });
      expect(r.stderr).toMatch(new RegExp(`^error: ${esc(path.join(manyTampered, 'b040.sigstore.json'))} does not verify: .+ — .*--no-verify`, 'm'));
      noStack(r.stderr);
    }
    expect(await entries(env)).toBe(3); // the tampered one was never cached
  });

  test('with two tampered bundles, the first in file order is the one reported, whichever thread finds which', async () => {
    const env = await xdg('two');
    for (let k = 0; k < 3; k++) {
      const r = await query(twoTampered, env, '--jobs', '2', '--no-cache');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^error: ${esc(path.join(twoTampered, 'b031.sigstore.json'))} does not verify`, 'm'));
      expect(r.stderr).not.toMatch(/b032/);
    }
  });

  test('cache entries count only for the identity they were made with, and only with their key (trust roots: test/unit/verify-cache.test.ts)', async () => {
    const env = await xdg('scope');
    expect((await query(many, env)).code).toBe(0);
    // Another repository: nothing cached for acme/models vouches for evil/fork.
    const other = await query(many, env, '--repo', 'evil/fork');
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/does not verify: identity: .*expected evil\/fork/);
    // A cache directory without its key (restored from elsewhere): every bundle is verified again.
    await rm(path.join(env.XDG_STATE_HOME, 'ml-provenance', 'verify-cache.key'));
    const rekeyed = await query(many, env);
    expect(rekeyed.code).toBe(0);
    expect(rekeyed.stderr).toMatch(/^verifying 72 bundles/m);
    expect(await entries(env)).toBe(6);
  });

  test('--jobs below 1 is a usage error', async () => {
    const r = await query(many, await xdg('jobs'), '--jobs', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --jobs must be at least 1, got 0 — /m);
    noStack(r.stderr);
  });
});
