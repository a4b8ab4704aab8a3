import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where a bundled worker script (`dist/<name>`) is, seen from the module asking:
 * with esbuild code splitting that module may sit in `dist/chunks/`, so look beside
 * it and one level up.
 */
export function bundledScript(name: string, from: string): URL {
  const here = new URL(`./${name}`, from);
  const up = new URL(`../${name}`, from);
  return !existsSync(fileURLToPath(here)) && existsSync(fileURLToPath(up)) ? up : here;
}
