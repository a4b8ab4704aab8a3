import { statSync } from 'node:fs';
import path from 'node:path';
import { isInside, posixRelative } from '../util/fs.js';

/**
 * The `file` of an error annotation: GitHub places it on that path of the repository, so only a
 * file that exists in the workspace is named, relative to it. A subject that was not found, or a
 * path outside the checkout (`/etc/passwd`), is already in the message; as a `file` it would point
 * at nothing.
 */
export function annotationFile(file: string | undefined, workspace: string): string | undefined {
  if (!file) return undefined;
  const abs = path.resolve(workspace, file);
  if (!isInside(abs, path.resolve(workspace))) return undefined;
  try {
    if (!statSync(abs).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return posixRelative(workspace, abs);
}
