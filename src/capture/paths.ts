import { InputError } from '../errors.js';
import { LIMITS, decodeText, readFileChecked } from '../util/fs.js';

/** The one checked path for every read (src/util/fs.ts); re-exported where capture has always found it. */
export { resolveInWorkspace } from '../util/fs.js';

/** Config files, manifests and metrics are small; anything bigger is a mistake (or an attack). */
export const MAX_INPUT_FILE_BYTES = LIMITS.inputFileBytes;

/** Read a small input file (config, datasets manifest, metrics) already resolved in the workspace; errors name `rel`. */
export function readInputFile(abs: string, rel: string, what: string, maxBytes = MAX_INPUT_FILE_BYTES): Promise<Buffer> {
  return readFileChecked(abs, what, { shown: rel, maxBytes });
}

/** The same as UTF-8 text: a BOM is accepted, invalid UTF-8 and NUL bytes are refused with their offset. */
export async function readInputText(abs: string, rel: string, what: string): Promise<{ bytes: Buffer; text: string }> {
  const bytes = await readInputFile(abs, rel, what);
  return { bytes, text: decodeText(bytes, what, rel) };
}

/**
 * Expand a glob in the workspace for files to read (config files), refusing more than
 * LIMITS.matchedFiles matches before any is read. Symlinked directories are not walked
 * into (a committed `cfg/root -> /` would list the whole machine); a symlinked file
 * is listed and then checked like any path.
 */
export async function globFilesInWorkspace(pattern: string, workspace: string, field: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const m = await glob(pattern, { cwd: workspace, onlyFiles: true, followSymbolicLinks: false });
  if (m.length > LIMITS.matchedFiles) {
    throw new InputError('too-many-files', `${field} pattern "${pattern}" matches ${m.length} files, more than the ${LIMITS.matchedFiles} accepted`, {
      fix: `narrow the pattern to the config files of this run`,
      fields: [field],
    });
  }
  return m.sort();
}
