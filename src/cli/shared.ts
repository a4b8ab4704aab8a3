import { Option, type Command } from 'commander';
import { InputError, toProvenanceError } from '../errors.js';
import { termText } from '../render/terminal.js';
import { DECIMAL } from './values.js';
import { exactInteger } from '../util/json.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/**
 * The CLI's output boundary: everything printed goes through the terminal sanitiser
 * (src/render/terminal.ts), so no control sequence from a record reaches a terminal.
 * JSON stays the same JSON value (the escapes are JSON's).
 */
export const processIo: Io = {
  out: (t) => process.stdout.write(termText(t.endsWith('\n') ? t : t + '\n')),
  err: (t) => process.stderr.write(termText(t.endsWith('\n') ? t : t + '\n')),
};

let debug = false;
export function setDebug(on: boolean): void {
  debug = on;
  // The modules' loggers (stderrLogger.debug) read the environment variable.
  if (on) process.env.ML_PROVENANCE_DEBUG = '1';
}

/** Print an error the way CONTRACT.md says: `error: <what> — <how to fix>`, no stack unless --debug. */
export function reportError(err: unknown, io: Io = processIo): number {
  const e = toProvenanceError(err);
  io.err(`error: ${e.userMessage}`);
  if (debug) io.err(String((err as Error)?.stack ?? err));
  return e.exitCode;
}

/**
 * Wrap a command action: its return value is the exit code (0 when undefined) and
 * any thrown error is reported and turned into exit 1 or 2.
 */
export function run<A extends unknown[]>(fn: (...args: A) => Promise<number | void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      process.exitCode = code ?? 0;
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}

/** Commander collector for repeatable options (`--subject a --subject b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parse an integer option value, or fail naming the flag. */
export function intOption(flag: string): (v: string) => number {
  return (v: string) => {
    if (!/^-?\d+$/.test(v)) throw new InputError('bad-integer', `${flag} must be an integer (the value given is not shown, in case it is a credential)`, { fix: `pass ${flag} N` });
    return Number(v);
  };
}

/** Parse a seed option: an integer, exact beyond 2^53 as its decimal text (a 64-bit seed; util/json.ts exactInteger). */
export function seedOption(flag: string): (v: string) => number | string {
  const int = intOption(flag);
  return (v: string) => {
    int(v); // refuses what is not an integer, naming the flag
    return exactInteger(BigInt(v));
  };
}

/** Parse a finite number option value, or fail naming the flag. */
export function numberOption(flag: string): (v: string) => number {
  return (v: string) => {
    // A leading `+` as Python's float() reads it (`f"{delta:+}"` writes one); params keep `+1` as text.
    const digits = v.startsWith('+') ? v.slice(1) : v;
    const n = Number(digits);
    if (!DECIMAL.test(digits) || (digits !== v && digits.startsWith('-')) || !Number.isFinite(n)) {
      throw new InputError('bad-number', `${flag} must be a finite decimal number (the value given is not shown, in case it is a credential)`, { fix: `pass ${flag} 0.93` });
    }
    return n;
  };
}

/**
 * Machine output, one convention for every command: `--format json` prints one JSON
 * document on stdout, and `--json` is its alias (the contract's older spelling).
 * `formats` are the command's other formats; `json` is always among the choices.
 */
export function addFormatOption(cmd: Command, formats: readonly string[], defaultFormat: string, description = 'output format'): Command {
  return cmd
    .addOption(new Option('--format <format>', description).choices([...new Set([...formats, 'json'])]).default(defaultFormat))
    .addOption(new Option('--json', 'same as --format json: one JSON document on stdout').implies({ format: 'json' }));
}

/** The format asked for; `--json` with another `--format` is a usage error, not a silent choice. */
export function outputFormat<F extends string>(o: { format: F; json?: boolean }): F {
  if (o.json && o.format !== 'json') {
    throw new InputError('format-conflict', `--json and --format ${o.format} ask for different output`, { fix: 'pass one of them: --json is the same as --format json' });
  }
  return o.format;
}
