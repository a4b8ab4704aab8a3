import type { Command } from 'commander';
import { Option } from 'commander';
import { EXPORT_FORMATS, exportStatement, type ExportFormat } from '../../lineage/export/index.js';
import { loadDocument } from '../../statement/load.js';
import { statementRunId } from '../../statement/serialize.js';
import { writeFileAtomic } from '../../util/fs.js';
import { stderrLogger } from '../../util/log.js';
import { refuseFilesWithStore, STORE_SOURCE_HELP, storeRunsById } from '../store-source.js';
import { processIo, run } from '../shared.js';

export function register(program: Command): void {
  program
    .command('export')
    .description('convert a training record to SLSA, CycloneDX ML-BOM, SPDX 3 (AI/Dataset), W3C PROV-JSON or OpenLineage (does not verify)')
    .argument('<file>', 'provenance.intoto.json or provenance.sigstore.json (with --store: a run id)')
    .addOption(new Option('--format <format>', 'target format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--store <PATH|URL>', STORE_SOURCE_HELP)
    // Every command takes --json for machine output; an export is always one JSON document.
    .option('--json', 'accepted for uniformity: the export is always one JSON document (--format names the standard)')
    .action(
      run(async (file: string, o: { format: ExportFormat; out?: string; store?: string }) => {
        if (o.store !== undefined) refuseFilesWithStore([file], 'export');
        const doc = o.store !== undefined ? (await storeRunsById(o.store, [file], stderrLogger))[0]! : await loadDocument(file);
        const text = `${JSON.stringify(exportStatement(doc.statement, o.format, statementRunId(doc)), null, 2)}\n`;
        if (o.out) {
          await writeFileAtomic(o.out, text);
          processIo.err(`wrote ${o.out} (${o.format})`);
        } else {
          processIo.out(text);
        }
      }),
    );
}
