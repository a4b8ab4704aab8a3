import { assertDepth } from '../util/json.js';
import { InputError } from '../errors.js';
import { TrainingStatement, type TrainingStatement as Statement } from '../schema/predicate.js';
import { hash } from 'node:crypto';
import { readFileChecked, parseJsonText } from '../util/fs.js';
import { parseWith } from '../util/zod-error.js';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface LoadedDocument {
  statement: Statement;
  /** The Sigstore bundle, when the file was one (not yet verified). */
  bundle?: Record<string, unknown>;
  /** The exact statement bytes that were signed, when read from a bundle. */
  payload?: Buffer;
  /** sha256 (hex) of the bundle file's bytes, when it was read from one: what the verification cache is keyed on. */
  bundleSha256?: string;
  file: string;
  /** sha256 (hex) of the statement's exact bytes (the file's, or the signed payload's): the run's stable id. */
  statementSha256?: string;
  /** Found by scanning a folder or a release, not named by the user. */
  scanned?: boolean;
}

export function isSigstoreBundle(doc: unknown): doc is Record<string, unknown> {
  return (
    typeof doc === 'object' &&
    doc !== null &&
    typeof (doc as { mediaType?: unknown }).mediaType === 'string' &&
    (doc as { mediaType: string }).mediaType.startsWith('application/vnd.dev.sigstore.bundle')
  );
}

/** The DSSE payload of a bundle, checked to be an in-toto statement. */
export function bundlePayload(bundle: Record<string, unknown>, file: string): Buffer {
  const env = (bundle as { dsseEnvelope?: { payload?: unknown; payloadType?: unknown } }).dsseEnvelope;
  if (!env || typeof env.payload !== 'string') {
    throw new InputError('bundle-without-dsse', `${file} is a Sigstore bundle without a DSSE envelope`, {
      fix: 'pass a bundle produced by `ml-provenance sign` (an attestation bundle, not a message-signature bundle)',
      file,
    });
  }
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new InputError('bundle-wrong-payload-type', `${file}: DSSE payloadType is ${String(env.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`, {
      fix: 'pass an in-toto attestation bundle',
      file,
    });
  }
  return Buffer.from(env.payload, 'base64');
}

/** Parse and validate a statement object against the training-record schema. */
export function parseStatement(data: unknown, file: string): Statement {
  assertDepth(data, file, 'statement', 100);
  return parseWith(TrainingStatement, data, {
    file,
    what: 'ml-provenance statement',
    fix: 'pass a statement written by `ml-provenance build` (or its bundle)',
  });
}

/** Read a statement file or a Sigstore bundle file (without verifying the signature). */
export async function loadDocument(file: string): Promise<LoadedDocument> {
  return documentFromBytes(await readFileChecked(file, 'statement or bundle'), file);
}

/** Parse a statement or bundle from its bytes (a file's, a download's) as loadDocument does. */
export function documentFromBytes(bytes: Buffer | string, file: string): LoadedDocument {
  const doc = documentFromJson(parseJsonText(typeof bytes === 'string' ? bytes : bytes.toString('utf8'), file), file);
  return doc.bundle
    ? { ...doc, bundleSha256: hash('sha256', bytes, 'hex'), ...(doc.payload ? { statementSha256: hash('sha256', doc.payload, 'hex') } : {}) }
    : { ...doc, statementSha256: hash('sha256', bytes, 'hex') };
}

/** A parsed statement or bundle document (`file` names it in errors), not verified. */
export function documentFromJson(doc: unknown, file: string): LoadedDocument {
  if (isSigstoreBundle(doc)) {
    const payload = bundlePayload(doc, file);
    const statement = parseStatement(parseJsonText(payload.toString('utf8'), `${file} (DSSE payload)`), file);
    return { statement, bundle: doc, payload, file };
  }
  return { statement: parseStatement(doc, file), file };
}
