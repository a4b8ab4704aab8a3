import { InputError } from '../errors.js';
import { MIN_KEY_BYTES, pseudonymKey, type PseudonymKey } from '../statement/pseudonymize.js';
import { readFileChecked } from '../util/fs.js';

/**
 * The team's pseudonymisation key: `--pseudonym-key-file FILE`, else the
 * ML_PROVENANCE_PSEUDONYM_KEY variable. Never printed, never written anywhere.
 */
export async function readPseudonymKey(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<PseudonymKey | undefined> {
  if (file) return keyFromFile(await readFileChecked(file, 'pseudonym key file', { maxBytes: 4096 }), file);
  const v = env.ML_PROVENANCE_PSEUDONYM_KEY;
  if (!v) return undefined;
  const key = pseudonymKey(v, 'ML_PROVENANCE_PSEUDONYM_KEY');
  // A record an earlier release made from a key file holding this text and a newline.
  return { ...key, earlier: pseudonymKey(Buffer.from(`${v.trim()}\n`, 'utf8'), 'ML_PROVENANCE_PSEUDONYM_KEY') };
}

/**
 * A key file holding text (`openssl rand -hex 32 > key`, with its newline) is the same key as
 * that text in ML_PROVENANCE_PSEUDONYM_KEY (a CI secret): both are trimmed. Earlier releases
 * used the file's bytes, newline included, so one team key made two sets of pseudonyms that
 * never joined; that reading is kept as `earlier` for `reveal`. A binary key is its bytes.
 */
function keyFromFile(bytes: Buffer, file: string): PseudonymKey {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let s: string;
  try {
    s = text.decode(bytes);
  } catch {
    return pseudonymKey(bytes, file);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(s)) return pseudonymKey(bytes, file);
  const key = pseudonymKey(s, file);
  // What earlier releases made from this text written with a newline (`openssl rand -hex 32 > key`),
  // whatever this copy of it ends with (a secret mounted without one, CRLF).
  return s.trim().length >= MIN_KEY_BYTES ? { ...key, earlier: pseudonymKey(Buffer.from(`${s.trim()}\n`, 'utf8'), file) } : key;
}

export async function requirePseudonymKey(file: string | undefined): Promise<PseudonymKey> {
  const key = await readPseudonymKey(file);
  if (!key) {
    throw new InputError('pseudonym-key-missing', 'no pseudonymisation key was given', {
      fix: 'pass --pseudonym-key-file FILE or set ML_PROVENANCE_PSEUDONYM_KEY to the key the record was built with',
      fields: ['pseudonym-key'],
    });
  }
  return key;
}
