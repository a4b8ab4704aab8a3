import { describe, expect, it } from 'vitest';
import { attribute } from '../../src/lineage/attribute.js';
import { runFlow, subjectAncestry } from '../../src/lineage/flow.js';
import { graphFromStatements } from '../../src/lineage/graph.js';
import { datasetsForMetric, modelOrigins, modelsUsingDataset, runLineage } from '../../src/lineage/queries.js';
import { lineageMermaid, renderMermaid, subgraph } from '../../src/render/lineage.js';
import { buildReportModel } from '../../src/render/report/model.js';
import { deriveRows } from '../../src/store/derive.js';
import { dataset, makeStatement, sha } from '../fixtures/statements.js';
import { leadsTo } from '../helpers/mermaid.js';

/**
 * How a record's data reaches its run (src/lineage/flow.ts), and that every answer follows
 * it: a step that records no output (`record step --name fit --input pts -- python3 train.py`)
 * still leads its inputs to the run.
 */
const mse = [{ name: 'mse', value: 0.01, split: 'test', epoch: 5 }];
/** record dataset pts; record step fit --input pts (no --output); a metric. */
const sink = (version = 'v2', value = 0.01, run = '501') =>
  makeStatement({ run, datasets: [dataset('pts', version)], steps: [{ name: 'fit', inputs: ['pts'] }], metrics: [{ ...mse[0]!, value }] });
/** split: raw → train, test; fit: --input train, no outputs. */
const splitThenTrain = (recorded: boolean) =>
  makeStatement({
    run: recorded ? '602' : '601',
    datasets: [dataset('raw', '1'), ...(recorded ? [dataset('train', '1'), dataset('test', '1')] : [])],
    steps: [
      { name: 'split', inputs: ['raw'], outputs: ['train', 'test'] },
      { name: 'fit', inputs: ['train'] },
    ],
    metrics: mse,
  });

const ids = (xs: { id: string }[]) => xs.map((d) => d.id).sort();

describe('runFlow: what feeds a run directly', () => {
  const flow = (steps: { inputs?: string[]; outputs?: string[] }[], datasets: string[] = []) => {
    const f = runFlow(steps, datasets);
    return { datasets: [...f.datasets].sort(), steps: [...f.steps].sort() };
  };
  it('a step with no outputs feeds the run; what it reads does not feed it directly', () => {
    expect(flow([{ inputs: ['pts'] }], ['pts'])).toEqual({ datasets: [], steps: [0] });
  });
  it('split then train: the unread split and the training step feed the run', () => {
    expect(flow([{ inputs: ['raw'], outputs: ['train', 'test'] }, { inputs: ['train'] }], ['raw'])).toEqual({ datasets: ['test'], steps: [1] });
  });
  it('a step whose output is read on reaches the run through it (no direct edge)', () => {
    expect(flow([{ inputs: ['mnist'], outputs: ['mnist-norm'] }], ['mnist', 'labels'])).toEqual({ datasets: ['labels', 'mnist-norm'], steps: [] });
    expect(flow([{ inputs: ['raw'], outputs: ['feat'] }, { inputs: ['feat'], outputs: ['model-data'] }], ['raw'])).toEqual({ datasets: ['model-data'], steps: [] });
  });
  it('step order does not matter: a step recorded after the one that reads its output', () => {
    expect(flow([{ inputs: ['feat'] }, { inputs: ['raw'], outputs: ['feat'] }], ['raw'])).toEqual({ datasets: [], steps: [0] });
  });
  it('a step that rewrites its input in place, and a loop of steps, still reach the run', () => {
    expect(flow([{ inputs: ['d'], outputs: ['d'] }], ['d'])).toEqual({ datasets: [], steps: [0] });
    expect(flow([{ inputs: ['x'], outputs: ['y'] }, { inputs: ['y'], outputs: ['x'] }], ['x'])).toEqual({ datasets: [], steps: [0] });
  });
});

describe('every answer includes what a run’s steps read', () => {
  it('a training step without outputs: metric, model and dataset answers agree', () => {
    const st = sink();
    const g = graphFromStatements([st]);
    const run = g.runs[0]!.key;
    expect(ids(datasetsForMetric(g, { name: 'mse' })[0]!.lineage.datasets)).toEqual(['pts']);
    expect(ids(modelOrigins(g, { path: 'model/weights.bin' })[0]!.lineage.datasets)).toEqual(['pts']);
    expect(modelsUsingDataset(g, 'pts').map((a) => a.run.key)).toEqual([run]);
    expect(runLineage(g, run).steps.map((s) => s.name)).toEqual(['fit']);
    // The same record without its step gives the same datasets.
    const bare = graphFromStatements([{ ...st, predicate: { ...st.predicate, steps: [] } }]);
    expect(ids(datasetsForMetric(bare, { name: 'mse' })[0]!.lineage.datasets)).toEqual(['pts']);
  });

  it('split then train: the model’s lineage has the training split as well as the test split', () => {
    for (const recorded of [false, true]) {
      const g = graphFromStatements([splitThenTrain(recorded)]);
      const l = modelOrigins(g, { path: 'model/weights.bin' })[0]!.lineage;
      expect(ids([...l.datasets, ...l.derived]), `recorded ${recorded}`).toEqual(['raw', 'test', 'train']);
      expect(ids(l.datasets)).toEqual(recorded ? ['raw', 'test', 'train'] : ['raw']);
      expect(l.steps.map((s) => s.name)).toEqual(['split', 'fit']);
      expect(modelsUsingDataset(g, 'raw')).toHaveLength(1);
    }
  });

  it('a run’s own lineage is every dataset and step it recorded, whatever the shape of its steps', () => {
    const records = [
      sink(),
      splitThenTrain(false),
      splitThenTrain(true),
      makeStatement({ run: 'default' }),
      makeStatement({ run: 'in-place', datasets: [dataset('d', '1')], steps: [{ name: 'clean', inputs: ['d'], outputs: ['d'] }] }),
      makeStatement({ run: 'unordered', datasets: [dataset('raw', '1')], steps: [{ name: 'fit', inputs: ['feat'] }, { name: 'featurize', inputs: ['raw'], outputs: ['feat'] }] }),
      makeStatement({ run: 'loop', datasets: [dataset('x', '1')], steps: [{ name: 'a', inputs: ['x'], outputs: ['y'] }, { name: 'b', inputs: ['y'], outputs: ['x'] }] }),
    ];
    for (const st of records) {
      const g = graphFromStatements([st]);
      const l = runLineage(g, g.runs[0]!.key);
      const p = st.predicate;
      const all = new Set([...p.datasets.map((d) => d.id), ...p.steps.flatMap((s) => [...(s.inputs ?? []), ...(s.outputs ?? [])])]);
      expect(ids([...l.datasets, ...l.derived]), p.runDetails.metadata.invocationId).toEqual([...all].sort());
      expect(l.steps.map((s) => s.name)).toEqual(p.steps.map((s) => s.name));
      // One rule: the store's `feeds` column marks exactly the datasets the graph feeds the run from.
      const rows = deriveRows(st, { runId: 'r', docSha256: 'd', kind: 'statement' });
      const fed = g.edges.filter((e) => e.kind === 'feeds' && g.datasets.some((d) => d.key === e.from)).map((e) => g.datasets.find((d) => d.key === e.from)!.id);
      expect(rows.datasets.filter((d) => d.feeds === 1).map((d) => d.ds_id).sort()).toEqual(fed.sort());
    }
  });

  it('--attribute sees the dataset a no-output step read, as lineage does', () => {
    const a = sink('v1', 0.02, '500');
    const b = sink('v2', 0.01);
    const r = attribute([{ id: 'a', statement: a }, { id: 'b', statement: b }], { name: 'mse' });
    expect(r.effects.map((e) => e.factor)).toEqual(['dataset pts']);
    const g = graphFromStatements([a, b]);
    expect(datasetsForMetric(g, { name: 'mse' }).map((x) => x.lineage.datasets.map((d) => `${d.id}@${d.version}`))).toEqual([['pts@v1'], ['pts@v2']]);
  });
});

describe('the drawings connect a no-output step to its run', () => {
  it('lineage --format mermaid (whole graph and a query’s answer) and the PR comment’s picture', () => {
    const st = sink();
    const g = graphFromStatements([st]);
    const run = /^run 501$/;
    expect(leadsTo(renderMermaid(g), /^pts@v2/, run)).toBe(true);
    expect(leadsTo(renderMermaid(subgraph(g, [g.runs[0]!.key])), /^pts@v2/, run)).toBe(true);
    expect(leadsTo(lineageMermaid(st), /^pts<br\/>@v2/, run)).toBe(true);
    // The training step itself leads to the run (fit --> run), not only the dataset to fit.
    expect(leadsTo(lineageMermaid(st), /^fit$/, run)).toBe(true);
  });

  it('split then train: the training split reaches the run in the diagram', () => {
    const st = splitThenTrain(false);
    expect(leadsTo(renderMermaid(graphFromStatements([st])), /^train$/, /^run 601$/)).toBe(true);
    expect(leadsTo(lineageMermaid(st), /^raw<br\/>@1/, /^run 601$/)).toBe(true);
  });

  it('the HTML report’s graph: the step has an edge to the run, and the dataset is used by it', () => {
    const m = buildReportModel({ generatedAt: '2026-01-01T00:00:00Z', records: [{ file: 'prov.json', statement: sink() }], bundles: [] });
    const byKind = (k: string) => m.nodes.filter((n) => n.kind === k);
    const [step, run, ds] = [byKind('step')[0]!, byKind('run')[0]!, byKind('dataset')[0]!];
    expect(run.lines[0]).toBe('run 501');
    const edges = m.layout.edges.map((e) => `${e.from}>${e.to}`);
    expect(edges).toContain(`${ds.id}>${step.id}`);
    expect(edges).toContain(`${step.id}>${run.id}`);
    expect(ds.details.usedBy).toEqual([m.runs[0]!.label]);
  });
});

/**
 * A step after training: `eval --input model --input testset` (no output), where `model` is
 * the run's own subject (`fit --output model=out/model.bin`, subject out/model.bin). Once
 * the model was listed as its own training data and the diagram ran model → eval → run →
 * the model file; before today's rule `--model` answered nothing.
 */
const MODEL = sha('out/model.bin bytes');
const evalAfterFit = (extra: { steps?: { name: string; inputs?: string[]; outputs?: string[] }[]; datasets?: ReturnType<typeof dataset>[] } = {}) =>
  makeStatement({
    run: '701',
    models: [{ name: 'out/model.bin', sha256: MODEL }],
    datasets: [dataset('raw', '1'), dataset('testset', '1'), dataset('clean', '1'), dataset('model', '1', 'out/model.bin bytes'), ...(extra.datasets ?? [])],
    steps: extra.steps ?? [
      { name: 'prep', inputs: ['raw'], outputs: ['clean'] },
      { name: 'fit', inputs: ['clean'], outputs: ['model'] },
      { name: 'eval', inputs: ['model', 'testset'] },
    ],
    metrics: mse,
  });

describe('a step that reads the run’s own model ran after training', () => {
  const flow = (steps: { inputs?: string[]; outputs?: string[] }[], datasets: string[], outputs: string[]) => {
    const f = runFlow(steps, datasets, outputs);
    return { datasets: [...f.datasets].sort(), steps: [...f.steps].sort(), after: [...f.after].sort() };
  };
  it('runFlow: the step that wrote the model feeds the run; the evaluation step and its test set do not', () => {
    const steps = [{ inputs: ['raw'], outputs: ['clean'] }, { inputs: ['clean'], outputs: ['model'] }, { inputs: ['model', 'testset'] }];
    expect(flow(steps, ['raw', 'testset', 'clean', 'model'], ['model'])).toEqual({ datasets: [], steps: [1], after: [2] });
    // Downstream through what a step after training wrote; a step that writes the model is never after it.
    expect(flow([{ inputs: ['c'], outputs: ['m'] }, { inputs: ['m'], outputs: ['preds'] }, { inputs: ['preds', 'labels'] }, { inputs: ['m'], outputs: ['m'] }], ['c', 'labels', 'm'], ['m'])).toEqual({
      datasets: [],
      // The model rewritten in place by step 3 reaches the run through it.
      steps: [3],
      after: [1, 2],
    });
    // No output named: today's rule as it was.
    expect(flow(steps, ['raw', 'testset', 'clean', 'model'], [])).toEqual({ datasets: [], steps: [2], after: [] });
  });

  it('--model lists what trained the model; --metric adds what evaluated it; the model is in neither', () => {
    const g = graphFromStatements([evalAfterFit()]);
    const model = modelOrigins(g, { path: 'out/model.bin' })[0]!.lineage;
    expect(ids([...model.datasets, ...model.derived])).toEqual(['clean', 'raw']);
    expect(model.steps.map((s) => s.name)).toEqual(['prep', 'fit']);
    const metric = datasetsForMetric(g, { name: 'mse' })[0]!.lineage;
    expect(ids([...metric.datasets, ...metric.derived])).toEqual(['clean', 'raw', 'testset']);
    expect(metric.steps.map((s) => s.name)).toEqual(['prep', 'fit', 'eval']);
    // Which models used testset: the run evaluated on it (it is listed), but it is no model's
    // ancestor: once this said out/model.bin, as if the test set had trained it.
    expect(modelsUsingDataset(g, 'testset').map((a) => a.models.map((m) => m.paths[0]))).toEqual([[]]);
  });

  it('the model written by the last step and read by none is not its own training data either', () => {
    const g = graphFromStatements([evalAfterFit({ steps: [{ name: 'prep', inputs: ['raw'], outputs: ['clean'] }, { name: 'fit', inputs: ['clean'], outputs: ['model'] }] })]);
    const l = modelOrigins(g, { path: 'out/model.bin' })[0]!.lineage;
    // fit wrote the model: its ancestry is fit ← clean ← prep ← raw; testset, recorded and read by
    // no step, is not (it was listed once, by the run-level rule: subjectAncestry in flow.ts).
    expect(ids(l.datasets)).toEqual(['clean', 'raw']);
    expect(l.steps.map((s) => s.name)).toEqual(['prep', 'fit']);
  });

  it('split, train, evaluate on the test split: the model was trained from train only; the metric from both', () => {
    const st = evalAfterFit({
      steps: [
        { name: 'split', inputs: ['raw'], outputs: ['train', 'test'] },
        { name: 'fit', inputs: ['train'], outputs: ['model'] },
        { name: 'eval', inputs: ['model', 'test'] },
      ],
    });
    const g = graphFromStatements([st]);
    const model = modelOrigins(g, { path: 'out/model.bin' })[0]!.lineage;
    // The model's ancestry through the steps: fit ← train ← split ← raw. clean and testset were
    // recorded but nothing read them: they feed the run (the metric's answer), not this model.
    expect(ids([...model.datasets, ...model.derived])).toEqual(['raw', 'train']);
    const metric = datasetsForMetric(g, { name: 'mse' })[0]!.lineage;
    expect(ids([...metric.datasets, ...metric.derived])).toEqual(['clean', 'raw', 'test', 'testset', 'train']);
  });

  it('the diagrams: no path from the model’s bytes to the run that made them; eval and testset lead to the metric', () => {
    const st = evalAfterFit();
    const g = graphFromStatements([st]);
    const run = /^run 701$/;
    const metric = /^mse \(test, epoch 5\)|^mse \(test\)/;
    for (const text of [renderMermaid(g), renderMermaid(subgraph(g, [g.runs[0]!.key]))]) {
      expect(leadsTo(text, /^model@1/, run)).toBe(false);
      expect(leadsTo(text, /^testset/, run)).toBe(false);
      expect(leadsTo(text, /^eval$/, run)).toBe(false);
      expect(leadsTo(text, /^raw/, run)).toBe(true);
      expect(leadsTo(text, /^fit$/, /^model@1/)).toBe(true);
      expect(leadsTo(text, /^model@1/, /^eval$/)).toBe(true);
      expect(leadsTo(text, /^eval$/, metric)).toBe(true);
      expect(leadsTo(text, /^testset/, metric)).toBe(true);
    }
    const pr = lineageMermaid(st);
    expect(leadsTo(pr, /^model<br\/>/, run)).toBe(false);
    expect(leadsTo(pr, /^raw<br\/>/, run)).toBe(true);
    expect(leadsTo(pr, /^testset<br\/>/, /^mse/)).toBe(true);
  });

  it('the HTML report’s graph: eval leads to the metrics node, not to the run', () => {
    const m = buildReportModel({ generatedAt: '2026-01-01T00:00:00Z', records: [{ file: 'prov.json', statement: evalAfterFit() }], bundles: [] });
    const node = (k: string, label: RegExp) => m.nodes.find((n) => n.kind === k && label.test(n.lines[0]!))!;
    const [evalStep, fit, run, metrics] = [node('step', /^eval$/), node('step', /^fit$/), node('run', /./), node('metrics', /./)];
    const edges = m.layout.edges.map((e) => `${e.from}>${e.to}`);
    expect(edges).toContain(`${evalStep.id}>${metrics.id}`);
    expect(edges).toContain(`${fit.id}>${run.id}`);
    expect(edges).not.toContain(`${evalStep.id}>${run.id}`);
  });

  it('--attribute still sees the evaluation data (it answers a metric question)', () => {
    const a = evalAfterFit({ datasets: [] });
    const b = { ...a, predicate: { ...a.predicate, datasets: a.predicate.datasets.map((d) => (d.id === 'testset' ? dataset('testset', '2') : d)), metrics: [{ ...mse[0]!, value: 0.03 }] } };
    const r = attribute([{ id: 'a', statement: a }, { id: 'b', statement: b }], { name: 'mse' });
    expect(r.effects.map((e) => e.factor)).toEqual(['dataset testset']);
  });
});

describe('each subject has its own ancestry through the recorded steps', () => {
  // fit: raw → model (out/model.bin); eval: model + testset; quantize: model + calib → qmodel (out/q.bin).
  const steps = [
    { name: 'fit', inputs: ['raw'], outputs: ['model'] },
    { name: 'eval', inputs: ['model', 'testset'] },
    { name: 'quantize', inputs: ['model', 'calib'], outputs: ['qmodel'] },
  ];
  const two = () => {
    const st = makeStatement({ run: '801', datasets: ['raw', 'testset', 'calib'].map((id) => dataset(id, '1')), steps, metrics: mse });
    const m = sha('m1');
    const q = sha('q1');
    st.subject = [
      { name: 'out/model.bin', digest: { sha256: m } },
      { name: 'out/q.bin', digest: { sha256: q } },
    ];
    st.predicate.datasets.push({ id: 'model', uri: 'file:out/model.bin', digest: { sha256: m } }, { id: 'qmodel', uri: 'file:out/q.bin', digest: { sha256: q } });
    return st;
  };
  it('subjectAncestry: the steps that wrote the subject and, upstream, what they read; none when no step wrote it', () => {
    const ds = [{ id: 'raw' }, { id: 'testset' }, { id: 'calib' }, { id: 'model', digest: { sha256: 'm' } }, { id: 'qmodel', digest: { sha256: 'q' } }];
    const outputs = new Set(['model', 'qmodel']);
    const of = (sha256: string) => {
      const a = subjectAncestry(steps, ds, sha256, outputs);
      return a && { datasets: [...a.datasets].sort(), steps: [...a.steps].sort(), walked: [...a.walked].sort() };
    };
    expect(of('m')).toEqual({ datasets: ['raw'], steps: [0], walked: ['model', 'raw'] });
    expect(of('q')).toEqual({ datasets: ['calib', 'raw'], steps: [0, 2], walked: ['calib', 'model', 'qmodel', 'raw'] });
    expect(of('other')).toBeUndefined();
  });
  it('--model and --dataset over the graph: calib is out/q.bin’s only; testset is no model’s', () => {
    const g = graphFromStatements([two()]);
    const model = (p: string) => modelOrigins(g, { path: p })[0]!.lineage;
    expect(ids(model('out/model.bin').datasets)).toEqual(['raw']);
    expect(model('out/model.bin').steps.map((s) => s.name)).toEqual(['fit']);
    expect(ids(model('out/q.bin').datasets)).toEqual(['calib', 'raw']);
    expect(model('out/q.bin').steps.map((s) => s.name)).toEqual(['fit', 'quantize']);
    const used = (d: string) => modelsUsingDataset(g, d).map((a) => a.models.map((m) => m.paths[0]));
    expect(used('calib')).toEqual([['out/q.bin']]);
    expect(used('raw')).toEqual([['out/model.bin', 'out/q.bin']]);
    expect(used('testset')).toEqual([[]]);
    // The metric's answer is the run's: all three.
    expect(ids(datasetsForMetric(g, { name: 'mse' })[0]!.lineage.datasets)).toEqual(['calib', 'raw', 'testset']);
  });
});
