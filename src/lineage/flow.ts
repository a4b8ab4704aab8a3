import type { Step } from '../schema/predicate.js';

/**
 * How one record's data reaches its training run: the one rule the lineage graph
 * (graph.ts, `feeds` edges) and the store (derive.ts, the `feeds` column) both follow,
 * so a run's lineage is everything the run recorded, joined up:
 * - a dataset no step of the run reads feeds the run (raw data used as it is, a step's
 *   final output);
 * - a dataset a step reads reaches the run through that step;
 * - a step reaches the run through what it writes when some output of it feeds the run
 *   or is read by another step that reaches the run; any other step feeds the run itself:
 *   one that records no outputs (`record step --name fit --input pts -- python3 train.py`),
 *   whose outputs only it reads back (in place), or caught in a loop of steps that never
 *   leads out.
 * Pure; step order does not matter.
 */
export interface RunFlow {
  /** Ids of the datasets that feed the run directly (no step reads them). */
  datasets: Set<string>;
  /** Indexes (in `steps`) of the steps that feed the run directly. */
  steps: Set<number>;
}

export function runFlow(steps: ReadonlyArray<Pick<Step, 'inputs' | 'outputs'>>, datasetIds: Iterable<string>): RunFlow {
  const readers = new Map<string, Set<number>>();
  steps.forEach((s, i) => {
    for (const id of s.inputs ?? []) {
      const r = readers.get(id) ?? new Set<number>();
      r.add(i);
      readers.set(id, r);
    }
  });
  const ids = new Set(datasetIds);
  for (const s of steps) for (const id of [...(s.inputs ?? []), ...(s.outputs ?? [])]) ids.add(id);
  const datasets = new Set([...ids].filter((id) => !readers.has(id)));

  const readByOthers = (i: number, id: string) => [...(readers.get(id) ?? [])].some((j) => j !== i);
  // Steps whose outputs lead nowhere else (none, or read back only by the step itself) feed the run.
  const direct = new Set<number>();
  steps.forEach((s, i) => {
    if (!(s.outputs ?? []).some((id) => datasets.has(id) || readByOthers(i, id))) direct.add(i);
  });
  // The rest reach it through what they write, to a fixed point; where steps are left over
  // (a loop that never leads out), the first of them in record order feeds the run itself
  // and the walk goes on, so the others reach the run through it.
  const reaches = steps.map((_, i) => direct.has(i));
  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      steps.forEach((s, i) => {
        if (reaches[i]) return;
        const leadsOn = (id: string) => datasets.has(id) || [...(readers.get(id) ?? [])].some((j) => j !== i && reaches[j]);
        if ((s.outputs ?? []).some(leadsOn)) reaches[i] = changed = true;
      });
    }
    const stuck = reaches.indexOf(false);
    if (stuck < 0) break;
    direct.add(stuck);
    reaches[stuck] = true;
  }
  return { datasets, steps: direct };
}
