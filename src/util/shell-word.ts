/**
 * One argument as a person types it in a POSIX shell: as it is when it holds only characters no
 * shell reads specially (so `--output m=train/x.txt` stays readable, where shell-quote writes
 * `m\=…`), else single-quoted.
 */
export function shellWord(a: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}
