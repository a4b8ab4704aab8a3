// `store ingest DIR` reads a large folder in parts of bounded size (src/store/ingest-files.ts):
// the same runs are stored as when it is read at once, a bundle that fails in the last part
// leaves the store untouched, a file that changes between verifying and writing is refused,
// and an unsigned statement beside its bundle stays quiet even when they fall into different
// parts. Real bundles signed through the Sigstore stand-in, verified by the real verifier,
// stored in a real node:sqlite file; parts of one file each.
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundleVerifier } from '../../src/cli/trust-flags.js';
import { ProvenanceError } from '../../src/errors.js';
import { ingestFiles, openStore, type Db } from '../../src/store/index.js';
import type { BundleVerifier } from '../../src/lineage/trust.js';
import type { Logger } from '../../src/util/log.js';
import { signRuns } from '../e2e/store-helpers.js';
import { makeStatement } from '../fixtures/statements.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';

let sigstore: SigstoreStandin;
let work: string;
let bundles: string;

beforeAll(async () => {
  sigstore = await startSigstoreStandin();
  work = await mkdtemp(path.join(tmpdir(), 'mlp-ingest-parts-'));
  bundles = path.join(work, 'bundles');
  await signRuns(sigstore, bundles);
  // A statement with no bundle of its own: skipped with a warning (its bundle is not anywhere in the folder).
  await writeFile(path.join(bundles, 'lonely.intoto.json'), JSON.stringify(makeStatement({ run: 'lonely' })));
}, 120_000);

afterAll(async () => {
  await sigstore?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

function logger() {
  const lines = { warning: [] as string[], debug: [] as string[] };
  const log: Logger = { info: () => undefined, error: () => undefined, warning: (m) => lines.warning.push(m), debug: (m) => lines.debug.push(m) };
  return { log, lines };
}

const verifier = (): BundleVerifier => bundleVerifier({ customTrustedRoot: sigstore.trustedRootPath, offline: true, certIdentityRegexp: '^https://github\\.com/(acme|other)/' }, { cache: false, jobs: 1 });

async function withDb<T>(name: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openStore(path.join(work, name));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
const count = (db: Db) => db.all<{ n: number }>('SELECT count(*) AS n FROM runs').then((r) => Number(r[0]!.n));

describe('store ingest of a folder in parts', () => {
  test('parts of one file each store the same runs as one part, and a statement beside its bundle stays quiet', async () => {
    const whole = logger();
    const one = await withDb('whole.db', (db) => ingestFiles(db, [bundles], { verify: true, verifier: verifier(), identity: 'test', logger: whole.log }));
    const parts = logger();
    const many = await withDb('parts.db', async (db) => {
      const r = await ingestFiles(db, [bundles], { verify: true, verifier: verifier(), identity: 'test', logger: parts.log, partBytes: 1 });
      expect(await count(db)).toBe(4);
      return r;
    });
    expect(one.stored).toHaveLength(4);
    expect(many.stored.map((s) => s.runId).sort()).toEqual(one.stored.map((s) => s.runId).sort());
    expect(many.stored.every((s) => s.verified)).toBe(true);
    // x.intoto.json sorts before x.sigstore.json: with one file per part the statement is read a part before the bundle that signed it.
    for (const l of [whole.lines, parts.lines]) {
      expect(l.warning).toEqual([expect.stringMatching(/^skipping .*lonely\.intoto\.json: an unsigned statement/)]);
      expect(l.debug.filter((m) => /an unsigned statement/.test(m))).toHaveLength(4);
    }
  });

  test('a bundle that fails in the last part stops the command before anything is written', async () => {
    const dir = path.join(work, 'tampered');
    await cp(bundles, dir, { recursive: true });
    // train.sigstore.json sorts last: its signature no longer matches a changed payload.
    const file = path.join(dir, 'train.sigstore.json');
    const b = JSON.parse(await readFile(file, 'utf8')) as { dsseEnvelope: { payload: string } };
    const payload = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString()) as { predicate: { runDetails: { metadata: { invocationId: string } } } };
    payload.predicate.runDetails.metadata.invocationId += '-edited';
    b.dsseEnvelope.payload = Buffer.from(JSON.stringify(payload)).toString('base64');
    await writeFile(file, JSON.stringify(b));
    await withDb('tampered.db', async (db) => {
      const err = await ingestFiles(db, [dir], { verify: true, verifier: verifier(), identity: 'test', logger: logger().log, partBytes: 1 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProvenanceError);
      expect((err as ProvenanceError).message).toMatch(/train\.sigstore\.json does not verify/);
      expect(await count(db)).toBe(0);
    });
  });

  test.each([
    ['one transaction for all the parts (SQLite default): nothing is stored', undefined, 0],
    ['a transaction per run: the two runs committed before it stay', 1, 2],
  ])('a file whose bytes change between verifying and writing is refused, naming it and what was stored: %s', async (_, transactionRecords, before) => {
    const dir = path.join(work, `changing-${before}`);
    await cp(bundles, dir, { recursive: true });
    const real = verifier();
    let calls = 0;
    // Another process appends to secret.sigstore.json (the third bundle in order) once everything has been verified.
    const racing: BundleVerifier = {
      async verifyAll(docs) {
        await real.verifyAll(docs);
        if (docs.some((d) => d.file.endsWith('train.sigstore.json'))) await appendFile(path.join(dir, 'secret.sigstore.json'), '\n');
        calls++;
      },
    };
    await withDb(`changing-${before}.db`, async (db) => {
      const err = await ingestFiles(db, [dir], { verify: true, verifier: racing, identity: 'test', logger: logger().log, partBytes: 1, ...(transactionRecords ? { transactionRecords } : {}) }).catch((e: unknown) => e);
      expect(calls).toBeGreaterThan(4);
      expect(err).toBeInstanceOf(ProvenanceError);
      expect((err as ProvenanceError).message).toMatch(new RegExp(String.raw`secret\.sigstore\.json changed while it was being ingested .*; ${before} run\(s\) were stored before it`));
      expect(await count(db)).toBe(before);
    });
  });

  test('a file removed between verifying and writing is refused the same way (not "not found — check the path")', async () => {
    const dir = path.join(work, 'vanishing');
    await cp(bundles, dir, { recursive: true });
    const real = verifier();
    // Another process removes secret.sigstore.json once everything has been verified.
    const racing: BundleVerifier = {
      async verifyAll(docs) {
        await real.verifyAll(docs);
        if (docs.some((d) => d.file.endsWith('train.sigstore.json'))) await rm(path.join(dir, 'secret.sigstore.json'));
      },
    };
    await withDb('vanishing.db', async (db) => {
      const err = await ingestFiles(db, [dir], { verify: true, verifier: racing, identity: 'test', logger: logger().log, partBytes: 1, transactionRecords: 1 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProvenanceError);
      expect((err as ProvenanceError).message).toMatch(/secret\.sigstore\.json was removed or became unreadable while it was being ingested \(.*not found.*\); 2 run\(s\) were stored before it/);
      expect((err as ProvenanceError).fix).toMatch(/ingest again once nothing is writing to the folder/);
      expect(await count(db)).toBe(2);
    });
  });

  test('a symbolic link in the folder, to a bundle or to a folder, is not followed, and says so', async () => {
    const dir = path.join(work, 'linked');
    await mkdir(dir);
    await cp(path.join(bundles, 'prep.sigstore.json'), path.join(dir, 'prep.sigstore.json'));
    await symlink(path.join(bundles, 'train.sigstore.json'), path.join(dir, 'train.sigstore.json'));
    await symlink(bundles, path.join(dir, 'more'));
    const { log, lines } = logger();
    const r = await withDb('linked.db', (db) => ingestFiles(db, [dir], { verify: true, verifier: verifier(), identity: 'test', logger: log }));
    expect(r.stored).toHaveLength(1);
    expect(lines.warning).toEqual([
      expect.stringMatching(/^skipping .*linked\/more: a symbolic link is not followed \(pass its target/),
      expect.stringMatching(/^skipping .*linked\/train\.sigstore\.json: a symbolic link is not followed/),
    ]);
  });
});
