import { createHash } from 'node:crypto';

/**
 * The dataset id of a path (a DVC output, a stage dependency): the path itself, with every
 * character a dataset id cannot hold percent-encoded as RFC 3986 writes it in a URI
 * (each UTF-8 byte as `%XX`, upper-case hex: a space is `%20`, `%` itself `%25`), and a first
 * character that is not a letter or digit encoded too. Unlike replacing them with `_`,
 * two paths never share an id (`my file.csv` vs `my_file.csv`) and the id decodes back
 * to the path (`decodeURIComponent`). Ids stay within the schema's 200 characters: a longer
 * one (a deep path, or 23 CJK characters at 9 each) is cut between characters (never inside an
 * escape) and ends with `…` (`%E2%80%A6`) and 16 hex digits of the whole path's sha256, so two
 * long paths that share their first characters still get two ids (cut alone, every file of
 * `データ/学習用データセット/…/` got the same id and all but one were dropped as conflicts).
 */
const ID_CHAR = /^[A-Za-z0-9_./:@-]$/;
const FIRST_CHAR = /^[A-Za-z0-9]$/;
export const DATASET_ID_MAX = 200;

/** A character percent-encoded as RFC 3986 writes it: each UTF-8 byte as `%XX`, upper-case hex. */
export const percentEncode = (ch: string): string => [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

const CUT_MARK = percentEncode('…');
const CUT_TAIL = CUT_MARK.length + 16;

export function pathDatasetId(p: string): string {
  let out = '';
  let cutAt = -1;
  for (const ch of p) {
    const piece = (out === '' ? FIRST_CHAR : ID_CHAR).test(ch) ? ch : percentEncode(ch);
    if (cutAt < 0 && out.length + piece.length > DATASET_ID_MAX - CUT_TAIL) cutAt = out.length;
    if (out.length + piece.length > DATASET_ID_MAX) return `${out.slice(0, cutAt)}${CUT_MARK}${createHash('sha256').update(p).digest('hex').slice(0, 16)}`;
    out += piece;
  }
  return out || 'dataset';
}

/** The ids a dataset reference may mean: the id as given, and a path as typed with its id percent-encoded. */
function idCandidates(id: string): string[] {
  const encoded = pathDatasetId(id);
  return encoded === id ? [id] : [id, encoded];
}

/** Every id `resolveDatasetRef(ref, …)` may ask about, for a caller that looks them up first (the store). */
export function datasetRefCandidates(ref: string): string[] {
  const at = ref.lastIndexOf('@');
  return [...new Set([...idCandidates(ref), ...(at > 0 ? idCandidates(ref.slice(0, at)) : [])])];
}

/**
 * `ID` or `ID@VERSION`, where ID is an id or a path as typed (`raw data/x.csv` finds
 * `raw%20data/x.csv`). Dataset ids may themselves contain `@`, so an id that exists as given wins.
 * `known` says whether an id exists (over files, in the graph; in the store, in its datasets).
 */
export function resolveDatasetRef(ref: string, known: (id: string) => boolean): { id: string; version?: string } {
  const find = (id: string): string | undefined => idCandidates(id).find(known);
  const whole = find(ref);
  if (whole !== undefined) return { id: whole };
  const at = ref.lastIndexOf('@');
  if (at <= 0) return { id: ref };
  const head = ref.slice(0, at);
  return { id: find(head) ?? head, version: ref.slice(at + 1) };
}
