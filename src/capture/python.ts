import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import type { PythonEnvironment } from '../schema/coverage.js';
import { sha256Hex } from '../util/canonical.js';
import { readInputText, resolveInWorkspace } from './paths.js';
import { onPath, probe } from './probe.js';

/**
 * The Python environment of a run, captured instead of typed: from a lockfile in the
 * workspace (uv.lock, poetry.lock, Pipfile.lock, requirements*.txt, conda's
 * environment.yml) or from `pip freeze` / `uv pip freeze` of a named interpreter.
 *
 * `spec`: `auto` (first lockfile found at the workspace root, in the order above), `none`,
 * a lockfile path, `pip:PYTHON` or `uv:PYTHON`.
 */
export const LOCKFILES = ['uv.lock', 'poetry.lock', 'Pipfile.lock', 'requirements.txt', 'environment.yml', 'environment.yaml'] as const;

export async function capturePython(spec: string, workspace: string, env: NodeJS.ProcessEnv = process.env): Promise<PythonEnvironment | undefined> {
  const s = spec.trim() || 'auto';
  if (s === 'none') return undefined;
  if (s.startsWith('pip:') || s.startsWith('uv:')) return freeze(s, workspace, env);
  if (s === 'auto') {
    const names = new Set(await readdir(workspace).catch(() => [] as string[]));
    const found =
      LOCKFILES.find((f) => names.has(f)) ?? [...names].filter((n) => /^requirements[\w.-]*\.txt$/.test(n)).sort()[0];
    return found ? fromLockfile(found, workspace) : undefined;
  }
  return fromLockfile(s, workspace);
}

async function fromLockfile(given: string, workspace: string): Promise<PythonEnvironment> {
  const { abs, rel } = await resolveInWorkspace(given, workspace, 'python environment file');
  // The project's one text read: a BOM is dropped; invalid UTF-8 or NUL is refused with its offset.
  const { bytes, text } = await readInputText(abs, rel, 'python environment file');
  const base = path.basename(rel);
  let packages: Record<string, string>;
  try {
    packages = parseLockfile(base, text);
  } catch (err) {
    // The parser's message may quote the file (an index URL with a token): never echo it.
    throw new InputError('malformed-python-env', `${rel} could not be read as ${lockfileKind(base)}`, {
      fix: 'check the file is the lockfile its name says, or turn the capture off: --python-env none (the action: `python-env: none`)',
      file: rel,
      cause: err,
    });
  }
  return { source: lockfileKind(base), file: { name: rel, digest: { sha256: sha256Hex(bytes) } }, packages };
}

function lockfileKind(base: string): string {
  if (base === 'uv.lock') return 'uv.lock';
  if (base === 'poetry.lock') return 'poetry.lock';
  if (base === 'Pipfile.lock') return 'Pipfile.lock';
  if (/^environment\.ya?ml$/.test(base)) return 'conda environment.yml';
  return 'requirements.txt';
}

/** PEP 503 normalised project name. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** name -> version for each package a lockfile pins (or the requirement spec when unpinned). Pure. */
export function parseLockfile(base: string, text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const kind = lockfileKind(base);
  if (kind === 'uv.lock' || kind === 'poetry.lock') {
    const doc = parseToml(text) as { package?: Array<{ name?: unknown; version?: unknown }> };
    for (const p of doc.package ?? []) {
      if (typeof p.name === 'string' && typeof p.version === 'string') out[normaliseName(p.name)] = p.version;
    }
  } else if (kind === 'Pipfile.lock') {
    const doc = JSON.parse(text) as Record<string, Record<string, { version?: unknown }> | undefined>;
    for (const section of ['default', 'develop']) {
      for (const [name, v] of Object.entries(doc[section] ?? {})) {
        if (typeof v?.version === 'string') out[normaliseName(name)] = v.version.replace(/^==/, '');
      }
    }
  } else if (kind === 'conda environment.yml') {
    const doc = parseYaml(text) as { dependencies?: unknown[] } | null;
    for (const dep of doc?.dependencies ?? []) {
      if (typeof dep === 'string') {
        // conda: name[=version[=build]] or name==version, optionally channel::name
        const m = /^(?:[\w.-]+::)?([A-Za-z0-9_.-]+)\s*(?:==?\s*([^=\s]+))?/.exec(dep.trim());
        if (m) out[normaliseName(m[1]!)] = m[2] ?? '*';
      } else if (dep && typeof dep === 'object' && Array.isArray((dep as { pip?: unknown }).pip)) {
        Object.assign(out, parseRequirements(((dep as { pip: unknown[] }).pip.filter((x) => typeof x === 'string') as string[]).join('\n')));
      }
    }
  } else {
    Object.assign(out, parseRequirements(text));
  }
  return out;
}

/**
 * requirements.txt / `pip freeze`: `name==1.2`, `name>=1`, `name @ URL`. Option lines
 * (`-r`, `--index-url` with its possible credentials) and comments are skipped; a direct
 * URL reference is kept as `@ <scheme>` only, since URLs can carry tokens.
 */
export function parseRequirements(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').replace(/\\$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith('-')) continue;
    const direct = /^([A-Za-z0-9][A-Za-z0-9_.-]*)(?:\[[^\]]*\])?\s*@\s*([a-z+]+):/.exec(line);
    if (direct) {
      out[normaliseName(direct[1]!)] = `@ ${direct[2]}`;
      continue;
    }
    const m = /^([A-Za-z0-9][A-Za-z0-9_.-]*)(?:\[[^\]]*\])?\s*(?:===?\s*([^\s;,]+)|([<>=!~][^;]*))?/.exec(line);
    if (!m) continue;
    out[normaliseName(m[1]!)] = m[2] ?? (m[3] ? m[3].replace(/\s+/g, '') : '*');
  }
  return out;
}

async function freeze(spec: string, workspace: string, env: NodeJS.ProcessEnv): Promise<PythonEnvironment | undefined> {
  const [tool, interpreter] = [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)];
  const py = onPath(interpreter || 'python3', env);
  if (!py) {
    throw new InputError('python-not-found', `python interpreter "${interpreter}" was not found`, {
      fix: 'name the interpreter the training ran with, --python-env pip:/path/to/python (the action: `python-env: pip:/path/to/python`), or a lockfile',
      fields: ['python-env'],
    });
  }
  const version = await probe(py, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { env, cwd: workspace });
  const uv = tool === 'uv' ? onPath('uv', env) : undefined;
  if (tool === 'uv' && !uv) {
    throw new InputError('uv-not-found', 'uv was not found on PATH', { fix: 'install uv, or use --python-env pip:PYTHON (the action: `python-env: pip:PYTHON`)', fields: ['python-env'] });
  }
  const r = uv
    ? await probe(uv, ['pip', 'freeze', '--python', py], { env, cwd: workspace, timeoutMs: 30_000 })
    : await probe(py, ['-m', 'pip', 'freeze', '--disable-pip-version-check'], { env, cwd: workspace, timeoutMs: 30_000 });
  if (!r.ok) return undefined;
  return {
    source: uv ? 'uv pip freeze' : 'pip freeze',
    interpreter: py,
    ...(version.ok ? { version: version.stdout.trim() } : {}),
    packages: parseRequirements(r.stdout),
  };
}
