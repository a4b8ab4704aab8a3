import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { loadDocuments, type UnreadableBundle } from '../../lineage/sources.js';
import type { BundleStatus, ReportRecord } from '../../render/report/page.js';
import { renderReportHtml } from '../../render/report/page.js';
import type { LoadedDocument } from '../../statement/load.js';
import { writeFileAtomic } from '../../util/fs.js';
import { stderrLogger } from '../../util/log.js';
import { loadTrustedRoot, validateIdentityPolicy, verifyBundle, type IdentityPolicy, type Verdict } from '../../verify/index.js';
import { addTrustFlags, identityFrom, type TrustFlags } from '../trust-flags.js';
import { processIo, run } from '../shared.js';
import { refuseFilesWithStore, STORE_SOURCE_HELP, storeRunsById, storeRunsSelected, type StoreFilter } from '../store-source.js';

interface ReportOptions extends TrustFlags, StoreFilter {
  out: string;
  verify: boolean;
  store?: string;
}

function identityText(i: IdentityPolicy): string {
  return [i.repo && `repo ${i.repo}`, i.signerWorkflow && `workflow ${i.signerWorkflow}`, i.certIdentity, i.certIdentityRegexp && `/${i.certIdentityRegexp}/`]
    .filter(Boolean)
    .join(', ');
}

/**
 * Verify every bundle on its own (one verdict each, with the reason), unlike lineage,
 * which stops at the first failure: an auditor wants the whole picture. Only bundles
 * that verified enter the graph and tables.
 */
async function verifyEach(docs: LoadedDocument[], unreadable: UnreadableBundle[], o: ReportOptions): Promise<{ records: ReportRecord[]; bundles: BundleStatus[] }> {
  const records: ReportRecord[] = [];
  const bundles: BundleStatus[] = [];
  if (!o.verify) {
    for (const d of docs) {
      records.push({ file: d.file, statement: d.statement });
      bundles.push({ file: d.file, status: d.bundle ? 'not-verified' : 'unsigned', note: 'taken on trust: --no-verify' });
    }
    for (const u of unreadable) bundles.push({ file: u.file, status: 'other', note: `not a training record (${u.error.message}); not verified` });
    return { records, bundles };
  }
  const identity = identityFrom(o);
  validateIdentityPolicy(identity, { noVerify: true });
  const signed = [...docs.filter((d) => d.bundle), ...unreadable];
  const trustedRoot = signed.length
    ? (
        await loadTrustedRoot({
          ...(o.customTrustedRoot ? { customTrustedRoot: o.customTrustedRoot } : {}),
          ...(o.offline ? { offline: true } : {}),
          logger: stderrLogger,
        })
      ).root
    : undefined;
  const check = (bundle: Record<string, unknown>): Promise<Verdict> => verifyBundle(bundle, { identity, trustedRoot: trustedRoot!, logger: stderrLogger });
  for (const d of docs) {
    if (!d.bundle) {
      bundles.push({
        file: d.file,
        status: 'unsigned',
        note: d.scanned ? 'an unsigned statement: its signed bundle is what counts (left out)' : 'an unsigned statement cannot be verified (left out; --no-verify to include it)',
      });
      continue;
    }
    const verdict = await check(d.bundle);
    bundles.push({ file: d.file, status: verdict.verified ? 'verified' : 'failed', verdict });
    if (verdict.verified) records.push({ file: d.file, statement: d.statement });
  }
  for (const u of unreadable) {
    const verdict = await check(u.bundle);
    bundles.push(
      verdict.verified
        ? { file: u.file, status: 'other', verdict, note: `signed, but not an ml-provenance training record (${u.error.message})` }
        : { file: u.file, status: 'failed', verdict },
    );
  }
  return { records, bundles };
}

export function register(program: Command): void {
  const cmd = program
    .command('report')
    .description('write a self-contained HTML report for auditors: verdict per bundle, interactive lineage graph, tables, metric chart, diffs')
    .argument('[inputs...]', 'bundle or statement files, or directories holding them')
    .requiredOption('--out <FILE.html>', 'the HTML file to write (replaced atomically)')
    .option('--no-verify', 'include records without verifying their signatures (marked as not verified in the report)')
    .option('--store <PATH|URL>', `${STORE_SOURCE_HELP}; none: every run the filters select (each bundle is verified again, as files are)`)
    .option('--runs <OWNER/REPO>', "with --store: only the runs of this repository (OWNER/* for an owner, '*' for every run)")
    .option('--since <DATE>', 'with --store: runs that finished at or after this time')
    .option('--until <DATE>', 'with --store: runs that finished before this time');
  addTrustFlags(cmd, 'the repository whose workflow must have signed the bundles').action(
    run(async (inputs: string[], o: ReportOptions) => {
      if (!/\.html?$/i.test(o.out)) {
        throw new InputError('report-out', `--out ${o.out} is not an .html file`, { fix: 'pass --out NAME.html' });
      }
      const unreadable: UnreadableBundle[] = [];
      if (o.store === undefined && (o.runs ?? o.since ?? o.until) !== undefined) {
        throw new InputError('filter-without-store', '--runs, --since and --until select runs in the store', { fix: 'add --store PATH|URL, or leave them out to report on the files given' });
      }
      if (o.store !== undefined) refuseFilesWithStore(inputs, 'report', o.store);
      const docs =
        o.store === undefined
          ? await loadDocuments(inputs, stderrLogger, unreadable)
          : inputs.length
            ? await storeRunsById(o.store, inputs, stderrLogger)
            : await storeRunsSelected(o.store, o);
      const { records, bundles } = await verifyEach(docs, unreadable, o);
      const html = renderReportHtml({
        generatedAt: new Date().toISOString(),
        records,
        bundles,
        ...(o.verify ? { identity: identityText(identityFrom(o)) } : {}),
      });
      const failed = bundles.filter((b) => b.status === 'failed');
      if (records.length === 0 && failed.length === 0) {
        throw new InputError('report-empty', 'no training record could be included in the report', {
          fix: 'pass signed bundles (provenance.sigstore.json), or --no-verify to include unsigned statements',
        });
      }
      await writeFileAtomic(o.out, html);
      stderrLogger.info(`wrote ${path.resolve(o.out)}: ${records.length} record(s), ${failed.length} failed verification`);
      for (const f of failed) {
        processIo.err(`error: ${f.file} failed verification: ${f.verdict?.failure ?? 'unknown'} — it is listed as FAILED in the report and left out of the graph; check the file's origin`);
      }
      return failed.length ? 1 : 0;
    }),
  );
}
