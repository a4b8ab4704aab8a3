import type { Command } from 'commander';
import { readJsonFile } from '../../util/fs.js';
import { stderrLogger } from '../../util/log.js';
import { failureFix, formatVerdict, verifyBundle, type IdentityPolicy } from '../../verify/index.js';
import { processIo, run } from '../shared.js';

interface VerifyFlags {
  bundle: string;
  repo?: string;
  signerWorkflow?: string;
  certIdentity?: string;
  certIdentityRegexp?: string;
  certOidcIssuer?: string;
  customTrustedRoot?: string;
  policy?: string;
  offline?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('verify')
    .description('Verify a provenance bundle as a release consumer: signature, transparency log, signer identity, file digests, record, policy')
    .argument('[SUBJECT...]', 'downloaded files (or directories) whose sha256 must be among the signed subjects')
    .requiredOption('--bundle <BUNDLE>', 'the Sigstore bundle (provenance.sigstore.json)')
    .option('--repo <OWNER/REPO>', 'the repository whose workflow must have signed')
    .option('--signer-workflow <OWNER/REPO/PATH[@REF]>', 'the workflow that must have signed (e.g. acme/models/.github/workflows/train.yml@refs/heads/main)')
    .option('--cert-identity <URI>', 'exact certificate identity (subject alternative name)')
    .option('--cert-identity-regexp <RE>', 'regular expression the certificate identity must match')
    .option('--cert-oidc-issuer <URL>', 'OIDC issuer of the signing identity', 'https://token.actions.githubusercontent.com')
    .option('--custom-trusted-root <FILE>', 'trusted_root.json to trust instead of the Sigstore public-good root (works offline)')
    .option('--policy <standard|strict|none|FILE>', 'also require the record to be complete under this policy')
    .option('--offline', 'never use the network (needs --custom-trusted-root or a cached public-good root)')
    .option('--json', 'print the verdict as one JSON document on stdout')
    .action(
      run(async (subjects: string[], flags: VerifyFlags) => {
        const identity: IdentityPolicy = {
          ...(flags.repo ? { repo: flags.repo } : {}),
          ...(flags.signerWorkflow ? { signerWorkflow: flags.signerWorkflow } : {}),
          ...(flags.certIdentity ? { certIdentity: flags.certIdentity } : {}),
          ...(flags.certIdentityRegexp ? { certIdentityRegexp: flags.certIdentityRegexp } : {}),
          ...(flags.certOidcIssuer ? { certOidcIssuer: flags.certOidcIssuer } : {}),
        };
        const bundle = await readJsonFile(flags.bundle, 'bundle');
        const verdict = await verifyBundle(bundle, {
          subjects,
          identity,
          ...(flags.customTrustedRoot ? { customTrustedRoot: flags.customTrustedRoot } : {}),
          ...(flags.offline ? { offline: true } : {}),
          ...(flags.policy ? { policy: flags.policy } : {}),
          logger: stderrLogger,
        });
        processIo.out(flags.json ? JSON.stringify(verdict, null, 2) : formatVerdict(verdict));
        if (!verdict.verified) processIo.err(`error: verification failed: ${verdict.failure} — ${failureFix(verdict)}`);
        return verdict.verified ? 0 : 1;
      }),
    );
}
