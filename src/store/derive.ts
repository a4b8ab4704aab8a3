/**
 * A statement as store rows (pure). Ingest writes these rows; audit derives them again
 * from the stored bundle and compares, so a row edited in the database is found.
 */
import type { TrainingStatement } from '../schema/predicate.js';
import { gitCommit, latestByEpoch } from '../statement/fields.js';
import type { SqlValue } from './db.js';
import { datasetUri } from '../util/file-uri.js';
import { runFlow } from '../lineage/flow.js';
import { bundleSigner } from '../verify/certificate.js';

export interface RunRow {
  run_id: string;
  doc_sha256: string;
  kind: 'bundle' | 'statement';
  owner: string;
  repo: string;
  builder: string;
  invocation_id: string | null;
  started_on: string | null;
  finished_on: string | null;
  git_commit: string | null;
}

export interface DerivedRows {
  run: RunRow;
  datasets: { ord: number; ds_id: string; version: string | null; digest: string | null; uri: string | null; derived: number; is_output: number; feeds: number }[];
  steps: { ord: number; name: string; library: string | null; version: string | null }[];
  step_io: { step_ord: number; direction: 'in' | 'out'; dataset_ord: number }[];
  models: { ord: number; sha256: string; path: string }[];
  /** `final`: 1 for the value shown without an epoch (the last epoch's, per name and split). */
  metrics: { ord: number; name: string; value: number; epoch: number | null; step: number | null; split: string | null; final: number }[];
}

/** The repository a bare statement claims: the workflow's, else the one in the invocation URL. */
export function repositoryOf(s: TrainingStatement): { owner: string; repo: string } {
  const p = s.predicate;
  const fromName = (full: string | undefined) => {
    const m = full ? /^([^/\s]+)\/([^/\s]+)$/.exec(full.replace(/^https:\/\/github\.com\//, '')) : null;
    return m ? { owner: m[1]!, repo: m[2]! } : undefined;
  };
  const wf = fromName(p.buildDefinition.externalParameters.workflow?.repository);
  if (wf) return wf;
  const inv = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/actions\/runs\//.exec(p.runDetails.metadata.invocationId ?? '');
  if (inv) return { owner: inv[1]!, repo: inv[2]! };
  const gh = p.buildDefinition.internalParameters?.github;
  return fromName(gh?.repository) ?? { owner: '', repo: '' };
}

/**
 * The repository a signed run is filed under: its certificate's source repository
 * (Fulcio 1.3.6.1.4.1.57264.1.12), never what the statement says — row-level security
 * and grants key on it, so a statement naming another repository must not move the run
 * there (verify's `source` check refuses such a bundle; this holds with --no-verify too).
 * A certificate without one (not a GitHub Actions signer) files the run under no repository.
 */
export function signedRepositoryOf(bundle: Record<string, unknown>): { owner: string; repo: string } {
  const uri = bundleSigner(bundle).sourceRepositoryURI;
  const m = uri ? /^https?:\/\/[^/]+\/(.+)\/([^/]+?)\/?$/.exec(uri) : null;
  return m ? { owner: m[1]!, repo: m[2]! } : { owner: '', repo: '' };
}

/** A document's repository: the certificate's for a bundle, the statement's claim for a bare statement. */
export function documentRepository(s: TrainingStatement, bundle: Record<string, unknown> | undefined): { owner: string; repo: string } {
  return bundle ? signedRepositoryOf(bundle) : repositoryOf(s);
}

function firstDigest(d: { digest?: Record<string, string> | undefined }): string | null {
  if (d.digest?.sha256) return `sha256:${d.digest.sha256}`;
  const alg = Object.keys(d.digest ?? {}).sort()[0];
  return alg ? `${alg}:${d.digest![alg]}` : null;
}

export function deriveRows(s: TrainingStatement, ids: { runId: string; docSha256: string; kind: 'bundle' | 'statement' }, bundle?: Record<string, unknown>): DerivedRows {
  const p = s.predicate;
  const { owner, repo } = documentRepository(s, bundle);
  const md = p.runDetails.metadata;
  const datasets: DerivedRows['datasets'] = [];
  const byId = new Map<string, number>();
  for (const d of p.datasets) {
    if (byId.has(d.id)) continue;
    byId.set(d.id, datasets.length);
    datasets.push({ ord: datasets.length, ds_id: d.id, version: d.version ?? null, digest: firstDigest(d), uri: d.uri ? datasetUri(d) : null, derived: 0, is_output: 0, feeds: 0 });
  }
  const resolve = (id: string): number => {
    let ord = byId.get(id);
    if (ord === undefined) {
      ord = datasets.length;
      byId.set(id, ord);
      datasets.push({ ord, ds_id: id, version: null, digest: null, uri: null, derived: 1, is_output: 0, feeds: 0 });
    }
    return ord;
  };
  const steps: DerivedRows['steps'] = [];
  const io: DerivedRows['step_io'] = [];
  const seenIo = new Set<string>();
  p.steps.forEach((st, i) => {
    steps.push({ ord: i, name: st.name, library: st.library ?? null, version: st.version ?? null });
    for (const [direction, list] of [['in', st.inputs ?? []], ['out', st.outputs ?? []]] as const) {
      for (const id of list) {
        const ord = resolve(id);
        const k = `${i}/${direction}/${ord}`;
        if (seenIo.has(k)) continue;
        seenIo.add(k);
        io.push({ step_ord: i, direction, dataset_ord: ord });
        if (direction === 'out') datasets[ord]!.is_output = 1;
      }
    }
  });
  // The same rule as the lineage graph's `feeds` edges (lineage/flow.ts): one rule, not two.
  // The column keeps the values ingest has always written ("no step reads it"), so runs stored
  // before still audit: the run's own output and what only steps after training read are
  // told apart when a question is answered (questions.ts ownLineage), from step_io and models.
  const feeding = runFlow(p.steps, p.datasets.map((d) => d.id)).datasets;
  for (const d of datasets) d.feeds = feeding.has(d.ds_id) ? 1 : 0;
  // The value each answer shows for a metric without an epoch: the last epoch's, per name and split.
  const finals = new Set(latestByEpoch(p.metrics, (m) => `${m.name}\u0000${m.split ?? ''}`).values());
  return {
    run: {
      run_id: ids.runId,
      doc_sha256: ids.docSha256,
      kind: ids.kind,
      owner,
      repo,
      builder: p.runDetails.builder.id,
      invocation_id: md.invocationId ?? null,
      started_on: md.startedOn ?? null,
      finished_on: md.finishedOn ?? md.startedOn ?? null,
      git_commit: gitCommit(s) ?? null,
    },
    datasets,
    steps,
    step_io: io,
    models: s.subject.map((m, ord) => ({ ord, sha256: m.digest.sha256!, path: m.name })),
    metrics: p.metrics.map((m, ord) => ({ ord, name: m.name, value: m.value, epoch: m.epoch ?? null, step: m.step ?? null, split: m.split ?? null, final: finals.has(m) ? 1 : 0 })),
  };
}

/** Column order for each child table, as inserted and as compared by audit. */
export const CHILD_COLUMNS = {
  datasets: ['ord', 'ds_id', 'version', 'digest', 'uri', 'derived', 'is_output', 'feeds'],
  steps: ['ord', 'name', 'library', 'version'],
  step_io: ['step_ord', 'direction', 'dataset_ord'],
  models: ['ord', 'sha256', 'path'],
  metrics: ['ord', 'name', 'value', 'epoch', 'step', 'split', 'final'],
} as const;
export const RUN_COLUMNS = ['run_id', 'doc_sha256', 'kind', 'owner', 'repo', 'builder', 'invocation_id', 'started_on', 'finished_on', 'git_commit'] as const;

export type ChildTable = keyof typeof CHILD_COLUMNS;

/** A row's values in column order, appended to `into` (a multi-row insert's parameters are built in one array). */
export function rowValues(row: Record<string, unknown>, cols: readonly string[], into: SqlValue[] = []): SqlValue[] {
  for (const c of cols) into.push((row[c] ?? null) as SqlValue);
  return into;
}
