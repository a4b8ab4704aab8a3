/** Markdown escaping for values that come from records (user-controlled text). */

function text(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  return (typeof v === 'string' ? v : JSON.stringify(v)).replace(/\r?\n|\r/g, ' ');
}

/**
 * Plain text for a table cell or a line: nothing in it is read as Markdown or HTML
 * (every punctuation mark that could start markup is backslash-escaped, as CommonMark
 * allows), and pipes cannot end a table cell. Empty values show as an em dash.
 */
export function mdText(v: unknown): string {
  const s = text(v);
  return s === undefined ? '—' : s.replace(/([\\`*_[\]<>|#!~&])/g, '\\$1');
}

/**
 * The value verbatim in an inline code span, safe inside a table: the fence is longer
 * than any run of backticks in it, and pipes are escaped (GFM unescapes them in cells).
 */
export function mdCode(v: unknown): string {
  const s = text(v);
  if (s === undefined) return '—';
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s.replace(/\|/g, '\\|')}${pad}${fence}`;
}
