import type { Command } from 'commander';
import { loadDocument } from '../../statement/load.js';
import { findPseudonyms, reveal } from '../../statement/pseudonymize.js';
import { readFileChecked } from '../../util/fs.js';
import { requirePseudonymKey } from '../pseudonym-key.js';
import { addFormatOption, collect, outputFormat, processIo, run } from '../shared.js';

/**
 * `reveal`: map a record's keyed pseudonyms back to values, for an auditor who holds the
 * team's key and the candidate values (the dataset catalogue, the cohort list). An HMAC
 * cannot be inverted: a pseudonym is revealed only when one of the candidates matches.
 */
export function register(program: Command): void {
  const cmd = program
    .command('reveal')
    .description('map keyed pseudonyms in a record back to candidate values (needs the team\'s key)')
    .argument('<file>', 'provenance.intoto.json or a bundle')
    .option('--candidates <file>', 'a file of candidate values, one a line (repeatable)', collect, [])
    .option('--value <v>', 'a candidate value (repeatable)', collect, [])
    .option('--pseudonym-key-file <file>', 'the key (default: env ML_PROVENANCE_PSEUDONYM_KEY)');
  addFormatOption(cmd, ['text'], 'text')
    .action(
      run(async (file: string, o: { candidates: string[]; value: string[]; pseudonymKeyFile?: string; format: string; json?: boolean }) => {
        outputFormat(o);
        const key = await requirePseudonymKey(o.pseudonymKeyFile);
        const { statement } = await loadDocument(file);
        const candidates = [...o.value];
        for (const f of o.candidates) {
          const text = (await readFileChecked(f, 'candidates file')).toString('utf8');
          candidates.push(...text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
        }
        const found = findPseudonyms(statement.predicate).map((f) => ({ ...f, value: reveal(f.pseudonym, candidates, key) ?? null }));
        if (o.format === 'json') {
          processIo.out(JSON.stringify({ keyId: key.id, pseudonyms: found }, null, 2));
        } else if (found.length === 0) {
          processIo.out('no pseudonyms in this record');
        } else {
          for (const f of found) processIo.out(`${f.pointer}\t${f.value ?? `(no candidate matches${[key.id, key.earlier?.id].includes(f.pseudonym.slice(6, 14)) ? '' : ': made with another key'})`}`);
        }
        const unresolved = found.filter((f) => f.value === null).length;
        return unresolved ? 1 : 0;
      }),
    );
}
