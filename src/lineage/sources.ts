import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { InputError, ProvenanceError } from '../errors.js';
import { isSigstoreBundle, loadDocument, type LoadedDocument } from '../statement/load.js';
import { readJsonFile } from '../util/fs.js';
import type { Logger } from '../util/log.js';

/**
 * A Sigstore bundle whose payload is not a readable training record. It is not
 * skipped like other JSON: a tampered payload looks exactly like this, so it must be
 * verified first (trust.ts): a bundle that does not verify stops the command, and
 * only a genuinely signed one of another kind (an SLSA attestation) is skipped.
 */
export interface UnreadableBundle {
  file: string;
  bundle: Record<string, unknown>;
  error: ProvenanceError;
  /** Named on the command line (not found in a directory): once verified, its load error stands. */
  explicit?: boolean;
  /**
   * One of the files ml-provenance itself publishes beside a record (the SLSA build
   * provenance bundle, `provenance.slsa.sigstore.json`): skipped without a warning once verified.
   */
  companion?: boolean;
}

/** The SLSA companion statement the action signs next to the training record (`slsa: true`). */
const COMPANION_PREDICATES = new Set(['https://slsa.dev/provenance/v1']);

/** The predicate type inside a bundle's DSSE payload, without trusting it (it is verified before use). */
function payloadPredicateType(bundle: Record<string, unknown>): string | undefined {
  try {
    const env = bundle.dsseEnvelope as { payload?: unknown } | undefined;
    if (typeof env?.payload !== 'string') return undefined;
    const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as { predicateType?: unknown };
    return typeof st.predicateType === 'string' ? st.predicateType : undefined;
  } catch {
    return undefined;
  }
}

/** The bundle behind a load failure, when the document is one. */
export async function unreadableBundle(file: string, error: ProvenanceError, doc?: unknown): Promise<UnreadableBundle | undefined> {
  const json = doc ?? (await readJsonFile(file, 'statement or bundle').catch(() => undefined));
  if (!isSigstoreBundle(json)) return undefined;
  const predicateType = payloadPredicateType(json);
  return { file, bundle: json, error, ...(predicateType && COMPANION_PREDICATES.has(predicateType) ? { companion: true } : {}) };
}

/** Files a directory scan picks up: statements and bundles are JSON documents. */
const DOCUMENT_FILE = /\.json$/i;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      await walk(p, out);
    } else if (e.isFile() && DOCUMENT_FILE.test(e.name)) {
      out.push(p);
    }
  }
}

/**
 * Load every statement or bundle named on the command line. A file named explicitly
 * must be one; in a directory, other JSON files (package.json, metrics) are skipped
 * with a warning so a folder of release assets can be passed as is.
 */
export async function loadDocuments(inputs: string[], log: Logger, unreadable?: UnreadableBundle[]): Promise<LoadedDocument[]> {
  if (inputs.length === 0) {
    throw new InputError('no-inputs', 'no statements or bundles given', {
      fix: 'pass one or more statement/bundle files or directories, or --repo OWNER/REPO --from-releases',
    });
  }
  const docs: LoadedDocument[] = [];
  for (const input of inputs) {
    const st = await stat(input).catch(() => undefined);
    if (!st) {
      throw new InputError('file-not-found', `not found: ${input}`, { fix: 'check the path', file: input });
    }
    if (!st.isDirectory()) {
      try {
        docs.push(await loadDocument(input));
      } catch (err) {
        const broken = unreadable && err instanceof ProvenanceError && err.kind === 'input' ? await unreadableBundle(input, err) : undefined;
        if (!broken) throw err;
        unreadable!.push({ ...broken, explicit: true });
      }
      continue;
    }
    const files: string[] = [];
    await walk(input, files);
    let found = 0;
    // Read and parse many files at once (in order of the results): one at a time, the
    // process mostly waits on the file system.
    const loaded = await pMap(files, (f) => loadDocument(f).then((doc) => ({ f, doc }), (err: unknown) => ({ f, err })), { concurrency: 16 });
    for (const r of loaded) {
      const f = r.f;
      try {
        if ('err' in r) throw r.err;
        docs.push({ ...r.doc, scanned: true });
        found++;
      } catch (err) {
        if (err instanceof ProvenanceError && err.kind === 'input') {
          const broken = await unreadableBundle(f, err);
          if (broken) {
            // Without a collector there is no one to verify it: never drop a bundle silently.
            if (!unreadable) throw err;
            unreadable.push(broken);
            found++;
            continue;
          }
          log.warning(`skipping ${f}: not an ml-provenance statement or bundle`);
          continue;
        }
        throw err;
      }
    }
    if (found === 0) {
      throw new InputError('no-statements-in-directory', `${input} holds no ml-provenance statements or bundles`, {
        fix: 'point at the directory holding provenance.intoto.json / provenance.sigstore.json files',
        file: input,
      });
    }
  }
  return docs;
}
