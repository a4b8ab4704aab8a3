/**
 * The dataset id of a path (a DVC output, a stage dependency): the path itself, with every
 * character a dataset id cannot hold percent-encoded as RFC 3986 writes it in a URI
 * (each UTF-8 byte as `%XX`, upper-case hex: a space is `%20`, `%` itself `%25`), and a first
 * character that is not a letter or digit encoded too. Unlike replacing them with `_`,
 * two paths never share an id (`my file.csv` vs `my_file.csv`) and the id decodes back
 * to the path (`decodeURIComponent`). Ids stay within the schema's 200 characters,
 * cut between characters (never inside an escape).
 */
const ID_CHAR = /^[A-Za-z0-9_./:@-]$/;
const FIRST_CHAR = /^[A-Za-z0-9]$/;
export const DATASET_ID_MAX = 200;

const escape = (ch: string): string => [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

export function pathDatasetId(p: string): string {
  let out = '';
  for (const ch of p) {
    const piece = (out === '' ? FIRST_CHAR : ID_CHAR).test(ch) ? ch : escape(ch);
    if (out.length + piece.length > DATASET_ID_MAX) break;
    out += piece;
  }
  return out || 'dataset';
}
