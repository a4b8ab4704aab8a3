/**
 * A cache of bundles that verified, so that asking `lineage` another question about
 * the same thousands of bundles does not verify them all again (as Go trusts its
 * module cache once go.sum checked a module).
 *
 * What is remembered is only "this exact bundle verified against this exact trusted
 * root for this exact identity policy, with this version and build of ml-provenance":
 * an entry is an empty file whose name is HMAC-SHA256(secret, digests of those). Keyless
 * verification does not depend on the current time (certificates are checked at the
 * signed timestamp), so the answer cannot go stale; a new trusted root, policy, version
 * or build gives new names. Failures are never cached.
 *
 * The HMAC secret lives apart from the entries (state dir, mode 0600, owned by the
 * user and checked to be): a cache directory restored from elsewhere (e.g. actions/cache
 * written by a pull request) cannot hold valid names without it. Anyone who can write
 * the secret can also replace ml-provenance itself. `--no-cache` skips it; deleting the
 * directory clears it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, linkSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { makeDirsSync } from '../util/fs.js';
import path from 'node:path';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { canonicalJson, sha256Hex } from '../util/canonical.js';
import { userDirs } from '../util/dirs.js';
import type { Logger } from '../util/log.js';
import { VERSION } from '../version.js';
import type { IdentityPolicy } from './identity.js';

/** Bump when what a cache entry means changes. */
const FORMAT = 'verified-v1';
/**
 * A digest of the sources the running bundle was built from (scripts/build.mjs), so an
 * unreleased build never reuses what another build's verifier accepted; from source,
 * "source".
 */
const BUILD_ID = process.env.ML_PROVENANCE_BUILD_ID ?? 'source';

export interface CacheDirs {
  /** Where entries go: $XDG_CACHE_HOME/ml-provenance/verified-v1. */
  entries: string;
  /** The HMAC secret: $XDG_STATE_HOME/ml-provenance/verify-cache.key. */
  keyFile: string;
}

/** Where the cache and its key live for this user (see userDirs). */
export function cacheDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): CacheDirs | undefined {
  const dirs = userDirs(env, platform);
  return dirs && { entries: path.join(dirs.cache, FORMAT), keyFile: path.join(dirs.state, 'verify-cache.key') };
}

/** Keyed on the sha256 (hex) of a bundle's bytes. */
export interface VerifiedCache {
  has(bundleSha256: string): boolean;
  add(bundleSha256: string): void;
}

/** The cache cannot be trusted as it stands: said to the user as a warning, never an error. */
class UnsafeCache extends Error {}

const POSIX = typeof process.getuid === 'function';

/** Make (0700) or reuse a directory; never one behind a symbolic link. */
function ensureDir(dir: string): void {
  makeDirsSync(dir, 0o700);
  if (!lstatSync(dir).isDirectory()) throw new UnsafeCache(`${dir} is not a directory (a symbolic link?)`);
}

/**
 * Read the key if it is there and ours: a regular file (opened without following a
 * symbolic link or waiting on a FIFO), owned by this user, readable and writable by no
 * one else. `missing` and `damaged` keys are made anew; anything else is unsafe.
 */
function readKey(keyFile: string): Buffer | 'missing' | 'damaged' {
  let fd: number;
  try {
    fd = openSync(keyFile, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    if (code === 'ELOOP') throw new UnsafeCache(`${keyFile} is a symbolic link`);
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UnsafeCache(`${keyFile} is not a regular file`);
    if (POSIX && st.uid !== process.getuid!()) throw new UnsafeCache(`${keyFile} belongs to another user`);
    if (POSIX && (st.mode & 0o077) !== 0) throw new UnsafeCache(`${keyFile} is open to other users (mode ${(st.mode & 0o777).toString(8)})`);
    const hex = readFileSync(fd, 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : 'damaged';
  } finally {
    closeSync(fd);
  }
}

/** The key, made on first use: written beside its place and linked in, so it is never half-written. */
function secret(keyFile: string): Buffer {
  ensureDir(path.dirname(keyFile));
  const found = readKey(keyFile);
  if (Buffer.isBuffer(found)) return found;
  const tmp = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    if (found === 'damaged') renameSync(tmp, keyFile);
    else {
      try {
        linkSync(tmp, keyFile); // fails if another process made one meanwhile: then theirs counts
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
  } finally {
    rmSync(tmp, { force: true });
  }
  const key = readKey(keyFile);
  if (!Buffer.isBuffer(key)) throw new UnsafeCache(`${keyFile} could not be created`);
  return key;
}

/**
 * The cache for one trusted root and identity policy, or undefined when it cannot be
 * used (no home directory, unreadable key): verification then simply runs every time.
 */
export function openVerifiedCache(o: { trustedRoot: TrustedRoot; identity: IdentityPolicy; dirs?: CacheDirs; logger?: Logger }): VerifiedCache | undefined {
  const dirs = o.dirs ?? cacheDirs();
  if (!dirs) return undefined;
  let key: Buffer;
  try {
    key = secret(dirs.keyFile);
    ensureDir(dirs.entries);
  } catch (err) {
    if (err instanceof UnsafeCache) {
      o.logger?.warning(`not using the verification cache: ${err.message} — remove it (every bundle is verified meanwhile)`);
    } else {
      o.logger?.debug(`verification cache disabled: ${(err as Error).message}`);
    }
    return undefined;
  }
  const context = sha256Hex(canonicalJson({ format: FORMAT, version: VERSION, build: BUILD_ID, trustedRoot: sha256Hex(JSON.stringify(TrustedRoot.toJSON(o.trustedRoot))), identity: o.identity }));
  const entry = (bundleSha256: string): string => path.join(dirs.entries, createHmac('sha256', key).update(`${context}\n${bundleSha256}`).digest('hex'));
  let writable = true;
  return {
    has: (digest) => existsSync(entry(digest)),
    add: (digest) => {
      if (!writable) return;
      try {
        writeFileSync(entry(digest), '', { flag: 'w', mode: 0o600 });
      } catch (err) {
        writable = false; // a read-only cache still answers; stop trying to write
        o.logger?.debug(`verification cache not written: ${(err as Error).message}`);
      }
    },
  };
}
