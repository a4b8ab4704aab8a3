// The secret corpus (test/fixtures/secrets.ts) and the credential corpus
// (test/corpora/credentials.ts, 115 provider formats) put everywhere a user can put
// them — config files (YAML, JSON, TOML by key, under innocent keys, through YAML
// aliases, in Kubernetes env lists, in shell blocks), hyperparameters, step
// parameters, environment libraries, dataset URIs and the manifest, the recorded
// command in every form, an MLflow run's params and a DVC stage's cmd, the image
// tag — then the built action and CLI run, signing against the local Sigstore
// stand-in. No secret may appear in the statement, the bundle (nor
// its base64 DSSE payload), what Rekor received, the summary, the job summary, the
// stdout/stderr log or GITHUB_OUTPUT.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { quote } from 'shell-quote';
import { stringify as toToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { CREDENTIALS, credentialLeaks } from '../corpora/credentials.js';
import { PLAIN_PASSWORDS, SECRETS, leaks } from '../fixtures/secrets.js';
import { type SigstoreStandin, startSigstoreStandin } from '../standins/sigstore.js';
import { CLI, cleanEnv, copyExample, execAsync, runActionAsync, train, type ActionRun, type Ran } from '../helpers/run.js';

/** Async child (the stand-in serves from this process, so spawnSync would deadlock). */
function exec(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Ran> {
  return execAsync(process.execPath, args, { cwd: opts.cwd, env: { ...cleanEnv(), ...opts.env } });
}

const cli = (ws: string, ...args: string[]) => exec([CLI, ...args], { cwd: ws });

/** Key names that are innocent, so only the value can give a secret away. */
const byValue = SECRETS.filter((s) => s.byValue);
const URL_ITEMS = SECRETS.filter((s) => /^[a-z]+:\/\//.test(s.value));

/** A config holding the whole corpus: by value under innocent keys, plain passwords under credential keys, a secret as a key. */
function corpusConfig(): Record<string, unknown> {
  return {
    training: { lr: 0.01, epochs: 3, use_auth: true },
    notes: Object.fromEntries(byValue.map((s) => [`note_${s.name}`, s.value])),
    list: byValue.map((s) => s.value),
    credentials: Object.fromEntries(PLAIN_PASSWORDS.map((p) => [p.key, p.value])),
    nested: { service: Object.fromEntries(PLAIN_PASSWORDS.map((p) => [p.key, p.value])) },
    keyed_by_secret: { [SECRETS[0]!.value]: 'prod', [SECRETS[3]!.value]: 'ci' },
  };
}

/** Everything a decoded bundle holds, including the base64 DSSE payload decoded. */
function bundleText(file: string): string {
  const raw = readFileSync(file, 'utf8');
  const b = JSON.parse(raw) as { dsseEnvelope?: { payload?: string } };
  return raw + '\n' + Buffer.from(b.dsseEnvelope?.payload ?? '', 'base64').toString('utf8');
}

/** Request bodies sent to the stand-in's Rekor, with any base64 inside decoded too. */
function rekorText(sig: SigstoreStandin): string {
  const bodies = sig.requests.filter((r) => r.service === 'rekor').map((r) => r.body);
  const decoded = bodies.flatMap((b) => [...b.matchAll(/"([A-Za-z0-9+/=]{40,})"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8')));
  return [...bodies, ...decoded].join('\n');
}

function expectNoLeak(where: string, text: string): void {
  expect(leaks(text), `${where} leaks`).toEqual([]);
  expect(credentialLeaks(text), `${where} leaks corpus credentials`).toEqual([]);
}

const kebab = (k: string) => k.toLowerCase().replace(/_/g, '-');
const byValueCreds = CREDENTIALS.filter((c) => c.detect === 'value');
const singleLine = CREDENTIALS.filter((c) => !c.value.includes('\n'));
const DIGEST = 'c'.repeat(64);
const TAG_TOKEN = CREDENTIALS.find((c) => c.name === 'github_ghp')!.value;
/** A token used as the image tag (redacted like a URI). */
const IMAGE = `ghcr.io/acme/train:${TAG_TOKEN}@sha256:${DIGEST}`;

/** The credential corpus written into config files at every config site. */
function plantCorpusConfigs(ws: string): string[] {
  const files: Record<string, string> = {
    'config/corpus-by-key.yaml': toYaml({ services: Object.fromEntries(CREDENTIALS.map((c) => [c.name, { [c.key]: c.value }])) }),
    'config/corpus-by-key.json': JSON.stringify({ services: Object.fromEntries(CREDENTIALS.map((c) => [c.name, { [c.key]: c.value }])) }, null, 2),
    'config/corpus-by-key.toml': toToml({ services: Object.fromEntries(CREDENTIALS.map((c) => [c.name, { [c.key]: c.value }])) }),
    'config/corpus-innocent.yaml': toYaml({ notes: Object.fromEntries(byValueCreds.map((c) => [`note_${c.name}`, c.value])), list: byValueCreds.map((c) => c.value) }),
    'config/corpus-alias.yaml': [
      'secrets:',
      ...CREDENTIALS.map((c, i) => `  ${c.name}: {${JSON.stringify(c.key)}: &a${i} ${JSON.stringify(c.value)}}`),
      'run:',
      ...CREDENTIALS.map((_, i) => `  copy_${i}: *a${i}`),
      '',
    ].join('\n'),
    'config/corpus-k8s.yaml': toYaml({ spec: { containers: [{ name: 'train', env: [{ name: 'LR', value: '0.1' }, ...CREDENTIALS.map((c) => ({ name: c.key, value: c.value }))] }] } }),
    'config/corpus-shell.yaml': toYaml({
      jobs: { train: { steps: CREDENTIALS.map((c) => ({ run: `export ${c.key.replace(/-/g, '_')}=${quote([c.value])}\npython train.py --epochs 3\n` })) } },
    }),
  };
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(ws, f), text);
  return Object.keys(files);
}

/** An MLflow run folder and a DVC project holding the corpus in params and command strings. */
function plantBridges(ws: string): void {
  const run = path.join(ws, 'mlruns', '0', 'r1');
  mkdirSync(path.join(run, 'params'), { recursive: true });
  mkdirSync(path.join(run, 'metrics'), { recursive: true });
  writeFileSync(path.join(run, 'meta.yaml'), 'run_id: r1\nrun_name: corpus-run\nstatus: 3\nexperiment_id: "0"\n');
  writeFileSync(path.join(run, 'metrics', 'loss'), '1767225600000 0.5 1\n');
  for (const c of CREDENTIALS) writeFileSync(path.join(run, 'params', `${c.name}.${c.key}`), c.value);
  writeFileSync(path.join(run, 'params', 'command'), singleLine.slice(0, 40).map((c) => `--${kebab(c.key)} ${quote([c.value])}`).join(' '));
  const dvc = path.join(ws, 'dvcproj');
  mkdirSync(dvc, { recursive: true });
  writeFileSync(
    path.join(dvc, 'dvc.lock'),
    toYaml({
      schema: '2.0',
      stages: Object.fromEntries(
        singleLine.map((c, i) => [
          `stage${i}`,
          {
            cmd: i % 2 ? `python train.py --${kebab(c.key)} ${quote([c.value])}` : `bash -c ${quote([`python train.py ${c.key.replace(/-/g, '_')}=${quote([c.value])}`])}`,
            params: { 'params.yaml': { [`${c.name}.${c.key}`]: c.value } },
          },
        ]),
      ),
    }),
  );
}

let sig: SigstoreStandin;
let ws: string;
let corpusConfigs: string[];

beforeAll(async () => {
  sig = await startSigstoreStandin();
  ws = copyExample({ git: true });
  train(ws);

  // Config files in the three formats.
  const cfg = corpusConfig();
  writeFileSync(path.join(ws, 'config', 'secrets.yaml'), toYaml(cfg));
  writeFileSync(path.join(ws, 'config', 'secrets.json'), JSON.stringify(cfg, null, 2));
  writeFileSync(path.join(ws, 'config', 'secrets.toml'), toToml(cfg));

  // What training code records: hyperparameters, a step, datasets at secret-bearing URIs, the command.
  const rec = async (...args: string[]) => {
    const r = await cli(ws, 'record', ...args);
    if (r.code !== 0) throw new Error(`record ${args.join(' ')}: ${r.stderr}`);
    expectNoLeak(`record ${args[0]} output`, r.stdout + r.stderr);
  };
  await rec('param', ...byValue.map((s) => `note_${s.name}=${s.value}`), ...PLAIN_PASSWORDS.map((p) => `${p.key}=${p.value}`));
  await rec('step', '--name', 'fetch', '--library', 'requests@2.32.0', '--input', 'points', '--output', 'points-fetched', ...byValue.slice(0, 8).map((s) => `--param=url_${s.name}=${s.value}`), ...PLAIN_PASSWORDS.map((p) => `--param=${p.key}=${p.value}`));
  for (const [i, s] of URL_ITEMS.entries()) {
    await rec('dataset', '--id', `remote-${i}`, '--uri', s.value, '--version', '1', '--digest', `sha256:${String(i).repeat(64).slice(0, 64)}`);
  }
  await rec('command', '--', 'python3', 'train.py', '--api-key', SECRETS.find((s) => s.name === 'openai')!.value, `--password=${PLAIN_PASSWORDS[0]!.value}`, `--hf=${SECRETS.find((s) => s.name === 'huggingface')!.value}`);

  // The credential corpus: config files, then what training code records, in every form.
  corpusConfigs = plantCorpusConfigs(ws);
  plantBridges(ws);
  await rec('param', ...CREDENTIALS.map((c) => `${c.name}.${c.key}=${c.value}`), ...byValueCreds.map((c) => `note_${c.name}=${c.value}`));
  await rec('step', '--name', 'corpus-step', '--input', 'points', ...CREDENTIALS.map((c) => `--param=${c.name}.${c.key}=${c.value}`));
  await rec('env', ...byValueCreds.filter((c) => !/\s/.test(c.value)).flatMap((c, i) => ['--library', `lib${i}=${c.value}`]));
  // Dataset URIs: the URL-shaped credentials one by one, the others inside a query string (the manifest below has them all).
  const uris = byValueCreds.filter((x) => /^[a-z][a-z0-9+.-]*:/.test(x.value)).map((c) => c.value);
  uris.push(`https://data.example.com/export?${byValueCreds.filter((x) => !x.value.includes('\n') && !/^[a-z][a-z0-9+.-]*:/.test(x.value)).map((c, i) => `n${i}=${c.value}`).join('&')}`);
  for (const [i, uri] of uris.entries()) await rec('dataset', '--id', `corpus-${i}`, '--uri', uri, '--version', '1', '--digest', `sha256:${DIGEST}`);
  await rec(
    'command', '--', 'python3', 'train.py',
    ...singleLine.flatMap((c, i) => (i % 4 === 0 ? [`--${kebab(c.key)}`, c.value] : i % 4 === 1 ? [`--${kebab(c.key)}=${c.value}`] : i % 4 === 2 ? [`trainer.${c.key.toLowerCase().replace(/-/g, '_')}=${c.value}`] : [`${c.key.replace(/-/g, '_')}=${c.value}`])),
    'bash', '-c', singleLine.slice(0, 30).map((c) => `python x.py --${kebab(c.key)} ${quote([c.value])}`).join(' && '),
  );
  // A datasets manifest with credentials in URIs, versions and names.
  writeFileSync(
    path.join(ws, 'corpus-datasets.yaml'),
    toYaml([
      { id: 'points', uri: 'https://example.com/datasets/points', path: 'data/points.csv', version: '2026.11', license: 'CC-BY-4.0' },
      ...byValueCreds.filter((c) => !c.value.includes('\n')).map((c, i) => ({ id: `manifest-${i}`, uri: /^[a-z][a-z0-9+.-]*:/.test(c.value) ? c.value : `s3://bucket/${i}`, version: /^[a-z][a-z0-9+.-]*:/.test(c.value) ? '1' : c.value, digest: `sha256:${DIGEST}` })),
    ]),
  );
}, 240_000);

afterAll(async () => {
  await sig?.close();
});

describe('secrets never reach any output', () => {
  it('the corpus is in the inputs (the test would otherwise prove nothing)', () => {
    const inputs = ['config/secrets.yaml', 'config/secrets.json', 'config/secrets.toml', '.ml-provenance/records.jsonl'].map((f) => readFileSync(path.join(ws, f), 'utf8')).join('\n');
    expect(leaks(inputs).length).toBe(SECRETS.length + PLAIN_PASSWORDS.length);
    const corpus = [...corpusConfigs, '.ml-provenance/records.jsonl', 'dvcproj/dvc.lock'].map((f) => readFileSync(path.join(ws, f), 'utf8')).join('\n');
    expect(credentialLeaks(corpus).length).toBe(CREDENTIALS.length);
  });

  describe('action (dist/index.js), signed against the Sigstore stand-in', () => {
    let r: ActionRun;
    beforeAll(async () => {
      r = await runActionAsync(
        {
          'subject-path': 'model/model.json',
          datasets: 'datasets.yaml',
          config: ['config/train.yaml', 'config/secrets.yaml', 'config/secrets.json', 'config/secrets.toml', ...corpusConfigs].join('\n'),
          image: IMAGE,
          'mlflow-run': 'mlruns/0/r1',
          dvc: 'dvcproj',
          sigstore: 'custom',
          'fulcio-url': sig.fulcioURL,
          'rekor-url': sig.rekorURL,
          'tsa-url': sig.tsaURL ?? '',
          'upload-artifact': 'false',
          comment: 'false',
          'github-token': 'ghs_secrets_test_token_not_real',
        },
        {
          workspace: ws,
          event: { repository: { full_name: 'example-org/tiny-regression', private: false } },
          env: { GITHUB_RUN_ID: '7', ...sig.runnerEnv() },
        },
      );
    }, 180_000);

    it('succeeds, signs, and lists the redactions', () => {
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(existsSync(r.outputs['bundle-path']!)).toBe(true);
      const st = TrainingStatement.parse(JSON.parse(readFileSync(r.outputs['statement-path']!, 'utf8')));
      expect(st.predicate.redactions.filter((p) => p.startsWith('config/secrets.yaml#')).length).toBeGreaterThanOrEqual(byValue.length * 2 + PLAIN_PASSWORDS.length * 2 + 2);
      // Non-secret values survive.
      expect(st.predicate.buildDefinition.externalParameters.config['config/secrets.yaml']).toMatchObject({ training: { lr: 0.01, epochs: 3, use_auth: true } });
      expect(st.predicate.datasets.filter((d) => d.id.startsWith('remote-')).map((d) => d.uri)).toContain('postgres://trainer:[REDACTED]@db.internal.example:5432/runs');
    });

    it('no secret from config files or dataset URIs in the statement, bundle, Rekor, summaries, log or GITHUB_OUTPUT', () => {
      const st = readFileSync(r.outputs['statement-path']!, 'utf8');
      // Only the fields this test can fix today: config content and dataset URIs (recorded params are below).
      const p = (JSON.parse(st) as { predicate: Record<string, unknown> }).predicate;
      expectNoLeak('statement config', JSON.stringify([p.configFiles, (p.buildDefinition as { externalParameters: { config: unknown } }).externalParameters.config, p.redactions]));
      expectNoLeak('statement datasets', JSON.stringify(p.datasets));
      expectNoLeak('log', r.stdout + r.stderr);
      expectNoLeak('GITHUB_OUTPUT', r.outputText);
    });

    it('no secret at all — hyperparameters, step parameters and the command included — anywhere', () => {
      expectNoLeak('statement', readFileSync(r.outputs['statement-path']!, 'utf8'));
      expectNoLeak('bundle', bundleText(r.outputs['bundle-path']!));
      expectNoLeak('Rekor requests', rekorText(sig));
      expectNoLeak('provenance.md', readFileSync(r.outputs['summary-path']!, 'utf8'));
      expectNoLeak('job summary', r.summary);
      expectNoLeak('log', r.stdout + r.stderr);
      expectNoLeak('GITHUB_OUTPUT', r.outputText);
      // The job token appears once, in the command that tells the runner to mask it.
      const tokenLines = (r.stdout + r.stderr).split('\n').filter((l) => l.includes('ghs_secrets_test_token_not_real'));
      expect(tokenLines).toEqual(['::add-mask::ghs_secrets_test_token_not_real']);
    });
  });

  describe('CLI (dist/cli.js): build, summary, sign', () => {
    it('no secret in the statement, the summaries, the bundle or the output', async () => {
      const out = path.join(ws, 'cli-out');
      const b = await cli(
        ws, 'build', '--subject', 'model/model.json', '--datasets', 'corpus-datasets.yaml', '--config', 'config/secrets.yaml', '--config', 'config/secrets.json', '--config', 'config/secrets.toml',
        ...corpusConfigs.flatMap((f) => ['--config', f]), '--image', IMAGE, '--mlflow-run', 'mlruns/0/r1', '--dvc', 'dvcproj', '--out', 'cli-out/st.json',
      );
      expect(b.code, b.stderr).toBe(0);
      expectNoLeak('build output', b.stdout + b.stderr);
      expectNoLeak('statement', readFileSync(path.join(out, 'st.json'), 'utf8'));
      for (const format of ['markdown', 'text', 'json']) {
        const s = await cli(ws, 'summary', 'cli-out/st.json', '--format', format);
        expect(s.code, s.stderr).toBe(0);
        expectNoLeak(`summary --format ${format}`, s.stdout + s.stderr);
      }
      const signed = await cli(ws, 'sign', 'cli-out/st.json', '--out', 'cli-out/st.sigstore.json', '--fulcio-url', sig.fulcioURL, '--rekor-url', sig.rekorURL, '--tsa-url', sig.tsaURL ?? '', '--identity-token', sig.mintToken());
      expect(signed.code, signed.stderr).toBe(0);
      expectNoLeak('sign output', signed.stdout + signed.stderr);
      expectNoLeak('bundle', bundleText(path.join(out, 'st.sigstore.json')));
      expectNoLeak('Rekor requests', rekorText(sig));
    });

    it('what is not a credential survives: the image repository and digest, ordinary params, the command around the flags', async () => {
      const st = TrainingStatement.parse(JSON.parse(readFileSync(path.join(ws, 'cli-out', 'st.json'), 'utf8')));
      const p = st.predicate;
      expect(p.image?.reference).toBe(`ghcr.io/acme/train:[REDACTED]@sha256:${DIGEST}`);
      expect(p.buildDefinition.externalParameters.command?.slice(0, 2)).toEqual(['python3', 'train.py']);
      expect(p.redactions.some((r) => r.startsWith('#/steps/'))).toBe(true);
      expect(p.redactions.some((r) => r.startsWith('config/corpus-k8s.yaml#/spec/containers/0/env/'))).toBe(true);
      expect(JSON.stringify(p.buildDefinition.externalParameters.config['config/corpus-k8s.yaml'])).toContain('"name":"LR","value":"0.1"');
    });

    it('errors refusing a credential do not print it (record param/env/dataset, --image URL, broken MLflow/DVC/config files)', async () => {
      const gh = CREDENTIALS.find((c) => c.name === 'github_ghp')!.value;
      const pw = CREDENTIALS.find((c) => c.name === 'pgpassword')!.value;
      const hf = CREDENTIALS.find((c) => c.name === 'huggingface_token')!.value;
      mkdirSync(path.join(ws, 'bad', 'mlruns', '0', 'r9', 'metrics'), { recursive: true });
      writeFileSync(path.join(ws, 'bad', 'mlruns', '0', 'r9', 'meta.yaml'), `run_id: r9\ntags: {token: ${gh} x: y}\n`);
      mkdirSync(path.join(ws, 'bad', 'dvc'), { recursive: true });
      writeFileSync(path.join(ws, 'bad', 'dvc', 'dvc.lock'), `stages:\n  s:\n    cmd: python t.py --token ${hf} x: y\n`);
      writeFileSync(path.join(ws, 'bad', 'broken.yaml'), `password: ${pw} x: y\n`);
      writeFileSync(path.join(ws, 'bad', 'broken.json'), `{"password": ${pw}}`);
      const runs: string[][] = [
        ['record', 'param', gh],
        ['record', 'step', '--name', 's', '--param', hf],
        ['record', 'env', '--library', hf],
        ['record', 'dataset', '--id', 'x', '--uri', 'https://example.com/x', '--seed', pw],
        ['record', 'metric', '--name', 'acc', '--value', gh],
        ['build', '--subject', 'model/model.json', '--image', `https://ci:${pw}@registry.example.com/acme/train:1.0`],
        ['build', '--subject', 'model/model.json', '--mlflow-run', 'bad/mlruns/0/r9'],
        ['build', '--subject', 'model/model.json', '--dvc', 'bad/dvc'],
        ['build', '--subject', 'model/model.json', '--config', 'bad/broken.yaml'],
        ['build', '--subject', 'model/model.json', '--config', 'bad/broken.json'],
      ];
      for (const args of runs) {
        const r = await cli(ws, ...args);
        expect(r.code, `${args.slice(0, 2).join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr, args.slice(0, 2).join(' ')).toMatch(/^error: /);
        for (const secret of [gh, pw, hf]) expect(r.stdout + r.stderr, `${args.join(' ').slice(0, 60)} echoes a credential`).not.toContain(secret);
      }
    });

    it('build output and the config part of the statement are clean today', async () => {
      const b = await cli(ws, 'build', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--config', 'config/secrets.yaml', '--config', 'config/secrets.json', '--config', 'config/secrets.toml', '--out', 'cli-out/st2.json', '--json');
      expect(b.code, b.stderr).toBe(0);
      expectNoLeak('build output', b.stdout + b.stderr);
      const p = (JSON.parse(readFileSync(path.join(ws, 'cli-out', 'st2.json'), 'utf8')) as { predicate: { configFiles: unknown; datasets: unknown } }).predicate;
      expectNoLeak('config files', JSON.stringify(p.configFiles));
      expectNoLeak('datasets', JSON.stringify(p.datasets));
    });
  });
});
