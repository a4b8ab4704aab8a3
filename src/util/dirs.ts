import os from 'node:os';
import path from 'node:path';

/**
 * The per-user cache and state directories (XDG on Linux; an empty variable means
 * unset), or undefined when one would be relative: a relative base would put caches,
 * and trust decisions, in the working directory.
 */
export function userDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { cache: string; state: string } | undefined {
  const home = os.homedir();
  const [cache, state] =
    platform === 'darwin'
      ? [path.join(home, 'Library', 'Caches'), path.join(home, 'Library', 'Application Support')]
      : platform === 'win32'
        ? [env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), env.LOCALAPPDATA || path.join(home, 'AppData', 'Local')]
        : [env.XDG_CACHE_HOME || path.join(home, '.cache'), env.XDG_STATE_HOME || path.join(home, '.local', 'state')];
  if (!path.isAbsolute(cache) || !path.isAbsolute(state)) return undefined;
  return { cache: path.join(cache, 'ml-provenance'), state: path.join(state, 'ml-provenance') };
}
