import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { copyExample, runAction, runCli, train } from '../helpers/run.js';

// dist/index.js run as the runner runs it; signing and publishing are covered in
// the sign/publish end-to-end tests, here they are off so no service is needed.
const OFF = { sign: 'false', 'upload-artifact': 'false', comment: 'false' };

describe('action (dist/index.js): record, policy, outputs, annotations', () => {
  let ws: string;
  beforeAll(() => {
    ws = copyExample({ git: true });
    train(ws);
  });

  it('a complete record sets outputs, writes the statement and the job summary', () => {
    const r = runAction({ ...OFF, 'subject-path': 'model/model.json', datasets: 'datasets.yaml', config: 'config/train.yaml' }, { workspace: ws });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.complete).toBe('true');
    expect(r.outputs.missing).toBe('');
    expect(r.outputs['statement-digest']).toMatch(/^sha256:[a-f0-9]{64}$/);
    const st = TrainingStatement.parse(JSON.parse(readFileSync(r.outputs['statement-path']!, 'utf8')));
    expect(st.predicate.buildDefinition.buildType).toBe('https://ml-provenance.dev/training-record/github-actions/v1');
    expect(st.predicate.buildDefinition.externalParameters.workflow).toEqual({
      ref: 'refs/heads/main',
      repository: 'https://github.com/example-org/tiny-regression',
      path: '.github/workflows/train.yml',
    });
    expect(st.predicate.runDetails.metadata.invocationId).toBe('https://github.com/example-org/tiny-regression/actions/runs/42/attempts/1');
    expect(st.predicate.buildDefinition.resolvedDependencies[0]).toEqual({
      uri: 'git+https://github.com/example-org/tiny-regression@refs/heads/main',
      digest: { gitCommit: 'a'.repeat(40) },
      name: 'source',
    });
    expect(st.predicate.environment.runner).toEqual({ os: 'Linux', arch: 'X64', environment: 'github-hosted' });
    expect(r.summary).toContain('## ML provenance · train / train\n');
    expect(r.summary).toContain('**✅ Complete** under policy `standard`');
    expect(r.summary).toContain('not signed: `sign: false`');
    expect(readFileSync(r.outputs['summary-path']!, 'utf8')).toBe(r.summary.trimEnd() + '\n');
    expect(r.summary + readFileSync(r.outputs['statement-path']!, 'utf8')).not.toMatch(/hunter2|wandb-demo-0000/);
  });

  it('an incomplete record fails the step with one annotation per finding and the missing output', () => {
    const r = runAction({ ...OFF, 'subject-path': 'model/model.json', datasets: 'datasets.yaml', policy: 'strict' }, { workspace: ws });
    expect(r.code).toBe(1);
    expect(r.outputs.complete).toBe('false');
    expect(r.outputs.missing).toBe('image,configFiles');
    expect(r.annotations).toEqual([
      expect.stringMatching(/^::error title=ml-provenance%3A image::image: no container image was recorded — pass the training image/),
      expect.stringMatching(/^::error title=ml-provenance%3A configFiles::configFiles: no config file was recorded/),
      expect.stringMatching(/^::error title=ml-provenance%3A record incomplete::the provenance record is incomplete under policy "strict"/),
    ]);
    expect(r.summary).toContain('**❌ Incomplete** under policy `strict`: 2 problems');
    expect(r.summary).toContain('not signed: the record is incomplete');
    expect(r.outputs['statement-path']).toBeUndefined();
  });

  it('bad input: exit 2, one annotation naming the input and the file, no stack trace', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ 'subject-path': 'model/model.json', sign: 'maybe' }, /input sign must be true or false \(its text is not shown, in case it is a credential: 5 characters\)/],
      [{}, /neither subject-path nor datasets was given/],
      [{ 'subject-path': 'model/model.json', datasets: '- id: x\n  uri: [oops\n' }, /datasets input:\d+ is not valid YAML/],
      [{ 'subject-path': 'model/model.json', image: 'ghcr.io/a/b@sha256:nothex' }, /image digest \(after "@"\) is not sha256:/],
      [{ 'subject-path': 'model/*.safetensors' }, /"model\/\*\.safetensors" matched no files/],
      [{ 'subject-path': 'model/model.json', policy: 'policy.yaml' }, /policy "policy\.yaml" is neither a built-in policy nor an existing file/],
    ];
    for (const [inputs, re] of cases) {
      const r = runAction({ ...OFF, ...inputs }, { workspace: ws });
      expect(r.code, JSON.stringify(inputs) + r.stdout).toBe(2);
      expect(r.annotations, JSON.stringify(inputs)).toHaveLength(1);
      expect(r.annotations[0]).toMatch(/^::error title=ml-provenance/);
      expect(decodeURIComponent(r.annotations[0]!.replace(/%0A/g, ' '))).toMatch(re);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      // A policy that is no built-in and no file: no annotation on a file that does not exist.
      if (inputs.policy) expect(r.annotations[0]).not.toMatch(/file=/);
    }
  });

  it('a malformed config names the file and line in the annotation', () => {
    writeFileSync(path.join(ws, 'config', 'broken.yaml'), 'optimizer:\n  lr: [0.1\n  epochs: 3\n');
    const r = runAction({ ...OFF, 'subject-path': 'model/model.json', config: 'config/broken.yaml' }, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    expect(r.annotations[0]).toMatch(/^::error title=ml-provenance,file=config\/broken\.yaml,line=\d+::config\/broken\.yaml:\d+ is not valid YAML/);
    const missing = runAction({ ...OFF, 'subject-path': 'model/model.json', config: 'missing.toml' }, { workspace: ws });
    expect(missing.code).toBe(2);
    expect(missing.annotations[0]).toMatch(/config file not found: missing\.toml/);
    expect(existsSync(path.join(r.outputs['statement-path'] ?? '/nonexistent'))).toBe(false);
  });
  it('anonymize + pseudonym-key: named fields become keyed pseudonyms, the key is masked and never written; without a key the step fails with the fix', () => {
    const key = 'team-key-0123456789abcdef';
    const inputs = { ...OFF, 'subject-path': 'model/model.json', datasets: 'datasets.yaml', anonymize: 'datasets.*.uri\ndatasets.*.source.repository' };
    const missing = runAction(inputs, { workspace: ws });
    expect(missing.code).toBe(2);
    expect(decodeURIComponent(missing.annotations.join('\n'))).toMatch(/no key was given/);
    const r = runAction({ ...inputs, 'pseudonym-key': key }, { workspace: ws });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`::add-mask::${key}`);
    const text = readFileSync(r.outputs['statement-path']!, 'utf8');
    expect(text).not.toContain(key);
    expect(text).not.toContain('https://example.com/datasets/points');
    const st = JSON.parse(text);
    expect(st.predicate.datasets[0].uri).toMatch(/^pseud:[a-f0-9]{8}:[a-f0-9]{64}$/);
    expect(st.predicate.pseudonyms.fields).toEqual(['#/datasets/0/source/repository', '#/datasets/0/uri']);
    // The Python environment is captured by default: the example has no lockfile, so none.
    expect(st.predicate.environment.hardware.sources).toContain('node:os');
  });
  it('a value named in anonymize left in clear inside a longer param fails the step, nothing signed or written; the job summary names the place, not the value', () => {
    const fresh = copyExample({ git: true });
    train(fresh);
    expect(runCli(['record', 'param', 'note=mirror of https://example.com/datasets/points/v2'], { cwd: fresh }).code).toBe(0);
    const r = runAction({ ...OFF, 'subject-path': 'model/model.json', datasets: 'datasets.yaml', anonymize: 'datasets.*.uri', 'pseudonym-key': 'team-key-0123456789abcdef' }, { workspace: fresh });
    expect(r.code).toBe(1);
    const annotations = decodeURIComponent(r.annotations.join('\n'));
    expect(annotations).toContain('#/predicate/buildDefinition/externalParameters/hyperparameters/note: holds the dataset uri (a path) pseudonymised at #/predicate/datasets/0/uri in clear (inside a longer text)');
    expect(annotations).toMatch(/still holds values named in anonymize in clear at 1 place\(s\)/);
    expect(r.summary).toContain('/hyperparameters/note');
    expect(r.summary + annotations + r.stdout).not.toContain('example.com/datasets/points');
    expect(r.outputs.complete).toBe('false');
    expect(existsSync(path.join(fresh, 'provenance.intoto.json'))).toBe(false);
  });
});
