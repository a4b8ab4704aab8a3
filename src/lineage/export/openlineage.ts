import type { DatasetDescriptor, TrainingStatement } from '../../schema/predicate.js';
import { SCHEMA_BASE } from '../../schema/json-schema.js';
import {
  OPENLINEAGE_FACET_FILES,
  type OpenLineageDatasetFacet,
  type OpenLineageEnvironmentFacet,
  type OpenLineageModelFacet,
  type OpenLineageRunFacet,
} from '../../schema/openlineage.js';
import { PSEUDONYM_RE } from '../../statement/pseudonymize.js';
import { fileUriPath, knownPath } from '../../util/file-uri.js';
import { digests, exportRunId, finalMetrics, gitCommit, PRODUCER, repositoryUrl, runName, runTime, stableUuid } from './common.js';

const SPEC = 'https://openlineage.io/spec';
/** The official facets we emit, at the versions their schemas declare (`$id`). */
const FACET_VERSION = {
  DatasetVersionDatasetFacet: '1-0-1',
  JobTypeJobFacet: '2-0-4',
  SourceCodeLocationJobFacet: '1-1-0',
  DataQualityMetricsInputDatasetFacet: '1-0-3',
  DataQualityAssertionsDatasetFacet: '1-1-0',
  DatasourceDatasetFacet: '1-0-1',
  OwnershipDatasetFacet: '1-0-1',
  TagsRunFacet: '1-0-0',
} as const;
const FACET = (name: keyof typeof FACET_VERSION) => `${SPEC}/facets/${FACET_VERSION[name]}/${name}.json#/$defs/${name}`;
/** Our own facets: generated from src/schema/openlineage.ts into schemas/ (SCHEMA_BASE is schemas/'s address). */
const CUSTOM = (facet: keyof typeof OPENLINEAGE_FACET_FILES) => `${SCHEMA_BASE}${OPENLINEAGE_FACET_FILES[facet]}`;

/** Object stores whose OpenLineage name is the object key, without a leading slash. */
const BUCKETS = new Set(['s3', 's3a', 's3n', 'gs', 'gcs', 'abfs', 'abfss', 'wasbs', 'oss', 'r2']);

export interface OpenLineageName {
  namespace: string;
  name: string;
  /** A revision found in the location (hf `@rev`, `/tree/rev`): a version facet, never part of the name. */
  version?: string;
}

/**
 * The OpenLineage naming spec (https://openlineage.io/docs/spec/naming): the namespace is
 * the datasource (`scheme://authority`), the name the path within it.
 * - `s3://bucket/key` → `s3://bucket` + `key` (likewise gs, abfs, wasbs…)
 * - `hf://datasets/ORG/NAME@REV/sub` and `https://huggingface.co/datasets/ORG/NAME/tree/REV/sub`
 *   → `hf://datasets` + `ORG/NAME/sub`, REV as the version
 * - a path in the workspace (`file:data/x.csv`, `model/w.bin`) → the repository the run trained
 *   from (`https://github.com/OWNER/REPO`) + the path, so two repositories' `data/x.csv` never
 *   collide; with no known repository, the spec's local file system namespace `file`
 * - any other URL → `scheme://host` + path
 */
export function openLineageName(location: string, repository: string | undefined, knownPath?: string): OpenLineageName {
  // A keyed pseudonym is no location: its own namespace (per key), so equal values still join.
  const pseud = PSEUDONYM_RE.exec(location);
  if (pseud) return { namespace: `pseud:${pseud[1]}`, name: pseud[2]! };
  const hf =
    /^hf:\/\/datasets\/([^/@\s]+\/[^/@\s]+|[^/@\s]+)(?:@([^/\s]+))?(\/.*)?$/.exec(location) ??
    /^https:\/\/huggingface\.co\/datasets\/([^/\s]+\/[^/\s]+)(?:\/(?:tree|resolve)\/([^/\s]+))?(\/.*)?$/.exec(location);
  if (hf) {
    const [, repo, rev, sub] = hf as unknown as [string, string, string | undefined, string | undefined];
    return { namespace: 'hf://datasets', name: `${repo}${sub ?? ''}`, ...(rev ? { version: decodeURIComponent(rev) } : {}) };
  }
  const url = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(location);
  if (url && url[1]!.toLowerCase() !== 'file') {
    const scheme = url[1]!.toLowerCase();
    const path = url[3] ?? '/';
    return { namespace: `${scheme}://${url[2]}`, name: BUCKETS.has(scheme) ? path.replace(/^\/+/, '') || '/' : path };
  }
  if (url) return { namespace: url[2] ? `file://${url[2]}` : 'file', name: url[3] ?? '/' }; // file://host/path, file:///abs
  // A `file:` uri's path decoded (old records hold it as written: src/util/file-uri.ts).
  const local = (fileUriPath(location, knownPath) ?? location).replace(/^\.\//, '');
  if (local.startsWith('/')) return { namespace: 'file', name: local };
  return repository ? { namespace: repository, name: local } : { namespace: 'file', name: local };
}

const isUri = (s: string) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(s);

function inputDataset(d: DatasetDescriptor, repository: string | undefined) {
  const where = openLineageName(d.uri, repository, knownPath(d));
  const version = d.version ?? where.version;
  const facet: OpenLineageDatasetFacet = {
    _producer: PRODUCER,
    _schemaURL: CUSTOM('dataset'),
    id: d.id,
    uri: d.uri,
    ...(d.license ? { license: d.license } : {}),
    digest: Object.fromEntries(digests(d)),
    ...(d.splits ? { splits: d.splits } : {}),
    ...(d.seed !== undefined ? { seed: d.seed } : {}),
    ...(d.files !== undefined ? { files: d.files } : {}),
    ...(d.bytes !== undefined ? { bytes: d.bytes } : {}),
    ...(d.source ? { source: d.source } : {}),
    ...(d.quality ? { quality: d.quality } : {}),
    ...(d.sampling ? { sampling: d.sampling } : {}),
    ...(d.synthetic ? { synthetic: d.synthetic } : {}),
    ...(d.licenseHistory ? { licenseHistory: d.licenseHistory } : {}),
  };
  const repo = d.source?.repository;
  const owner = d.source?.owner;
  const q = d.quality;
  // What was measured of the data the run read: the official input facets.
  const measured = q?.rows !== undefined || d.bytes !== undefined || d.files !== undefined;
  const inputFacets = {
    ...(measured
      ? {
          dataQualityMetrics: {
            _producer: PRODUCER,
            _schemaURL: FACET('DataQualityMetricsInputDatasetFacet'),
            ...(q?.rows !== undefined ? { rowCount: q.rows } : {}),
            ...(d.bytes !== undefined ? { bytes: d.bytes } : {}),
            ...(d.files !== undefined ? { fileCount: d.files } : {}),
            // Required by the facet; the record has no per-column metrics.
            columnMetrics: {},
          },
        }
      : {}),
    ...(q?.checks?.length
      ? {
          dataQualityAssertions: {
            _producer: PRODUCER,
            _schemaURL: FACET('DataQualityAssertionsDatasetFacet'),
            assertions: q.checks.map((c) => ({ assertion: c.name, success: c.passed, name: c.name })),
          },
        }
      : {}),
  };
  return {
    namespace: where.namespace,
    name: where.name,
    facets: {
      ...(version ? { version: { _producer: PRODUCER, _schemaURL: FACET('DatasetVersionDatasetFacet'), datasetVersion: version } } : {}),
      ...(repo ? { dataSource: { _producer: PRODUCER, _schemaURL: FACET('DatasourceDatasetFacet'), name: repo, ...(isUri(repo) ? { uri: repo } : {}) } } : {}),
      ...(owner ? { ownership: { _producer: PRODUCER, _schemaURL: FACET('OwnershipDatasetFacet'), owners: [{ name: owner }] } } : {}),
      mlProvenance_dataset: facet,
    },
    ...(Object.keys(inputFacets).length ? { inputFacets } : {}),
  };
}

/**
 * One OpenLineage RunEvent (COMPLETE) for the training run: datasets are inputs,
 * model files outputs; hyperparameters, metrics, steps and the source commit ride in
 * facets. The run id is a UUID derived from the statement, so re-exports agree.
 * Names follow the OpenLineage naming spec (see openLineageName).
 */
export function toOpenLineage(s: TrainingStatement, runId?: string): Record<string, unknown> {
  const p = s.predicate;
  const t = runTime(s);
  const commit = gitCommit(s);
  const wf = p.buildDefinition.externalParameters.workflow;
  const repo = repositoryUrl(s);
  const digest = exportRunId(s, runId);
  const { extra: _extra, ...environment } = p.environment;
  return {
    eventType: 'COMPLETE',
    eventTime: t.finished,
    producer: PRODUCER,
    schemaURL: `${SPEC}/2-0-2/OpenLineage.json#/$defs/RunEvent`,
    run: {
      runId: stableUuid(`openlineage:${digest}`),
      facets: {
        mlProvenance_run: {
          _producer: PRODUCER,
          _schemaURL: CUSTOM('run'),
          statementDigest: digest,
          ...(p.runDetails.metadata.invocationId ? { invocationId: p.runDetails.metadata.invocationId } : {}),
          ...(t.started ? { startedOn: t.started } : {}),
          finishedOn: t.finished,
          builder: p.runDetails.builder.id,
          hyperparameters: p.buildDefinition.externalParameters.hyperparameters,
          metrics: finalMetrics(s),
          steps: p.steps,
          ...(p.image ? { image: p.image.reference } : {}),
          ...(p.experiment ? { experiment: p.experiment } : {}),
          ...(p.conflicts?.length ? { conflicts: p.conflicts } : {}),
          ...(p.pseudonyms ? { pseudonyms: p.pseudonyms } : {}),
        } satisfies OpenLineageRunFacet,
        mlProvenance_environment: { _producer: PRODUCER, _schemaURL: CUSTOM('environment'), ...environment } satisfies OpenLineageEnvironmentFacet,
        // Feature / A-B flags are key-value tags on the run (the official tags facet).
        ...(p.experiment?.flags && Object.keys(p.experiment.flags).length
          ? {
              tags: {
                _producer: PRODUCER,
                _schemaURL: FACET('TagsRunFacet'),
                tags: Object.entries(p.experiment.flags).map(([key, v]) => ({ key, value: typeof v === 'string' ? v : JSON.stringify(v), source: 'ML_PROVENANCE' })),
              },
            }
          : {}),
      },
    },
    job: {
      // The scheduler's namespace: the repository whose workflow ran, named by its path there.
      namespace: repo ?? 'ml-provenance',
      name: wf ? wf.path : runName(s),
      facets: {
        jobType: { _producer: PRODUCER, _schemaURL: FACET('JobTypeJobFacet'), processingType: 'BATCH', integration: 'ML_PROVENANCE', jobType: 'TRAINING' },
        ...(repo && commit
          ? {
              sourceCodeLocation: {
                _producer: PRODUCER,
                _schemaURL: FACET('SourceCodeLocationJobFacet'),
                type: 'git',
                url: wf ? `${repo}/blob/${commit}/${wf.path}` : repo,
                repoUrl: repo,
                ...(wf ? { path: wf.path } : {}),
                version: commit,
                ...(wf?.ref.startsWith('refs/tags/') ? { tag: wf.ref.slice('refs/tags/'.length) } : {}),
                ...(wf?.ref.startsWith('refs/heads/') ? { branch: wf.ref.slice('refs/heads/'.length) } : {}),
              },
            }
          : {}),
      },
    },
    inputs: p.datasets.map((d) => inputDataset(d, repo)),
    outputs: s.subject.map((m) => ({
      ...(({ namespace, name }) => ({ namespace, name }))(openLineageName(m.name, repo)),
      facets: { mlProvenance_model: { _producer: PRODUCER, _schemaURL: CUSTOM('model'), digest: m.digest } satisfies OpenLineageModelFacet },
    })),
  };
}
