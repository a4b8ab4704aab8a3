/**
 * A recorded command (argv) as a person would type it in a POSIX shell, on one line.
 * One form for every place that shows a command (the summary, diff, replay), so the same
 * command reads the same everywhere and can be pasted back.
 */

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

function word(a: string): string {
  if (PLAIN.test(a)) return a;
  // A control character (a newline in `python -c "…"`) cannot be shown inside '…' on one
  // line: bash's $'…' spells it as \n, \t, \xHH, and the word stays exact.
  if (a.search(CONTROL) < 0) return `'${a.replace(/'/g, `'\\''`)}'`;
  const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };
  return `$'${a.replace(/[\\']/g, '\\$&').replace(CONTROL, (c) => named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}'`;
}

/** `python3 train.py --name 'my run'`: plain words bare, the rest quoted. */
export function shellWords(argv: readonly string[]): string {
  return argv.map(word).join(' ');
}

/** The command and, when it ran in a sub-folder of the checkout, the folder: `python3 trainer.py (in train/)`. */
export function commandInFolder(argv: readonly string[], dir: string | undefined): string {
  return `${shellWords(argv)}${dir ? ` (in ${dir}/)` : ''}`;
}
