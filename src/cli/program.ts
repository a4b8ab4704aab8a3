import { Command, CommanderError } from 'commander';
import { reportError, setDebug } from './shared.js';
import { InputError } from '../errors.js';
import { VERSION } from '../version.js';
import { register as registerRecord } from './commands/record.js';
import { register as registerBuild } from './commands/build.js';
import { register as registerValidate } from './commands/validate.js';
import { register as registerSummary } from './commands/summary.js';
import { register as registerSign } from './commands/sign.js';
import { register as registerVerify } from './commands/verify.js';
import { register as registerDiff } from './commands/diff.js';
import { register as registerLineage } from './commands/lineage.js';
import { register as registerReplay } from './commands/replay.js';
import { register as registerExport } from './commands/export.js';

export function createProgram(): Command {
  const program = new Command('ml-provenance')
    .description('Signed, verifiable, queryable provenance records for ML training runs.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'print stack traces for errors')
    .showHelpAfterError(false)
    // Subcommands own their options (`record dataset --version` is the dataset's version).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      // Commander's own usage errors become our one-line format with exit 2.
      outputError: () => undefined,
    })
    .hook('preAction', (cmd) => setDebug(Boolean(cmd.optsWithGlobals().debug)));
  for (const reg of [
    registerRecord,
    registerBuild,
    registerValidate,
    registerSummary,
    registerSign,
    registerVerify,
    registerDiff,
    registerLineage,
    registerReplay,
    registerExport,
  ]) {
    reg(program);
  }
  // Every subcommand inherits the same error handling.
  for (const cmd of program.commands) applyErrorHandling(cmd);
  return program;
}

function applyErrorHandling(cmd: Command): void {
  cmd.exitOverride().configureOutput({ outputError: () => undefined });
  // --debug is accepted after the subcommand too (positional options keep it off the root there).
  if (cmd.commands.length === 0 && !cmd.options.some((o) => o.long === '--debug')) cmd.option('--debug', 'print stack traces for errors');
  for (const sub of cmd.commands) applyErrorHandling(sub);
}

export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      const what = err.message.replace(/^error:\s*/i, '');
      const name = program.commands.find((c) => argv.includes(c.name()))?.name();
      return reportError(
        new InputError('usage', what, {
          fix: `run \`ml-provenance ${name ? `${name} ` : ''}--help\` for usage`,
        }),
      );
    }
    return reportError(err);
  }
}

