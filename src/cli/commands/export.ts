import type { Command } from 'commander';
import { Option } from 'commander';
import { EXPORT_FORMATS, exportStatement, type ExportFormat } from '../../lineage/export/index.js';
import { loadDocument } from '../../statement/load.js';
import { statementRunId } from '../../statement/serialize.js';
import { writeFileAtomic } from '../../util/fs.js';
import { stderrLogger } from '../../util/log.js';
import { refuseFilesWithStore, STORE_SOURCE_HELP, storeRunsById } from '../store-source.js';
import { processIo, run } from '../shared.js';
import { addTrustFlags, bundleVerifier, type TrustFlags } from '../trust-flags.js';
import { trustDocuments } from '../../lineage/trust.js';

export function register(program: Command): void {
  const cmd = program
    .command('export')
    .description('convert a training record to SLSA, CycloneDX ML-BOM, SPDX 3 (AI/Dataset), W3C PROV-JSON or OpenLineage (a bundle is verified first, as lineage and report do)')
    .argument('<file>', 'provenance.intoto.json or provenance.sigstore.json (with --store: a run id)')
    .addOption(new Option('--format <format>', 'target format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--store <PATH|URL>', `${STORE_SOURCE_HELP}; the stored bundle is verified again, as a file is`)
    .option('--no-verify', 'export the record without verifying its signature (the export then says nothing about who made it)')
    // Every command takes --json for machine output; an export is always one JSON document.
    .option('--json', 'accepted for uniformity: the export is always one JSON document (--format names the standard)');
  addTrustFlags(cmd, 'the repository whose workflow must have signed the bundle')
    .action(
      run(async (file: string, o: TrustFlags & { format: ExportFormat; out?: string; store?: string; verify: boolean }) => {
        if (o.store !== undefined) refuseFilesWithStore([file], 'export', o.store);
        const loaded = o.store !== undefined ? (await storeRunsById(o.store, [file], stderrLogger))[0]! : await loadDocument(file);
        // An export carries the record into other tools, which will not check it: a tampered or
        // foreign bundle is refused here, as lineage, report and replay refuse it.
        const [doc] = await trustDocuments([loaded], { noVerify: !o.verify, verifier: bundleVerifier(o, { cache: false, jobs: 1 }), logger: stderrLogger });
        const text = `${JSON.stringify(exportStatement(doc!.statement, o.format, statementRunId(doc!)), null, 2)}\n`;
        if (o.out) {
          await writeFileAtomic(o.out, text);
          processIo.err(`wrote ${o.out} (${o.format})`);
        } else {
          processIo.out(text);
        }
      }),
    );
}
