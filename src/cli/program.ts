import { Command, CommanderError } from 'commander';
import { reportError, setDebug } from './shared.js';
import { InputError } from '../errors.js';
import { VERSION } from '../version.js';

type Registrar = { register(program: Command): void };

/**
 * The commands, with descriptions for the root help. Each command's module (and the
 * heavy libraries it needs: sigstore, octokit, cyclonedx…) is imported only when that
 * command runs, so `--help` and light commands start fast.
 */
const COMMANDS: ReadonlyArray<{ name: string; description: string; load: () => Promise<Registrar> }> = [
  { name: 'record', description: 'append what the training code knows to the records log', load: () => import('./commands/record.js') },
  { name: 'build', description: 'build the in-toto statement for a training run and check it against the policy', load: () => import('./commands/build.js') },
  { name: 'validate', description: 'check a statement or bundle against the schema and a policy', load: () => import('./commands/validate.js') },
  { name: 'summary', description: 'print the readable summary of a statement or bundle', load: () => import('./commands/summary.js') },
  { name: 'sign', description: 'sign a statement with Sigstore into a bundle', load: () => import('./commands/sign.js') },
  { name: 'verify', description: 'verify a bundle: signature, transparency log, signer identity, file digests, policy', load: () => import('./commands/verify.js') },
  { name: 'diff', description: 'compare two records: datasets, config, image, steps, metrics', load: () => import('./commands/diff.js') },
  { name: 'lineage', description: 'query lineage across many bundles', load: () => import('./commands/lineage.js') },
  { name: 'replay', description: 'check local inputs against a record, or re-run it', load: () => import('./commands/replay.js') },
  { name: 'digest', description: 'print the sha256 of a file, or the manifest and digest of a directory', load: () => import('./commands/digest.js') },
  { name: 'reveal', description: 'map keyed pseudonyms in a record back to candidate values', load: () => import('./commands/reveal.js') },
  { name: 'store', description: 'the provenance store: ingest, sync, audit, purge, grant', load: () => import('./commands/store.js') },
  { name: 'report', description: 'write a self-contained HTML report for auditors: verdicts, lineage graph, tables, charts, diffs', load: () => import('./commands/report.js') },
  { name: 'export', description: 'export a record as SLSA, CycloneDX, SPDX, PROV or OpenLineage', load: () => import('./commands/export.js') },
];

function rootProgram(): Command {
  return new Command('ml-provenance')
    .description('Signed, verifiable, queryable provenance records for ML training runs.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'print stack traces for errors')
    .showHelpAfterError(false)
    // Subcommands own their options (`record dataset --version` is the dataset's version).
    .enablePositionalOptions()
    .exitOverride()
    // Commander's own usage errors become our one-line format with exit 2.
    .configureOutput({ outputError: () => undefined })
    // The action command's options: `--debug` may follow the subcommand.
    .hook('preAction', (_root, action) => setDebug(Boolean(action.optsWithGlobals().debug)));
}

/** The subcommand named by argv (`verify …`, `help verify`), if any. */
export function requestedCommand(argv: string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const first = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.some((c) => c.name === first) ? first : undefined;
}

/**
 * A program with the requested command fully registered (or, with `all`, every
 * command), and the rest as name + description only, for help and for
 * commander's "unknown command" handling.
 */
export async function createProgram(argv: string[] = [], all = false): Promise<Command> {
  const program = rootProgram();
  const wanted = requestedCommand(argv);
  for (const c of COMMANDS) {
    if (all || c.name === wanted) (await c.load()).register(program);
    else program.command(c.name).description(c.description);
  }
  for (const cmd of program.commands) applyErrorHandling(cmd);
  return program;
}

function applyErrorHandling(cmd: Command): void {
  cmd.exitOverride().configureOutput({ outputError: () => undefined });
  // --debug is accepted after the subcommand too (positional options keep it off the root there).
  if (cmd.commands.length === 0 && !cmd.options.some((o) => o.long === '--debug')) cmd.option('--debug', 'print stack traces for errors');
  for (const sub of cmd.commands) applyErrorHandling(sub);
}

/**
 * A reader that stops reading (`ml-provenance … --help | head -1`) closes the pipe: what is
 * left to print has nowhere to go, and the command ends as it would have. Without a listener
 * the write's EPIPE was an unhandled 'error' event: a stack trace and exit 1.
 */
function quietOnClosedPipe(): void {
  for (const s of [process.stdout, process.stderr]) {
    if (s.listeners('error').includes(closedPipe)) continue;
    s.on('error', closedPipe);
  }
}
function closedPipe(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  let program: Command | undefined;
  try {
    program = await createProgram(argv);
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      const what = err.message.replace(/^error:\s*/i, '');
      const name = requestedCommand(argv);
      return reportError(
        new InputError('usage', what, {
          fix: `run \`ml-provenance ${name ? `${name} ` : ''}--help\` for usage`,
        }),
      );
    }
    return reportError(err);
  }
}
