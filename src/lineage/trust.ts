import { InputError } from '../errors.js';
import type { LoadedDocument } from '../statement/load.js';
import type { Logger } from '../util/log.js';
import type { UnreadableBundle } from './sources.js';

/** Verifies loaded bundles, or throws (a CheckError) for the first one, in input order, that is not acceptable. */
export interface BundleVerifier {
  verifyAll(docs: Pick<LoadedDocument, 'file' | 'bundle' | 'bundleSha256'>[], signal?: AbortSignal): Promise<void>;
  /** Stop the verification threads kept between verifyAll calls (a later call starts them again). */
  close?(): Promise<void>;
}

/**
 * Lineage answers are only as good as the records behind them, so every document is
 * verified before it enters the graph unless the user says `--no-verify`. A bare
 * statement carries no signature and can only be taken on trust.
 */
export async function trustDocuments(
  docs: LoadedDocument[],
  o: {
    noVerify: boolean;
    verifier: BundleVerifier;
    unreadable?: UnreadableBundle[];
    logger?: Logger;
    /**
     * For inputs read in several parts (store ingest of a large folder): the statement digests
     * signed by bundles seen so far (added to), and where to put unsigned statements found in a
     * folder instead of reporting them now: their bundle may be in a later part (skippedStatementNote).
     */
    signed?: Set<string>;
    skipped?: LoadedDocument[];
    /** Stops verifying when aborted: verifyAll rejects with its reason. */
    signal?: AbortSignal;
  },
): Promise<LoadedDocument[]> {
  // Bundles whose payload is not a readable record: verified like the rest, so a tampered
  // one stops the command; one that verifies (another kind of attestation) is skipped.
  const unreadable = o.unreadable ?? [];
  if (!o.noVerify) await o.verifier.verifyAll(unreadable, o.signal);
  for (const u of unreadable) {
    if (u.explicit) throw u.error;
    // The project's own companion files (the SLSA bundle) are expected in a release folder: no warning.
    (u.companion ? (m: string) => o.logger?.debug(m) : (m: string) => o.logger?.warning(m))(
      o.noVerify
        ? `skipping ${u.file}: a Sigstore bundle, but not an ml-provenance training record (${u.error.message}; not verified)`
        : `skipping ${u.file}: signed, but not an ml-provenance training record (${u.error.message})`,
    );
  }
  if (o.noVerify) return docs;
  const trusted: LoadedDocument[] = [];
  const signed = o.signed ?? new Set<string>();
  for (const d of docs) if (d.bundle && d.statementSha256) signed.add(d.statementSha256);
  for (const doc of docs) {
    if (!doc.bundle && doc.scanned) {
      if (o.skipped) o.skipped.push(doc);
      else skippedStatementNote(doc, signed, o.logger);
      continue;
    }
    if (!doc.bundle) {
      throw new InputError('unsigned-statement', `${doc.file} is an unsigned statement, so it cannot be verified`, {
        fix: 'pass the Sigstore bundle (provenance.sigstore.json) instead, or --no-verify to trust unsigned statements',
        file: doc.file,
      });
    }
    trusted.push(doc);
  }
  await o.verifier.verifyAll(trusted, o.signal);
  return trusted;
}

/**
 * Releases and artifacts ship provenance.intoto.json beside its bundle: the signed copy counts,
 * and the copy is expected (no warning) when its bytes are the ones a bundle signed.
 */
export function skippedStatementNote(doc: Pick<LoadedDocument, 'file' | 'statementSha256'>, signed: Set<string>, logger?: Logger): void {
  const note = `skipping ${doc.file}: an unsigned statement (its signed bundle is what counts; --no-verify to use it)`;
  if (doc.statementSha256 && signed.has(doc.statementSha256)) logger?.debug(note);
  else logger?.warning(note);
}
