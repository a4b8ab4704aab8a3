import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { digestPath } from '../digest/index.js';
import { isInside, posixRelative } from '../util/fs.js';
import { InputError } from '../errors.js';
import { parserLine, parserReason, redactString, refusedValueShape } from '../redact/index.js';
import type { DatasetDescriptor, Step } from '../schema/predicate.js';
import { emptyResult, scalar, type BridgeResult } from './types.js';
import { pathDatasetId } from '../util/dataset-id.js';
import { fileUri } from '../util/file-uri.js';
import { bridgeReader, defaultBoundary } from './read.js';

interface DvcOut {
  path?: string;
  md5?: string;
  hash?: string;
  size?: number | string;
  nfiles?: number | string;
  /** The DVC remote this output is pushed to, when it is not the default (`remote:` on an out). */
  remote?: string;
  /** What an external location reported instead of an md5 (HTTP, S3, Azure: etag; HDFS: checksum). */
  etag?: string;
  checksum?: string;
  /** A cloud object version (`import-url --version-aware`). */
  version_id?: string;
  /** `dvc import`: the DVC or Git repository the dependency is read from, and the commit it is locked to. */
  repo?: { url?: string; rev?: string; rev_lock?: string };
}

/** Where an imported output came from (`dvc import` / `dvc import-url`), from its .dvc file's first dependency. */
interface ImportOrigin {
  annotation: Record<string, string>;
  /** The exact version imported: the locked commit, or the cloud object version. */
  version?: string;
}

/** A dependency or output that is not a workspace path: `s3://…`, `https://…`, DVC's `remote://NAME/…`. */
const isUrl = (p: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(p);

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

function importOrigin(deps: DvcOut[]): ImportOrigin | undefined {
  const d = deps[0];
  if (!d) return undefined;
  const url = text(d.repo?.url);
  if (url) {
    const lock = text(d.repo?.rev_lock);
    const rev = text(d.repo?.rev);
    const annotation: Record<string, string> = { url, ...(text(d.path) ? { path: d.path! } : {}), ...(rev ? { rev } : {}), ...(lock ? { revLock: lock } : {}) };
    // Only the locked commit is a version; a requested `rev` (a branch, a tag) stays in the annotation.
    return { annotation, ...(lock ? { version: lock } : {}) };
  }
  const from = text(d.path);
  if (!from || !isUrl(from)) return undefined;
  const versionId = text(d.version_id);
  const annotation: Record<string, string> = {
    url: from,
    ...(text(d.etag) ? { etag: d.etag! } : {}),
    ...(text(d.checksum) ? { checksum: d.checksum! } : {}),
    ...(md5Of(d) ? { md5: md5Of(d)! } : {}),
    ...(versionId ? { versionId } : {}),
  };
  return { annotation, ...(versionId ? { version: versionId } : {}) };
}

/** A stage's dependency or output at an external location: recorded by its URL, with what DVC saw of it (nothing to hash here). */
function remoteDescriptor(url: string, o: DvcOut, source: string): DatasetDescriptor {
  const md5 = md5Of(o);
  const versionId = text(o.version_id);
  return {
    // The id is what steps' inputs/outputs name and what policy messages print: built from the URL
    // without its credentials (`https://user:TOKEN@…`, `?sig=…`), as record redaction leaves ids alone.
    id: pathDatasetId(redactString(url) ?? url),
    name: url,
    uri: url,
    digestSource: 'given',
    ...(versionId ? { version: versionId } : {}),
    annotations: {
      source,
      ...(text(o.etag) ? { dvcEtag: o.etag } : {}),
      ...(text(o.checksum) ? { dvcChecksum: o.checksum } : {}),
      ...(count(o.size) !== undefined ? { dvcSize: count(o.size) } : {}),
    },
    ...(md5 ? { digest: { md5 } } : {}),
  };
}

/** DVC's own size / file count (read as text by the failsafe schema), when it is a count. */
function count(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

function parseDvcYaml(text: string, file: string): unknown {
  try {
    // failsafe: every scalar stays a string, so an all-digit md5 is not read as a number.
    return parseYaml(text, { schema: 'failsafe' });
  } catch (err) {
    const line = parserLine(err);
    throw new InputError('malformed-yaml', `${file}${line ? `:${line}` : ''} is not valid YAML (${parserReason(err)})`, { fix: 'fix the YAML syntax (is it a DVC file?)', file, cause: err });
  }
}

/** DVC's md5 (a directory's ends in `.dir`: the md5 of DVC's own listing, not of the bytes). */
function md5Of(o: DvcOut): string | undefined {
  const m = o.md5 ?? (o.hash && /^[a-f0-9]{32}(\.dir)?$/.test(o.hash) ? o.hash : undefined);
  return m ? m.replace(/\.dir$/, '') : undefined;
}

async function descriptor(root: string, rel: string, o: DvcOut, source: string, origin?: ImportOrigin): Promise<DatasetDescriptor> {
  const md5 = md5Of(o);
  const d: DatasetDescriptor = {
    // The path itself, percent-encoded where an id cannot hold a character (`my%20file.csv`):
    // `_` would merge `my file.csv` with `my_file.csv` and name neither.
    id: pathDatasetId(rel),
    name: rel,
    uri: fileUri(rel),
    digestSource: 'given',
    ...(origin?.version ? { version: origin.version } : {}),
    // As DVC recorded it: next to this build's own bytes/files, a changed output shows.
    annotations: {
      path: rel,
      source,
      ...(o.md5?.endsWith('.dir') || o.hash?.endsWith('.dir') ? { md5Of: 'dvc directory listing' } : {}),
      ...(count(o.size) !== undefined ? { dvcSize: count(o.size) } : {}),
      ...(count(o.nfiles) !== undefined ? { dvcFiles: count(o.nfiles) } : {}),
      ...(typeof o.remote === 'string' && o.remote ? { dvcRemote: o.remote } : {}),
      ...(origin ? { dvcImport: origin.annotation } : {}),
    },
    ...(md5 ? { digest: { md5 } } : {}),
  };
  // Re-hash what is here, with sha256: DVC's md5 says what DVC saw, our digest what this run used.
  const abs = path.resolve(root, rel);
  if (isInside(abs, root) && (await stat(abs).catch(() => undefined))) {
    const dg = await digestPath(abs, root);
    d.digest = { ...d.digest, sha256: dg.sha256 };
    d.digestSource = 'computed';
    d.files = dg.files.length;
    d.bytes = dg.size;
  }
  return d;
}

/**
 * A DVC output that is a symlink out of the workspace is, in practice, a shared cache outside it
 * linked with `cache.type symlink` (DVC's set-up for teams): say which DVC file names it and how
 * DVC links it in as files instead, rather than only that a symlink leaves the workspace.
 */
function linkedFromOutside(err: unknown, file: string, field: string): unknown {
  if (!(err instanceof InputError) || err.code !== 'symlink-escapes-workspace') return err;
  return new InputError('dvc-linked-outside', `${file}: ${field} is DVC data linked from outside the workspace (${err.message}; a DVC cache outside the workspace with cache.type symlink?), and only data inside the workspace is hashed`, {
    fix: 'link DVC data as files: dvc config cache.type reflink,hardlink,copy, then dvc checkout --relink, and run again',
    file,
    fields: [field],
    cause: err,
  });
}

function outsOf(v: unknown): DvcOut[] {
  return entriesOf(v).map(([o]) => o);
}

/** The entries of a deps/outs list with their index in the file (for error messages). */
function entriesOf(v: unknown): Array<[DvcOut, number]> {
  return Array.isArray(v) ? (v.map((x, i) => [x, i]).filter(([x]) => x && typeof x === 'object') as Array<[DvcOut, number]>) : [];
}

/**
 * A local path a DVC file names, relative to the DVC root, or an input error when it
 * leaves the workspace: an output there is one DVC 3 itself refuses ("Cached output(s)
 * outside of DVC project"; external outputs were removed in DVC 3), and a dependency
 * there (which DVC allows) is data this build cannot hash. The same whether the path
 * exists or not, so nothing outside is ever recorded as a `file:../…` location.
 */
function localPath(p: string, base: string, at: { root: string; boundary: string; file: string; field: string; output: boolean }): string {
  const abs = path.resolve(base, p);
  if (isInside(abs, at.boundary)) return posixRelative(at.root, abs);
  const shown = JSON.stringify(redactString(p) ?? p);
  throw new InputError(
    'dvc-path-outside-workspace',
    at.output
      ? `${at.file}: ${at.field} ${shown} is outside the workspace ${at.boundary} (DVC 3 refuses outputs outside the DVC project too)`
      : `${at.file}: ${at.field} ${shown} is outside the workspace ${at.boundary}, so its data cannot be hashed or recorded as a workspace path`,
    {
      fix: at.output
        ? 'keep the data inside the workspace and track it there (`dvc add PATH`), or bring a copy in with `dvc import-url SOURCE data/NAME`, then run again'
        : 'make the stage read a copy inside the workspace (`dvc import-url SOURCE data/NAME`), or name the data by its URL (s3://…, https://…), which is recorded as it is',
      file: at.file,
      fields: [at.field],
    },
  );
}

/**
 * Read a DVC project: `dvc.lock` stages become steps (deps → outs, params) and every
 * tracked path (`*.dvc` outs, stage deps) a dataset with DVC's md5, re-hashed with
 * sha256 when the file is present.
 */
export async function readDvc(root: string, workspace?: string): Promise<BridgeResult> {
  const boundary = defaultBoundary(root, workspace);
  const rd = bridgeReader(boundary, workspace ?? root);
  const readYaml = async (file: string): Promise<unknown> => {
    const text = await rd.text(file, 'DVC file');
    return text === undefined ? undefined : parseDvcYaml(text, rd.shown(file));
  };
  const out = emptyResult();
  const seen = new Map<string, DatasetDescriptor>();
  const addDataset = async (rel: string, o: DvcOut, source: string, origin?: ImportOrigin) => {
    // DVC writes 32 hex digits (+ `.dir`); anything else would fail the record's schema with no file named.
    if (typeof o.md5 === 'string' && !/^[a-f0-9]{32}(\.dir)?$/i.test(o.md5)) {
      const what = isUrl(rel) ? 'a dependency at a URL' : `"${rel}"`;
      throw new InputError('bad-dvc-md5', `${source}: the md5 of ${what} is not an md5 ${refusedValueShape(o.md5)}`, {
        fix: 'DVC writes 32 hex digits (a directory: followed by .dir): regenerate the file with dvc (dvc commit / dvc repro) or fix the md5',
        file: source,
      });
    }
    // An external location keeps its URL (normalising it as a path would turn s3://b/k into s3:/b/k).
    const norm = isUrl(rel) ? rel : path.posix.normalize(rel.split(path.sep).join('/'));
    if (!seen.has(norm)) {
      const d = isUrl(norm) ? remoteDescriptor(norm, o, source) : await descriptor(root, norm, o, source, origin);
      seen.set(norm, d);
      out.datasets.push(d);
    } else if (origin) {
      // Named first by a stage that reads it: the import's .dvc file still says where it came from.
      const d = seen.get(norm)!;
      d.annotations = { ...d.annotations, dvcImport: d.annotations?.dvcImport ?? origin.annotation };
      if (!d.version && origin.version) d.version = origin.version;
    }
    return seen.get(norm)!.id;
  };

  const lockFile = path.join(root, 'dvc.lock');
  const lock = ((await readYaml(lockFile)) ?? null) as { stages?: Record<string, unknown> } | null;
  const lockShown = rd.shown(lockFile);
  for (const [name, raw] of Object.entries(lock?.stages ?? {})) {
    const st = (raw ?? {}) as { cmd?: string | string[]; deps?: unknown; outs?: unknown; params?: Record<string, Record<string, unknown>> };
    const parameters: Step['parameters'] = {};
    for (const kv of Object.values(st.params ?? {})) {
      for (const [k, v] of Object.entries(kv ?? {})) {
        const value = typeof v === 'string' ? scalar(v) : JSON.stringify(v);
        parameters[k] = value;
        out.params[k] = value;
      }
    }
    if (st.cmd) parameters.cmd = Array.isArray(st.cmd) ? st.cmd.join(' && ') : st.cmd;
    // dvc.lock paths are relative to the folder dvc.lock is in (the DVC root given).
    const where = (o: DvcOut, i: number, list: 'deps' | 'outs') =>
      isUrl(o.path!) ? o.path! : localPath(o.path!, root, { root, boundary, file: lockShown, field: `stages.${name}.${list}[${i}].path`, output: list === 'outs' });
    const inputs: string[] = [];
    const add = (o: DvcOut, i: number, list: 'deps' | 'outs') =>
      addDataset(where(o, i, list), o, `dvc.lock:${name}`).catch((err: unknown) => {
        throw linkedFromOutside(err, lockShown, `stages.${name}.${list}[${i}].path`);
      });
    for (const [d, i] of entriesOf(st.deps)) if (text(d.path)) inputs.push(await add(d, i, 'deps'));
    const outputs: string[] = [];
    for (const [o, i] of entriesOf(st.outs)) if (text(o.path)) outputs.push(await add(o, i, 'outs'));
    out.steps.push({ name, library: 'dvc', parameters, inputs, outputs });
  }

  // *.dvc files next to data (`dvc add`, `dvc import`, `dvc import-url`): paths are relative to the
  // file's `wdir` (default: the file's folder); an import's first dependency says where it came from.
  const dvcFiles = await rd.files(root, 'DVC project', { keep: (n) => n.endsWith('.dvc'), skip: new Set(['.dvc', '.git', 'node_modules']) });
  for (const file of dvcFiles.map((f) => path.join(root, f))) {
    const doc = (await readYaml(file)) as { outs?: unknown; deps?: unknown; wdir?: unknown } | null;
    const wdir = text(doc?.wdir);
    // A `wdir` that leaves the workspace is the field to fix (every output below it would be outside).
    if (wdir) localPath(wdir, path.dirname(file), { root, boundary, file: rd.shown(file), field: 'wdir', output: true });
    const base = path.resolve(path.dirname(file), wdir ?? '.');
    const origin = importOrigin(outsOf(doc?.deps));
    for (const [o, i] of entriesOf(doc?.outs)) {
      const p = text(o.path);
      if (!p) continue;
      const rel = isUrl(p) ? p : localPath(p, base, { root, boundary, file: rd.shown(file), field: `outs[${i}].path`, output: true });
      await addDataset(rel, o, path.relative(root, file), origin).catch((err: unknown) => {
        throw linkedFromOutside(err, rd.shown(file), `outs[${i}].path`);
      });
    }
  }
  if (!lock && out.datasets.length === 0) {
    throw new InputError('no-dvc-files', `no dvc.lock or *.dvc files in ${root}`, { fix: 'point at the root of a DVC project (where dvc.lock is)', file: root });
  }
  return out;
}
