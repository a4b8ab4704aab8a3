import type { TrainingStatement } from '../../src/schema/predicate.js';

/** The smallest record the standard policy accepts; tests take a fresh copy each time. */
export function minimalStatement(): TrainingStatement {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'model/model.json', digest: { sha256: '1'.repeat(64) } }],
    predicateType: 'https://ml-provenance.dev/training-record/v1',
    predicate: {
      buildDefinition: {
        buildType: 'https://ml-provenance.dev/training-record/local/v1',
        externalParameters: { hyperparameters: {}, config: {}, policy: 'standard' },
        resolvedDependencies: [{ uri: 'git+https://github.com/o/r@refs/heads/main', digest: { gitCommit: 'a'.repeat(40) }, name: 'source' }],
      },
      runDetails: { builder: { id: 'https://ml-provenance.dev/builders/local' }, metadata: {} },
      datasets: [{ id: 'points', uri: 'file:data/points.csv', digest: { sha256: '2'.repeat(64) }, digestSource: 'computed' }],
      configFiles: [],
      steps: [],
      metrics: [],
      environment: { os: 'Linux', arch: 'x64' },
      redactions: [],
    },
  };
}
