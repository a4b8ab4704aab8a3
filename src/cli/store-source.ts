/**
 * `--store` on the read commands (diff, export, report, lineage): the runs come out of
 * the provenance store instead of files, then go through the same code as files do.
 * The store module is imported on demand: commands without --store never load it.
 */
import { InputError } from '../errors.js';
import { listRunsCommand } from '../store/location.js';
import type { StoredLoadedDocument } from '../store/documents.js';
import type { Logger } from '../util/log.js';

/** Commands that read the store never create it (a mistyped path is an error, not an empty answer), nor write beside it. */
const READ_ONLY = { create: false, readOnly: true } as const;

export const STORE_SOURCE_HELP = "read the runs from the provenance store (a file, or postgres://…) instead of files: arguments are run ids (sha256:HEX or 8+ leading hex digits; `lineage --store S --runs '*'` lists them)";

/** Runs by id, in the order given. A run that was not verified at ingest is said to be so. */
export async function storeRunsById(spec: string, refs: string[], logger: Logger): Promise<StoredLoadedDocument[]> {
  const { withStore, storedRun } = await import('../store/index.js');
  const docs = await withStore(spec, async (db) => {
    const out: StoredLoadedDocument[] = [];
    for (const ref of refs) out.push(await storedRun(db, ref));
    return out;
  }, READ_ONLY);
  for (const d of docs) if (!d.verified) logger.warning(`run sha256:${d.runId} was not verified when it was stored (ingested with --no-verify, or a bare statement)`);
  return docs;
}

export interface StoreFilter {
  runs?: string;
  since?: string;
  until?: string;
}

export function isoDate(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (Number.isNaN(Date.parse(v))) throw new InputError('bad-date', `${flag} must be a date or time (its text is not a date)`, { fix: `pass ${flag} 2026-01-01 or an ISO time` });
  return new Date(v).toISOString();
}

/** The runs a filter selects (all when empty), oldest first, each saying whether it was verified at ingest. */
export async function storeRunsSelected(spec: string, f: StoreFilter): Promise<StoredLoadedDocument[]> {
  const since = isoDate('--since', f.since);
  const until = isoDate('--until', f.until);
  const { withStore, storedRuns } = await import('../store/index.js');
  return withStore(spec, (db) => storedRuns(db, { ...(f.runs ? { repository: f.runs } : {}), ...(since ? { since } : {}), ...(until ? { until } : {}) }), READ_ONLY);
}

/** --store reads runs by id; files and --store together would mix two sources silently. */
export function refuseFilesWithStore(inputs: string[], command: string, store: string): void {
  const files = inputs.filter((i) => !/^(sha256:)?[0-9a-f]{8,64}$/i.test(i));
  if (files.length) {
    throw new InputError('store-with-files', `${command} --store takes run ids, not files (${files.length} argument(s) are not run ids)`, {
      fix: `pass run ids with --store (sha256:HEX, or at least 8 leading hex digits; \`${listRunsCommand(store)}\` lists every stored run), or leave out --store to read files`,
    });
  }
}
