import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/dirs.ts
import os from "node:os";
import path from "node:path";
function userDirs(env = process.env, platform = process.platform) {
  const home = os.homedir();
  const [cache, state] = platform === "darwin" ? [path.join(home, "Library", "Caches"), path.join(home, "Library", "Application Support")] : platform === "win32" ? [env.LOCALAPPDATA || path.join(home, "AppData", "Local"), env.LOCALAPPDATA || path.join(home, "AppData", "Local")] : [env.XDG_CACHE_HOME || path.join(home, ".cache"), env.XDG_STATE_HOME || path.join(home, ".local", "state")];
  if (!path.isAbsolute(cache) || !path.isAbsolute(state)) return void 0;
  return { cache: path.join(cache, "ml-provenance"), state: path.join(state, "ml-provenance") };
}
__name(userDirs, "userDirs");

export {
  userDirs
};
