import type { Command } from 'commander';
import { diffStatements, renderDiffText } from '../../lineage/diff.js';
import { renderDiffMarkdown } from '../../render/changes.js';
import { loadDocument } from '../../statement/load.js';
import { stderrLogger } from '../../util/log.js';
import { addFormatOption, outputFormat, processIo, run } from '../shared.js';
import { refuseFilesWithStore, STORE_SOURCE_HELP, storeRunsById } from '../store-source.js';

export function register(program: Command): void {
  const cmd = program
    .command('diff')
    .description('what changed between two training records: datasets, config, hyperparameters, image, steps, metrics (does not verify)')
    .argument('<old>', 'the earlier statement or bundle (e.g. the base branch’s)')
    .argument('<new>', 'the later statement or bundle')
    .option('--store <PATH|URL>', STORE_SOURCE_HELP);
  addFormatOption(cmd, ['markdown', 'text'], 'markdown')
    .action(
      run(async (oldFile: string, newFile: string, o: { format: string; json?: boolean; store?: string }) => {
        outputFormat(o);
        if (o.store !== undefined) refuseFilesWithStore([oldFile, newFile], 'diff');
        const [a, b] = o.store !== undefined ? await storeRunsById(o.store, [oldFile, newFile], stderrLogger) : await Promise.all([loadDocument(oldFile), loadDocument(newFile)]);
        const diff = diffStatements(a.statement, b.statement);
        if (o.format === 'json') processIo.out(JSON.stringify(diff, null, 2));
        else if (o.format === 'text') processIo.out(renderDiffText(diff));
        else processIo.out(renderDiffMarkdown(diff));
      }),
    );
}
