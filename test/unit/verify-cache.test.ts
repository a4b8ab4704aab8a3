import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signStatement } from '../../src/sign/index.js';
import { cacheDirs, openVerifiedCache, type CacheDirs } from '../../src/verify/cache.js';
import { verifyMany } from '../../src/verify/many.js';
import { makeStatement } from '../fixtures/statements.js';
import { asBuiltBy } from '../standins/sigstore/oidc.js';
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
  bundle = (await signStatement(asBuiltBy(makeStatement()), { instance: 'custom', fulcioURL: a.fulcioURL, rekorURL: a.rekorURL, ...(a.tsaURL ? { tsaURL: a.tsaURL } : {}), env: a.runnerEnv() }))
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

  test('a damaged key is made anew (old entries stop counting); an unusable entries directory never fails a command', () => {
    const dirs = freshDirs();
    openVerifiedCache({ trustedRoot: rootA, identity, dirs })!.add(DIGEST);
    writeFileSync(dirs.keyFile, 'not a key\n', { mode: 0o600 });
    const renewed = openVerifiedCache({ trustedRoot: rootA, identity, dirs })!;
    expect(renewed.has(DIGEST)).toBe(false);
    expect(readFileSync(dirs.keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    // The entries directory replaced by a file after opening: lookups miss, writes are dropped.
    rmSync(dirs.entries, { recursive: true });
    writeFileSync(dirs.entries, '');
    expect(() => renewed.add('c'.repeat(64))).not.toThrow();
    expect(renewed.has('c'.repeat(64))).toBe(false);
    // ... and a cache opened then is simply not there.
    expect(openVerifiedCache({ trustedRoot: rootA, identity, dirs })).toBeUndefined();
  });

  test('a key that is not ours, not private, a link or not a file is not used: a warning, and no cache', () => {
    const warnings: string[] = [];
    const logger = { info: () => {}, error: () => {}, debug: () => {}, warning: (m: string) => warnings.push(m) };
    const open = (dirs: CacheDirs) => openVerifiedCache({ trustedRoot: rootA, identity, dirs, logger });

    const loose = freshDirs();
    open(loose)!.add(DIGEST);
    chmodSync(loose.keyFile, 0o644);
    expect(open(loose)).toBeUndefined();
    expect(warnings.pop()).toMatch(/^not using the verification cache: .*verify-cache\.key is open to other users \(mode 644\) — remove it/);

    // A key planted as a symbolic link to a file someone else controls.
    const linked = freshDirs();
    open(linked);
    const planted = path.join(tmp, `planted-${n}`);
    writeFileSync(planted, `${'1'.repeat(64)}\n`, { mode: 0o600 });
    rmSync(linked.keyFile);
    symlinkSync(planted, linked.keyFile);
    expect(open(linked)).toBeUndefined();
    expect(warnings.pop()).toMatch(/is a symbolic link/);

    // A FIFO where the key should be: never waited on.
    const fifo = freshDirs();
    open(fifo);
    rmSync(fifo.keyFile);
    if (spawnSync('mkfifo', [fifo.keyFile]).status === 0) {
      expect(open(fifo)).toBeUndefined();
      expect(warnings.pop()).toMatch(/is not a regular file/);
    }
  });

  test.skipIf(process.getuid?.() !== 0)('(as root) a key owned by another user is not used', () => {
    const dirs = freshDirs();
    openVerifiedCache({ trustedRoot: rootA, identity, dirs });
    chownSync(dirs.keyFile, 12345, 12345);
    const warnings: string[] = [];
    expect(openVerifiedCache({ trustedRoot: rootA, identity, dirs, logger: { info: () => {}, error: () => {}, debug: () => {}, warning: (m: string) => warnings.push(m) } })).toBeUndefined();
    expect(warnings[0]).toMatch(/belongs to another user/);
  });

  test('the key is made once and kept: no temporary file is left beside it', () => {
    const dirs = freshDirs();
    openVerifiedCache({ trustedRoot: rootA, identity, dirs })!.add(DIGEST);
    const key = readFileSync(dirs.keyFile, 'utf8');
    expect(openVerifiedCache({ trustedRoot: rootA, identity, dirs })!.has(DIGEST)).toBe(true);
    expect(readFileSync(dirs.keyFile, 'utf8')).toBe(key);
    expect(readdirSync(path.dirname(dirs.keyFile))).toEqual(['verify-cache.key']);
  });
});

describe('verifyMany (in this thread: workers exist only in dist/)', () => {
  test('verifies, caches only what verified, and then answers from the cache', async () => {
    const dirs = freshDirs();
    const cache = openVerifiedCache({ trustedRoot: rootA, identity, dirs })!;
    const env = bundle.dsseEnvelope as { payload: string };
    const tampered = { ...bundle, dsseEnvelope: { ...env, payload: Buffer.from(Buffer.from(env.payload, 'base64').toString('utf8').replace('acme', 'evil')).toString('base64') } };
    const first = await verifyMany([{ bundle }, { bundle: tampered }], { trustedRoot: rootA, identity, cache, jobs: 1 });
    expect(first.map((r) => (r && 'verdict' in r ? r.verdict.verified : r))).toEqual([true, false]);
    const second = await verifyMany([{ bundle }, { bundle: tampered }], { trustedRoot: rootA, identity, cache, jobs: 1 });
    expect(second[0]).toEqual({ cached: true });
    expect(second[1] && 'verdict' in second[1] && second[1].verdict.verified).toBe(false);
    // The same directories under another trust root: nothing vouches for the bundle there.
    const cacheB = openVerifiedCache({ trustedRoot: rootB, identity, dirs })!;
    const other = await verifyMany([{ bundle }], { trustedRoot: rootB, identity, cache: cacheB, jobs: 1 });
    expect(other[0] && 'verdict' in other[0] && other[0].verdict.verified).toBe(false);
  });
});
