import os from 'node:os';
import path from 'node:path';

/** The home directory, or undefined where there is none (no HOME and no passwd entry, as in some containers). */
function home(): string | undefined {
  try {
    return os.homedir() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The per-user cache and state directories of ml-provenance (XDG on Linux; an empty
 * variable means unset), kept apart on every platform so that restoring a cache never
 * restores state. Undefined when there is no home to fall back on or a base would be
 * relative: a relative base would put caches, and trust decisions, in the working directory.
 */
export function userDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { cache: string; state: string } | undefined {
  const under = (...parts: string[]): string | undefined => {
    const h = home();
    return h === undefined ? undefined : path.join(h, ...parts);
  };
  const [cache, state] =
    platform === 'darwin'
      ? [under('Library', 'Caches'), under('Library', 'Application Support')]
      : platform === 'win32'
        ? [env.LOCALAPPDATA || under('AppData', 'Local'), env.APPDATA || under('AppData', 'Roaming')]
        : [env.XDG_CACHE_HOME || under('.cache'), env.XDG_STATE_HOME || under('.local', 'state')];
  if (cache === undefined || state === undefined || !path.isAbsolute(cache) || !path.isAbsolute(state)) return undefined;
  return { cache: path.join(cache, 'ml-provenance'), state: path.join(state, 'ml-provenance') };
}
