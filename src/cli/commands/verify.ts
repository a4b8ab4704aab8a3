import type { Command } from 'commander';
import { readJsonFile } from '../../util/fs.js';
import { stderrLogger } from '../../util/log.js';
import { assertBundleDocument, failureFix, formatVerdict, verifyBundle } from '../../verify/index.js';
import { addTrustFlags, identityFrom, type TrustFlags } from '../trust-flags.js';
import { addFormatOption, outputFormat, processIo, run } from '../shared.js';
import { termLine, termStrings } from '../../render/terminal.js';

interface VerifyFlags extends TrustFlags {
  bundle: string;
  policy?: string;
  json?: boolean;
  format: string;
}

export function register(program: Command): void {
  const cmd = program
    .command('verify')
    .description('Verify a provenance bundle as a release consumer: signature, transparency log, signer identity, file digests, record, policy')
    .argument('[SUBJECT...]', 'downloaded files (or directories) whose sha256 must be among the signed subjects')
    .requiredOption('--bundle <BUNDLE>', 'the Sigstore bundle (provenance.sigstore.json)');
  addTrustFlags(cmd)
    .option('--policy <standard|strict|none|FILE>', 'also require the record to be complete under this policy');
  addFormatOption(cmd, ['text'], 'text', 'text, or json: the verdict as one JSON document on stdout')
    .action(
      run(async (subjects: string[], flags: VerifyFlags) => {
        const format = outputFormat(flags);
        const identity = identityFrom(flags);
        const bundle = await readJsonFile(flags.bundle, 'bundle');
        // Valid JSON that is not a bundle we know is an input error (exit 2), as malformed JSON is.
        assertBundleDocument(bundle, flags.bundle);
        const verdict = await verifyBundle(bundle, {
          subjects,
          identity,
          ...(flags.customTrustedRoot ? { customTrustedRoot: flags.customTrustedRoot } : {}),
          ...(flags.offline ? { offline: true } : {}),
          ...(flags.policy ? { policy: flags.policy } : {}),
          logger: stderrLogger,
        });
        // Text: every field one line (a record's text cannot forge a check line); JSON as it is.
        processIo.out(format === 'json' ? JSON.stringify(verdict, null, 2) : formatVerdict(termStrings(verdict)));
        if (!verdict.verified) processIo.err(`error: verification failed: ${termLine(verdict.failure ?? '')} — ${failureFix(verdict)}`);
        return verdict.verified ? 0 : 1;
      }),
    );
}
