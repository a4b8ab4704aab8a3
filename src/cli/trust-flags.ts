import type { TrustedRoot } from '@sigstore/protobuf-specs';
import type { Command } from 'commander';
import { CheckError } from '../errors.js';
import type { BundleVerifier } from '../lineage/trust.js';
import { stderrLogger } from '../util/log.js';
import { failureFix, GITHUB_ACTIONS_ISSUER, loadTrustedRoot, verifyBundle, type IdentityPolicy } from '../verify/index.js';

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


/**
 * Verify each bundle as `verify` would (signature, transparency log, signer identity),
 * loading the trust root once for a whole set of bundles.
 */
export function bundleVerifier(f: TrustFlags): BundleVerifier {
  let trust: Promise<TrustedRoot> | undefined;
  return async (doc) => {
    trust ??= loadTrustedRoot({
      ...(f.customTrustedRoot ? { customTrustedRoot: f.customTrustedRoot } : {}),
      ...(f.offline ? { offline: true } : {}),
      logger: stderrLogger,
    }).then((t) => t.root);
    const verdict = await verifyBundle(doc.bundle, { identity: identityFrom(f), trustedRoot: await trust, logger: stderrLogger });
    if (!verdict.verified) {
      throw new CheckError('bundle-unverified', `${doc.file} does not verify: ${verdict.failure ?? 'verification failed'}`, {
        fix: `${failureFix(verdict)} (or pass --no-verify to use unverified records)`,
        file: doc.file,
      });
    }
  };
}
