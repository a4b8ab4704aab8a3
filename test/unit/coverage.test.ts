import { createHash, createHmac } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { containerIdFromMountinfo, detectImage, parseContainerenv } from '../../src/capture/container.js';
import { captureHardware, parseNvidiaQuery, parseRocmSmi } from '../../src/capture/hardware.js';
import { capturePython, parseLockfile, parseRequirements } from '../../src/capture/python.js';
import { datasetConflicts, metricConflicts, stepConflicts } from '../../src/record/conflicts.js';
import { evaluatePolicy, resolvePolicy } from '../../src/policy/index.js';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { PSEUDONYM_RE, findPseudonyms, pseudonymKey, pseudonymize, reveal } from '../../src/statement/pseudonymize.js';
import { minimalStatement } from './statement-fixture.js';
import { canonicalJson } from '../../src/util/canonical.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'mlp-cov-'));

describe('conflicts between sources', () => {
  it('a file: path as written (older record dataset, a manifest) and as a URI are one uri, not a conflict; two paths are', () => {
    const c = datasetConflicts([
      { source: 'datasets manifest', datasets: [{ id: 'd', uri: 'file:data/my file.csv', path: 'data/my file.csv' }, { id: 'e', uri: 'file:a b.csv' }] },
      { source: 'records log', datasets: [{ id: 'd', uri: 'file:data/my%20file.csv', path: 'data/my file.csv' }, { id: 'e', uri: 'file:a%20c.csv' }] },
    ]);
    expect(c).toEqual([{ kind: 'dataset', id: 'e', field: 'uri', values: [{ source: 'datasets manifest', value: 'file:a%20b.csv' }, { source: 'records log', value: 'file:a%20c.csv' }] }]);
  });

  it('a field two sources set differently is a conflict naming both; completing a field is not', () => {
    const c = datasetConflicts([
      { source: 'datasets manifest', datasets: [{ id: 'd', uri: 's3://b/d', digest: `sha256:${'a'.repeat(64)}` }] },
      { source: 'records log', datasets: [{ id: 'd', uri: 's3://b/d', version: '2' }, { id: 'd', digest: `sha256:${'b'.repeat(64)}` }] },
    ]);
    expect(c).toEqual([
      {
        kind: 'dataset',
        id: 'd',
        field: 'digest',
        values: [
          { source: 'datasets manifest', value: `sha256:${'a'.repeat(64)}` },
          { source: 'records log (entry 2)', value: `sha256:${'b'.repeat(64)}` },
        ],
      },
    ]);
  });

  it('steps: same name with another library version or parameter value; metrics: same key, other value', () => {
    expect(stepConflicts([{ name: 'tok', library: 'hf', version: '1', parameters: { max_len: 512 } }, { name: 'tok', library: 'hf', version: '1', parameters: { max_len: 256 } }])).toEqual([
      expect.objectContaining({ kind: 'step', id: 'tok', field: 'parameters.max_len' }),
    ]);
    expect(stepConflicts([{ name: 'a' }, { name: 'a' }])).toEqual([]);
    const m = metricConflicts([
      { source: 'records log', metrics: [{ name: 'acc', value: 0.9, split: 'test' }] },
      { source: 'metrics file', metrics: [{ name: 'acc', value: 0.8, split: 'test' }, { name: 'acc', value: 0.7 }] },
    ]);
    expect(m).toEqual([{ kind: 'metric', id: 'acc, split test', field: 'value', values: [{ source: 'records log', value: 0.9 }, { source: 'metrics file', value: 0.8 }] }]);
  });

  it('the policy decides: a warning under standard, an error under strict', async () => {
    const st = minimalStatement();
    st.predicate.conflicts = [{ kind: 'dataset', id: 'd', field: 'version', values: [{ source: 'a', value: '1' }, { source: 'b', value: '2' }] }];
    expect(TrainingStatement.safeParse(st).success).toBe(true);
    const std = evaluatePolicy(st, await resolvePolicy('standard')).findings.filter((f) => f.rule === 'conflicts');
    expect(std.map((f) => f.severity)).toEqual(['warning']);
    expect(std[0]!.message).toMatch(/a says "1", b says "2"/);
    const strict = evaluatePolicy(st, await resolvePolicy('strict'));
    expect(strict.missing).toContain('conflicts[0]');
  });
});

describe('coverage policy rules', () => {
  it('failed quality checks, synthetic data without version/seed, license changes, purpose', async () => {
    const st = minimalStatement();
    st.predicate.datasets[0] = {
      ...st.predicate.datasets[0]!,
      license: 'CC-BY-4.0',
      quality: { rows: 10, checks: [{ name: 'no_nulls', passed: false, detail: '3 nulls' }] },
      synthetic: { generator: 'gpt-x' },
      licenseHistory: [{ version: '1', license: 'CC-BY-NC-4.0' }],
    };
    expect(TrainingStatement.safeParse(st).success).toBe(true);
    const strict = evaluatePolicy(st, await resolvePolicy('strict'));
    const byRule = (r: string) => strict.findings.filter((f) => f.rule === r);
    expect(byRule('quality.failedChecks')[0]).toMatchObject({ severity: 'error', field: 'datasets[0].quality.checks[0]' });
    expect(byRule('synthetic.require.version')[0]!.fix).toMatch(/--synthetic-generator NAME@VERSION/);
    expect(byRule('synthetic.require.seed')).toHaveLength(1);
    expect(byRule('licenseChanges')[0]).toMatchObject({ severity: 'warning' });
    expect(byRule('purpose')[0]!.fix).toMatch(/record run --purpose/);
    const std = evaluatePolicy(st, await resolvePolicy('standard'));
    expect(std.findings.find((f) => f.rule === 'quality.failedChecks')?.severity).toBe('warning');
    expect(std.findings.some((f) => f.rule.startsWith('synthetic'))).toBe(false);
  });
});

describe('Python environment capture', () => {
  it('reads the lockfile formats of uv, poetry, pipenv, pip and conda', () => {
    expect(parseLockfile('uv.lock', 'version = 1\n[[package]]\nname = "Torch"\nversion = "2.4.0"\n[[package]]\nname = "numpy"\nversion = "2.1.0"\n')).toEqual({ torch: '2.4.0', numpy: '2.1.0' });
    expect(parseLockfile('poetry.lock', '[[package]]\nname = "scikit_learn"\nversion = "1.5.2"\n')).toEqual({ 'scikit-learn': '1.5.2' });
    expect(parseLockfile('Pipfile.lock', JSON.stringify({ _meta: {}, default: { requests: { version: '==2.32.3' } }, develop: { pytest: { version: '==8.3.0' } } }))).toEqual({
      requests: '2.32.3',
      pytest: '8.3.0',
    });
    expect(parseLockfile('environment.yml', 'name: t\ndependencies:\n  - python=3.11\n  - conda-forge::numpy=1.26.4=py311h\n  - pip:\n    - torch==2.4.0\n')).toEqual({
      python: '3.11',
      numpy: '1.26.4',
      torch: '2.4.0',
    });
  });

  it('requirements: pins, ranges, extras; never the index URL or a direct URL that may carry a token', () => {
    const r = parseRequirements('--extra-index-url https://u:s3cr3t@pkgs.example/simple\ntorch[cuda]==2.4.0 ; python_version>"3"\nnumpy >= 1.26, <3\n# c\nprivate @ git+https://tok3n@github.com/a/b\n');
    expect(r).toEqual({ torch: '2.4.0', numpy: '>=1.26,<3', private: '@ git+https' });
    expect(JSON.stringify(r)).not.toMatch(/s3cr3t|tok3n/);
  });

  it('auto finds a lockfile at the workspace root and records its digest; none captures nothing', async () => {
    const ws = tmp();
    writeFileSync(path.join(ws, 'requirements-train.txt'), 'torch==2.4.0\n');
    const py = await capturePython('auto', ws);
    expect(py).toMatchObject({ source: 'requirements.txt', file: { name: 'requirements-train.txt' }, packages: { torch: '2.4.0' } });
    expect(py!.file!.digest.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(await capturePython('none', ws)).toBeUndefined();
    await expect(capturePython('../outside.txt', ws)).rejects.toThrow(/outside the workspace/);
  });

  it('pip:PYTHON runs pip freeze of that interpreter (a fake interpreter on PATH, as pip documents its output)', async () => {
    const bin = tmp();
    const fake = path.join(bin, 'python-fake');
    writeFileSync(fake, '#!/bin/sh\nif [ "$1" = "-c" ]; then echo 3.11.7; else printf "numpy==2.1.0\\ntorch==2.4.0\\n"; fi\n');
    chmodSync(fake, 0o755);
    const py = await capturePython(`pip:${fake}`, tmp());
    expect(py).toMatchObject({ source: 'pip freeze', interpreter: fake, version: '3.11.7', packages: { numpy: '2.1.0', torch: '2.4.0' } });
    await expect(capturePython('pip:/nonexistent/python', tmp())).rejects.toThrow(/was not found/);
  });

  it('pip:python3 against the machine\'s real interpreter and pip: its version and `pip freeze` read as pip prints them', async () => {
    const py = await capturePython('pip:python3', tmp());
    expect(py).toMatchObject({ source: 'pip freeze', version: expect.stringMatching(/^3\.\d+\.\d+$/) });
    // Every name is PEP 503-normalised, every value a version or a spec, never a URL with a host.
    for (const [name, v] of Object.entries(py!.packages)) {
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(v).not.toMatch(/:\/\//);
    }
  });
});

describe('hardware capture', () => {
  it('parses nvidia-smi --query-gpu CSV and rocm-smi JSON as their tools print them', () => {
    expect(parseNvidiaQuery('NVIDIA A100-SXM4-80GB, 535.104.05, 81920\nNVIDIA A100-SXM4-80GB, 535.104.05, 81920\n')).toEqual([
      { name: 'NVIDIA A100-SXM4-80GB', driver: '535.104.05', memoryMiB: 81920 },
      { name: 'NVIDIA A100-SXM4-80GB', driver: '535.104.05', memoryMiB: 81920 },
    ]);
    expect(parseRocmSmi('{"card0": {"Card series": "AMD Instinct MI300X"}, "system": {"Driver version": "6.7.0"}}')).toEqual([{ name: 'AMD Instinct MI300X', driver: '6.7.0' }]);
    expect(parseRocmSmi('not json')).toEqual([]);
  });

  it('CPU and memory always, GPUs and CUDA from nvidia-smi when it is on PATH, each with its source', async () => {
    const none = await captureHardware({ PATH: tmp() });
    expect(none.cpu?.cores).toBe(os.cpus().length);
    expect(none.memoryBytes).toBe(os.totalmem());
    expect(none.sources).toEqual(['node:os']);
    expect(none.gpus).toBeUndefined();
    const bin = tmp();
    writeFileSync(
      path.join(bin, 'nvidia-smi'),
      '#!/bin/sh\nif [ "$1" = "-q" ]; then printf "Driver Version                            : 550.54.15\\nCUDA Version                              : 12.4\\n"; else echo "NVIDIA H100 80GB HBM3, 550.54.15, 81559"; fi\n',
    );
    chmodSync(path.join(bin, 'nvidia-smi'), 0o755);
    const hw = await captureHardware({ PATH: bin });
    expect(hw.gpus).toEqual([{ name: 'NVIDIA H100 80GB HBM3', driver: '550.54.15', memoryMiB: 81559, cuda: '12.4' }]);
    expect(hw.sources).toEqual(['node:os', 'nvidia-smi']);
  });

  it('a hanging nvidia-smi is cut off and does not fail the capture', async () => {
    const bin = tmp();
    writeFileSync(path.join(bin, 'nvidia-smi'), '#!/bin/sh\nexec /bin/sleep 30\n');
    chmodSync(path.join(bin, 'nvidia-smi'), 0o755);
    const hw = await captureHardware({ PATH: bin });
    expect(hw.gpus).toBeUndefined();
  }, 20_000);
});

describe('container image detection', () => {
  const servers: http.Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  /** Docker Engine API stand-in on a unix socket: the two endpoints the detector calls, as Docker documents them. */
  async function dockerApi(): Promise<string> {
    const sock = path.join(tmp(), 'docker.sock');
    const imageId = `sha256:${'c'.repeat(64)}`;
    const server = http.createServer((req, res) => {
      if (req.url === '/containers/job-1/json') {
        res.end(JSON.stringify({ Id: 'job-1', Image: imageId, Config: { Image: 'ghcr.io/acme/train:1.2' } }));
      } else if (req.url === `/images/${encodeURIComponent(imageId)}/json`) {
        res.end(JSON.stringify({ Id: imageId, RepoDigests: [`docker.io/library/other@sha256:${'e'.repeat(64)}`, `ghcr.io/acme/train@sha256:${'d'.repeat(64)}`] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(sock, r));
    return sock;
  }

  it('inside a Docker container (a GitHub job container has the socket): the registry digest of the image it was started from', async () => {
    const sock = await dockerApi();
    const img = await detectImage({ env: { DOCKER_HOST: `unix://${sock}`, ML_PROVENANCE_CONTAINER_ID: 'job-1' }, containerenv: '/nonexistent' });
    expect(img).toEqual({ reference: `ghcr.io/acme/train:1.2@sha256:${'d'.repeat(64)}`, source: 'docker API (container inspect)', imageId: `sha256:${'c'.repeat(64)}` });
    expect(await detectImage({ env: { DOCKER_HOST: `unix://${sock}`, ML_PROVENANCE_CONTAINER_ID: 'unknown' }, containerenv: '/nonexistent', dockerenv: '/nonexistent', mountinfo: '/nonexistent' })).toBeUndefined();
  });

  it('Podman: /run/.containerenv; the container id from mountinfo; nothing when not in a container', async () => {
    const f = path.join(tmp(), 'containerenv');
    writeFileSync(f, 'engine="podman-4.9.3"\nname="train"\nid="abc"\nimage="quay.io/acme/train:2"\nimageid="' + 'f'.repeat(64) + '"\nrootless=1\n');
    expect(parseContainerenv('image="a:b"\n')).toEqual({ image: 'a:b' });
    expect(await detectImage({ env: {}, containerenv: f })).toEqual({ reference: 'quay.io/acme/train:2', source: 'podman /run/.containerenv', imageId: 'f'.repeat(64) });
    const id = 'a'.repeat(64);
    expect(containerIdFromMountinfo(`612 590 254:1 /var/lib/docker/containers/${id}/hostname /etc/hostname rw,relatime - ext4 /dev/vda1 rw\n`)).toBe(id);
    expect(await detectImage({ env: {}, containerenv: '/nonexistent' })).toBeUndefined();
  });
});

describe('schemas', () => {
  it('every new field is in the predicate schema and strict about unknown keys', () => {
    const st = minimalStatement();
    st.predicate.experiment = { purpose: 'p', flags: { ab: 'b' } };
    st.predicate.environment.cluster = { nodes: 2, acceleratorsPerNode: 8, strategy: 'fsdp' };
    st.predicate.datasets[0] = { ...st.predicate.datasets[0]!, source: { repository: 'r', access: 'restricted' }, sampling: { strategy: 'stratified', by: 'label' } };
    expect(TrainingStatement.safeParse(st).success).toBe(true);
    (st.predicate.datasets[0] as Record<string, unknown>).source = { access: 'secret-ish' };
    expect(TrainingStatement.safeParse(st).success).toBe(false);
  });
});


describe('keyed pseudonymisation', () => {
  const key = pseudonymKey('0123456789abcdef0123456789abcdef', 'test');

  it('replaces named fields by HMAC pseudonyms, equal values stay equal, and reveal maps them back with the key', () => {
    const st = minimalStatement();
    st.predicate.datasets.push({ id: 'b', uri: 's3://private/cohort-7' }, { id: 'c', uri: 's3://private/cohort-7' });
    st.predicate.buildDefinition.externalParameters.hyperparameters = { cohort_id: 4711, lr: 0.1 };
    const { predicate, pointers } = pseudonymize(st.predicate, ['datasets.*.uri', 'buildDefinition.externalParameters.hyperparameters.cohort_id'], key);
    expect(pointers).toEqual(['#/buildDefinition/externalParameters/hyperparameters/cohort_id', '#/datasets/0/uri', '#/datasets/1/uri', '#/datasets/2/uri']);
    expect(predicate.datasets[1]!.uri).toMatch(PSEUDONYM_RE);
    expect(predicate.datasets[1]!.uri).toBe(predicate.datasets[2]!.uri);
    expect(predicate.buildDefinition.externalParameters.hyperparameters.lr).toBe(0.1);
    expect(JSON.stringify(predicate)).not.toMatch(/cohort-7|4711/);
    // The published HMAC-SHA256 of the value under the key: any implementation can check it.
    expect(predicate.datasets[1]!.uri).toBe(`pseud:${key.id}:${createHmac('sha256', key.bytes).update('s3://private/cohort-7').digest('hex')}`);
    expect(reveal(predicate.datasets[1]!.uri, ['s3://x', 's3://private/cohort-7'], key)).toBe('s3://private/cohort-7');
    expect(reveal(predicate.datasets[1]!.uri, ['s3://x'], key)).toBeUndefined();
    expect(reveal(predicate.datasets[1]!.uri, ['s3://private/cohort-7'], pseudonymKey('another key of 32 characters....', 't'))).toBeUndefined();
    // Idempotent: a pseudonym is not pseudonymised again.
    expect(pseudonymize(predicate, ['datasets.*.uri'], key).predicate).toEqual(predicate);
    expect(findPseudonyms(predicate).map((f) => f.pointer)).toEqual(pointers);
  });

  it('the same value kept elsewhere is pseudonymised too (a path beside its file: uri, an id a step names, a config path as a key); reveal restores each', () => {
    const st = minimalStatement();
    const p = st.predicate;
    p.datasets[0] = { ...p.datasets[0]!, id: 'cohort-7', name: 'cohort-7', uri: 'file:data/cohort%207.csv', annotations: { path: 'data/cohort 7.csv', kind: 'file' } };
    p.steps.push({ name: 'split', inputs: ['cohort-7'], outputs: ['train'] });
    p.metrics.push({ name: 'acc', value: 0.9, split: 'train' });
    const content = { db: { password: '[REDACTED]' }, rows: 'data/cohort 7.csv', epochs: 3 };
    p.configFiles.push({ name: 'configs/cohort-7.yaml', uri: 'file:configs/cohort-7.yaml', digest: { sha256: '3'.repeat(64) }, format: 'yaml', redacted: ['/db/password'], contentDigest: '4'.repeat(64), content });
    p.buildDefinition.externalParameters.config = { 'configs/cohort-7.yaml': content };
    p.redactions = ['configs/cohort-7.yaml#/db/password'];
    const { predicate, pointers } = pseudonymize(p, ['datasets.*.uri', 'datasets.*.id', 'configFiles.*.uri'], key);
    const text = JSON.stringify(predicate);
    expect(text).not.toMatch(/cohort[ -%]7/);
    const cfg = `#/buildDefinition/externalParameters/config/${Object.keys(predicate.buildDefinition.externalParameters.config)[0]}`;
    expect(cfg).toMatch(/\/config\/pseud:[a-f0-9]{8}:[a-f0-9]{64}$/);
    expect(pointers).toEqual([
      cfg,
      `${cfg}/rows`,
      '#/configFiles/0/content/rows',
      '#/configFiles/0/name',
      '#/configFiles/0/uri',
      '#/datasets/0/annotations/path',
      '#/datasets/0/id',
      '#/datasets/0/name',
      '#/datasets/0/uri',
      '#/redactions/0',
      '#/steps/0/inputs/0',
    ].sort());
    // Equal values, equal pseudonyms: the step still names the dataset; other values are kept.
    expect(predicate.steps[0]!.inputs![0]).toBe(predicate.datasets[0]!.id);
    expect(predicate.steps[0]!.outputs).toEqual(['train']);
    expect(predicate.metrics[0]!.split).toBe('train');
    expect(predicate.configFiles[0]!.content).toMatchObject({ epochs: 3, db: { password: '[REDACTED]' } });
    expect(predicate.redactions[0]).toMatch(/^pseud:[a-f0-9]{8}:[a-f0-9]{64}#\/db\/password$/);
    // The content digest is over the content as recorded, not over the clear path.
    expect(predicate.configFiles[0]!.contentDigest).toBe(createHash('sha256').update(canonicalJson(predicate.configFiles[0]!.content)).digest('hex'));
    expect(TrainingStatement.safeParse({ ...st, predicate }).success).toBe(true);
    // One candidate per value, in either form, reveals every copy.
    const found = findPseudonyms(predicate).map((f) => [f.pointer.replace(/pseud:[a-f0-9:]+/, 'pseud…'), reveal(f.pseudonym, ['cohort-7', 'file:data/cohort%207.csv', 'configs/cohort-7.yaml'], key)]);
    expect(Object.fromEntries(found)).toEqual({
      '#/buildDefinition/externalParameters/config/pseud…': 'configs/cohort-7.yaml',
      '#/buildDefinition/externalParameters/config/pseud…/rows': 'data/cohort 7.csv',
      '#/configFiles/0/content/rows': 'data/cohort 7.csv',
      '#/configFiles/0/name': 'configs/cohort-7.yaml',
      '#/configFiles/0/uri': 'file:configs/cohort-7.yaml',
      '#/datasets/0/annotations/path': 'data/cohort 7.csv',
      '#/datasets/0/id': 'cohort-7',
      '#/datasets/0/name': 'cohort-7',
      '#/datasets/0/uri': 'file:data/cohort%207.csv',
      '#/redactions/0': 'configs/cohort-7.yaml',
      '#/steps/0/inputs/0': 'cohort-7',
    });
  });

  it('refuses short keys and malformed field paths', () => {
    expect(() => pseudonymKey('short', 'env')).toThrow(/shorter than 16 bytes/);
    expect(() => pseudonymize(minimalStatement().predicate, ['datasets..uri'], key)).toThrow(/not a dotted path/);
  });
});

describe('diff covers the new fields', () => {
  it('purpose, flags, access, quality checks, synthetic generator and sampling changes are reported', async () => {
    const { diffStatements, renderDiffText } = await import('../../src/lineage/diff.js');
    const a = minimalStatement();
    const b = minimalStatement();
    a.predicate.experiment = { purpose: 'baseline', flags: { new_loss: false } };
    b.predicate.experiment = { purpose: 'try new loss', flags: { new_loss: true } };
    a.predicate.datasets[0] = { ...a.predicate.datasets[0]!, source: { access: 'internal' }, quality: { checks: [{ name: 'nulls', passed: true }] } };
    b.predicate.datasets[0] = { ...b.predicate.datasets[0]!, source: { access: 'restricted' }, quality: { checks: [{ name: 'nulls', passed: false }] }, synthetic: { generator: 'gen', version: '2' } };
    const d = diffStatements(a, b);
    expect(d.identical).toBe(false);
    expect(d.purpose).toEqual({ before: 'baseline', after: 'try new loss' });
    expect(d.flags.changed).toEqual([{ key: 'new_loss', before: false, after: true }]);
    expect(d.datasets.changed[0]!.fields).toEqual(['access', 'checks', 'synthetic']);
    const text = renderDiffText(d);
    expect(text).toMatch(/access: restricted; checks: 0\/1 passed \(failed: nulls\); synthetic: gen@2/);
    expect(text).toMatch(/purpose\s+baseline\s+try new loss/);
  });
});
