import type { Command } from 'commander';
import { evaluatePolicy, formatFinding, resolvePolicy } from '../../policy/index.js';
import { loadDocument } from '../../statement/load.js';
import { addFormatOption, outputFormat, processIo, run } from '../shared.js';
import { termLine } from '../../render/terminal.js';

export function register(program: Command): void {
  const cmd = program
    .command('validate')
    .description('check a statement (or bundle) against the schema and a policy; exit 1 when incomplete')
    .argument('<statement>', 'provenance.intoto.json or a Sigstore bundle')
    .option('--policy <name|file>', 'standard, strict, none, or a policy file', 'standard');
  addFormatOption(cmd, ['text'], 'text')
    .action(
      run(async (file: string, o: { policy: string; format: 'text' | 'json'; json?: boolean }) => {
        const format = outputFormat(o);
        const { statement } = await loadDocument(file);
        const result = evaluatePolicy(statement, await resolvePolicy(o.policy));
        if (format === 'json') processIo.out(JSON.stringify(result, null, 2));
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
