import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';

describe('generated files', () => {
  it('dist/ and schemas/ match a fresh build of src/ (run `npm run build` and commit when this fails)', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
