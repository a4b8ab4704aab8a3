/**
 * One value a line, as GitHub's multi-line action inputs are written (and the CLI options
 * that mirror them): each line trimmed, blank lines and `# comments` skipped.
 */
export function valueLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'));
}
