import { describe, expect, test } from 'vitest';
import type { GitHubContext } from '../../src/capture/github.js';
import { InputError } from '../../src/errors.js';
import { buildSlsaStatement, GITHUB_WORKFLOW_BUILD_TYPE, SLSA_PROVENANCE_V1 } from '../../src/statement/slsa.js';
import { makeStatement } from '../fixtures/statements.js';

const ctx: GitHubContext = {
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  repository: 'acme/models',
  repositoryId: '2002',
  repositoryOwnerId: '1001',
  sha: 'b'.repeat(40),
  ref: 'refs/tags/v1.2.0',
  workflowRef: 'acme/models/.github/workflows/train.yml@refs/tags/v1.2.0',
  runId: '555',
  runAttempt: '2',
  eventName: 'release',
  runner: { environment: 'github-hosted', os: 'Linux' },
  event: {},
};

describe('buildSlsaStatement', () => {
  test("fills GitHub's workflow buildType the way actions/attest-build-provenance does, over the same subjects", () => {
    const training = makeStatement({ models: [{ name: 'model/a.bin' }, { name: 'model/b.bin' }] });
    const s = buildSlsaStatement(training, ctx) as any;
    expect(s._type).toBe('https://in-toto.io/Statement/v1');
    expect(s.predicateType).toBe(SLSA_PROVENANCE_V1);
    expect(s.subject).toEqual(training.subject.map((x) => ({ name: x.name, digest: x.digest })));
    expect(s.predicate).toEqual({
      buildDefinition: {
        buildType: GITHUB_WORKFLOW_BUILD_TYPE,
        externalParameters: { workflow: { ref: 'refs/tags/v1.2.0', repository: 'https://github.com/acme/models', path: '.github/workflows/train.yml' } },
        internalParameters: { github: { event_name: 'release', repository_id: '2002', repository_owner_id: '1001', runner_environment: 'github-hosted' } },
        resolvedDependencies: [{ uri: 'git+https://github.com/acme/models@refs/tags/v1.2.0', digest: { gitCommit: 'b'.repeat(40) } }],
      },
      runDetails: {
        builder: { id: 'https://github.com/acme/models/.github/workflows/train.yml@refs/tags/v1.2.0' },
        metadata: { invocationId: 'https://github.com/acme/models/actions/runs/555/attempts/2' },
      },
    });
    // No ML content leaks into the standard provenance (the attestations API rejects custom content there).
    expect(JSON.stringify(s)).not.toContain('datasets');
  });

  test('without GITHUB_WORKFLOW_REF it is an input error that says how to fix it', () => {
    const { workflowRef: _omit, ...noRef } = ctx;
    expect(() => buildSlsaStatement(makeStatement(), noRef)).toThrow(InputError);
    expect(() => buildSlsaStatement(makeStatement(), noRef)).toThrow(/GITHUB_WORKFLOW_REF/);
  });
});
