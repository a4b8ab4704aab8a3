// `subject-path` and `config` as workflows write them. Users of actions/upload-artifact and
// @actions/glob write `!PATTERN` lines to exclude files ("Patterns that begin with ! are
// exclusions", @actions/glob's README); this action takes only what to include, so such a
// line must be refused as what it is, not reported as a missing file named `!…`.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runAction, train } from '../helpers/run.js';

let ws: string;
beforeAll(() => {
  ws = copyExample({ git: true });
  train(ws);
});

describe('exclusion lines in path inputs', () => {
  it.each([
    ['subject-path', { 'subject-path': 'model/**\n!model/*.tmp', datasets: 'datasets.yaml' }],
    ['config', { 'subject-path': 'model/model.json', datasets: 'datasets.yaml', config: 'config/*.yaml\n!config/secret.yaml' }],
  ] as const)('%s: exit 2, one annotation saying the line is an exclusion and what to write instead', (name, inputs) => {
    const r = runAction({ ...inputs, sign: 'false', 'upload-artifact': 'false' }, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    const a = decodeURIComponent(r.annotations[0]!);
    expect(a).not.toMatch(/file=!/);
    expect(a).toMatch(new RegExp(`input ${name}: line "![^"]+" is an exclusion pattern.* — list only what to include`));
    expect(r.outputs['statement-path']).toBeUndefined();
  });
});
