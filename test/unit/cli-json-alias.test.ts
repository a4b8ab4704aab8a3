// The README's promise "machine output is one convention everywhere": every command of the
// built CLI whose --format offers json also takes --json, and refuses --json with another
// --format before doing any work. The commands are read from the CLI's own --help, so a
// new command cannot escape the rule.
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
const mlp = async (args: string[]) => runCli(args, { cwd: dir });

/** The help's option entries, each with its wrapped description joined into one line. */
function options(help: string): string[] {
  const section = help.split(/\n(?=\S)/).find((s) => s.startsWith('Options:')) ?? '';
  return section.split('\n').slice(1).join('\n').split(/\n(?=\s{2}-)/).map((o) => o.replace(/\s+/g, ' ').trim());
}

function subcommands(help: string): string[] {
  const section = help.split(/\n(?=\S)/).find((s) => s.startsWith('Commands:')) ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
}

/** Every leaf command, as its argv path. */
async function leaves(prefix: string[]): Promise<{ path: string[]; help: string }[]> {
  const help = (await mlp([...prefix, '--help'])).stdout;
  const subs = subcommands(help);
  if (subs.length === 0) return [{ path: prefix, help }];
  return (await Promise.all(subs.map((s) => leaves([...prefix, s])))).flat();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mlp-json-alias-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--json is --format json on every command that prints JSON', () => {
  it('every --format offering json comes with --json', async () => {
    const all = await leaves([]);
    // The walk found the nested commands, not only the top level.
    expect(all.map((c) => c.path.join(' '))).toEqual(expect.arrayContaining(['verify', 'store ingest', 'store audit', 'store sync', 'record dataset']));
    const withJson = all.filter((c) => options(c.help).some((o) => o.startsWith('--format') && /"json"/.test(o)));
    expect(withJson.length).toBeGreaterThan(8);
    const missing = withJson.filter((c) => !options(c.help).some((o) => o.startsWith('--json ')));
    expect(missing.map((c) => c.path.join(' '))).toEqual([]);
  });

  it('store ingest --json prints one JSON document', async () => {
    const store = path.join(dir, 'j.db');
    const r = await mlp(['store', 'ingest', path.join(root, 'test/fixtures/old-records'), '--store', store, '--no-verify', '--json']);
    expect(r.stderr).not.toMatch(/unknown option/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { stored: unknown[] };
    expect(Array.isArray(doc.stored)).toBe(true);
  });

  it('--json with another --format is refused before the store is touched', async () => {
    const store = path.join(dir, 'never.db');
    const r = await mlp(['store', 'ingest', path.join(root, 'test/fixtures/old-records'), '--store', store, '--no-verify', '--json', '--format', 'text']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json and --format text ask for different output/);
    expect(existsSync(store)).toBe(false);
    const a = await mlp(['store', 'audit', '--store', store, '--repo', 'acme/models', '--json', '--format', 'text']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--json and --format text/);
  });

  it.each([
    [['verify', '--bundle', 'missing.sigstore.json', '--repo', 'acme/models', '--json', '--format', 'text'], 'text'],
    [['build', '--subject', 'missing.bin', '--out', 'never.json', '--json', '--format', 'text'], 'text'],
    [['replay', 'missing.intoto.json', '--no-verify', '--json', '--format', 'table'], 'table'],
  ])('%j: the conflict is named first, not the missing file', async (args, other) => {
    const r = await mlp(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--json and --format ${other} ask for different output`);
    expect(existsSync(path.join(dir, 'never.json'))).toBe(false);
  });
});
