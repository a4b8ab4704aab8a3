import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  listRunsCommand
} from "./chunk-BF4Q6TWI.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/store-source.ts
var READ_ONLY = { create: false, readOnly: true };
var STORE_SOURCE_HELP = "read the runs from the provenance store (a file, or postgres://\u2026) instead of files: arguments are run ids (sha256:HEX or 8+ leading hex digits; `lineage --store S --runs '*'` lists them)";
async function storeRunsById(spec, refs, logger) {
  const { withStore, storedRun } = await import("./store-VEY5VGIE.js");
  const docs = await withStore(spec, async (db) => {
    const out = [];
    for (const ref of refs) out.push(await storedRun(db, ref));
    return out;
  }, READ_ONLY);
  for (const d of docs) if (!d.verified) logger.warning(`run sha256:${d.runId} was not verified when it was stored (ingested with --no-verify, or a bare statement)`);
  return docs;
}
__name(storeRunsById, "storeRunsById");
function isoDate(flag, v) {
  if (v === void 0) return void 0;
  if (Number.isNaN(Date.parse(v))) throw new InputError("bad-date", `${flag} must be a date or time (its text is not a date)`, { fix: `pass ${flag} 2026-01-01 or an ISO time` });
  return new Date(v).toISOString();
}
__name(isoDate, "isoDate");
async function storeRunsSelected(spec, f) {
  const since = isoDate("--since", f.since);
  const until = isoDate("--until", f.until);
  const { withStore, storedRuns } = await import("./store-VEY5VGIE.js");
  return withStore(spec, (db) => storedRuns(db, { ...f.runs ? { repository: f.runs } : {}, ...since ? { since } : {}, ...until ? { until } : {} }), READ_ONLY);
}
__name(storeRunsSelected, "storeRunsSelected");
function refuseFilesWithStore(inputs, command, store) {
  const files = inputs.filter((i) => !/^(sha256:)?[0-9a-f]{8,64}$/i.test(i));
  if (files.length) {
    throw new InputError("store-with-files", `${command} --store takes run ids, not files (${files.length} argument(s) are not run ids)`, {
      fix: `pass run ids with --store (sha256:HEX, or at least 8 leading hex digits; \`${listRunsCommand(store)}\` lists every stored run), or leave out --store to read files`
    });
  }
}
__name(refuseFilesWithStore, "refuseFilesWithStore");

export {
  STORE_SOURCE_HELP,
  storeRunsById,
  isoDate,
  storeRunsSelected,
  refuseFilesWithStore
};
