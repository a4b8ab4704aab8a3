import { existsSync } from 'node:fs';
import path from 'node:path';
import { posixRelative } from './fs.js';

/**
 * The sub-folder slip, one rule for `record` (at record time) and `build` (when the path is not
 * found): a path the log keeps relative to the workspace, typed in the workspace's sub-folder
 * `folder` (absolute, or relative to the workspace) as if relative to that folder. The
 * workspace-relative path meant (`train/out/model.txt`) when `<workspace>/<p>` does not exist and
 * `<folder>/<p>` does; undefined otherwise (at the workspace's root, or an absolute `p`).
 */
export function pathMeantFromFolder(p: string, workspace: string, folder: string | undefined): string | undefined {
  const here = fromFolder(p, workspace, folder);
  if (here === undefined || existsSync(path.resolve(workspace, p)) || !existsSync(here)) return undefined;
  return posixRelative(workspace, here);
}

/**
 * Neither reading exists yet (an output recorded before it is written) and nothing makes the
 * workspace one the likelier: no more of its leading folders exist in the workspace than in the
 * sub-folder (`out/model.txt` when neither `out/` exists yet, or only `train/out/`). The sub-folder
 * reading, workspace-relative, to name beside the other in a warning. Undefined when either exists,
 * when the workspace reading goes deeper (`train/out/model.txt` typed in `train/`: `train/` is in
 * the workspace), or for a path through `..`.
 */
export function pathUnresolvedFromFolder(p: string, workspace: string, folder: string | undefined): string | undefined {
  const here = fromFolder(p, workspace, folder);
  const parts = path.normalize(p).split(path.sep).filter((x) => x !== '' && x !== '.');
  if (here === undefined || parts.includes('..') || existsSync(path.resolve(workspace, p)) || existsSync(here)) return undefined;
  if (existingDepth(workspace, parts) > existingDepth(path.resolve(workspace, folder!), parts)) return undefined;
  return posixRelative(workspace, here);
}

/** How many of `parts`' leading names exist under `base`, one folder within the other. */
function existingDepth(base: string, parts: string[]): number {
  let n = 0;
  while (n < parts.length && existsSync(path.join(base, ...parts.slice(0, n + 1)))) n++;
  return n;
}

/** `<folder>/<p>`, or undefined when there is no sub-folder reading (the root, an absolute path). */
function fromFolder(p: string, workspace: string, folder: string | undefined): string | undefined {
  if (folder === undefined || path.isAbsolute(p)) return undefined;
  const dir = path.resolve(workspace, folder);
  return dir === path.resolve(workspace) ? undefined : path.resolve(dir, p);
}
