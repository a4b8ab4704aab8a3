import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Install a Debian package for the tests when we are root on a Debian machine (CI, fresh
 * developer machines): the README's one test command sets up what the tests need. undefined
 * when it cannot be tried (not root, no apt-get); ok false with apt-get's last words when it
 * failed. The caller then fails with the install hint: a test never skips for a missing tool.
 */
export function aptInstall(pkg: string): { ok: boolean; detail: string } | undefined {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return undefined;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 600_000 });
  let r = run(['install', '-y', '-qq', pkg]);
  if (r.status !== 0) {
    run(['update', '-qq']);
    r = run(['install', '-y', '-qq', pkg]);
  }
  return { ok: r.status === 0, detail: (r.stderr ?? '').slice(-400) };
}

/** A program on PATH, installed from its Debian package when missing (aptInstall); otherwise an Error saying how to install it. */
export function debianProgram(cmd: string, pkg: string, why: string): string {
  const find = () => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined;
  const found = find() ?? (aptInstall(pkg)?.ok ? find() : undefined);
  if (found) return found;
  throw new Error(`${cmd} is needed ${why}: install it with \`sudo apt-get install ${pkg}\``);
}
