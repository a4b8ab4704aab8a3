/**
 * The one Markdown escaper. Every value that comes from a record, a config, a bundle or
 * a policy file goes through one of these before it reaches a PR comment, a job summary
 * or provenance.md: a training branch controls those values, and the comment is posted
 * by the repository's bot.
 *
 * Two layers, because GitHub has two:
 * - GFM parsing (CommonMark + tables, strikethrough, autolink literals, math): every ASCII
 *   punctuation mark that can open markup is backslash-escaped, so no heading, list,
 *   link, image, HTML (`<!--`, `<details>`), entity, emphasis, code, math or table cell
 *   can start inside a value; newlines become spaces.
 * - GitHub's post-processing of the rendered HTML text (@mentions, #123 / GH-123 /
 *   owner/repo#1 references, and the `www.` / `scheme://` / e-mail autolinks): a
 *   backslash does not survive into the HTML these filters read, so a ZERO WIDTH JOINER
 *   (U+200D, invisible) is put right after the `@`, the `#`, the `GH-`,
 *   the `:` of `://` and the `www`, which none of those patterns accept there.
 */

/**
 * U+200D ZERO WIDTH JOINER: invisible, and not a character any GitHub autolink pattern
 * accepts. (Not U+2060 WORD JOINER: the terminal sanitiser, render/terminal.ts, shows that
 * one as `\u2060` when the CLI prints Markdown; it keeps the joiner, which emoji need.)
 */
export const ZWJ = '\u200d';

/** C0/C1 controls (but tab) and bidirectional overrides: shown as U+FFFD, never obeyed. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function text(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  return (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v)).replace(/\r\n?|\n|\u2028|\u2029/g, ' ').replace(CONTROLS, '\ufffd');
}

/** Break GitHub's text-level autolinkers (mentions, issue refs, bare URLs, e-mails). */
function defuse(s: string): string {
  return s
    .replace(/@/g, `@${ZWJ}`)
    .replace(/#/g, `#${ZWJ}`)
    .replace(/(gh)-(?=\d)/gi, `$1-${ZWJ}`)
    .replace(/:(?=\/\/)/g, `:${ZWJ}`)
    .replace(/(www)(?=\.)/gi, `$1${ZWJ}`);
}

/**
 * Plain text for a table cell or inline in a line: nothing in it is read as Markdown or
 * HTML, nothing pings or links. Empty values show as an em dash.
 */
export function mdText(v: unknown): string {
  const s = text(v);
  if (s === undefined) return '—';
  let out = s.replace(/[\\`*_[\]<>|#!~&$]/g, '\\$&');
  // Constructs that only count at the start of a line (lists, quotes, setext underlines).
  out = out
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(>|=+\s*$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
  return defuse(out);
}

/**
 * The value verbatim in an inline code span: the fence is longer than any run of
 * backticks in it. GitHub does not autolink or mention inside code.
 *
 * In a table cell (`where = 'cell'`, the default) pipes are escaped, which GFM undoes in
 * cells only; a value where a backslash precedes a pipe cannot be code in a cell (the
 * row would split there), so it is shown as escaped text instead. Elsewhere (`'inline'`:
 * lists, sentences) the value goes in untouched.
 *
 * Never put a code span first on a line: three backticks there open a fenced block.
 */
export function mdCode(v: unknown, where: 'cell' | 'inline' = 'cell'): string {
  const s = text(v);
  if (s === undefined) return '—';
  if (where === 'cell' && s.includes('\\|')) return mdText(s);
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || /^ .* $/.test(s) ? ' ' : '';
  return `${fence}${pad}${where === 'cell' ? s.replace(/\|/g, '\\|') : s}${pad}${fence}`;
}

/**
 * A sentence the project wrote that quotes commands in backticks and may embed
 * recorded values (policy findings, fixes, notes): the backtick-quoted parts become
 * code spans, everything else is escaped text. Hostile values stay inert either way.
 */
export function mdInline(v: unknown): string {
  const s = text(v);
  if (s === undefined) return '—';
  const out: string[] = [];
  let last = 0;
  for (const m of s.matchAll(/`([^`]+)`/g)) {
    if (m.index > last) out.push(mdText(s.slice(last, m.index)));
    out.push(mdCode(m[1], 'inline'));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(mdText(s.slice(last)));
  return out.join('');
}

/**
 * A fenced code block of verbatim lines (e.g. `sha256sum` lines): the fence is longer
 * than any backtick run inside, so no line can close it. Nothing in code is linked.
 */
export function mdCodeBlock(lines: string[], info = ''): string {
  const body = lines.map((l) => text(l) ?? '');
  const longest = Math.max(2, ...body.flatMap((l) => [...l.matchAll(/`+/g)].map((m) => m[0].length)));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${info}`, ...body, fence].join('\n');
}

/**
 * A link whose target the project built (a run page, a release asset): only http(s)
 * URLs made of URL-safe characters are linked; anything else is shown as text.
 */
export function mdLink(label: string, url: string): string {
  if (!/^https?:\/\/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+$/.test(url) || /[()<>\s]/.test(url)) return mdText(label);
  return `[${mdText(label)}](${url})`;
}
