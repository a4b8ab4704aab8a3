import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { PREDICATE_TYPE, STATEMENT_TYPE } from '../../schema/predicate.js';
import { parseInstanceName, preflightIdentity, signStatement, INSTANCE_NAMES, type SigstoreInstanceName } from '../../sign/index.js';
import { isSigstoreBundle, parseStatement } from '../../statement/load.js';
import { parseJsonText, readFileChecked, writeFileAtomic } from '../../util/fs.js';
import { stderrLogger } from '../../util/log.js';
import { processIo, run } from '../shared.js';

interface SignFlags {
  out: string;
  instance?: string;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  identityToken?: string;
}

/**
 * Any in-toto v1 statement; ours is also schema-checked so a broken record is never
 * signed. Returns the file's bytes: they, not a re-serialisation, are what gets signed.
 */
export async function readStatementToSign(file: string): Promise<Buffer> {
  const bytes = await readFileChecked(file, 'statement');
  let text: string;
  try {
    // Fatal decoding: a lossy one would make the checked text differ from the signed bytes.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('statement-not-utf8', `${file} is not valid UTF-8`, { fix: 'sign the statement written by `ml-provenance build`', file });
  }
  const doc = parseJsonText(text, file);
  if (isSigstoreBundle(doc)) {
    throw new InputError('already-signed', `${file} is a Sigstore bundle, not an unsigned statement`, { fix: 'pass the statement written by `ml-provenance build`', file });
  }
  const d = doc as { _type?: unknown; subject?: unknown; predicateType?: unknown } | null;
  if (!d || typeof d !== 'object' || d._type !== STATEMENT_TYPE || !Array.isArray(d.subject) || typeof d.predicateType !== 'string') {
    throw new InputError('not-a-statement', `${file} is not an in-toto Statement v1 (_type ${STATEMENT_TYPE}, subject[], predicateType)`, {
      fix: 'pass the statement written by `ml-provenance build`',
      file,
    });
  }
  if (d.predicateType === PREDICATE_TYPE) parseStatement(doc, file);
  return bytes;
}

export function register(program: Command): void {
  program
    .command('sign')
    .description('Keyless-sign a statement with Sigstore (Fulcio certificate, Rekor and/or TSA) into a bundle')
    .argument('<STATEMENT>', 'the unsigned in-toto statement (provenance.intoto.json)')
    .requiredOption('--out <BUNDLE>', 'where to write the Sigstore bundle (provenance.sigstore.json)')
    .option('--instance <NAME>', `Sigstore instance: ${INSTANCE_NAMES.join(' | ')} (default: custom when URLs are given, else public-good)`)
    .option('--fulcio-url <URL>', 'Fulcio URL (custom instance)')
    .option('--rekor-url <URL>', 'Rekor URL (custom instance)')
    .option('--tsa-url <URL>', 'RFC 3161 timestamp authority URL (custom instance, optional)')
    .option('--identity-token <TOKEN>', 'OIDC token with audience "sigstore" (default: env SIGSTORE_ID_TOKEN, else the GitHub runner token)')
    .action(
      run(async (statementFile: string, flags: SignFlags) => {
        const anyURL = Boolean(flags.fulcioUrl || flags.rekorUrl || flags.tsaUrl);
        const instance: SigstoreInstanceName = flags.instance ? parseInstanceName(flags.instance) : anyURL ? 'custom' : 'public-good';
        const opts = {
          instance,
          ...(flags.fulcioUrl ? { fulcioURL: flags.fulcioUrl } : {}),
          ...(flags.rekorUrl ? { rekorURL: flags.rekorUrl } : {}),
          ...(flags.tsaUrl ? { tsaURL: flags.tsaUrl } : {}),
          ...(flags.identityToken ? { identityToken: flags.identityToken } : {}),
          logger: stderrLogger,
        };
        preflightIdentity(opts);
        const statement = await readStatementToSign(statementFile);
        const result = await signStatement(statement, opts);
        await writeFileAtomic(flags.out, JSON.stringify(result.bundle) + '\n');
        const facts = [result.signerIdentity && `signer ${result.signerIdentity}`, result.rekorLogIndex !== undefined && `Rekor log index ${result.rekorLogIndex}`].filter(Boolean);
        processIo.out(`wrote ${flags.out}${facts.length ? ` (${facts.join(', ')})` : ''}`);
        return 0;
      }),
    );
}
