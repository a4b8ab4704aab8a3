/**
 * Error messages about files and values that may hold credentials. A parser's
 * message often quotes the text it refused (yaml's code frame, TOML's
 * codeblock, `JSON.parse`'s excerpt); a CI log must get the position and the
 * kind of error only.
 */

/** The first line of a parser's message, without its code frame, position suffix or quoted text. */
export function parserReason(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const first = raw.split('\n')[0] ?? '';
  return (
    first
      .replace(/^Invalid TOML document:\s*/, '')
      .replace(/\s+at line \d+, column \d+:?\s*$/, '')
      .replace(/,?\s*"[\s\S]*"(\.\.\.)?\s+is not valid JSON\s*$/, '')
      // Quoted excerpts of the input (a single quoted character, `Expected ','`, is the grammar), and what follows an alias marker.
      .replace(/"[^"]{2,}"|'[^'\s]{2,}'|`[^`]{2,}`/g, '…')
      .replace(/:\s*\S+$/, (m) => (/^:\s*(?:\d+|…)$/.test(m) ? m : ''))
      .trim() || 'syntax error'
  );
}

/** Line (1-based) of a yaml/smol-toml parse error, when it knows. */
export function parserLine(err: unknown): number | undefined {
  const e = err as { linePos?: Array<{ line: number }>; line?: number };
  return e?.linePos?.[0]?.line ?? (typeof e?.line === 'number' ? e.line : undefined);
}
