import { stat } from 'node:fs/promises';
import path from 'node:path';
import { digestDirectory, digestFile } from '../digest/index.js';
import { InputError } from '../errors.js';
import { pass, fail, skip, type Check, type SubjectMatch } from './verdict.js';

export interface StatementSubject {
  name?: string;
  digest?: Record<string, string>;
}

/** Fail fast (exit 2) on SUBJECT paths that do not exist, before any verification work. */
export async function assertSubjectsExist(files: string[]): Promise<void> {
  for (const f of files) {
    try {
      await stat(f);
    } catch {
      throw new InputError('subject-not-found', `SUBJECT ${f} does not exist`, { fix: 'pass the path of the downloaded model file (or directory)', file: f });
    }
  }
}

/** A directory SUBJECT stands for every file in it (a directory subject is one entry a file). */
async function digestAll(files: string[]): Promise<Array<{ file: string; sha256: string }>> {
  const out: Array<{ file: string; sha256: string }> = [];
  for (const f of files) {
    if ((await stat(f)).isDirectory()) {
      const d = await digestDirectory(f, f);
      out.push(...d.files.map((x) => ({ file: path.join(f, x.path), sha256: x.sha256 })));
    } else {
      out.push({ file: f, sha256: (await digestFile(f)).sha256 });
    }
  }
  return out;
}

/**
 * Every given file must have its sha256 among the statement's subjects — the
 * check that binds the signature to the bytes you downloaded (sigstore-js does
 * not make it). Files are matched by digest, as `gh attestation verify` does, so
 * a renamed download still verifies; the matching subject name is reported.
 */
export async function checkSubjects(subjects: StatementSubject[], files: string[]): Promise<{ check: Check; matches: SubjectMatch[] }> {
  if (files.length === 0) {
    return { check: skip('subjects', 'no SUBJECT files given, so no file was compared with the signed digests'), matches: [] };
  }
  const byDigest = new Map<string, string>();
  for (const s of subjects) {
    const d = s.digest?.sha256?.toLowerCase();
    if (d) byDigest.set(d, s.name ?? '(unnamed)');
  }
  const matches: SubjectMatch[] = [];
  for (const { file, sha256 } of await digestAll(files)) {
    const subject = byDigest.get(sha256);
    matches.push({ file, sha256, ...(subject ? { subject } : {}) });
  }
  const bad = matches.filter((m) => !m.subject);
  if (bad.length) {
    const list = bad.map((m) => `${m.file} (sha256:${m.sha256.slice(0, 12)}…)`).join(', ');
    return { check: fail('subjects', `${bad.length} of ${matches.length} file(s) match no signed subject digest: ${list}`), matches };
  }
  if (matches.length === 0) return { check: fail('subjects', 'the SUBJECT directories contain no files'), matches };
  const named = matches.map((m) => (path.basename(m.file) === path.basename(m.subject!) ? m.subject! : `${m.file} = ${m.subject}`));
  return { check: pass('subjects', `${matches.length} file(s) match signed subjects: ${named.slice(0, 5).join(', ')}${named.length > 5 ? ', …' : ''}`), matches };
}
