import { createHash } from 'node:crypto';
import type { TrainingStatement } from '../../schema/predicate.js';
import { VERSION } from '../../version.js';
import { lastMetrics } from '../diff.js';
import { sourceDependency } from '../../statement/fields.js';
import { statementRunId } from '../../statement/serialize.js';
import { asUriReference, datasetUriReference } from '../../util/file-uri.js';

export { asUriReference, datasetUriReference };

export const PRODUCER = `https://github.com/ml-provenance/ml-provenance/releases/tag/v${VERSION}`;
export const TOOL_NAME = 'ml-provenance';
export const TOOL_VERSION = VERSION;

/**
 * The run id every export names the record by: the same sha256 as `lineage --format json`
 * and the store (statementRunId over the signed or written bytes). Callers with the loaded
 * document pass its id; a statement known only as an object gets the id of the bytes
 * `build` writes for it. Deterministic: the same record always exports to the same bytes.
 */
export function exportRunId(s: TrainingStatement, runId?: string): string {
  return runId ?? statementRunId({ statement: s });
}

/** An RFC 4122 UUID (version 5 layout) from a name, so run ids are stable across exports. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** When the run happened; exports fall back to the epoch rather than "now" so they stay reproducible. */
export function runTime(s: TrainingStatement): { started?: string; finished: string } {
  const m = s.predicate.runDetails.metadata;
  const finished = m.finishedOn ?? m.startedOn ?? '1970-01-01T00:00:00Z';
  return { ...(m.startedOn ? { started: m.startedOn } : {}), finished };
}

export function finalMetrics(s: TrainingStatement) {
  return [...lastMetrics(s.predicate.metrics).values()];
}

export { datasetLabel } from '../../render/lineage.js';

/** Digest algorithms in in-toto spelling → the hex values, sha256 first. */
export function digests(d: { digest?: Record<string, string> | undefined }): [string, string][] {
  return Object.entries(d.digest ?? {}).sort(([a], [b]) => (a === 'sha256' ? -1 : b === 'sha256' ? 1 : a < b ? -1 : 1));
}

export { gitCommit } from '../../statement/fields.js';

/** `OWNER/NAME` of the repository the run trained from, when the record says. */
export function repositoryOf(s: TrainingStatement): string | undefined {
  const w = s.predicate.buildDefinition.externalParameters.workflow;
  const fromUrl = (u: string) => /^(?:git\+)?https?:\/\/[^/]+\/([^/@]+\/[^/@]+?)(?:\.git)?(?:@.*)?$/.exec(u)?.[1];
  if (w) return fromUrl(w.repository) ?? w.repository;
  const src = sourceDependency(s)?.uri;
  return src ? fromUrl(src) : undefined;
}

/** A location that names a version-control repository (a git remote, GitHub, GitLab, Bitbucket), not just any URL. */
export function isVcsUrl(s: string): boolean {
  return /^(git\+)?(https?|ssh|git):\/\/\S+$/i.test(s) && /^git\+|\.git$|:\/\/(www\.)?(github\.com|gitlab\.com|bitbucket\.org)\/|^git:/i.test(s);
}

/** The repository's web address, for source locations and namespaces. */
export function repositoryUrl(s: TrainingStatement): string | undefined {
  const w = s.predicate.buildDefinition.externalParameters.workflow;
  if (w && /^https?:\/\//.test(w.repository)) return w.repository.replace(/\.git$/, '');
  const src = sourceDependency(s)?.uri?.replace(/^git\+/, '').replace(/@.*$/, '').replace(/\.git$/, '');
  return src && /^https?:\/\//.test(src) ? src : undefined;
}

export interface ModelIdentity {
  /** The model's own name: its file, or the folder that holds its files. */
  name: string;
  /** The repository it was trained from (`OWNER/NAME`), when known: the SBOM "group"/supplier. */
  repository?: string;
  /** What SBOM consumers compare: the release tag the run built, else a content-derived id. */
  version: string;
  versionSource: 'tag' | 'digest';
  /** One sha256 that stands for the whole model (the file's, or over the sorted file list). */
  sha256: string;
}

/**
 * Who the model is, for SBOMs: named after the model (not the workflow that made it),
 * versioned by the release tag the run was triggered by (`refs/tags/v1.2` → `v1.2`), or
 * else by its content (`sha256:` + 12 hex of the model digest), which changes exactly
 * when the model does. A run URL or a timestamp is not a version: two exports of the
 * same model must agree, two different models must not.
 */
export function modelIdentity(s: TrainingStatement): ModelIdentity {
  const files = s.subject.map((f) => ({ name: f.name, sha256: f.digest.sha256 ?? '' })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sha256 =
    files.length === 1 ? files[0]!.sha256 : createHash('sha256').update(files.map((f) => `${f.sha256}  ${f.name}\n`).join('')).digest('hex');
  const repository = repositoryOf(s);
  const name = files.length === 1 ? files[0]!.name : commonFolder(files.map((f) => f.name)) ?? repository?.split('/')[1] ?? 'model';
  const ref = s.predicate.buildDefinition.externalParameters.workflow?.ref;
  const tag = ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
  return {
    name,
    ...(repository ? { repository } : {}),
    version: tag ?? `sha256:${sha256.slice(0, 12)}`,
    versionSource: tag ? 'tag' : 'digest',
    sha256,
  };
}

function commonFolder(names: string[]): string | undefined {
  const parts = names.map((n) => n.split('/').slice(0, -1));
  const first = parts[0] ?? [];
  let n = first.length;
  for (const p of parts) {
    let i = 0;
    while (i < n && p[i] === first[i]) i++;
    n = i;
  }
  return n ? first.slice(0, n).join('/') : undefined;
}

/** SPDX 3 DateTime: UTC, whole seconds, `Z` (`2025-01-01T01:00:00Z`); milliseconds are not allowed. */
export function spdxDateTime(iso: string): string {
  const t = Date.parse(iso);
  return (Number.isNaN(t) ? new Date(0) : new Date(Math.floor(t / 1000) * 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function runName(s: TrainingStatement): string {
  const w = s.predicate.buildDefinition.externalParameters.workflow;
  if (w) return `${w.repository.replace(/^https:\/\/github\.com\//, '')}/${w.path}`;
  return s.predicate.runDetails.builder.id;
}

