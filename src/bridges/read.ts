import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { LIMITS, containedPath, posixRelative, readTextFile } from '../util/fs.js';

/**
 * How a bridge reads another tool's folder: every directory and file is checked to
 * be inside `boundary` (the workspace) after symlinks, files are read through the
 * checked path (regular files only, non-blocking, at most LIMITS.inputFileBytes,
 * UTF-8), and a walk lists at most LIMITS.matchedFiles files. A PR branch that commits
 * `mlruns/0/r1/params -> ~/.docker` gets an error, not the runner's credentials.
 */
export interface BridgeReader {
  /** The text of `file`, or undefined when it does not exist. */
  text(file: string, what: string): Promise<string | undefined>;
  /**
   * Files (regular or special: the read refuses the latter) under `dir` (relative, `/`-separated, sorted) that `keep` accepts;
   * [] when it does not exist. Folders named in `skip` are not entered; linked folders neither.
   */
  files(dir: string, what: string, o?: { keep?: (name: string) => boolean; skip?: ReadonlySet<string> }): Promise<string[]>;
  /** Subdirectories of `dir` (names); [] when it does not exist. */
  dirs(dir: string, what: string): Promise<string[]>;
  /** `file` as errors show it (relative to the workspace). */
  shown(file: string): string;
}

export function bridgeReader(boundary: string, shownBase: string = boundary): BridgeReader {
  const shown = (f: string) => posixRelative(shownBase, f) || '.';
  const inside = (p: string, what: string) => containedPath(p, boundary, what, shown(p));
  return {
    shown,
    async text(file, what) {
      const real = await inside(file, what);
      if (real === undefined) return undefined;
      return readTextFile(real, what, { shown: shown(file), maxBytes: LIMITS.inputFileBytes, within: boundary });
    },
    async files(dir, what, o = {}) {
      const keep = o.keep ?? (() => true);
      const out: string[] = [];
      const walk = async (d: string, prefix: string): Promise<void> => {
        const real = await inside(d, what);
        if (real === undefined) return;
        const entries = await readdir(real, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOTDIR') return [];
          throw err;
        });
        for (const e of entries) {
          // Nested keys (`a/b`) are stored as folders by MLflow's file store.
          if (e.isDirectory()) {
            if (!o.skip?.has(e.name)) await walk(path.join(d, e.name), `${prefix}${e.name}/`);
          } else if (!keep(e.name)) continue;
          else if (e.isSymbolicLink()) {
            // Checked like every path (one leaving the workspace is an error); a linked
            // file is read, a linked folder is not walked (no cycles to chase).
            const target = await inside(path.join(d, e.name), what);
            if (target !== undefined && !(await stat(target)).isDirectory()) out.push(`${prefix}${e.name}`);
          }
          // Regular files, and special files too: reading one refuses it with its reason (a FIFO is not skipped silently).
          else out.push(`${prefix}${e.name}`);
          if (out.length > LIMITS.matchedFiles) {
            throw new InputError('too-many-files', `${what} ${shown(dir)} holds more than ${LIMITS.matchedFiles} files`, {
              fix: 'point at the run or project folder itself, not at a folder above it',
              file: shown(dir),
            });
          }
        }
      };
      await walk(dir, '');
      return out.sort();
    },
    async dirs(dir, what) {
      const real = await inside(dir, what);
      if (real === undefined) return [];
      const entries = await readdir(real, { withFileTypes: true }).catch(() => []);
      return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
    },
  };
}

/** No boundary given (library use): the folder itself is the boundary. */
export function defaultBoundary(root: string, workspace: string | undefined): string {
  return workspace ?? root;
}
