/**
 * The one terminal sanitiser: everything a person reads on a terminal (or in a CI log)
 * leaves through here. Text from records, configs and bundles is controlled by whoever
 * wrote them (a pull request, for instance), and a terminal interprets some characters:
 * ESC and the C1 controls start sequences that clear the screen, move the cursor, set
 * the window title or make OSC 8 links; a bare `\r` returns to the line's start, so what
 * follows overwrites a printed value; bidi overrides and isolates reorder what is shown
 * (U+202E makes `txt.exe` read `exe.txt`); other invisible format characters hide text.
 *
 * Each such character is replaced by a visible escape, `\uXXXX` (`\r` as `\r`), never
 * dropped: an auditor sees that something was there. Stripping sequences (strip-ansi)
 * would hide the evidence and still let `\r`, C1 and bidi through. The escapes are JSON's,
 * so a JSON document passed through stays the same JSON value: these characters only
 * occur inside its strings, where `\uXXXX` means the character itself.
 */

/**
 * C0 controls but tab and newline, DEL, C1 controls, bidi marks/embeddings/overrides/
 * isolates (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), line and paragraph
 * separators, every other format character (Cf: soft hyphen, zero-width space, word
 * joiner, BOM, interlinear annotations, ...) and the whole tag block U+E0000-U+E007F,
 * except the zero-width joiner and non-joiner, which emoji and several scripts need and
 * which cannot reorder or hide text on their own (escapeChar keeps them). Lone surrogates too: they cannot be
 * written as UTF-8 (in a `u` pattern the surrogate range matches only unpaired ones).
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029\u{e0000}-\u{e007f}\ud800-\udfff]/gu;

/** The same, with tab and newline: for one cell or one line. */
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\p{Cf}\u2028\u2029\u{e0000}-\u{e007f}\ud800-\udfff]/gu;

function escapeChar(ch: string): string {
  if (ch === '\u200c' || ch === '\u200d') return ch;
  if (ch === '\r') return '\\r';
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** Multi-line text for a terminal: newlines and tabs kept, every other control or invisible format character shown as an escape. */
export function termText(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** One line or table cell: newlines and tabs are shown as `\n`, `\t` too, so a value cannot forge another line or row. */
export function termLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escapeChar);
}

/** True when `text` holds nothing a terminal would interpret (besides newline and tab). */
export function isTerminalSafe(text: string): boolean {
  return termText(text) === text;
}

/**
 * A copy of a parsed document with every string (keys too) made one safe line, for
 * renderers that lay fields out line by line: a field holding `\n` cannot add a line
 * that looks like another field (`metric: accuracy = 0.99`).
 */
export function termStrings<T>(value: T): T {
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return termLine(v);
    if (v === null || typeof v !== 'object' || depth > 200) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, termLine(k), { value: walk(x, depth + 1), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return walk(value, 0) as T;
}
