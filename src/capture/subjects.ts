import { glob } from 'tinyglobby';
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { digestPath, listFiles } from '../digest/index.js';
import { digestOptions, type HashReporting } from './hashing.js';
import { resolveInWorkspace } from './paths.js';

/** GitHub's attestations API takes at most 1024 subjects per statement. */
export const MAX_SUBJECTS = 1024;

export interface SubjectEntry {
  name: string;
  digest: { sha256: string };
}

function tooMany(): InputError {
  return new InputError('too-many-subjects', `more than ${MAX_SUBJECTS} subject files: a statement may have at most ${MAX_SUBJECTS}`, {
    fix: 'point subject-path at the model files themselves (or an archive of them), not at a whole directory tree',
    fields: ['subject-path'],
  });
}

/**
 * Expand subject patterns (paths or globs, relative to the workspace) into one
 * subject per file; a directory contributes each of its files. Every file is
 * listed (and counted against MAX_SUBJECTS) before the first one is hashed.
 */
export async function captureSubjects(patterns: string[], workspace: string, reporting?: HashReporting): Promise<SubjectEntry[]> {
  const targets: Array<{ abs: string; rel: string }> = [];
  const names = new Set<string>();
  for (const pattern of patterns.map((p) => p.trim()).filter(Boolean)) {
    const isGlob = /[*?[\]{}]/.test(pattern);
    // Symlinks are listed (not silently dropped: model snapshots are often symlinks
    // into a cache); every match then goes through resolveInWorkspace, which refuses
    // the ones that leave the workspace. The glob library stops at symlink loops.
    const matches = isGlob
      ? await glob(pattern, { cwd: workspace, onlyFiles: false, dot: false, followSymbolicLinks: true, expandDirectories: false })
      : [pattern];
    if (matches.length === 0) {
      throw new InputError('subject-not-found', `subject pattern "${pattern}" matched no files`, {
        fix: 'check subject-path: it is relative to the workspace, and the model must exist before this step',
        fields: ['subject-path'],
      });
    }
    for (const m of matches.sort()) {
      const t = await resolveInWorkspace(m, workspace, 'subject');
      targets.push(t);
      // Count the files a directory contributes without reading any of them.
      if ((await stat(t.abs)).isDirectory()) {
        for (const f of await listFiles(t.abs, workspace)) names.add(path.posix.join(t.rel, path.relative(t.abs, f).split(path.sep).join('/')));
      } else names.add(t.rel);
      if (names.size > MAX_SUBJECTS) throw tooMany();
    }
  }
  const byName = new Map<string, SubjectEntry>();
  for (const { abs, rel } of targets) {
    const d = await digestPath(abs, workspace, digestOptions(reporting, `subject ${rel}`));
    if (d.kind === 'file') byName.set(rel, { name: rel, digest: { sha256: d.sha256 } });
    else
      for (const f of d.files) {
        const name = path.posix.join(rel, f.path);
        byName.set(name, { name, digest: { sha256: f.sha256 } });
      }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
