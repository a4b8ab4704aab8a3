import { termLine } from './terminal.js';

/**
 * Fixed-width text table; cells never wrap, so it stays grep-able. Columns listed in `right`
 * (numbers) are right-aligned, so their digits line up.
 */
export function textTable(rawHeaders: string[], rawRows: string[][], opts: { right?: readonly number[] } = {}): string {
  // Cells hold record text: one visible line each, no control sequences (src/render/terminal.ts).
  const headers = rawHeaders.map(termLine);
  const rows = rawRows.map((r) => r.map(termLine));
  const right = new Set(opts.right ?? []);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [fmt(headers), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n') + '\n';
}
