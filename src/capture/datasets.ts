import { parse as parseYaml } from 'yaml';
import { CheckError, InputError } from '../errors.js';
import { DatasetManifest, type DatasetInput } from '../schema/inputs.js';
import type { DatasetDescriptor } from '../schema/predicate.js';
import { digestPath } from '../digest/index.js';
import { digestOptions, type HashReporting } from './hashing.js';
import { parseWith } from '../util/zod-error.js';
import { datasetFromHfUri } from '../bridges/huggingface.js';
import { readInputText, resolveInWorkspace } from './paths.js';
import { fileUri } from '../util/file-uri.js';
import { pathMeantFromFolder } from '../util/subfolder-path.js';
import { shellWords } from '../util/shell.js';
import { plainJson } from './config.js';

/** The folder a step that names a dataset as an output was recorded from, by dataset id (`outputFolders`). */
export type OutputFolders = ReadonlyMap<string, { folder: string; step: string }>;

/**
 * A recorded output path not found in the workspace that is there from the sub-folder its step was
 * typed in (`record step --output m=out/model.txt` in `train/`): the not-found error says so, with
 * the path to record and the command to change (the rule `record` refuses the slip by, when the file
 * already exists).
 */
function typedInSubfolder(err: unknown, d: DatasetInput, workspace: string, from: OutputFolders | undefined): InputError | undefined {
  const by = from?.get(d.id);
  if (!(err instanceof InputError) || err.code !== 'file-not-found' || !by || d.path === undefined) return undefined;
  const meant = pathMeantFromFolder(d.path, workspace, by.folder);
  if (meant === undefined) return undefined;
  const step = shellWords(['ml-provenance', 'record', 'step', '--name', by.step]);
  return new InputError('path-from-subfolder', `dataset "${d.id}" path not found: ${d.path} (relative to the workspace); ${meant} exists: \`${step}\` was run in the sub-folder ${by.folder}, and the paths it records are relative to the workspace, not to that folder`, {
    fix: `in \`${step} …\`, write --output ${shellWords([`${d.id}=${meant}`])} (or write the file to ${d.path}), and run the training again`,
    file: meant,
    cause: err,
  });
}

/** Parse a datasets manifest (YAML or JSON, list or {datasets: [...]}) from text. */
export function parseDatasetManifest(text: string, where: string): DatasetInput[] {
  let data: unknown;
  try {
    // As config files are read: a 64-bit seed exact, `<<: *defaults` merged (capture/config.ts).
    data = plainJson(parseYaml(text, { prettyErrors: true, uniqueKeys: true, logLevel: 'error', merge: true, intAsBigInt: true }));
  } catch (err) {
    const e = err as Error & { linePos?: Array<{ line: number }> };
    const line = e.linePos?.[0]?.line;
    throw new InputError('malformed-datasets', `${where}${line ? `:${line}` : ''} is not valid YAML/JSON: ${e.message.split('\n')[0]}`, {
      fix: 'fix the syntax of the datasets list',
      file: where,
      ...(line ? { line } : {}),
      cause: err,
    });
  }
  if (data === null || data === undefined) return [];
  const doc = parseWith(DatasetManifest, data, {
    file: where,
    // A list is named `datasets[0]…`; the `{datasets: [...]}` form's path already starts with `datasets`.
    prefix: Array.isArray(data) ? 'datasets' : '',
    what: 'datasets manifest',
    fix: 'correct the field(s) named above; schemas/datasets.schema.json lists every field (a dataset needs at least `id` and a `path` or `uri`)',
  });
  const list = Array.isArray(doc) ? doc : doc.datasets;
  refuseDuplicateIds(list, where);
  return list;
}

/**
 * One manifest declares each dataset once: a second entry with the same id would
 * silently replace the first (its path, digest and license gone from the record).
 */
function refuseDuplicateIds(list: DatasetInput[], where: string): void {
  const first = new Map<string, number>();
  for (const [i, d] of list.entries()) {
    const j = first.get(d.id);
    if (j !== undefined) {
      throw new InputError('duplicate-dataset-id', `${where}: datasets[${j}] and datasets[${i}] both have id "${d.id}"`, {
        fix: 'give each dataset its own id (e.g. add the split or version: `train`, `test`), or merge the two entries',
        file: where,
        fields: [`datasets[${j}].id`, `datasets[${i}].id`],
      });
    }
    first.set(d.id, i);
  }
}

/**
 * The action's `datasets` input is either a path to a manifest file or an inline
 * YAML list; a value that parses as a list (or has a newline) is inline.
 */
export async function loadDatasetsInput(value: string, workspace: string): Promise<DatasetInput[]> {
  const v = value.trim();
  if (!v) return [];
  if (v.includes('\n') || v.startsWith('-') || v.startsWith('[') || v.startsWith('{')) return parseDatasetManifest(v, 'datasets input');
  const { abs, rel } = await resolveInWorkspace(v, workspace, 'datasets manifest');
  return parseDatasetManifest((await readInputText(abs, rel, 'datasets manifest')).text, rel);
}

/** Later entries with the same id complete earlier ones field by field. */
export function mergeDatasetInputs(...lists: DatasetInput[][]): DatasetInput[] {
  const byId = new Map<string, DatasetInput>();
  for (const list of lists) {
    for (const d of list) {
      const prev = byId.get(d.id);
      byId.set(d.id, prev ? { ...prev, ...d } : { ...d });
    }
  }
  return [...byId.values()];
}

/**
 * `hf://datasets/ORG/NAME@REV`: the revision is the version (unless one was given), and a
 * 40-hex commit pins the content as `digest.gitCommit` (git's hash over the dataset repo's
 * tree), whichever way the dataset was declared (manifest, `record dataset`, records.jsonl).
 */
function pinHfRevision(desc: DatasetDescriptor): void {
  if (!desc.uri.startsWith('hf://datasets/')) return;
  let hf: DatasetDescriptor;
  try {
    hf = datasetFromHfUri(desc.uri);
  } catch {
    return; // not the ORG/NAME@REV form: kept as given
  }
  if (!desc.version && hf.version) desc.version = hf.version;
  const commit = hf.digest?.gitCommit;
  if (commit) {
    desc.digest = { ...desc.digest, gitCommit: commit };
    desc.digestSource ??= 'given';
  }
}

/**
 * Turn declared datasets into descriptors: local paths are hashed (files by
 * content, directories by manifest); remote data keeps URI + version + the given
 * digest. A given digest that disagrees with the local bytes is a check failure.
 * `outputFolders` (from the records log) explains a step's output path typed in a sub-folder.
 */
export async function captureDatasets(inputs: DatasetInput[], workspace: string, reporting?: HashReporting, outputFolders?: OutputFolders): Promise<DatasetDescriptor[]> {
  const out: DatasetDescriptor[] = [];
  for (const [i, d] of inputs.entries()) {
    const field = `datasets[${i}] (${d.id})`;
    if (!d.path && !d.uri) {
      throw new InputError('dataset-without-location', `${field} has neither path nor uri`, {
        fix: 'give a local `path` to hash or the `uri` where the data lives',
        fields: [`datasets[${i}]`],
      });
    }
    const given = d.digest?.slice('sha256:'.length);
    // Credentials in the URI or version (a password, a presigned signature) are redacted
    // with the other recorded fields, by redactRecorded, which also lists them.
    const desc: DatasetDescriptor = {
      id: d.id,
      name: d.id,
      uri: d.uri ?? fileUri(d.path!),
      ...(d.version ? { version: d.version } : {}),
      ...(d.license ? { license: d.license } : {}),
      ...(d.splits ? { splits: d.splits } : {}),
      ...(d.seed !== undefined ? { seed: d.seed } : {}),
      ...(d.mediaType ? { mediaType: d.mediaType } : {}),
      ...(d.source ? { source: d.source } : {}),
      ...(d.quality ? { quality: d.quality } : {}),
      ...(d.sampling ? { sampling: d.sampling } : {}),
      ...(d.synthetic ? { synthetic: d.synthetic } : {}),
      ...(d.licenseHistory ? { licenseHistory: d.licenseHistory } : {}),
    };
    if (d.path) {
      const { abs, rel } = await resolveInWorkspace(d.path, workspace, `dataset "${d.id}" path`).catch((err: unknown) => {
        throw typedInSubfolder(err, d, workspace, outputFolders) ?? err;
      });
      const dg = await digestPath(abs, workspace, digestOptions(reporting, `dataset ${d.id}`));
      if (given && given !== dg.sha256) {
        throw new CheckError('dataset-digest-mismatch', `dataset "${d.id}" at ${rel} has sha256 ${dg.sha256}, but ${d.digest} was declared`, {
          fix: 'the data changed since the digest was written: update the declared digest or restore the data',
          fields: [`datasets[${i}].digest`],
        });
      }
      desc.digest = { sha256: dg.sha256 };
      desc.digestSource = 'computed';
      desc.files = dg.files.length;
      desc.bytes = dg.size;
      // The default location (none given, or the `file:<path>` a records log wrote for it, as
      // written by older versions or encoded) names the path hashed, as a URI (src/util/file-uri.ts).
      if (d.uri === undefined || d.uri === `file:${d.path}` || d.uri === fileUri(d.path)) desc.uri = fileUri(rel);
      desc.annotations = { path: rel, kind: dg.kind, ...(dg.kind === 'directory' ? { digestOf: 'ml-provenance directory manifest v1' } : {}) };
    } else if (given) {
      desc.digest = { sha256: given };
      desc.digestSource = 'given';
    }
    pinHfRevision(desc);
    out.push(desc);
  }
  return out;
}
