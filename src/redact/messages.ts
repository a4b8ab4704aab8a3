import { findSecrets } from './detect.js';

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

/**
 * What a refused value looks like, without its text: a value typed into the wrong flag or
 * input may be a credential, and error messages reach CI logs. Only facts from a fixed
 * vocabulary are told (length, line breaks, spaces, which URL parts it has, whether it looks
 * like a credential), enough to find the mistake next to the expected shape.
 */
export function refusedValueShape(value: string): string {
  const facts: string[] = [];
  if (value.trim() === '') facts.push(value ? 'only spaces' : 'empty');
  else {
    facts.push(`${[...value].length} ${[...value].length === 1 ? 'character' : 'characters'}`);
    if (/[\r\n]/.test(value.trim())) facts.push('several lines');
    else if (/\s/.test(value.trim())) facts.push('contains spaces');
    const url = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(value.trim());
    if (url) {
      const scheme = url[1]!.toLowerCase();
      facts.push(scheme === 'http' || scheme === 'https' ? `a ${scheme} URL` : 'a URL whose scheme is not http(s)');
      if (url[2]!.includes('@')) facts.push('with user:password@ in it');
      if (/[?#]/.test(value)) facts.push('with a query or fragment');
    }
    if (findSecrets(value).length > 0) facts.push('looks like a credential');
  }
  return `(its text is not shown, in case it is a credential: ${facts.join(', ')})`;
}
