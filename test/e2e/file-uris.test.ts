// `file:` uris in records are RFC 3986 URIs, read by the outside world's tools (Python's
// urllib.parse, the rfc3987 validator behind jsonschema's `uri-reference`), and an OLD record
// (raw paths in its `file:` uris, built by the previous release: test/fixtures/old-records/)
// still links, renders, replays, exports, verifies and stores as the new one of the same
// workspace does. Everything runs through dist/cli.js.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri } from '../../src/util/file-uri.js';
import { githubTree } from '../helpers/gfm.js';
import { expectValidExport } from '../helpers/export-validators.js';
import { ODD_NAMES, RECORDED, configPath, datasetPath, dvcAbsent, dvcPresent, oddWorkspace } from '../helpers/odd-workspace.js';
import { startPostgres, type PgServer } from '../helpers/postgres.js';
import { ROOT, runCli } from '../helpers/run.js';
import { readUris } from '../helpers/uri-check.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { runCliAsync } from './sign-verify-helpers.js';

interface Descriptor {
  id: string;
  uri: string;
  name?: string;
  digest?: Record<string, string>;
  annotations?: { path?: string };
}
interface Statement {
  predicate: { datasets: Descriptor[]; configFiles: Descriptor[] };
}

const OLD_FIXTURE = path.join(ROOT, 'test/fixtures/old-records');
const BUILD = ['--subject', 'model/model.bin', '--datasets', 'datasets.yaml', '--config', 'conf/*.yaml', '--dvc', 'dvc', '--policy', 'none', '--no-hardware', '--python-env', 'none', '--no-detect-image'];

let ws: string;
const read = (f: string) => JSON.parse(readFileSync(path.join(ws, f), 'utf8')) as Statement;
const cli = (...args: string[]) => {
  const r = runCli(args, { cwd: ws });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};
/** Every `file:` uri of a record with the path it should name (a dataset's annotations.path, a config's name). */
const fileUris = (st: Statement): [string, string][] => [
  ...st.predicate.datasets.map((d): [string, string] => [d.uri, d.annotations!.path!]),
  ...st.predicate.configFiles.map((c): [string, string] => [c.uri, c.name!]),
];

/** The text of a rendered (hast) tree, each element's on its own line. */
function textOf(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map((c) => textOf(c as typeof node)).join(node.type === 'element' ? '' : '\n');
}

beforeAll(() => {
  ws = oddWorkspace();
  cli('record', 'dataset', '--id', RECORDED.id, '--path', RECORDED.path);
  cli('build', ...BUILD, '--out', 'new.intoto.json');
  copyFileSync(path.join(OLD_FIXTURE, 'raw-file-uris.intoto.json'), path.join(ws, 'old.intoto.json'));
}, 120_000);
afterAll(() => rmSync(ws, { recursive: true, force: true }));

describe('a new record of a workspace with odd file names', () => {
  it('names every dataset, DVC output and config file by an RFC 3986 URI whose path urllib decodes to the file', () => {
    const st = read('new.intoto.json');
    const pairs = fileUris(st);
    const want = [
      ...ODD_NAMES.flatMap((n) => [datasetPath(n), dvcPresent(n), dvcAbsent(n), configPath(n)]),
      RECORDED.path,
    ];
    expect(pairs.map(([, p]) => p).sort()).toEqual(want.sort());
    for (const r of readUris(pairs)) {
      expect({ uri: r.uri, rfc3986: r.rfc3986, ref: r.uriReference, query: r.query, fragment: r.fragment }).toEqual({ uri: r.uri, rfc3986: true, ref: true, query: '', fragment: '' });
      expect(r.uri).toBe(r.quoted); // Python's quote() of the path, keeping RFC 3986's path characters
    }
    for (const [r, [, p]] of readUris(pairs).map((r, i) => [r, pairs[i]!] as const)) expect(r.path).toBe(p);
    expect(st.predicate.datasets.find((d) => d.id === 'ds3')!.uri).toBe('file:data/a%2520b.csv');
  });

  it('`record dataset --path` writes the URI into the records log; a log line the previous release wrote (raw path) builds into the URI too', () => {
    const line = JSON.parse(readFileSync(path.join(ws, '.ml-provenance/records.jsonl'), 'utf8').trim().split('\n')[0]!) as { uri: string; path: string };
    const [logged] = readUris([[line.uri, line.path]]);
    expect([logged!.rfc3986, logged!.path, line.uri]).toEqual([true, RECORDED.path, 'file:data/p%C3%B6ints%20%C3%BC.csv']);
    // The old log: `"uri":"file:data/pöints ü.csv"` as the previous CLI wrote it.
    const oldLog = path.join(ws, 'old-log');
    mkdirSync(oldLog);
    copyFileSync(path.join(OLD_FIXTURE, 'records.jsonl'), path.join(oldLog, 'records.jsonl'));
    expect(readFileSync(path.join(oldLog, 'records.jsonl'), 'utf8')).toContain('"uri":"file:data/pöints ü.csv"');
    cli('build', ...BUILD, '--records', 'old-log', '--out', 'from-old-log.intoto.json');
    expect(read('from-old-log.intoto.json').predicate.datasets.find((d) => d.id === RECORDED.id)!.uri).toBe('file:data/p%C3%B6ints%20%C3%BC.csv');
  });
});

describe('an old record (raw paths in file: uris) next to a new one of the same workspace', () => {
  it('the fixture is what the previous release wrote: raw paths, which the validators refuse or misread', () => {
    const old = read('old.intoto.json');
    expect(old.predicate.datasets.find((d) => d.id === 'ds0')!.uri).toBe('file:data/my file.csv');
    // Every one: refused (a space, ü, a stray %, [ ]), or read as another path (`a%20b` as `a b`, `x#y?` as `x`).
    const readings = readUris(fileUris(old));
    expect(readings.filter((r, i) => r.rfc3986 && r.path === fileUris(old)[i]![1] && !r.query && !r.fragment)).toEqual([]);
  });

  it('lineage links each file of both records into one dataset, under one URI', () => {
    const g = JSON.parse(cli('lineage', 'old.intoto.json', 'new.intoto.json', '--no-verify', '--format', 'json')) as { graph: { datasets: { id: string; uri: string }[]; edges: { from: string; kind: string }[]; runs: unknown[] } };
    const newSt = read('new.intoto.json');
    expect(g.graph.runs).toHaveLength(2);
    expect(g.graph.datasets.map((d) => [d.id, d.uri]).sort()).toEqual(newSt.predicate.datasets.map((d) => [d.id, d.uri]).sort());
    for (const d of g.graph.datasets) expect(g.graph.edges.filter((e) => e.from.startsWith(`dataset:${d.id}@`) && e.kind === 'feeds')).toHaveLength(2);
    // Asked by the path as typed, as before.
    const a = JSON.parse(cli('lineage', 'old.intoto.json', 'new.intoto.json', '--no-verify', '--dataset', 'out/x#y?.csv', '--format', 'json')) as { answers: unknown[] };
    expect(a.answers).toHaveLength(2);
  });

  it('summary, PR comment and diff show the path as a person wrote it, the same for both', () => {
    // The environment line names the kernel of the machine each record was built on (the fixture's is CI's).
    const strip = (s: string) => s.split('\n').filter((l) => !/sha256|[0-9]{4}-[0-9]{2}-[0-9]{2}T|record digest|statement|^<sub>Environment:/i.test(l)).join('\n');
    for (const format of ['text', 'markdown']) {
      const [o, n] = ['old', 'new'].map((w) => cli('summary', `${w}.intoto.json`, '--format', format));
      expect(strip(n!)).toBe(strip(o!));
      // What a reader sees: the markdown as GitHub renders it (its text, less the invisible
      // zero-width joiner that keeps `#` from linking an issue).
      const seen = format === 'markdown' ? textOf(githubTree(n!)).replace(/\u200d/g, '') : n!;
      for (const p of ODD_NAMES.flatMap((x) => [datasetPath(x), dvcPresent(x), dvcAbsent(x)])) {
        expect(seen).toContain(`file:${p}`);
        if (fileUri(p) !== `file:${p}`) expect(seen).not.toContain(fileUri(p));
      }
    }
    const d = JSON.parse(cli('diff', 'old.intoto.json', 'new.intoto.json', '--format', 'json')) as { datasets: unknown };
    expect(d.datasets).toEqual({ added: [], removed: [], changed: [] });
  });

  it('the HTML report shows the path as a person wrote it, in the datasets table and a dataset\'s details', () => {
    cli('report', 'old.intoto.json', 'new.intoto.json', '--no-verify', '--out', 'report.html');
    const html = readFileSync(path.join(ws, 'report.html'), 'utf8');
    const table = /<section id="datasets">[\s\S]*?<\/section>/.exec(html)![0];
    const unescape = (x: string) => x.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    for (const p of ODD_NAMES.flatMap((x) => [datasetPath(x), dvcPresent(x), dvcAbsent(x)])) {
      expect(unescape(table)).toContain(`file:${p}`);
      if (fileUri(p) !== `file:${p}`) expect(unescape(table)).not.toContain(fileUri(p));
    }
    // Each dataset node's details (clicked in the graph).
    const details = [...html.matchAll(/"kind":"dataset","key":[^}]*?"uri":("[^"]*")/g)].map((m) => JSON.parse(m[1]!) as string);
    expect(new Set(details)).toEqual(new Set(read('new.intoto.json').predicate.datasets.map((d) => `file:${d.annotations!.path}`)));
  });

  it('replay --check finds every local file of the old record', () => {
    // Exit 1: the DVC outputs only DVC's remote holds are missing here, as they should be.
    const r = runCli(['replay', 'old.intoto.json', '--no-verify', '--check', '--workdir', '.', '--json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(1);
    const { rows } = JSON.parse(r.stdout) as { rows: { kind: string; input: string; status: string; note?: string }[] };
    const local = rows.filter((r) => r.kind === 'config' || (r.kind === 'dataset' && !r.note?.startsWith('dvc/remote/')));
    expect(local).toHaveLength(ODD_NAMES.length * 3 + 1);
    for (const row of local) expect(row.status, `${row.input} ${row.note ?? ''}`).toBe('match');
    expect(rows.filter((row) => row.status === 'missing').map((row) => row.note).sort()).toEqual(ODD_NAMES.map(dvcAbsent).sort());
  });

  it('exports: the same valid URIs from both, never encoded twice; OpenLineage names are the paths', async () => {
    const uris = (doc: string) => [...doc.matchAll(/"(?:uri|url|software_downloadLocation)":\s*"(file:[^"]*)"/g)].map((m) => m[1]!).sort();
    for (const format of ['slsa', 'cyclonedx', 'spdx'] as const) {
      const [o, n] = ['old', 'new'].map((w) => cli('export', `${w}.intoto.json`, '--no-verify', '--format', format));
      await expectValidExport(format, JSON.parse(o!));
      await expectValidExport(format, JSON.parse(n!));
      expect(uris(o!).length, format).toBeGreaterThanOrEqual(ODD_NAMES.length * 3);
      expect(uris(o!), format).toEqual(uris(n!));
      for (const r of readUris(uris(n!).map((u) => [u, null]))) expect([r.uri, r.rfc3986]).toEqual([r.uri, true]);
      expect(n).not.toContain('%25252');
      expect(n).toContain('file:data/a%2520b.csv');
    }
    const names = (doc: string) => (JSON.parse(doc) as { inputs: { name: string }[] }).inputs.map((i) => i.name).sort();
    const [o, n] = ['old', 'new'].map((w) => cli('export', `${w}.intoto.json`, '--no-verify', '--format', 'openlineage'));
    expect(names(o!)).toEqual(names(n!));
    expect(names(n!)).toEqual(expect.arrayContaining(['data/my file.csv', 'data/a%20b.csv', 'dvc/out/x#y?.csv', 'data/[1].csv']));
  });
});

describe('stores and signatures', () => {
  let sigstore: SigstoreStandin;
  let pg: PgServer;
  beforeAll(async () => {
    [sigstore, pg] = await Promise.all([startSigstoreStandin(), startPostgres()]);
    expect(pg.psql('CREATE DATABASE store').code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await pg?.stop();
  });

  it('the old record, signed, still verifies', async () => {
    const signed = await runCliAsync(['sign', 'old.intoto.json', '--out', 'old.sigstore.json', '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!, '--identity-token', sigstore.mintToken()], { cwd: ws });
    expect(signed.code, signed.stderr).toBe(0);
    const v = await runCliAsync(['verify', 'model/model.bin', '--bundle', 'old.sigstore.json', '--repo', 'acme/models', '--custom-trusted-root', sigstore.trustedRootPath, '--offline', '--policy', 'none', '--json'], { cwd: ws });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect((JSON.parse(v.stdout) as { verified: boolean }).verified).toBe(true);
  }, 120_000);

  it('SQLite and PostgreSQL hold one URI per file for the old and the new record', async () => {
    const stores = { sqlite: path.join(ws, 'store.db'), postgres: pg.url('postgres', 'store') };
    for (const store of Object.values(stores)) {
      const r = await runCliAsync(['store', 'ingest', 'old.intoto.json', 'new.intoto.json', '--no-verify', '--store', store], { cwd: ws });
      expect(r.code, r.stderr).toBe(0);
    }
    const sql = 'SELECT ds_id, uri FROM datasets WHERE uri IS NOT NULL ORDER BY ds_id, uri';
    // Read with each engine's own client: Python's sqlite3 module and psql.
    const lite = spawnSync('python3', ['-c', 'import sqlite3,sys,json; c=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro", uri=True); print(json.dumps(c.execute(sys.argv[2]).fetchall()))', stores.sqlite, sql], { encoding: 'utf8' });
    expect(lite.status, lite.stderr).toBe(0);
    const fromSqlite = JSON.parse(lite.stdout) as [string, string][];
    const p = pg.psql(sql, { db: 'store' });
    expect(p.code, p.stderr).toBe(0);
    const fromPg = p.stdout.trim().split('\n').map((l) => l.split('|') as [string, string]);
    const expected = read('new.intoto.json').predicate.datasets.flatMap((d) => [[d.id, d.uri], [d.id, d.uri]] as [string, string][]);
    const sort = (rows: [string, string][]) => rows.map((r) => r.join('\t')).sort();
    expect(sort(fromSqlite)).toEqual(sort(expected));
    expect(sort(fromPg)).toEqual(sort(expected));
    // And the store answers a path as typed for both runs.
    for (const store of Object.values(stores)) {
      const a = await runCliAsync(['lineage', '--store', store, '--dataset', 'out/my file.csv', '--format', 'json'], { cwd: ws });
      expect(a.code, a.stderr).toBe(0);
      expect((JSON.parse(a.stdout) as { answers: unknown[] }).answers).toHaveLength(2);
    }
  }, 120_000);
});
