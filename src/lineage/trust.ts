import { InputError } from '../errors.js';
import type { LoadedDocument } from '../statement/load.js';
import type { Logger } from '../util/log.js';
import type { UnreadableBundle } from './sources.js';

/** Verifies loaded bundles, or throws (a CheckError) for the first one, in input order, that is not acceptable. */
export interface BundleVerifier {
  verifyAll(docs: Pick<LoadedDocument, 'file' | 'bundle' | 'bundleSha256'>[]): Promise<void>;
}

/**
 * Lineage answers are only as good as the records behind them, so every document is
 * verified before it enters the graph unless the user says `--no-verify`. A bare
 * statement carries no signature and can only be taken on trust.
 */
export async function trustDocuments(
  docs: LoadedDocument[],
  o: { noVerify: boolean; verifier: BundleVerifier; unreadable?: UnreadableBundle[]; logger?: Logger },
): Promise<LoadedDocument[]> {
  // Bundles whose payload is not a readable record: verified like the rest, so a tampered
  // one stops the command; one that verifies (another kind of attestation) is skipped.
  const unreadable = o.unreadable ?? [];
  if (!o.noVerify) await o.verifier.verifyAll(unreadable);
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
  const signed = new Set(docs.filter((d) => d.bundle && d.statementSha256).map((d) => d.statementSha256));
  for (const doc of docs) {
    if (!doc.bundle && doc.scanned) {
      // Releases and artifacts ship provenance.intoto.json beside its bundle: the signed copy counts,
      // and the copy is expected (no warning) when its bytes are the ones the bundle signed.
      (doc.statementSha256 && signed.has(doc.statementSha256) ? (m: string) => o.logger?.debug(m) : (m: string) => o.logger?.warning(m))(`skipping ${doc.file}: an unsigned statement (its signed bundle is what counts; --no-verify to use it)`);
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
  await o.verifier.verifyAll(trusted);
  return trusted;
}
