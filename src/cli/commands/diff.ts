import type { Command } from 'commander';
import { diffStatements, renderDiffText } from '../../lineage/diff.js';
import { renderDiffMarkdown } from '../../render/changes.js';
import { loadDocument } from '../../statement/load.js';
import { addFormatOption, outputFormat, processIo, run } from '../shared.js';

export function register(program: Command): void {
  const cmd = program
    .command('diff')
    .description('what changed between two training records: datasets, config, hyperparameters, image, steps, metrics (does not verify)')
    .argument('<old>', 'the earlier statement or bundle (e.g. the base branch’s)')
    .argument('<new>', 'the later statement or bundle');
  addFormatOption(cmd, ['markdown', 'text'], 'markdown')
    .action(
      run(async (oldFile: string, newFile: string, o: { format: string; json?: boolean }) => {
        outputFormat(o);
        const [a, b] = await Promise.all([loadDocument(oldFile), loadDocument(newFile)]);
        const diff = diffStatements(a.statement, b.statement);
        if (o.format === 'json') processIo.out(JSON.stringify(diff, null, 2));
        else if (o.format === 'text') processIo.out(renderDiffText(diff));
        else processIo.out(renderDiffMarkdown(diff));
      }),
    );
}
