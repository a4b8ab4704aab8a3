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

const escape = (ch: string): string => [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

const CUT_MARK = escape('…');
const CUT_TAIL = CUT_MARK.length + 16;

export function pathDatasetId(p: string): string {
  let out = '';
  let cutAt = -1;
  for (const ch of p) {
    const piece = (out === '' ? FIRST_CHAR : ID_CHAR).test(ch) ? ch : escape(ch);
    if (cutAt < 0 && out.length + piece.length > DATASET_ID_MAX - CUT_TAIL) cutAt = out.length;
    if (out.length + piece.length > DATASET_ID_MAX) return `${out.slice(0, cutAt)}${CUT_MARK}${createHash('sha256').update(p).digest('hex').slice(0, 16)}`;
    out += piece;
  }
  return out || 'dataset';
}
