// npm 11 lists dependencies whose install scripts package.json's `allowScripts` does not cover,
// and "a future release will block unreviewed install scripts" (npm approve-scripts' own
// documentation): a fresh `npm ci` would then leave out the pinned Node 24 (`node`'s
// preinstall) and esbuild's binary, and `npm run demo` / `npm test` would fail on a clean
// clone. npm's lockfile marks each such package with `hasInstallScript`: each must be reviewed
// (true) or denied (false) in allowScripts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/run.js';

const json = (f: string) => JSON.parse(readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, unknown>;

test('every dependency with an install script is named in package.json allowScripts', () => {
  const lock = json('package-lock.json') as { packages: Record<string, { version?: string; hasInstallScript?: boolean }> };
  const allow = (json('package.json').allowScripts ?? {}) as Record<string, boolean>;
  const withScripts = Object.entries(lock.packages)
    .filter(([key, p]) => key !== '' && p.hasInstallScript)
    .map(([key, p]) => ({ name: key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length), version: p.version }));
  expect(withScripts.map((p) => p.name)).toContain('node');
  const covered = (p: { name: string; version?: string }) => typeof (allow[p.name] ?? allow[`${p.name}@${p.version}`]) === 'boolean';
  expect(withScripts.filter((p) => !covered(p)).map((p) => `${p.name}@${p.version}`)).toEqual([]);
  // The two whose scripts the project needs are allowed, not denied.
  expect(allow.node ?? allow[`node@${withScripts.find((p) => p.name === 'node')?.version}`]).toBe(true);
  expect(allow.esbuild ?? allow[`esbuild@${withScripts.find((p) => p.name === 'esbuild')?.version}`]).toBe(true);
});
