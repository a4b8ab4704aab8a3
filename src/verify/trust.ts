import { TrustedRoot } from '@sigstore/protobuf-specs';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError, ServiceError } from '../errors.js';
import { readJsonFile } from '../util/fs.js';
import type { Logger } from '../util/log.js';

export interface TrustOptions {
  /** A trusted_root.json (Sigstore TrustedRoot JSON), e.g. for a private or air-gapped instance. */
  customTrustedRoot?: string;
  /** Never touch the network: use the cached public-good root, or fail. */
  offline?: boolean;
  logger?: Logger;
}

export interface LoadedTrust {
  root: TrustedRoot;
  /** Where it came from, for the verdict text. */
  source: string;
}

/** Parse a trusted_root.json document. */
export function parseTrustedRoot(doc: unknown, file: string): TrustedRoot {
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(doc);
  } catch (err) {
    throw new InputError('bad-trusted-root', `${file} is not a Sigstore trusted root: ${(err as Error).message}`, {
      fix: 'pass a trusted_root.json (e.g. from `sigstore-go`/`cosign trusted-root create`, or the TUF target)',
      file,
      cause: err,
    });
  }
  if (root.certificateAuthorities.length === 0) {
    throw new InputError('bad-trusted-root', `${file} has no certificate authorities`, {
      fix: 'pass the trusted_root.json of the Sigstore instance that signed the bundle',
      file,
    });
  }
  return root;
}

/** The custom root when given, else Sigstore's public-good root through TUF. */
export async function loadTrustedRoot(opts: TrustOptions): Promise<LoadedTrust> {
  if (opts.customTrustedRoot) {
    const doc = await readJsonFile(opts.customTrustedRoot, 'trusted root');
    return { root: parseTrustedRoot(doc, opts.customTrustedRoot), source: opts.customTrustedRoot };
  }
  if (opts.offline) return offlinePublicGoodRoot(opts.logger);
  // Lazy: TUF pulls in an HTTP stack the other commands never need. The package is
  // CommonJS: in an ESM bundle its exports sit on `default`.
  const mod = await import('@sigstore/tuf');
  const tuf = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  try {
    const root = await tuf.getTrustedRoot();
    return { root, source: 'Sigstore public-good (TUF)' };
  } catch (err) {
    throw new ServiceError('tuf-failed', `cannot fetch Sigstore's public-good trust root through TUF: ${(err as Error).message}`, {
      fix: 'check network access to tuf-repo-cdn.sigstore.dev, or pass --custom-trusted-root FILE (and --offline)',
      cause: err,
    });
  }
}

/** Where sigstore-js keeps the public-good TUF repository (its appDataPath + repo name). */
export function tufCacheTrustedRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const home = os.homedir();
  // `||`, as sigstore-js and the XDG spec: an empty variable means unset.
  const base =
    platform === 'darwin'
      ? path.join(home, 'Library', 'Application Support', 'sigstore-js')
      : platform === 'win32'
        ? path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'sigstore-js', 'Data')
        : path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'sigstore-js');
  // A relative base would read a trust root from the working directory: never.
  if (!path.isAbsolute(base)) return undefined;
  return path.join(base, encodeURIComponent('tuf-repo-cdn.sigstore.dev'), 'targets', 'trusted_root.json');
}

/**
 * `--offline` with the public-good instance: never touch the network (tuf-js would
 * fall back to the mirror when the cached timestamp has expired). Use the root an
 * earlier online run verified through TUF and cached, else the root sigstore-js
 * ships as its TUF seed.
 */
async function offlinePublicGoodRoot(logger?: Logger): Promise<LoadedTrust> {
  const cached = tufCacheTrustedRoot();
  const text = cached === undefined ? undefined : await readFile(cached, 'utf8').catch(() => undefined);
  if (cached !== undefined && text !== undefined) {
    const age = await stat(cached).then((s) => Math.round((Date.now() - s.mtimeMs) / 86_400_000)).catch(() => undefined);
    // Offline gives up freshness: say which root is trusted and how old it is.
    logger?.info(`--offline: using the public-good trust root cached by an earlier online run (${cached}${age === undefined ? '' : `, ${age} day(s) old`})`);
    return { root: parseTrustedRoot(JSON.parse(text), cached), source: `Sigstore public-good (TUF cache ${cached}, offline)` };
  }
  const seeds = (await import('@sigstore/tuf/seeds.json', { with: { type: 'json' } })).default as Record<string, { targets?: Record<string, string> }>;
  const seed = seeds['https://tuf-repo-cdn.sigstore.dev']?.targets?.['trusted_root.json'];
  if (!seed) {
    throw new InputError('offline-no-trust-root', '--offline: no cached public-good trust root and none shipped with sigstore-js', {
      fix: 'run verify once with network access to populate the TUF cache, or pass --custom-trusted-root FILE',
    });
  }
  logger?.info('--offline: no cached public-good trust root; using the one shipped with sigstore-js, which may predate key rotations (run once online to refresh the cache)');
  return {
    root: parseTrustedRoot(JSON.parse(Buffer.from(seed, 'base64').toString('utf8')), 'sigstore-js TUF seed'),
    source: 'Sigstore public-good (root shipped with sigstore-js, offline)',
  };
}
