import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Option, type Command } from 'commander';
import { CheckError, InputError } from '../../errors.js';
import {
  assertRunTrusted,
  parseTolerance,
  refOfIdentity,
  replayCommands,
  renderReplayTable,
  replayCheck,
  replayFailed,
  replayRun,
  showReplayCommand,
  commandDir,
  workdirRoot,
  type ReplayCommand,
  type ReplayRow,
  type RunTrust,
} from '../../lineage/replay.js';
import { loadDocument, type LoadedDocument } from '../../statement/load.js';
import { collect, outputFormat, processIo, run } from '../shared.js';
import { parseInputOverrides } from '../../lineage/pipeline.js';
import { refuseFilesWithStore, STORE_SOURCE_HELP, storeRunsById } from '../store-source.js';
import { addTrustFlags, bundleVerifier, type TrustFlags } from '../trust-flags.js';
import { trustDocuments } from '../../lineage/trust.js';
import { stderrLogger } from '../../util/log.js';
import { bundleCertificate, signerIdentity } from '../../verify/index.js';
import { termLine } from '../../render/terminal.js';

interface ReplayOptions extends TrustFlags {
  verify: boolean;
  check?: boolean;
  run?: boolean;
  workdir?: string;
  tolerance?: string;
  json?: boolean;
  format: string;
  yes?: boolean;
  allowChangedInputs?: boolean;
  input: string[];
  store?: string;
}

/** Who signed, and whether the flags pinned the signer to a ref. */
function runTrust(doc: LoadedDocument, o: ReplayOptions): RunTrust {
  if (!o.verify) return { unverified: true, pinned: false };
  const pinned = Boolean((o.signerWorkflow && o.signerWorkflow.includes('@')) || o.certIdentity);
  const cert = bundleCertificate(doc.bundle);
  const id = cert ? signerIdentity(cert) : {};
  const signer = id.buildSignerURI ?? id.subjectAlternativeName;
  const signerRef = id.sourceRepositoryRef ?? refOfIdentity(signer);
  return { unverified: false, pinned, ...(signerRef ? { signerRef } : {}), ...(id.buildTrigger ? { trigger: id.buildTrigger } : {}), ...(signer ? { signer } : {}) };
}

/** Ask on the terminal; anything but y/yes is no. */
async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}

function printRows(rows: ReplayRow[], json: boolean | undefined): void {
  processIo.out(json ? JSON.stringify({ ok: !replayFailed(rows), rows }, null, 2) : renderReplayTable(rows));
}

function reportBadRows(rows: ReplayRow[]): void {
  for (const r of rows.filter((x) => x.status === 'mismatch' || x.status === 'missing')) {
    // What a replayed step wrote is not an input to restore: the step's code, inputs or environment differ.
    const written = /^(output of|written by) step /.test(r.note ?? '') || r.kind === 'model' || r.kind === 'metric';
    const fix = r.fix ?? (written
      ? 'the replayed run produced something else: compare the step’s code, inputs and environment with the record (`ml-provenance summary`)'
      : 'restore the recorded input, or accept that this run differs');
    processIo.err(termLine(`error: ${r.kind} ${r.input}: ${r.status} (recorded ${r.recorded}, local ${r.local})${r.note ? ` [${r.note}]` : ''} — ${fix}`));
  }
  const stopped = rows.find((x) => x.kind === 'step' && x.status === 'skipped' && x.note?.startsWith('not run: '));
  if (stopped) {
    const notRun = rows.filter((x) => x.kind === 'step' && x.note?.startsWith('not run: ')).map((x) => x.input);
    processIo.err(termLine(`${stopped.note!.slice('not run: '.length)}: not run: ${notRun.join(', ')}`));
  }
}

export function register(program: Command): void {
  const cmd = program
    .command('replay')
    .description('check local inputs against a record and show the replay plan (--check), or re-run the recorded steps in order (or the run command) and compare outputs (--run)')
    .argument('<bundle>', 'provenance.sigstore.json or provenance.intoto.json (with --store: a run id)')
    .option('--check', 'compare git HEAD, config files and local datasets with the recorded digests (default)')
    .option('--run', 're-run the recorded command in --workdir and compare model digests and final metrics (needs a signer pinned to a ref; asks first)')
    .option('--workdir <dir>', 'workspace to check or run in; for --run, a copy of the workspace inputs')
    .option('--tolerance <T>', 'with --run: allowed metric difference, absolute (0.001) or relative (1%)', '0')
    .option('--yes', 'with --run: run the recorded command without asking (it is still shown)')
    .option('--allow-changed-inputs', 'with --run: run even though inputs differ from the record (an experiment, not a reproduction); missing inputs still stop it')
    .option('--input <ID=PATH>', 'a local copy of a (remote) dataset: its digest is checked against the record (repeatable; the commands still read where they read, so put the copy there)', collect, [])
    .option('--store <PATH|URL>', `${STORE_SOURCE_HELP}; the stored bundle is verified again, as a file is`)
    .addOption(new Option('--json', 'print the rows as JSON (same as --format json)').implies({ format: 'json' }))
    .addOption(new Option('--format <format>', 'table, or json (same as --json)').choices(['table', 'json']).default('table'))
    .option('--no-verify', 'use the record without verifying its signature (never with --run on a file you did not make)');
  addTrustFlags(cmd)
    .action(
      run(async (file: string, o: ReplayOptions) => {
        const json = outputFormat(o) === 'json';
        if (o.check && o.run) throw new InputError('check-or-run', 'pass --check or --run, not both', { fix: '--run also checks the inputs first' });
        const tolerance = parseTolerance(o.tolerance);
        if (o.run && !o.workdir) {
          throw new InputError('run-needs-workdir', '--run needs --workdir DIR (a copy of the workspace)', {
            fix: 're-running overwrites the model files, so copy the workspace inputs to a directory and pass --workdir DIR',
          });
        }
        const workdir = path.resolve(o.workdir ?? process.cwd());
        // Before anything is read: a mistyped --workdir is a usage error.
        await workdirRoot(workdir);
        // A record decides what runs (--run) and what counts as matching (--check):
        // it is verified first, as `verify` and `lineage` do.
        if (o.store !== undefined) refuseFilesWithStore([file], 'replay', o.store);
        const loaded = o.store !== undefined ? (await storeRunsById(o.store, [file], stderrLogger))[0]! : await loadDocument(file);
        const [doc] = await trustDocuments([loaded], { noVerify: !o.verify, verifier: bundleVerifier(o, { cache: false, jobs: 1 }), logger: stderrLogger });
        const { statement } = doc!;
        const overrides = parseInputOverrides(o.input, statement);
        let commands: ReplayCommand[] | undefined;
        if (o.run) {
          // Everything that can refuse the run is decided before any input is looked at.
          assertRunTrusted(runTrust(doc!, o));
          commands = replayCommands(statement);
        }
        // A recorded folder outside the workdir or not in it refuses the run before the inputs are looked at.
        for (const c of commands ?? []) await commandDir(workdir, c);
        const rows: ReplayRow[] = await replayCheck(statement, workdir, { overrides });
        if (!commands) {
          printRows(rows, json);
          if (replayFailed(rows)) {
            reportBadRows(rows);
            return 1;
          }
          return 0;
        }
        // The input check decides whether a run could reproduce anything: a missing
        // input is reported now, not as the training script's traceback.
        const missing = rows.some((r) => r.status === 'missing');
        const changed = rows.some((r) => r.status === 'mismatch');
        if (missing || (changed && !o.allowChangedInputs)) {
          printRows(rows, json);
          reportBadRows(rows);
          throw new CheckError('replay-inputs-differ', `the inputs in ${workdir} are not the recorded ones, so the command was not run`, {
            fix: missing
              ? 'restore the missing inputs (datasets, configs, the checkout) in the workdir and run again'
              : 'restore the recorded inputs, or pass --allow-changed-inputs to run on these inputs anyway',
          });
        }
        processIo.err(
          `replay will run${commands.length === 1 && commands[0]!.stepIndex === undefined ? `: ${showReplayCommand(commands[0]!)}` : `, in this order:\n${commands.map((c) => `  ${termLine(c.label)}: ${showReplayCommand(c)}`).join('\n')}`}\n  in ${termLine(workdir)} (the command${commands.length > 1 ? 's come' : ' comes'} from the record${o.verify ? '' : ', which was not verified'})`,
        );
        if (!o.yes) {
          if (!process.stdin.isTTY || !process.stderr.isTTY) {
            throw new InputError('replay-needs-confirmation', '--run asks before running the command from the record, and there is no terminal to ask on', {
              fix: 'review the command shown above and pass --yes to run it',
              fields: ['--yes'],
            });
          }
          if (!(await confirm('Run it? [y/N] '))) {
            processIo.err('not run');
            return 1;
          }
        }
        // The plan's rows are replaced by what happened when it ran.
        const checked = rows.filter((r) => r.status !== 'planned');
        checked.push(...(await replayRun(statement, { workdir, tolerance, overrides, ...(o.allowChangedInputs ? { allowChangedInputs: true } : {}) })));
        rows.splice(0, rows.length, ...checked);
        printRows(rows, json);
        if (replayFailed(rows)) {
          reportBadRows(rows);
          return 1;
        }
        return 0;
      }),
    );
}
