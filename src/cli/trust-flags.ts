import type { TrustedRoot } from '@sigstore/protobuf-specs';
import type { Command } from 'commander';
import { CheckError, ServiceError } from '../errors.js';
import type { BundleVerifier } from '../lineage/trust.js';
import { stderrLogger } from '../util/log.js';
import { openVerifiedCache } from '../verify/cache.js';
import { failureFix, GITHUB_ACTIONS_ISSUER, loadTrustedRoot, validateIdentityPolicy, type IdentityPolicy } from '../verify/index.js';
import { verifyMany } from '../verify/many.js';
import { VerifyThreads } from '../verify/pool.js';

/** The flags that say who must have signed and which trust root to use (as cosign / `gh attestation verify`). */
export interface TrustFlags {
  repo?: string;
  signerWorkflow?: string;
  certIdentity?: string;
  certIdentityRegexp?: string;
  certOidcIssuer?: string;
  customTrustedRoot?: string;
  offline?: boolean;
}

/** Add the identity and trust-root flags to a command. `repoHelp` describes --repo where it means more. */
export function addTrustFlags(cmd: Command, repoHelp = 'the repository whose workflow must have signed'): Command {
  return cmd
    .option('--repo <OWNER/REPO>', repoHelp)
    .option('--signer-workflow <OWNER/REPO/PATH[@REF]>', 'the workflow that must have signed (e.g. acme/models/.github/workflows/train.yml@refs/heads/main)')
    .option('--cert-identity <URI>', 'exact certificate identity (subject alternative name)')
    .option('--cert-identity-regexp <RE>', 'regular expression the certificate identity must match')
    .option('--cert-oidc-issuer <URL>', 'OIDC issuer of the signing identity', GITHUB_ACTIONS_ISSUER)
    .option('--custom-trusted-root <FILE>', 'trusted_root.json to trust instead of the Sigstore public-good root (works offline)')
    .option('--offline', 'never use the network (needs --custom-trusted-root or a cached public-good root)');
}

export function identityFrom(f: TrustFlags): IdentityPolicy {
  return {
    ...(f.repo ? { repo: f.repo } : {}),
    ...(f.signerWorkflow ? { signerWorkflow: f.signerWorkflow } : {}),
    ...(f.certIdentity ? { certIdentity: f.certIdentity } : {}),
    ...(f.certIdentityRegexp ? { certIdentityRegexp: f.certIdentityRegexp } : {}),
    ...(f.certOidcIssuer ? { certOidcIssuer: f.certOidcIssuer } : {}),
  };
}


export interface VerifierOptions {
  /** Use the verification cache (src/verify/cache.ts); default true. */
  cache?: boolean;
  /** Worker threads for verification (default: the CPU count, at most 8). */
  jobs?: number;
}

/** The trust root the flags name, loaded on first use and then kept (one load for every bundle of a command). */
export function trustedRootOnce(f: TrustFlags): () => Promise<TrustedRoot> {
  let trust: Promise<TrustedRoot> | undefined;
  return () =>
    (trust ??= loadTrustedRoot({
      ...(f.customTrustedRoot ? { customTrustedRoot: f.customTrustedRoot } : {}),
      ...(f.offline ? { offline: true } : {}),
      logger: stderrLogger,
    }).then((t) => t.root));
}

/**
 * Verify bundles as `verify` would (signature, transparency log, signer identity),
 * loading the trust root once for a whole set of bundles, and starting the verification
 * threads once for all the calls (the parts of a large ingest) until close().
 */
export function bundleVerifier(f: TrustFlags, o: VerifierOptions = {}): BundleVerifier {
  const trustedRootOf = trustedRootOnce(f);
  const threads = new VerifyThreads();
  return {
    close: () => threads.close(),
    async verifyAll(docs, signal) {
      if (docs.length === 0) return;
      const identity = identityFrom(f);
      validateIdentityPolicy(identity, { noVerify: true });
      const trustedRoot = await trustedRootOf();
      const cache = o.cache === false ? undefined : openVerifiedCache({ trustedRoot, identity, logger: stderrLogger });
      const results = await verifyMany(
        docs.map((d) => ({ bundle: d.bundle ?? {}, ...(d.bundleSha256 ? { sha256: d.bundleSha256 } : {}) })),
        { trustedRoot, identity, threads, ...(cache ? { cache } : {}), ...(o.jobs !== undefined ? { jobs: o.jobs } : {}), logger: stderrLogger, ...(signal ? { signal } : {}) },
      );
      // In input order: the first bundle that failed is the one reported.
      for (const [i, r] of results.entries()) {
        const file = docs[i]!.file;
        // Only bundles after a failure go unchecked, and the loop has thrown by then: fail closed.
        if (r === undefined) throw new ServiceError('verify-incomplete', `${file} was not verified`, { fix: 'run again with --jobs 1, and report it', file });
        if ('error' in r) {
          throw new ServiceError('verify-crashed', `${file} could not be verified: ${r.error}`, {
            fix: 'run again with --jobs 1 --debug to see where verification fails, and report it',
            file,
          });
        }
        if ('verdict' in r && !r.verdict.verified) {
          throw new CheckError('bundle-unverified', `${file} does not verify: ${r.verdict.failure ?? 'verification failed'}`, {
            fix: `${failureFix(r.verdict)} (or pass --no-verify to use unverified records)`,
            file,
          });
        }
      }
    },
  };
}
