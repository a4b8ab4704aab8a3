/**
 * A cache of bundles that verified, so that asking `lineage` another question about
 * the same thousands of bundles does not verify them all again (as Go trusts its
 * module cache once go.sum checked a module).
 *
 * What is remembered is only "this exact bundle verified against this exact trusted
 * root for this exact identity policy, with this version of ml-provenance": an entry
 * is an empty file whose name is HMAC-SHA256(secret, those four digests). Keyless
 * verification does not depend on the current time (certificates are checked at the
 * signed timestamp), so the answer cannot go stale; a new trusted root, policy or
 * version gives new names. Failures are never cached.
 *
 * The HMAC secret lives apart from the entries (state dir, mode 0600): a cache
 * directory restored from elsewhere (e.g. actions/cache written by a pull request)
 * cannot hold valid names without it. Anyone who can write the secret can also
 * replace ml-provenance itself. `--no-cache` skips it; deleting the directory clears it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { canonicalJson, sha256Hex } from '../util/canonical.js';
import { userDirs } from '../util/dirs.js';
import type { Logger } from '../util/log.js';
import { VERSION } from '../version.js';
import type { IdentityPolicy } from './identity.js';

/** Bump when what a cache entry means changes. */
const FORMAT = 'verified-v1';

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

/** Read the secret, or make one (never overwriting another process's). */
function secret(keyFile: string): Buffer {
  mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(keyFile, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const hex = readFileSync(keyFile, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${keyFile} is not a 32-byte hex key`);
  return Buffer.from(hex, 'hex');
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
    mkdirSync(dirs.entries, { recursive: true, mode: 0o700 });
  } catch (err) {
    o.logger?.debug(`verification cache disabled: ${(err as Error).message}`);
    return undefined;
  }
  const context = sha256Hex(canonicalJson({ format: FORMAT, version: VERSION, trustedRoot: sha256Hex(JSON.stringify(TrustedRoot.toJSON(o.trustedRoot))), identity: o.identity }));
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
