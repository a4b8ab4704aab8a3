import { InputError } from '../errors.js';
import { pseudonymKey, type PseudonymKey } from '../statement/pseudonymize.js';
import { readFileChecked } from '../util/fs.js';

/**
 * The team's pseudonymisation key: `--pseudonym-key-file FILE`, else the
 * ML_PROVENANCE_PSEUDONYM_KEY variable. Never printed, never written anywhere.
 */
export async function readPseudonymKey(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<PseudonymKey | undefined> {
  if (file) return pseudonymKey(await readFileChecked(file, 'pseudonym key file', { maxBytes: 4096 }), file);
  const v = env.ML_PROVENANCE_PSEUDONYM_KEY;
  return v ? pseudonymKey(v, 'ML_PROVENANCE_PSEUDONYM_KEY') : undefined;
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
