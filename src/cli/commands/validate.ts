import type { Command } from 'commander';
import { evaluatePolicy, formatFinding, resolvePolicy } from '../../policy/index.js';
import { loadDocument } from '../../statement/load.js';
import { processIo, run } from '../shared.js';
import { termLine } from '../../render/terminal.js';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check a statement (or bundle) against the schema and a policy; exit 1 when incomplete')
    .argument('<statement>', 'provenance.intoto.json or a Sigstore bundle')
    .option('--policy <name|file>', 'standard, strict, none, or a policy file', 'standard')
    .option('--json', 'print the result as JSON on stdout')
    .action(
      run(async (file: string, o: { policy: string; json?: boolean }) => {
        const { statement } = await loadDocument(file);
        const result = evaluatePolicy(statement, await resolvePolicy(o.policy));
        if (o.json) processIo.out(JSON.stringify(result, null, 2));
        else {
          for (const f of result.findings) processIo.err(`${f.severity}: ${termLine(formatFinding(f))}`);
          processIo.out(result.complete ? `complete under policy "${result.policy}"` : `INCOMPLETE under policy "${result.policy}"`);
        }
        if (!result.complete) {
          processIo.err(`error: ${file} is incomplete under policy "${result.policy}" — supply the fields listed above and rebuild`);
        }
        return result.complete ? 0 : 1;
      }),
    );
}
