import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, ProvenanceError } from '../errors.js';
import { loadDocument, type LoadedDocument } from '../statement/load.js';
import type { Logger } from '../util/log.js';

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
export async function loadDocuments(inputs: string[], log: Logger): Promise<LoadedDocument[]> {
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
      docs.push(await loadDocument(input));
      continue;
    }
    const files: string[] = [];
    await walk(input, files);
    let found = 0;
    for (const f of files) {
      try {
        docs.push(await loadDocument(f));
        found++;
      } catch (err) {
        if (err instanceof ProvenanceError && err.kind === 'input') {
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
