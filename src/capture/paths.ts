import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { readFileChecked } from '../util/fs.js';
import { isInside } from '../digest/index.js';

/**
 * Resolve a user-given path against the workspace and refuse anything (`..`,
 * absolute paths, symlinks) that ends up outside it. Returns the absolute real
 * path and the workspace-relative name recorded in the statement.
 */
export async function resolveInWorkspace(given: string, workspace: string, what: string): Promise<{ abs: string; rel: string }> {
  const ws = await realpath(workspace).catch(() => {
    throw new InputError('workspace-missing', `workspace ${workspace} does not exist`, { fix: 'run in the checkout or pass --workspace' });
  });
  const wsGiven = path.resolve(workspace);
  const abs = path.resolve(wsGiven, given);
  if (!isInside(abs, wsGiven) && !isInside(abs, ws)) {
    throw new InputError('path-outside-workspace', `${what} ${given} is outside the workspace ${ws}`, {
      fix: 'copy it into the workspace, or run from the directory that contains it',
      file: given,
    });
  }
  try {
    await lstat(abs);
  } catch {
    throw new InputError('file-not-found', `${what} not found: ${given}`, { fix: 'check the path (relative to the workspace)', file: given });
  }
  const real = await realpath(abs).catch(() => {
    throw new InputError('broken-symlink', `${what} ${given} is a broken symlink`, { fix: 'fix or remove the symlink', file: given });
  });
  if (!isInside(real, ws)) {
    throw new InputError('symlink-escapes-workspace', `${what} ${given} is a symlink to ${real}, outside the workspace`, {
      fix: 'copy the file into the workspace instead of linking to it',
      file: given,
    });
  }
  const base = isInside(abs, wsGiven) ? wsGiven : ws;
  return { abs: real, rel: path.relative(base, abs).split(path.sep).join('/') || '.' };
}

/** Config files, manifests and metrics are small; anything bigger is a mistake (or an attack). */
export const MAX_INPUT_FILE_BYTES = 16 * 1024 * 1024;

/** Read a small input file (config, datasets manifest, metrics); errors name `rel`. */
export function readInputFile(abs: string, rel: string, what: string, maxBytes = MAX_INPUT_FILE_BYTES): Promise<Buffer> {
  return readFileChecked(abs, what, { shown: rel, maxBytes });
}
