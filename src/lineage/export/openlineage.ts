import type { DatasetDescriptor, TrainingStatement } from '../../schema/predicate.js';
import { digests, finalMetrics, gitCommit, PRODUCER, runName, runTime, stableUuid, statementDigest } from './common.js';

const SPEC = 'https://openlineage.io/spec';
const FACET = (name: string) => `${SPEC}/facets/1-0-0/${name}.json#/$defs/${name}`;
const CUSTOM = (name: string) => `https://ml-provenance.dev/schemas/openlineage/${name}.json`;

/** OpenLineage names a dataset by namespace (where it lives) and name (what it is there). */
function datasetName(uri: string, fallback: string): { namespace: string; name: string } {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (m) return { namespace: `${m[1]}://${m[2]}`, name: m[3] && m[3] !== '/' ? m[3] : fallback };
  if (uri.startsWith('file:')) return { namespace: 'file', name: uri.slice('file:'.length) };
  return { namespace: 'ml-provenance', name: fallback };
}

function inputDataset(d: DatasetDescriptor) {
  return {
    ...datasetName(d.uri, d.id),
    facets: {
      ...(d.version ? { version: { _producer: PRODUCER, _schemaURL: FACET('DatasetVersionDatasetFacet'), datasetVersion: d.version } } : {}),
      mlProvenance_dataset: {
        _producer: PRODUCER,
        _schemaURL: CUSTOM('DatasetFacet'),
        id: d.id,
        ...(d.license ? { license: d.license } : {}),
        digest: Object.fromEntries(digests(d)),
        ...(d.splits ? { splits: d.splits } : {}),
        ...(d.seed !== undefined ? { seed: d.seed } : {}),
      },
    },
  };
}

/**
 * One OpenLineage RunEvent (COMPLETE) for the training run: datasets are inputs,
 * model files outputs; hyperparameters, metrics, steps and the source commit ride in
 * facets. The run id is a UUID derived from the statement, so re-exports agree.
 */
export function toOpenLineage(s: TrainingStatement): Record<string, unknown> {
  const p = s.predicate;
  const t = runTime(s);
  const commit = gitCommit(s);
  const wf = p.buildDefinition.externalParameters.workflow;
  return {
    eventType: 'COMPLETE',
    eventTime: t.finished,
    producer: PRODUCER,
    schemaURL: `${SPEC}/2-0-2/OpenLineage.json#/$defs/RunEvent`,
    run: {
      runId: stableUuid(`openlineage:${statementDigest(s)}`),
      facets: {
        mlProvenance_run: {
          _producer: PRODUCER,
          _schemaURL: CUSTOM('RunFacet'),
          ...(p.runDetails.metadata.invocationId ? { invocationId: p.runDetails.metadata.invocationId } : {}),
          ...(t.started ? { startedOn: t.started } : {}),
          finishedOn: t.finished,
          builder: p.runDetails.builder.id,
          hyperparameters: p.buildDefinition.externalParameters.hyperparameters,
          metrics: finalMetrics(s),
          steps: p.steps,
          ...(p.image ? { image: p.image.reference } : {}),
        },
      },
    },
    job: {
      namespace: wf ? wf.repository : 'ml-provenance',
      name: runName(s),
      facets: {
        jobType: { _producer: PRODUCER, _schemaURL: FACET('JobTypeJobFacet'), processingType: 'BATCH', integration: 'ML_PROVENANCE', jobType: 'TRAINING' },
        ...(wf && commit
          ? {
              sourceCodeLocation: {
                _producer: PRODUCER,
                _schemaURL: FACET('SourceCodeLocationJobFacet'),
                type: 'git',
                url: wf.repository,
                path: wf.path,
                version: commit,
              },
            }
          : {}),
      },
    },
    inputs: p.datasets.map(inputDataset),
    outputs: s.subject.map((m) => ({
      namespace: 'ml-provenance',
      name: m.name,
      facets: { mlProvenance_model: { _producer: PRODUCER, _schemaURL: CUSTOM('ModelFacet'), digest: m.digest } },
    })),
  };
}
