import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tufCacheTrustedRoot } from '../../src/verify/trust.js';

describe('where --offline looks for the cached public-good trust root', () => {
  const tail = path.join('sigstore-js', 'tuf-repo-cdn.sigstore.dev', 'targets', 'trusted_root.json');
  it('follows sigstore-js: XDG_DATA_HOME, else ~/.local/share', () => {
    expect(tufCacheTrustedRoot({ XDG_DATA_HOME: '/data' }, 'linux')).toBe(path.join('/data', tail));
    expect(tufCacheTrustedRoot({}, 'linux')).toBe(path.join(os.homedir(), '.local', 'share', tail));
  });
  it('an empty variable means unset, and a relative one is never used (it would trust a file in the working directory)', () => {
    expect(tufCacheTrustedRoot({ XDG_DATA_HOME: '' }, 'linux')).toBe(path.join(os.homedir(), '.local', 'share', tail));
    expect(tufCacheTrustedRoot({ XDG_DATA_HOME: 'relative/dir' }, 'linux')).toBeUndefined();
  });
});
