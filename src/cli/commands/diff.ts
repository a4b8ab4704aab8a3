import type { Command } from 'commander';
import { diffStatements, renderDiffText } from '../../lineage/diff.js';
import { resolvePolicy } from '../../policy/index.js';
import { renderDiffMarkdown } from '../../render/changes.js';
import { mergeOverrides, parseDirectionLines, type DirectionOptions } from '../../render/metric-direction.js';
import { loadDocument } from '../../statement/load.js';
import { stderrLogger } from '../../util/log.js';
import { addFormatOption, collect, outputFormat, processIo, run } from '../shared.js';
import { refuseFilesWithStore, STORE_SOURCE_HELP, storeRunsById } from '../store-source.js';

/**
 * Metric directions as the action reads them: the policy file's `rules.metrics`, then
 * `--metric-directions` (the action's `metric-directions` input, same parser), which wins;
 * the guess from the name otherwise.
 */
async function directionsFrom(policy: string | undefined, lines: string[]): Promise<DirectionOptions> {
  // Parsed first: a bad value is exit 2 before any file is read.
  const given = parseDirectionLines(lines.join('\n'), '--metric-directions');
  const metrics = policy === undefined ? undefined : (await resolvePolicy(policy)).rules.metrics;
  return { overrides: mergeOverrides(metrics?.directions, given), ...(metrics?.tolerance !== undefined ? { tolerance: metrics.tolerance } : {}) };
}

export function register(program: Command): void {
  const cmd = program
    .command('diff')
    .description('what changed between two training records: datasets, config, hyperparameters, image, steps, metrics (does not verify)')
    .argument('<old>', 'the earlier statement or bundle (e.g. the base branch’s); with --store, a run id')
    .argument('<new>', 'the later statement or bundle; with --store, a run id')
    .option('--store <PATH|URL>', STORE_SOURCE_HELP)
    .option('--policy <name|file>', 'read which way each metric is better (rules.metrics.directions, tolerance) from this policy, as the action does for its PR comment (markdown); without it, guessed from the metric names')
    .option('--metric-directions <NAME: lower|higher [N%]>', 'which way a metric is better, as the action\'s metric-directions input: one "NAME: lower" or "NAME: higher [TOLERANCE%]" a line or a value (repeatable); wins over --policy and the guess from the name', collect, []);
  addFormatOption(cmd, ['markdown', 'text'], 'markdown')
    .action(
      run(async (oldFile: string, newFile: string, o: { format: string; json?: boolean; store?: string; policy?: string; metricDirections: string[] }) => {
        outputFormat(o);
        if (o.store !== undefined) refuseFilesWithStore([oldFile, newFile], 'diff', o.store);
        const directions = await directionsFrom(o.policy, o.metricDirections);
        const [a, b] = o.store !== undefined ? await storeRunsById(o.store, [oldFile, newFile], stderrLogger) : await Promise.all([loadDocument(oldFile), loadDocument(newFile)]);
        const diff = diffStatements(a.statement, b.statement);
        if (o.format === 'json') processIo.out(JSON.stringify(diff, null, 2));
        else if (o.format === 'text') processIo.out(renderDiffText(diff));
        else processIo.out(renderDiffMarkdown(diff, directions));
      }),
    );
}
