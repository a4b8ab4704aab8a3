import type { Step } from '../schema/predicate.js';

/**
 * How one record's data reaches its training run: the one rule the lineage graph
 * (graph.ts, `feeds` and `evaluates` edges), its queries (queries.ts) and the store
 * (derive.ts, the `feeds` column; questions.ts, what an answer lists) all follow, so a
 * run's lineage is everything the run recorded, joined up:
 * - the run's output is never its own input: a dataset with the sha256 of one of the run's
 *   subjects (`--output model=out/model.bin` when out/model.bin is the subject) is the
 *   model itself. A step that reads it, or reads what such a step wrote, ran after
 *   training (evaluation, export): it is not upstream of the model. It leads to the run's
 *   metrics instead, and what only such steps read (a test set) is evaluation data. A step
 *   that writes the run's output produced it, so reading it back (in place) does not make
 *   it a step after training;
 * - a dataset no training step reads feeds the run (raw data used as it is, a step's
 *   final output), unless it is the run's output or evaluation data;
 * - a dataset a step reads reaches the run through that step;
 * - a training step reaches the run through what it writes when some output of it feeds
 *   the run or is read by another training step that reaches the run; any other feeds the
 *   run itself: one that records no outputs (`record step --name fit --input pts --
 *   python3 train.py`), one that writes the run's output, one whose outputs only it reads
 *   back (in place), or caught in a loop of steps that never leads out.
 * Pure; step order does not matter.
 */
export interface RunFlow {
  /** Ids of the datasets that feed the run directly (no training step reads them). */
  datasets: Set<string>;
  /** Indexes (in `steps`) of the training steps that feed the run directly. */
  steps: Set<number>;
  /** Indexes of the steps after training: they read the run's output, or what such a step wrote. */
  after: Set<number>;
  /** Ids of the datasets that are the run's output (a subject's bytes). */
  outputs: Set<string>;
}

type FlowStep = Pick<Step, 'inputs' | 'outputs'>;

/** Ids of the recorded datasets whose sha256 is one of the subjects': the run's output, not its input. */
export function outputDatasets(
  datasets: ReadonlyArray<{ id: string; digest?: Record<string, string> | undefined }>,
  subjects: ReadonlyArray<{ digest: Record<string, string | undefined> }>,
): Set<string> {
  const made = new Set(subjects.map((s) => s.digest.sha256).filter((d): d is string => !!d));
  return new Set(datasets.filter((d) => d.digest?.sha256 && made.has(d.digest.sha256)).map((d) => d.id));
}

/** The steps after training: from the run's outputs, downstream through what such steps write. */
function stepsAfter(steps: ReadonlyArray<FlowStep>, outputs: Set<string>): Set<number> {
  const after = new Set<number>();
  const reached = new Set(outputs);
  for (let changed = true; changed; ) {
    changed = false;
    steps.forEach((s, i) => {
      if (after.has(i) || (s.outputs ?? []).some((id) => outputs.has(id))) return;
      if (!(s.inputs ?? []).some((id) => reached.has(id))) return;
      after.add(i);
      for (const id of s.outputs ?? []) reached.add(id);
      changed = true;
    });
  }
  return after;
}

export function runFlow(steps: ReadonlyArray<FlowStep>, datasetIds: Iterable<string>, outputIds: Iterable<string> = []): RunFlow {
  const outputs = new Set(outputIds);
  const after = stepsAfter(steps, outputs);
  const training = (i: number) => !after.has(i);
  const readers = new Map<string, Set<number>>();
  steps.forEach((s, i) => {
    if (!training(i)) return;
    for (const id of s.inputs ?? []) {
      const r = readers.get(id) ?? new Set<number>();
      r.add(i);
      readers.set(id, r);
    }
  });
  const ids = new Set(datasetIds);
  for (const s of steps) for (const id of [...(s.inputs ?? []), ...(s.outputs ?? [])]) ids.add(id);
  // What steps after training read or wrote, and no training step reads, is not training data.
  const evaluation = new Set<string>();
  for (const i of after) for (const id of [...(steps[i]!.inputs ?? []), ...(steps[i]!.outputs ?? [])]) if (!readers.has(id)) evaluation.add(id);
  const datasets = new Set([...ids].filter((id) => !readers.has(id) && !outputs.has(id) && !evaluation.has(id)));

  const readByOthers = (i: number, id: string) => [...(readers.get(id) ?? [])].some((j) => j !== i);
  // Training steps whose outputs lead nowhere else (none, the run's output, or read back
  // only by the step itself) feed the run.
  const direct = new Set<number>();
  steps.forEach((s, i) => {
    if (training(i) && !(s.outputs ?? []).some((id) => datasets.has(id) || readByOthers(i, id))) direct.add(i);
  });
  // The rest reach it through what they write, to a fixed point; where steps are left over
  // (a loop that never leads out), the first of them in record order feeds the run itself
  // and the walk goes on, so the others reach the run through it.
  const reaches = steps.map((_, i) => direct.has(i) || !training(i));
  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      steps.forEach((s, i) => {
        if (reaches[i]) return;
        const leadsOn = (id: string) => datasets.has(id) || [...(readers.get(id) ?? [])].some((j) => j !== i && reaches[j] && training(j));
        if ((s.outputs ?? []).some(leadsOn)) reaches[i] = changed = true;
      });
    }
    const stuck = reaches.indexOf(false);
    if (stuck < 0) break;
    direct.add(stuck);
    reaches[stuck] = true;
  }
  return { datasets, steps: direct, after, outputs };
}

/**
 * Within one record, what a run's lineage holds, walking upstream from what feeds the run
 * (and, with `evaluation`, from the steps after training too): dataset ids and step indexes.
 * The run's own output is walked through (to the step that wrote it) but never listed.
 * The graph (queries.ts runLineage) walks the same edges, across runs as well.
 */
export function lineageWithin(steps: ReadonlyArray<FlowStep>, flow: RunFlow, evaluation: boolean): { datasets: Set<string>; steps: Set<number> } {
  const up = walkUpstream(steps, [...flow.datasets, ...flow.steps, ...(evaluation ? flow.after : [])]);
  return { datasets: new Set([...up.ids].filter((id) => !flow.outputs.has(id))), steps: up.steps };
}

/**
 * Upstream within one record from the given dataset ids and step indexes: a step leads to its
 * inputs, a dataset to the steps that wrote it. Every id and step on the way.
 */
function walkUpstream(steps: ReadonlyArray<FlowStep>, start: Array<number | string>): { ids: Set<string>; steps: Set<number> } {
  const ids = new Set<string>();
  const seenSteps = new Set<number>();
  const stack = [...start];
  while (stack.length) {
    const next = stack.pop()!;
    if (typeof next === 'number') {
      if (seenSteps.has(next)) continue;
      seenSteps.add(next);
      stack.push(...(steps[next]!.inputs ?? []));
    } else {
      if (ids.has(next)) continue;
      ids.add(next);
      steps.forEach((s, i) => {
        if ((s.outputs ?? []).includes(next)) stack.push(i);
      });
    }
  }
  return { ids, steps: seenSteps };
}

/**
 * One subject's ancestry within its record: the step(s) that wrote a dataset with the
 * subject's sha256, their inputs, and recursively the steps that wrote those, so each model
 * of a run lists only what it came from (`fit` on raw for out/model.bin, not the calibration
 * set a later `quantize` read to make out/q.bin). `walked` is every dataset id on the way
 * (the run's other outputs too: quantize read out/model.bin); `datasets` leaves out the run's
 * own outputs, as lineageWithin does. Undefined when no recorded step wrote the subject: then
 * the run-level rule (runFlow, lineageWithin) stands.
 */
export function subjectAncestry(
  steps: ReadonlyArray<FlowStep>,
  datasets: ReadonlyArray<{ id: string; digest?: Record<string, string> | undefined }>,
  sha256: string,
  outputs: Set<string>,
): { datasets: Set<string>; steps: Set<number>; walked: Set<string> } | undefined {
  const self = new Set(datasets.filter((d) => d.digest?.sha256 === sha256).map((d) => d.id));
  const writers = steps.flatMap((s, i) => ((s.outputs ?? []).some((id) => self.has(id)) ? [i] : []));
  if (writers.length === 0) return undefined;
  const { ids: walked, steps: seenSteps } = walkUpstream(steps, writers);
  // `walked` starts at the subject's own dataset: a dataset is its own model's ancestor (asked `--dataset features`, the run's out/features.parquet is that model).
  return { datasets: new Set([...walked].filter((id) => !outputs.has(id) && !self.has(id))), steps: seenSteps, walked: new Set([...self, ...walked]) };
}
