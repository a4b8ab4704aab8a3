import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitInfo {
  commit: string;
  ref?: string;
  remote?: string;
  dirty: boolean;
}

async function git(cwd: string, ...args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd, timeout: 10_000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The checkout's commit when running outside Actions; undefined when not a git repo. */
export async function readGit(cwd: string): Promise<GitInfo | undefined> {
  const commit = await git(cwd, 'rev-parse', 'HEAD');
  if (!commit || !/^[a-f0-9]{40,64}$/.test(commit)) return undefined;
  const [ref, remote, status] = await Promise.all([
    git(cwd, 'symbolic-ref', '-q', 'HEAD'),
    git(cwd, 'remote', 'get-url', 'origin'),
    git(cwd, 'status', '--porcelain', '--untracked-files=no'),
  ]);
  return { commit, ...(ref ? { ref } : {}), ...(remote ? { remote: stripCredentials(remote) } : {}), dirty: Boolean(status) };
}

/** Remote URLs can carry tokens (https://x-access-token:…@github.com/…): never record them. */
export function stripCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/** The files under `dir` git tracks in the repository at `cwd` (none outside a repository, or without git). */
export async function trackedFiles(cwd: string, dir: string): Promise<string[]> {
  const out = await git(cwd, 'ls-files', '-z', '--', dir);
  return out ? out.split('\0').filter(Boolean) : [];
}

/**
 * The files under `dir` in the commit HEAD names (none before the first commit, outside a
 * repository, or without git), relative to `cwd` as `trackedFiles` lists them: a file tracked but
 * not here is only staged (`git add`, not committed yet).
 */
export async function committedFiles(cwd: string, dir: string): Promise<string[]> {
  const out = await git(cwd, 'ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', dir);
  return out ? out.split('\0').filter(Boolean) : [];
}

/** The top folder of the git work tree holding `cwd` (its real path), or undefined outside one or without git. */
export async function gitTopLevel(cwd: string): Promise<string | undefined> {
  return git(cwd, 'rev-parse', '--show-toplevel');
}
