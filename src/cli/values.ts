import { InputError } from '../errors.js';

export type ScalarValue = string | number | boolean | null;

/** Which argument is meant, without quoting it: a refused value may be a credential and must not reach a CI log. */
function which(flag: string, position?: number): string {
  const name = flag === 'param' ? 'record param' : flag;
  return position === undefined ? `${name}: an argument` : `${name}: argument ${position}`;
}

/** `K=V` with V typed the way a user means it: numbers, true/false, null, else a string. */
export function parseKeyValue(arg: string, flag: string, position?: number): [string, ScalarValue] {
  const eq = arg.indexOf('=');
  if (eq <= 0) {
    throw new InputError('bad-key-value', `${which(flag, position)} is not KEY=VALUE (its text is not shown, in case it is a credential)`, {
      fix: `write it as ${flag === 'param' ? '' : `${flag} `}lr=0.01`,
    });
  }
  return [arg.slice(0, eq), typedValue(arg.slice(eq + 1))];
}

/** A number as decimal text (`0.93`, `-1`, `.5`, `1e-05`), as Python, JSON and people write it; not `0x10`, ` 1` or `Infinity`, which Number() also reads. */
export const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function typedValue(raw: string): ScalarValue {
  // Leading zeros mean an identifier (`run=007`), not a number.
  if (/^-?0\d/.test(raw)) return raw;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (DECIMAL.test(raw)) {
    const n = Number(raw);
    if (Number.isFinite(n) && (Number.isSafeInteger(n) || !/^-?\d+$/.test(raw))) return n;
  }
  return raw;
}

/**
 * `torch=2.10` or `torch@2.10`: a library and its version, always a string
 * (as a number, 2.10 would become 2.1).
 */
export function parseLibrary(arg: string, flag: string, position?: number): [string, string] {
  const m = /^(@?[^@=\s]+)[=@](\S+)$/.exec(arg);
  if (!m) {
    throw new InputError('bad-library', `${which(flag, position)} is not NAME=VERSION or NAME@VERSION (its text is not shown, in case it is a credential)`, {
      fix: `write it as ${flag} torch=2.4.0`,
    });
  }
  return [m[1]!, m[2]!];
}

/** `--split train=0.8` entries into a splits map. */
export function parseSplits(entries: string[]): Record<string, number> | undefined {
  if (!entries.length) return undefined;
  const out: Record<string, number> = {};
  for (const [i, e] of entries.entries()) {
    const [k, v] = parseKeyValue(e, '--split', i + 1);
    if (typeof v !== 'number') throw new InputError('bad-split', `--split ${i + 1}: the fraction must be a number in (0, 1]`, { fix: 'write it as --split train=0.8' });
    out[k] = v;
  }
  return out;
}
