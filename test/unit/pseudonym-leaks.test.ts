import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { distinctiveFolders, distinctiveText, leakForms, pseudonymLeaks } from '../../src/statement/pseudonym-leaks.js';
import { findPseudonyms, pseudonymKey, pseudonymize, reveal } from '../../src/statement/pseudonymize.js';
import { minimalStatement } from './statement-fixture.js';

const key = pseudonymKey('0123456789abcdef0123456789abcdef', 'test');
const PATH = 'data/cohort-7-patients/rows.csv';
const hmac = (v: string) => `pseud:${key.id}:${createHmac('sha256', key.bytes).update(v, 'utf8').digest('hex')}`;

function withCohort() {
  const st = minimalStatement();
  st.predicate.datasets[0] = { ...st.predicate.datasets[0]!, uri: `file:${PATH}`, annotations: { path: PATH } };
  return st;
}

describe('joined --flag=VALUE / KEY=VALUE words', () => {
  it('the value part is pseudonymised, the flag kept; findPseudonyms lists it and reveal restores it', () => {
    const st = withCohort();
    st.predicate.steps.push({ name: 'fit', command: ['python3', 'train.py', `--data=${PATH}`, '--epochs=3', `--other=x${PATH}`] });
    st.predicate.buildDefinition.externalParameters.command = ['python3', 'train.py', `data_path=${PATH}`];
    const { predicate, pointers, hidden } = pseudonymize(st.predicate, ['datasets.*.uri'], key);
    expect(predicate.steps[0]!.command).toEqual(['python3', 'train.py', `--data=${hmac(PATH)}`, '--epochs=3', `--other=x${PATH}`]);
    expect(predicate.buildDefinition.externalParameters.command).toEqual(['python3', 'train.py', `data_path=${hmac(PATH)}`]);
    expect(pointers).toEqual(expect.arrayContaining(['#/steps/0/command/2', '#/buildDefinition/externalParameters/command/2']));
    expect(pointers).not.toContain('#/steps/0/command/4');
    expect(TrainingStatement.safeParse({ ...st, predicate }).success).toBe(true);
    const at = Object.fromEntries(findPseudonyms(predicate).map((f) => [f.pointer, reveal(f.pseudonym, [PATH], key)]));
    expect(at['#/steps/0/command/2']).toBe(PATH);
    expect(at['#/buildDefinition/externalParameters/command/2']).toBe(PATH);
    expect(hidden).toEqual([{ value: `file:${PATH}`, from: '#/datasets/0/uri' }]);
  });
});

describe('pseudonymLeaks: the safety net after pseudonymisation', () => {
  it('finds a hidden value inside longer strings and a distinctive folder of it, at each pointer, never a common folder', () => {
    const st = withCohort();
    st.predicate.steps.push({ name: 'fit', command: ['sh', '-c', `python train.py --data ${PATH} --seed 1`] });
    st.predicate.buildDefinition.externalParameters.hyperparameters = {
      data_dir: 'data/cohort-7-patients',
      files: `${PATH},data/other.csv`,
      encoded: 'see file:data/cohort-7-patients/rows.csv',
      root: 'data',
      near: 'data/cohort-7-patients0',
    };
    const p = pseudonymize(st.predicate, ['datasets.*.uri'], key);
    const leaks = pseudonymLeaks(p.predicate, p.hidden);
    expect(leaks).toEqual([
      { pointer: '#/buildDefinition/externalParameters/hyperparameters/data_dir', from: '#/datasets/0/uri', kind: 'folder', whole: true, shape: 'path' },
      { pointer: '#/buildDefinition/externalParameters/hyperparameters/encoded', from: '#/datasets/0/uri', kind: 'value', whole: false, shape: 'path' },
      { pointer: '#/buildDefinition/externalParameters/hyperparameters/files', from: '#/datasets/0/uri', kind: 'value', whole: false, shape: 'path' },
      { pointer: '#/steps/0/command/2', from: '#/datasets/0/uri', kind: 'value', whole: false, shape: 'path' },
    ]);
    // The check itself: every clear text of the value is gone from the places it did not report.
    const reported = new Set(leaks.map((l) => l.pointer));
    const rest = JSON.stringify({ ...p.predicate, steps: [], buildDefinition: { ...p.predicate.buildDefinition, externalParameters: {} } });
    expect(rest).not.toContain('cohort-7');
    expect(reported.size).toBe(4);
  });

  it('percent-encoded and decoded forms of a uri; a short number inside a name, a digest or a longer number is no leak', () => {
    const st = minimalStatement();
    st.predicate.datasets[0] = { ...st.predicate.datasets[0]!, uri: 's3://bucket/private/cohort%207/rows.csv' };
    st.predicate.buildDefinition.externalParameters.hyperparameters = { cohort_id: 4711, a: 'cohort_4711', b: 'ab4711cd', c: '47110', d: 's3://bucket/private/cohort 7/rows.csv', e: 's3://bucket/private/other' };
    const p = pseudonymize(st.predicate, ['datasets.*.uri', 'buildDefinition.externalParameters.hyperparameters.cohort_id'], key);
    const leaks = pseudonymLeaks(p.predicate, p.hidden).map((l) => [l.pointer.split('/').pop(), l.kind]);
    expect(leaks).toEqual([['d', 'value']]);
  });

  it('a subject named after the hidden folder, and a config key, are found too', () => {
    const st = withCohort();
    st.subject = [{ name: 'models/data/cohort-7-patients/model.bin', digest: { sha256: 'a'.repeat(64) } }];
    st.predicate.buildDefinition.externalParameters.config = { 'configs/data/cohort-7-patients/rows.csv.yaml': {} };
    const p = pseudonymize(st.predicate, ['datasets.*.uri'], key);
    expect(pseudonymLeaks({ ...st, predicate: p.predicate }, p.hidden).map((l) => l.pointer)).toEqual([
      '#/predicate/buildDefinition/externalParameters/config/configs~1data~1cohort-7-patients~1rows.csv.yaml',
      '#/subject/0/name',
    ]);
  });

  it('folders: a relative path\'s distinctive ancestors; an absolute path\'s or a URI\'s own folder only; forms include the encoded path', () => {
    expect(distinctiveFolders('data/cohort-7/train/rows.csv')).toEqual(['data/cohort-7']);
    expect(distinctiveFolders('./cohort-7/rows.csv')).toEqual(['cohort-7']);
    expect(distinctiveFolders('data/rows.csv')).toEqual([]);
    expect(distinctiveFolders('data/mnist/train/images.csv')).toEqual([]);
    expect(distinctiveFolders('data/processed/validation/rows.csv')).toEqual([]);
    expect(distinctiveFolders('/home/runner/work/r/r/cohort-7/rows.csv')).toEqual(['/home/runner/work/r/r/cohort-7']);
    expect(distinctiveFolders('/mnt/data/rows.csv')).toEqual([]);
    expect(distinctiveFolders('s3://bucket/private/cohort-7/rows.csv')).toEqual(['s3://bucket/private/cohort-7']);
    expect(distinctiveFolders('s3://bucket/rows.csv')).toEqual([]);
    expect(distinctiveFolders('file:data/cohort-7/rows.csv')).toEqual([]);
    expect(leakForms('file:data/cohort%207.csv').sort()).toEqual(['data/cohort 7.csv', 'data/cohort%207.csv', 'file:data/cohort 7.csv', 'file:data/cohort%207.csv']);
  });

  // Ordinary records that the first version refused (user test): a short common hidden value
  // inside a longer text, a folder that is the dataset's own public name.
  const record = (id: string, command: string[], subject = 'model.bin', uri = `file:data/d.csv`) => ({
    subject: [{ name: subject, digest: { sha256: 'a'.repeat(64) } }],
    predicate: { datasets: [{ id, name: id, uri }], steps: [{ name: 'fit', inputs: [id], command }] },
  });
  const idHidden = (st: ReturnType<typeof record>) => {
    const id = st.predicate.datasets[0]!.id;
    const p = hmac(id);
    st.predicate.datasets[0] = { ...st.predicate.datasets[0]!, id: p, name: p };
    st.predicate.steps[0]!.inputs = [p];
    return pseudonymLeaks(st, [{ value: id, from: '#/predicate/datasets/0/id' }]);
  };

  it('a short common hidden id inside a longer text is no leak: train.py, scripts/train_model.py, mnist_small, tests/test_model.py, mnist-cnn.onnx', () => {
    expect(idHidden(record('train', ['python3', 'train.py', '--epochs', '3']))).toEqual([]);
    expect(idHidden(record('train', ['python3', 'scripts/train_model.py']))).toEqual([]);
    expect(idHidden(record('mnist', ['python3', 'fit.py', '--dataset', 'mnist_small']))).toEqual([]);
    expect(idHidden(record('test', ['sh', '-c', 'pytest tests/test_model.py']))).toEqual([]);
    expect(idHidden(record('mnist', ['python3', 'fit.py'], 'mnist-cnn.onnx'))).toEqual([]);
  });

  it('a hidden value found whole always counts, short or not; a distinctive one inside a longer text too', () => {
    expect(idHidden(record('train', ['python3', 'fit.py', '--split', 'train']))).toEqual([
      { pointer: '#/predicate/steps/0/command/3', from: '#/predicate/datasets/0/id', kind: 'value', whole: true, shape: 'name' },
    ]);
    expect(idHidden(record('cohort-7-patients', ['sh', '-c', 'python3 fit.py --name cohort-7-patients'], 'models/cohort-7-patients.onnx'))).toEqual([
      { pointer: '#/predicate/steps/0/command/2', from: '#/predicate/datasets/0/id', kind: 'value', whole: false, shape: 'name' },
      { pointer: '#/subject/0/name', from: '#/predicate/datasets/0/id', kind: 'value', whole: false, shape: 'name' },
    ]);
  });

  it('only the location hidden: a folder named like the dataset\'s public id is no leak; a distinctive folder named otherwise is', () => {
    const only = (id: string, path: string, command: string[]) => {
      const st = record(id, command, 'model.bin', `file:${path}`);
      st.predicate.datasets[0]!.uri = hmac(`file:${path}`);
      return pseudonymLeaks(st, [{ value: `file:${path}`, from: '#/predicate/datasets/0/uri' }]);
    };
    expect(only('mnist', 'mnist/train/images.csv', ['python3', 'train.py', '--model', 'mnist-cnn'])).toEqual([]);
    expect(only('cifar-10-batches', 'cifar-10-batches/data_batch_1.bin', ['python3', 'train.py', '--data', 'cifar-10-batches'])).toEqual([]);
    expect(only('cohort', 'data/cohort-7-patients/rows.csv', ['python3', 'train.py', '--data=data/cohort-7-patients/rows.csv', 'data_dir=data/cohort-7-patients'])).toEqual([
      { pointer: '#/predicate/steps/0/command/2', from: '#/predicate/datasets/0/uri', kind: 'value', whole: false, shape: 'path' },
      { pointer: '#/predicate/steps/0/command/3', from: '#/predicate/datasets/0/uri', kind: 'folder', whole: false, shape: 'path' },
    ]);
  });

  it('distinctive: 12 characters, or 8 with a digit or a separator', () => {
    expect(['train', 'mnist', 'validation', 'processed', 'cohort-7', 'cohort_a1', 'data/d.csv', 'patientsgroupa'].map(distinctiveText)).toEqual([
      false, false, false, false, true, true, true, true,
    ]);
  });
});
