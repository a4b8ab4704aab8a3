import { readdir } from 'node:fs/promises';
import { LIMITS, readTextFile } from '../util/fs.js';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { DatasetDescriptor } from '../schema/predicate.js';
import { pathDatasetId } from '../util/dataset-id.js';

const COMMIT = /^[a-f0-9]{40}$/;

/** `hf://datasets/org/name@revision[/path]` → a dataset whose version is the revision. */
export function datasetFromHfUri(uri: string): DatasetDescriptor {
  const m = /^hf:\/\/datasets\/([^/@\s]+(?:\/[^/@\s]+)?)(?:@([^/\s]+))?(\/.*)?$/.exec(uri.trim());
  if (!m) {
    throw new InputError('bad-hf-uri', 'a dataset URI is not a Hugging Face dataset URI (it is not shown, in case it holds a token)', { fix: 'use hf://datasets/ORG/NAME@REVISION (REVISION: a commit sha, for a fixed version)' });
  }
  const [, repo, rev, sub] = m as unknown as [string, string, string | undefined, string | undefined];
  const revision = rev ? decodeURIComponent(rev) : undefined;
  return {
    id: pathDatasetId(repo),
    name: repo,
    uri: `https://huggingface.co/datasets/${repo}${revision ? `/tree/${encodeURIComponent(revision)}` : ''}${sub ?? ''}`,
    ...(revision ? { version: revision } : {}),
    // A commit pins the content (git's sha1 over the tree); a branch name does not.
    ...(revision && COMMIT.test(revision) ? { digest: { gitCommit: revision } } : {}),
    digestSource: 'given',
    annotations: { source: uri, ...(revision && !COMMIT.test(revision) ? { unpinned: 'revision is a branch or tag, not a commit' } : {}) },
  };
}

/**
 * A Hugging Face hub cache entry (`.../hub/datasets--org--name`): the commit that
 * `refs/<ref>` points at is the version. `dataset_info.json` (from the `datasets`
 * library), when present anywhere under the snapshot, adds the license and splits.
 */
export async function datasetFromHfCache(dir: string, ref = 'main'): Promise<DatasetDescriptor> {
  const base = path.basename(path.resolve(dir));
  const m = /^datasets--(.+)$/.exec(base);
  if (!m) {
    throw new InputError('not-hf-cache', `${dir} is not a Hugging Face dataset cache folder (datasets--ORG--NAME)`, {
      fix: 'pass ~/.cache/huggingface/hub/datasets--ORG--NAME',
      file: dir,
    });
  }
  const repo = m[1]!.split('--').join('/');
  const refFile = path.join(dir, 'refs', ref);
  const revision = (await readTextFile(refFile, 'Hugging Face ref', { maxBytes: 4096 }).catch(() => '')).trim();
  if (!COMMIT.test(revision)) {
    throw new InputError('hf-ref-missing', `${refFile} does not hold a commit sha`, {
      fix: `download the dataset once (so refs/${ref} exists) or pass hf://datasets/${repo}@<commit>`,
      file: refFile,
    });
  }
  const d = datasetFromHfUri(`hf://datasets/${repo}@${revision}`);
  const info = await findDatasetInfo(path.join(dir, 'snapshots', revision));
  if (info) {
    if (typeof info.license === 'string' && info.license) d.license = info.license;
    const splits = info.splits as Record<string, { num_examples?: number }> | undefined;
    if (splits && typeof splits === 'object') {
      const counts = Object.entries(splits).map(([k, v]) => [k, Number(v?.num_examples ?? 0)] as const);
      const total = counts.reduce((n, [, c]) => n + c, 0);
      if (total > 0) d.splits = Object.fromEntries(counts.filter(([, c]) => c > 0).map(([k, c]) => [k.replace(/[^A-Za-z0-9_.-]/g, '_'), c / total]));
    }
  }
  return d;
}

async function findDatasetInfo(dir: string): Promise<Record<string, unknown> | undefined> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const hit = entries.find((e) => e.isFile() && e.name === 'dataset_info.json');
  if (!hit) return undefined;
  try {
    // Through the checked path: a FIFO or a device in a cache folder cannot hang the build.
    const text = await readTextFile(path.join(hit.parentPath, hit.name), 'dataset_info.json', { maxBytes: LIMITS.inputFileBytes });
    const v = JSON.parse(text) as Record<string, unknown>;
    // The datasets library nests by config name when there are several.
    return 'splits' in v || 'license' in v ? v : (Object.values(v)[0] as Record<string, unknown> | undefined);
  } catch {
    return undefined;
  }
}
