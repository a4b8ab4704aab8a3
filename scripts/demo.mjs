// `npm run demo`: the whole flow on examples/tiny-regression, offline, no account.
// Signing uses the local Sigstore stand-in (Fulcio, Rekor, TSA, OIDC on 127.0.0.1)
// that the tests use; `verify` checks against the trusted root it writes.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// DEMO_DIR: run on a copy (the tests do), instead of in examples/tiny-regression.
const example = process.env.DEMO_DIR ? path.resolve(process.env.DEMO_DIR) : path.join(root, 'examples', 'tiny-regression');
if (process.env.DEMO_DIR) await cp(path.join(root, 'examples', 'tiny-regression'), example, { recursive: true });
const out = path.join(example, 'out');
const cli = path.join(root, 'dist', 'cli.js');

function step(title) {
  process.stdout.write(`\n\x1b[1m▶ ${title}\x1b[0m\n`);
}

// Asynchronous on purpose: the Sigstore stand-in serves from this same process.
async function sh(cmd, args, { env = {}, expect = 0, quiet = false } = {}) {
  const shown = [cmd === process.execPath ? 'node' : cmd, ...args.map((a) => (a === cli ? 'dist/cli.js' : a))];
  process.stdout.write(`$ ${shown.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}\n`);
  const child = spawn(cmd, args, { cwd: example, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  const status = await new Promise((resolve) => child.on('close', resolve));
  const res = { status, stdout, stderr };
  if (!quiet) {
    if (res.stdout) process.stdout.write(res.stdout);
    if (res.stderr) process.stdout.write(res.stderr);
  }
  if (expect !== null && res.status !== expect) {
    console.error(`demo: expected exit ${expect} from ${cmd} ${args.join(' ')}, got ${res.status}`);
    process.exit(1);
  }
  return res;
}
const mlp = (args, opts) => sh(process.execPath, [cli, ...args], opts);

// Start clean so the log holds only this run.
await rm(path.join(example, '.ml-provenance'), { recursive: true, force: true });
await rm(path.join(example, 'model'), { recursive: true, force: true });
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

// The record names the source commit; outside a git checkout (a copy, a tarball) make one.
if ((await sh('git', ['rev-parse', '--is-inside-work-tree'], { expect: null, quiet: true })).status !== 0) {
  const id = ['-c', 'user.name=ml-provenance demo', '-c', 'user.email=demo@example.com'];
  await sh('git', ['init', '-q', '-b', 'main']);
  await sh('git', [...id, 'add', '-A']);
  await sh('git', [...id, 'commit', '-qm', 'tiny-regression example']);
}

step('1. Training records what only it knows (CLI and direct JSON lines)');
await mlp(['record', 'dataset', '--id', 'points', '--uri', 'https://example.com/datasets/points', '--version', '2026.11', '--path', 'data/points.csv', '--license', 'CC-BY-4.0', '--split', 'train=0.8', '--split', 'test=0.2', '--seed', '42']);
await sh('python3', ['train.py']);

step('2. Build the in-toto statement (build checks the standard policy), then validate it against the strict one');
await mlp(['build', '--subject', 'model/model.json', '--config', 'config/train.yaml', '--image', `ghcr.io/example-org/train:1.0@sha256:${'ab'.repeat(32)}`, '--out', 'out/provenance.intoto.json']);
await mlp(['validate', 'out/provenance.intoto.json', '--policy', 'strict'], { expect: 0 });

step('3. Start the local Sigstore stand-in (Fulcio, Rekor, TSA, OIDC on 127.0.0.1)');
const cacheDir = path.join(root, 'node_modules', '.cache', 'ml-provenance');
await mkdir(cacheDir, { recursive: true });
const standinFile = path.join(cacheDir, 'sigstore-standin.mjs');
await build({
  entryPoints: [path.join(root, 'test', 'standins', 'sigstore.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: standinFile,
  logLevel: 'warning',
});
const sourceFile = path.join(cacheDir, 'verify-source.mjs');
await build({ entryPoints: [path.join(root, 'src', 'verify', 'source.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: sourceFile, logLevel: 'warning' });
const { startSigstoreStandin } = await import(pathToFileURL(standinFile).href);
const { gitRepoOf } = await import(pathToFileURL(sourceFile).href);
// The stand-in signs as the run that built the record, as GitHub's OIDC token would say it:
// the record names the commit and, in a clone of this project from GitHub, that repository
// (its origin), and verify's source check holds the signer to both. Without a GitHub origin
// (a copy, a tarball) the run is example-org/tiny-regression's.
const source = JSON.parse(await readFile(path.join(out, 'provenance.intoto.json'), 'utf8')).predicate.buildDefinition.resolvedDependencies[0];
const origin = gitRepoOf(source.uri);
const REPO = origin?.host === 'github.com' ? origin.repo.slice('https://github.com/'.length) : 'example-org/tiny-regression';
const REF = origin?.ref ?? 'refs/heads/main';
const standin = await startSigstoreStandin({
  dir: out,
  claims: {
    repository: REPO,
    repository_owner: REPO.split('/')[0],
    workflow_ref: `${REPO}/.github/workflows/train.yml@${REF}`,
    job_workflow_ref: `${REPO}/.github/workflows/train.yml@${REF}`,
    ref: REF,
    sha: source.digest.gitCommit,
  },
});
console.log(`signing as a run of ${REPO} at ${source.digest.gitCommit.slice(0, 12)} (${REF})`);
console.log(`fulcio ${standin.fulcioURL}  rekor ${standin.rekorURL}  tsa ${standin.tsaURL}`);
try {
  step('4. Sign keylessly: OIDC token → Fulcio certificate → DSSE → Rekor entry → Sigstore bundle');
  const token = standin.mintToken();
  await mlp(
    ['sign', 'out/provenance.intoto.json', '--out', 'out/provenance.sigstore.json', '--instance', 'custom', '--fulcio-url', standin.fulcioURL, '--rekor-url', standin.rekorURL, ...(standin.tsaURL ? ['--tsa-url', standin.tsaURL] : [])],
    { env: { SIGSTORE_ID_TOKEN: token } },
  );

  step('5. Verify as a release consumer: signature, log, identity, file digests, policy');
  const verifyArgs = ['verify', 'model/model.json', '--bundle', 'out/provenance.sigstore.json', '--custom-trusted-root', path.relative(example, standin.trustedRootPath), '--repo', REPO, '--signer-workflow', `${REPO}/.github/workflows/train.yml`, '--policy', 'strict', '--offline'];
  await mlp(verifyArgs);

  step('6. The readable summary (job summary / PR comment body)');
  const summary = await mlp(['summary', 'out/provenance.sigstore.json', '--format', 'markdown'], { quiet: true });
  await writeFile(path.join(out, 'provenance.md'), summary.stdout);
  process.stdout.write(summary.stdout.split('\n').slice(0, 40).join('\n') + '\n… (the whole text: out/provenance.md)\n');

  step('7. Lineage: which dataset version produced the test mse?');
  await mlp(['lineage', 'out/provenance.sigstore.json', '--metric', 'mse', '--split', 'test', '--custom-trusted-root', path.relative(example, standin.trustedRootPath), '--repo', REPO, '--offline']);

  step('8. The provenance store: ingest the verified bundle once, then ask it the same question (no re-verification)');
  const storeTrust = ['--custom-trusted-root', path.relative(example, standin.trustedRootPath), '--repo', REPO, '--offline'];
  await mlp(['store', 'ingest', 'out/provenance.sigstore.json', '--store', 'out/store.db', ...storeTrust]);
  await mlp(['lineage', '--store', 'out/store.db', '--metric', 'mse', '--split', 'test']);

  step('9. Tampering is caught: add one byte to the model and verify again (this must fail)');
  const model = path.join(example, 'model', 'model.json');
  const original = await readFile(model);
  await writeFile(model, Buffer.concat([original, Buffer.from(' ')]));
  await mlp(verifyArgs, { expect: 1 });
  await writeFile(model, original);
  console.log('→ exit 1, as it should: the changed model is refused (the FAILED and error lines above are expected); model/model.json is restored');
} finally {
  await standin.close();
}
console.log(`\n✅ demo complete: ${path.relative(process.cwd(), out)}/ holds provenance.intoto.json, provenance.sigstore.json, provenance.md, trusted_root.json and store.db`);
