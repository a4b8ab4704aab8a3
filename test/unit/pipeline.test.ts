// The pure parts of pipeline replay: the order of the steps, the refusal of cycles, and
// the fetch commands for remote inputs, each as a person would type them.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { fetchInstructions, parseInputOverrides, pipelineOrder, producedByPipeline, unreplayableSteps } from '../../src/lineage/pipeline.js';
import { dataset, makeStatement } from '../fixtures/statements.js';

const withPaths = (...ids: string[]) => ids.map((id) => ({ ...dataset(id, '1'), uri: `file:data/${id}`, annotations: { path: `data/${id}` } }));

describe('pipelineOrder', () => {
  it('a step that reads what another wrote runs after it, whatever the record order; ties keep the record order', () => {
    const st = makeStatement({
      datasets: withPaths('raw', 'clean', 'feats', 'other'),
      steps: [
        { name: 'train', inputs: ['feats'], command: ['python3', 'train.py'] },
        { name: 'featurize', inputs: ['clean'], outputs: ['feats'], command: ['python3', 'feat.py'] },
        { name: 'lint', command: ['true'] },
        { name: 'clean', inputs: ['raw'], outputs: ['clean'], command: ['python3', 'clean.py'] },
        { name: 'notes' },
      ],
    });
    expect(pipelineOrder(st).map((p) => p.step.name)).toEqual(['lint', 'clean', 'featurize', 'train']);
    expect([...producedByPipeline(st, pipelineOrder(st))]).toEqual([
      ['clean@1', 'clean'],
      ['feats@1', 'featurize'],
    ]);
  });

  it('steps that read each other in a cycle are refused, naming them', () => {
    const st = makeStatement({
      datasets: withPaths('a', 'b'),
      steps: [
        { name: 'one', inputs: ['b'], outputs: ['a'], command: ['x'] },
        { name: 'two', inputs: ['a'], outputs: ['b'], command: ['y'] },
      ],
    });
    expect(() => pipelineOrder(st)).toThrow(InputError);
    expect(() => pipelineOrder(st)).toThrow(/the recorded steps one, two read each other's outputs in a cycle/);
  });

  it('no step with a command: no pipeline (the run command is replayed)', () => {
    const st = makeStatement({ steps: [{ name: 'prep' }] });
    expect(pipelineOrder(st)).toEqual([]);
    expect(unreplayableSteps(st, pipelineOrder(st))).toEqual([]);
  });

  it('a step reading, under its own id, the file another step wrote runs after it', () => {
    const st = makeStatement({
      datasets: [...withPaths('raw', 'feats'), { ...dataset('train-input', '1'), uri: 'file:data/./feats', annotations: { path: 'data/./feats' } }],
      steps: [
        { name: 'train', inputs: ['train-input'], command: ['python3', 'train.py'] },
        { name: 'prep', inputs: ['raw'], outputs: ['feats'], command: ['python3', 'prep.py'] },
      ],
    });
    expect(pipelineOrder(st).map((p) => p.step.name)).toEqual(['prep', 'train']);
  });

  it('steps without a command, beside steps with one, are listed as not replayable', () => {
    const st = makeStatement({
      datasets: withPaths('raw', 'clean'),
      steps: [
        { name: 'label-by-hand', outputs: ['raw'] },
        { name: 'clean', inputs: ['raw'], outputs: ['clean'], command: ['sh', 'clean.sh'] },
      ],
    });
    expect(unreplayableSteps(st, pipelineOrder(st)).map((s) => s.name)).toEqual(['label-by-hand']);
  });
});

describe('fetchInstructions', () => {
  const d = (uri: string, digest = true) => ({ ...dataset('ds', '1'), uri, ...(digest ? {} : { digest: undefined }) });
  it.each([
    ['s3://bucket/prefix/', 'aws s3 cp --recursive s3://bucket/prefix/ ./ds'],
    ['gs://bucket/prefix/', 'gcloud storage cp -r gs://bucket/prefix/ ./ds'],
    ['hf://datasets/org/name@abc', 'hf download org/name --repo-type dataset --revision 1 --local-dir ./ds'],
    ['https://huggingface.co/datasets/org/name/tree/abc', 'hf download org/name --repo-type dataset --revision 1 --local-dir ./ds'],
    ['https://example.com/data.csv', "curl -fL -o ./ds 'https://example.com/data.csv'"],
  ])('%s', (uri, cmd) => {
    const text = fetchInstructions(d(uri));
    expect(text.startsWith(cmd)).toBe(true);
    expect(text).toContain('then pass --input ds=./ds so replay checks its sha256');
  });
  it('an S3 object with a version: aws s3 cp has no --version-id, so the s3api form is given for an S3 version id', () => {
    const text = fetchInstructions(d('s3://bucket/path/to/data.parquet'));
    expect(text).toMatch(/^aws s3 cp s3:\/\/bucket\/path\/to\/data\.parquet \.\/ds +\(if 1 is the object's S3 version id: aws s3api get-object --bucket bucket --key path\/to\/data\.parquet --version-id 1 \.\/ds\)/);
    expect(text).not.toMatch(/aws s3 cp [^(]*--version-id/);
  });
  it('a GCS object with a version: the generation form is offered, a prefix is copied recursively', () => {
    expect(fetchInstructions(d('gs://bucket/obj.csv'))).toMatch(/^gcloud storage cp gs:\/\/bucket\/obj\.csv \.\/ds +\(if 1 is the object's generation: gcloud storage cp gs:\/\/bucket\/obj\.csv#1 \.\/ds\)/);
  });
  it('a Hugging Face dataset without an org, or one file of it', () => {
    expect(fetchInstructions(d('hf://datasets/squad@abc'))).toMatch(/^hf download squad --repo-type dataset --revision 1 --local-dir \.\/ds/);
    expect(fetchInstructions(d('https://huggingface.co/datasets/org/name/tree/abc/data/train.csv'))).toMatch(
      /^hf download org\/name data\/train\.csv --repo-type dataset --revision 1 --local-dir \.\/ds/,
    );
    expect(fetchInstructions(d('https://huggingface.co/datasets/squad/tree/abc'))).toMatch(/^hf download squad --repo-type dataset --revision 1 /);
  });
  it('without a recorded digest it says the copy cannot be checked', () => {
    expect(fetchInstructions(d('s3://b/k', false))).toContain('(no digest recorded: it cannot be checked)');
  });
});

describe('parseInputOverrides', () => {
  const st = makeStatement({ datasets: withPaths('raw') });
  it('maps ID (or ID@VERSION) to the path given', () => {
    expect([...parseInputOverrides(['raw=/tmp/raw.csv'], st)]).toEqual([['raw@1', '/tmp/raw.csv']]);
    expect([...parseInputOverrides(['raw@1=x'], st)]).toEqual([['raw@1', 'x']]);
  });
  it('refuses a malformed pair or an unknown id without echoing it', () => {
    expect(() => parseInputOverrides(['s3cr3t-no-equals'], st)).toThrow(/--input takes ID=PATH/);
    expect(() => parseInputOverrides(['s3cr3t-no-equals'], st)).not.toThrow(/s3cr3t/);
    expect(() => parseInputOverrides(['nope=x'], st)).toThrow(/--input names a dataset the record does not have/);
    try {
      parseInputOverrides(['nope=x'], st);
    } catch (err) {
      expect((err as InputError).fix).toBe('use one of: raw@1');
    }
  });
});
