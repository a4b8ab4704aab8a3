import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';

// test/global-setup.ts has just rebuilt dist/ and schemas/ from src/; any difference
// from the committed files means the commit carries stale generated files.
describe('generated files', () => {
  it('the committed dist/ and schemas/ are what `npm run build` makes from src/ (run it and commit when this fails)', () => {
    const inGit = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' });
    if (inGit.status !== 0) {
      // Not a checkout (e.g. a source tarball): compare the build with the files on disk instead.
      const r = spawnSync(process.execPath, ['scripts/build.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return;
    }
    const r = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist', 'schemas'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout, 'dist/ or schemas/ differ from the commit').toBe('');
  });
});
