import { CheckError, InputError } from '../errors.js';
import type { LoadedDocument } from '../statement/load.js';

/** Verifies one loaded bundle or throws (a CheckError when the bundle is not acceptable). */
export type BundleVerifier = (doc: LoadedDocument) => Promise<void>;

/**
 * Lineage answers are only as good as the records behind them, so every document is
 * verified before it enters the graph unless the user says `--no-verify`. A bare
 * statement carries no signature and can only be taken on trust.
 */
export async function trustDocuments(
  docs: LoadedDocument[],
  o: { noVerify: boolean; verifier: BundleVerifier | undefined },
): Promise<LoadedDocument[]> {
  if (o.noVerify) return docs;
  for (const doc of docs) {
    if (!doc.bundle) {
      throw new InputError('unsigned-statement', `${doc.file} is an unsigned statement, so it cannot be verified`, {
        fix: 'pass the Sigstore bundle (provenance.sigstore.json) instead, or --no-verify to trust unsigned statements',
        file: doc.file,
      });
    }
    if (!o.verifier) {
      throw new CheckError('verify-unavailable', `cannot verify ${doc.file}: bundle verification is not available in this build`, {
        fix: 'pass --no-verify to build the lineage from unverified records (and verify them separately)',
        file: doc.file,
      });
    }
    await o.verifier(doc);
  }
  return docs;
}
