import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signStatement } from '../../src/sign/index.js';
import { cacheDirs, openVerifiedCache, type CacheDirs } from '../../src/verify/cache.js';
import { verifyMany } from '../../src/verify/many.js';
import { makeStatement } from '../fixtures/statements.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';

let a: SigstoreStandin;
let b: SigstoreStandin;
let rootA: TrustedRoot;
let rootB: TrustedRoot;
let bundle: Record<string, unknown>;
let tmp: string;
const identity = { repo: 'acme/models' };

beforeAll(async () => {
  [a, b] = await Promise.all([startSigstoreStandin(), startSigstoreStandin()]);
  const load = async (s: SigstoreStandin) => TrustedRoot.fromJSON(JSON.parse(await readFile(s.trustedRootPath, 'utf8')));
  [rootA, rootB] = await Promise.all([load(a), load(b)]);
  bundle = (await signStatement(makeStatement(), { instance: 'custom', fulcioURL: a.fulcioURL, rekorURL: a.rekorURL, ...(a.tsaURL ? { tsaURL: a.tsaURL } : {}), env: a.runnerEnv() }))
    .bundle as Record<string, unknown>;
  tmp = mkdtempSync(path.join(tmpdir(), 'mlp-vcache-'));
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  rmSync(tmp, { recursive: true, force: true });
});

let n = 0;
const freshDirs = (): CacheDirs => {
  const base = path.join(tmp, String(n++));
  return { entries: path.join(base, 'cache', 'verified-v1'), keyFile: path.join(base, 'state', 'verify-cache.key') };
};
const DIGEST = 'a'.repeat(64);

describe('cacheDirs', () => {
  test('XDG locations on Linux; an empty variable means unset; a relative one disables the cache', () => {
    expect(cacheDirs({ XDG_CACHE_HOME: '/c', XDG_STATE_HOME: '/s' }, 'linux')).toEqual({ entries: '/c/ml-provenance/verified-v1', keyFile: '/s/ml-provenance/verify-cache.key' });
    const home = cacheDirs({ XDG_CACHE_HOME: '', XDG_STATE_HOME: '' }, 'linux')!;
    expect(home.entries).toMatch(/\/\.cache\/ml-provenance\/verified-v1$/);
    expect(home.keyFile).toMatch(/\/\.local\/state\/ml-provenance\/verify-cache\.key$/);
    expect(cacheDirs({ XDG_CACHE_HOME: 'rel', XDG_STATE_HOME: '/s' }, 'linux')).toBeUndefined();
  });
});

describe('openVerifiedCache', () => {
  test('remembers what was added, for this trust root and identity only', () => {
    const dirs = freshDirs();
    const c = openVerifiedCache({ trustedRoot: rootA, identity, dirs })!;
    expect(c.has(DIGEST)).toBe(false);
    c.add(DIGEST);
    expect(c.has(DIGEST)).toBe(true);
    expect(c.has('b'.repeat(64))).toBe(false);
    expect(openVerifiedCache({ trustedRoot: rootA, identity, dirs })!.has(DIGEST)).toBe(true);
    expect(openVerifiedCache({ trustedRoot: rootB, identity, dirs })!.has(DIGEST)).toBe(false);
    expect(openVerifiedCache({ trustedRoot: rootA, identity: { repo: 'evil/fork' }, dirs })!.has(DIGEST)).toBe(false);
    expect(openVerifiedCache({ trustedRoot: rootA, identity: { ...identity, signerWorkflow: 'acme/models/.github/workflows/train.yml' }, dirs })!.has(DIGEST)).toBe(false);
    // Entries are empty files named by an HMAC: nothing in them to parse or trust.
    const names = readdirSync(dirs.entries);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(dirs.entries, names[0]!)).size).toBe(0);
    expect(statSync(dirs.keyFile).mode & 0o777).toBe(0o600);
  });

  test('entries made under another key (a cache restored from elsewhere) do not count', () => {
    const dirs = freshDirs();
    openVerifiedCache({ trustedRoot: rootA, identity, dirs })!.add(DIGEST);
    rmSync(dirs.keyFile);
    expect(openVerifiedCache({ trustedRoot: rootA, identity, dirs })!.has(DIGEST)).toBe(false);
  });

  test('a damaged key disables the cache instead of failing; a read-only cache still answers', () => {
    const dirs = freshDirs();
    const c = openVerifiedCache({ trustedRoot: rootA, identity, dirs })!;
    c.add(DIGEST);
    writeFileSync(dirs.keyFile, 'not a key\n');
    expect(openVerifiedCache({ trustedRoot: rootA, identity, dirs })).toBeUndefined();
    rmSync(dirs.keyFile);
    const ro = openVerifiedCache({ trustedRoot: rootA, identity, dirs })!;
    ro.add(DIGEST);
    chmodSync(dirs.entries, 0o500);
    try {
      expect(() => ro.add('c'.repeat(64))).not.toThrow();
      expect(ro.has(DIGEST)).toBe(true);
    } finally {
      chmodSync(dirs.entries, 0o700);
    }
  });
});

describe('verifyMany (in this thread: workers exist only in dist/)', () => {
  test('verifies, caches only what verified, and then answers from the cache', async () => {
    const cache = openVerifiedCache({ trustedRoot: rootA, identity, dirs: freshDirs() })!;
    const env = bundle.dsseEnvelope as { payload: string };
    const tampered = { ...bundle, dsseEnvelope: { ...env, payload: Buffer.from(Buffer.from(env.payload, 'base64').toString('utf8').replace('acme', 'evil')).toString('base64') } };
    const first = await verifyMany([{ bundle }, { bundle: tampered }], { trustedRoot: rootA, identity, cache, jobs: 1 });
    expect(first.map((r) => ('verdict' in r ? r.verdict.verified : r))).toEqual([true, false]);
    const second = await verifyMany([{ bundle }, { bundle: tampered }], { trustedRoot: rootA, identity, cache, jobs: 1 });
    expect(second[0]).toEqual({ cached: true });
    expect('verdict' in second[1]! && second[1].verdict.verified).toBe(false);
    // Another trust root: the cache is not consulted for it (a cache is per root), and the bundle fails.
    const other = await verifyMany([{ bundle }], { trustedRoot: rootB, identity, jobs: 1 });
    expect('verdict' in other[0]! && other[0].verdict.verified).toBe(false);
  });
});
