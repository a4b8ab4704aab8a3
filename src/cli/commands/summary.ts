import type { Command } from 'commander';
import { Option } from 'commander';
import { evaluatePolicy, resolvePolicy } from '../../policy/index.js';
import { renderSummaryMarkdown, renderSummaryText } from '../../render/summary.js';
import { loadDocument } from '../../statement/load.js';
import { lineageMermaid } from '../../render/lineage.js';
import { processIo, run } from '../shared.js';
import { termStrings } from '../../render/terminal.js';

export function register(program: Command): void {
  program
    .command('summary')
    .description('print the readable summary of a statement or bundle (does not verify; use `verify` for that)')
    .argument('<file>', 'provenance.intoto.json or provenance.sigstore.json')
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'text', 'json']).default('markdown'))
    .option('--policy <name|file>', 'policy to report completeness against', 'standard')
    .action(
      run(async (file: string, o: { format: string; policy: string }) => {
        const { statement } = await loadDocument(file);
        const policy = evaluatePolicy(statement, await resolvePolicy(o.policy));
        if (o.format === 'json') processIo.out(JSON.stringify({ policy, statement }, null, 2));
        // Text lays fields out line by line: each one safe on one line (src/render/terminal.ts).
        else if (o.format === 'text') processIo.out(renderSummaryText(termStrings(statement), { policy: termStrings(policy) }));
        else processIo.out(renderSummaryMarkdown(statement, { policy, mermaid: lineageMermaid(statement) }));
      }),
    );
}
