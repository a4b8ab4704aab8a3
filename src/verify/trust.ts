import { TrustedRoot } from '@sigstore/protobuf-specs';
import { InputError, ServiceError } from '../errors.js';
import { readJsonFile } from '../util/fs.js';

export interface TrustOptions {
  /** A trusted_root.json (Sigstore TrustedRoot JSON), e.g. for a private or air-gapped instance. */
  customTrustedRoot?: string;
  /** Never touch the network: use the cached public-good root, or fail. */
  offline?: boolean;
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
  // Lazy: TUF pulls in an HTTP stack the other commands never need.
  const tuf = await import('@sigstore/tuf');
  try {
    const root = await tuf.getTrustedRoot({ forceCache: Boolean(opts.offline) });
    return { root, source: 'Sigstore public-good (TUF)' };
  } catch (err) {
    const detail = (err as Error).message;
    if (opts.offline) {
      throw new InputError('offline-no-trust-root', `--offline: no cached public-good trust root is usable (${detail})`, {
        fix: 'run verify once with network access to populate the TUF cache, or pass --custom-trusted-root FILE',
        cause: err,
      });
    }
    throw new ServiceError('tuf-failed', `cannot fetch Sigstore's public-good trust root through TUF: ${detail}`, {
      fix: 'check network access to tuf-repo-cdn.sigstore.dev, or pass --custom-trusted-root FILE',
      cause: err,
    });
  }
}
