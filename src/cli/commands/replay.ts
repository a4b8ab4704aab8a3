import path from 'node:path';
import { Option, type Command } from 'commander';
import { InputError } from '../../errors.js';
import { parseTolerance, renderReplayTable, replayCheck, replayFailed, replayRun, type ReplayRow } from '../../lineage/replay.js';
import { loadDocument } from '../../statement/load.js';
import { processIo, run } from '../shared.js';
import { addTrustFlags, bundleVerifier, type TrustFlags } from '../trust-flags.js';
import { trustDocuments } from '../../lineage/trust.js';
import { stderrLogger } from '../../util/log.js';

interface ReplayOptions extends TrustFlags {
  verify: boolean;
  check?: boolean;
  run?: boolean;
  workdir?: string;
  tolerance?: string;
  json?: boolean;
  format?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command('replay')
    .description('check local inputs against a record (--check), or re-run the recorded command and compare outputs (--run)')
    .argument('<bundle>', 'provenance.sigstore.json or provenance.intoto.json')
    .option('--check', 'compare git HEAD, config files and local datasets with the recorded digests (default)')
    .option('--run', 're-run the recorded command in --workdir and compare model digests and final metrics')
    .option('--workdir <dir>', 'workspace to check or run in; for --run, a copy of the workspace inputs')
    .option('--tolerance <T>', 'with --run: allowed metric difference, absolute (0.001) or relative (1%)', '0')
    .option('--json', 'print the rows as JSON')
    .addOption(new Option('--format <format>', 'table, or json (same as --json)').choices(['table', 'json']).default('table'))
    .option('--no-verify', 'use the record without verifying its signature (never with --run on a file you did not make)');
  addTrustFlags(cmd)
    .action(
      run(async (file: string, o: ReplayOptions) => {
        if (o.check && o.run) throw new InputError('check-or-run', 'pass --check or --run, not both', { fix: '--run also checks the inputs first' });
        const tolerance = parseTolerance(o.tolerance);
        if (o.run && !o.workdir) {
          throw new InputError('run-needs-workdir', '--run needs --workdir DIR (a copy of the workspace)', {
            fix: 're-running overwrites the model files, so copy the workspace inputs to a directory and pass --workdir DIR',
          });
        }
        // A record decides what runs (--run) and what counts as matching (--check):
        // it is verified first, as `verify` and `lineage` do.
        const [doc] = await trustDocuments([await loadDocument(file)], { noVerify: !o.verify, verifier: bundleVerifier(o, { cache: false, jobs: 1 }), logger: stderrLogger });
        const { statement } = doc!;
        const workdir = path.resolve(o.workdir ?? process.cwd());
        const rows: ReplayRow[] = await replayCheck(statement, workdir);
        if (o.run) rows.push(...(await replayRun(statement, { workdir, tolerance })));
        processIo.out(o.json || o.format === 'json' ? JSON.stringify({ ok: !replayFailed(rows), rows }, null, 2) : renderReplayTable(rows));
        if (replayFailed(rows)) {
          const bad = rows.filter((r) => r.status === 'mismatch' || r.status === 'missing');
          for (const r of bad) {
            processIo.err(`error: ${r.kind} ${r.input}: ${r.status} (recorded ${r.recorded}, local ${r.local}) — restore the recorded input, or accept that this run differs`);
          }
          return 1;
        }
        return 0;
      }),
    );
}
