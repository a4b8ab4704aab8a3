import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { MIN_NODE, nodeVersionProblem } from '../../src/cli/node-version.js';
import { ROOT } from '../helpers/run.js';

describe('nodeVersionProblem', () => {
  test('the floor is package.json engines.node', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${MIN_NODE}`);
  });

  test.each(['20.20.2', 'v22.22.2', '24.14.9', '24.0.0', '18.0.0'])('%s is too old', (v) => {
    expect(nodeVersionProblem(v)).toMatch(/^ml-provenance needs Node\.js 24\.15\.0 or later; this is Node\.js \d+\.\d+\.\d+ — /);
  });

  test.each(['24.15.0', '24.21.0', 'v24.15.1', '25.0.0', '26.1.0-nightly20260101'])('%s is fine', (v) => {
    expect(nodeVersionProblem(v)).toBeUndefined();
  });
});
