import type { Command } from 'commander';
import { diffStatements, renderDiffText } from '../../lineage/diff.js';
import { resolvePolicy } from '../../policy/index.js';
import { renderDiffMarkdown } from '../../render/changes.js';
import { mergeOverrides, type DirectionOptions } from '../../render/metric-direction.js';
import { loadDocument } from '../../statement/load.js';
import { stderrLogger } from '../../util/log.js';
import { addFormatOption, outputFormat, processIo, run } from '../shared.js';
import { refuseFilesWithStore, STORE_SOURCE_HELP, storeRunsById } from '../store-source.js';

/** Metric directions as the action reads them: the policy file's `rules.metrics` (the guess from the name otherwise). */
async function directionsFrom(policy: string | undefined): Promise<DirectionOptions> {
  if (policy === undefined) return {};
  const metrics = (await resolvePolicy(policy)).rules.metrics;
  return { overrides: mergeOverrides(metrics?.directions), ...(metrics?.tolerance !== undefined ? { tolerance: metrics.tolerance } : {}) };
}

export function register(program: Command): void {
  const cmd = program
    .command('diff')
    .description('what changed between two training records: datasets, config, hyperparameters, image, steps, metrics (does not verify)')
    .argument('<old>', 'the earlier statement or bundle (e.g. the base branch’s); with --store, a run id')
    .argument('<new>', 'the later statement or bundle; with --store, a run id')
    .option('--store <PATH|URL>', STORE_SOURCE_HELP)
    .option('--policy <name|file>', 'read which way each metric is better (rules.metrics.directions, tolerance) from this policy, as the action does for its PR comment (markdown); without it, guessed from the metric names');
  addFormatOption(cmd, ['markdown', 'text'], 'markdown')
    .action(
      run(async (oldFile: string, newFile: string, o: { format: string; json?: boolean; store?: string; policy?: string }) => {
        outputFormat(o);
        if (o.store !== undefined) refuseFilesWithStore([oldFile, newFile], 'diff');
        const directions = await directionsFrom(o.policy);
        const [a, b] = o.store !== undefined ? await storeRunsById(o.store, [oldFile, newFile], stderrLogger) : await Promise.all([loadDocument(oldFile), loadDocument(newFile)]);
        const diff = diffStatements(a.statement, b.statement);
        if (o.format === 'json') processIo.out(JSON.stringify(diff, null, 2));
        else if (o.format === 'text') processIo.out(renderDiffText(diff));
        else processIo.out(renderDiffMarkdown(diff, directions));
      }),
    );
}
