import { percentEncode } from './dataset-id.js';

/**
 * `file:` URIs in records (RFC 3986). A record names a workspace file as `file:` + its
 * path percent-encoded as a URI path: the path characters RFC 3986 allows as written
 * (unreserved, sub-delims, `:`, `@`, `/`), everything else — `%`, `?`, `#`, `[`, `]`, a
 * space, non-ASCII — as UTF-8 `%XX`, upper-case hex (`data/my file.csv` →
 * `file:data/my%20file.csv`). This is Python's `urllib.parse.quote(p, safe="/!$&'()*+,;=:@~")`.
 *
 * Records written before this held the path as written (`file:data/my file.csv`,
 * `file:a%b.csv`, `file:x#y?.csv`). Their signatures cover that text, so it stays accepted.
 * Nothing marks an old record as old (predicate v1 and builder version 0.1.0 before and after
 * this change), so every reader asks this module which path a uri names:
 * - with the path the record also holds (a dataset's `annotations.path`, a config's `name`),
 *   a uri equal to `file:` + that path as written (old) or encoded (new) names exactly it;
 *   the two forms never name different paths, so this is exact for both, even for a file
 *   literally named `a%20b.csv` (old `file:a%20b.csv`, new `file:a%2520b.csv`);
 * - without one (a `--uri` a person typed), a text that is a valid URI path (only path
 *   characters and well-formed `%XX` that decode to UTF-8) is read as a URI and decoded;
 *   any other text (a space, non-ASCII, a stray `%`, `?`, `#`, `[`) cannot come from the
 *   encoder, so it is an old record's path as written, read as it is.
 * The only text both could have written is an old, hand-typed uri whose path holds a literal
 * `%XX` and no other character the encoder changes: it is read as a URI, as RFC 3986 says.
 */

/** A character a URI path holds as written (RFC 3986 `pchar` less `%`, and `/`). */
const PATH_CHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/;
/** A valid RFC 3986 path: path characters and well-formed percent-escapes only. */
const URI_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

/**
 * A path as an RFC 3986 URI path: every character that is not a path character as UTF-8 `%XX`.
 * A path starting `//` gets its second `/` encoded, or `file://x` would read `x` as a host.
 */
export function encodeUriPath(p: string): string {
  let out = '';
  for (const ch of p) out += PATH_CHAR.test(ch) ? ch : percentEncode(ch);
  return out.startsWith('//') ? `/%2F${out.slice(2)}` : out;
}

/** The `file:` URI of a workspace path (`data/my file.csv` → `file:data/my%20file.csv`). */
export function fileUri(p: string): string {
  return `file:${encodeUriPath(p)}`;
}

const isFile = (uri: string) => /^file:/i.test(uri);
const hasAuthority = (uri: string) => /^file:\/\//i.test(uri);

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined; // a %XX sequence that is not UTF-8: not a path this project wrote
  }
}

interface FileUriReading {
  path: string;
  /** The text is already the URI form (a new record's, or a valid URI typed as such). */
  isUri: boolean;
  /** `file://host/path`, `file:///abs`: a URL with an authority, decoded by WHATWG's parser. */
  authority?: boolean;
}

function readFileUri(uri: string, known?: string): FileUriReading | undefined {
  if (!isFile(uri)) return undefined;
  const rest = uri.slice('file:'.length);
  if (known !== undefined) {
    if (rest === encodeUriPath(known)) return { path: known, isUri: true };
    if (rest === known) return { path: known, isUri: false }; // an old record's path as written
  }
  if (hasAuthority(uri)) {
    // file://host/path, file:///abs: WHATWG's parser encodes whatever the text left raw.
    try {
      const { pathname } = new URL(uri);
      return { path: decode(pathname) ?? pathname, isUri: URI_PATH.test(uri.slice('file://'.length).replace(/^[^/]*/, '')), authority: true };
    } catch {
      return { path: uri.slice('file://'.length).replace(/^[^/]*/, ''), isUri: false, authority: true };
    }
  }
  if (URI_PATH.test(rest)) return { path: decode(rest) ?? rest, isUri: true };
  return { path: rest, isUri: false };
}

/**
 * The path a `file:` uri names (decoded; see the comment at the top for old records), or
 * undefined for another scheme. `known`: the path the record holds beside the uri, if any.
 */
export function fileUriPath(uri: string, known?: string): string | undefined {
  return readFileUri(uri, known)?.path;
}

/** A uri as a person reads it: a `file:` uri with its path decoded (`file:data/my file.csv`), any other unchanged. */
export function displayUri(uri: string, known?: string): string {
  const r = readFileUri(uri, known);
  return r && !r.authority ? `file:${r.path}` : uri;
}

/**
 * A uri as an RFC 3986 URI reference, for the exports and for comparing old and new records.
 * A `file:` uri already in URI form comes back unchanged (never encoded twice: `%20` stays
 * `%20`); an old record's path as written is encoded (`file:a%b.csv` → `file:a%25b.csv`,
 * `file:x#y?.csv` → `file:x%23y%3F.csv`). Any other uri: each character a URI cannot hold is
 * encoded, and a `%` that starts no escape becomes `%25`; one that is already a URI is unchanged.
 */
export function asUriReference(uri: string, known?: string): string {
  const r = readFileUri(uri, known);
  if (r && !r.authority) return r.isUri ? uri : fileUri(r.path);
  const bad = isFile(uri) ? /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/@!$&'()*+,;=%]/gu : /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu;
  return uri.replace(bad, percentEncode);
}

/** The path a dataset descriptor holds beside its uri (`annotations.path`, set when the build hashed it). */
export function knownPath(d: { annotations?: Record<string, unknown> }): string | undefined {
  const p = d.annotations?.path;
  return typeof p === 'string' && p ? p : undefined;
}

/** A dataset's `uri` as an RFC 3986 URI reference, whichever version wrote the record: what the exports write. */
export function datasetUriReference(d: { uri: string; annotations?: Record<string, unknown> }): string {
  return asUriReference(d.uri, knownPath(d));
}

/**
 * A dataset's `uri` as the record holds it, except that an old record's raw `file:` path is
 * in URI form: what the lineage graph, the store, diff and attribution hold, so an old and a
 * new record of `data/my file.csv` compare and answer alike. Any other uri is kept as recorded.
 */
export function datasetUri(d: { uri: string; annotations?: Record<string, unknown> }): string {
  const r = readFileUri(d.uri, knownPath(d));
  return r && !r.authority && !r.isUri ? fileUri(r.path) : d.uri;
}

/** A dataset's `uri` as a person reads it (`file:data/my file.csv`): the summaries and the report. */
export function datasetDisplayUri(d: { uri: string; annotations?: Record<string, unknown> }): string {
  return displayUri(d.uri, knownPath(d));
}
