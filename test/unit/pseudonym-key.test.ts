// One team key, one set of pseudonyms: the key file a person writes (`openssl rand -hex 32 > key`,
// newline included) and the same text in ML_PROVENANCE_PSEUDONYM_KEY (a CI secret) are one key.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPseudonymKey } from '../../src/cli/pseudonym-key.js';
import { pseudonym, pseudonymKey, reveal } from '../../src/statement/pseudonymize.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mlp-key-'));

describe('the pseudonymisation key from a file and from the environment', () => {
  it('a text key file written by openssl (with its newline) is the key its text is in the environment', async () => {
    const file = path.join(dir, 'key');
    const r = spawnSync('openssl', ['rand', '-out', file, '-hex', '32']);
    expect(r.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const fromFile = (await readPseudonymKey(file, {}))!;
    const fromEnv = (await readPseudonymKey(undefined, { ML_PROVENANCE_PSEUDONYM_KEY: text.trim() }))!;
    expect(fromFile.id).toBe(fromEnv.id);
    expect(pseudonym(fromFile, 'data/cohort-7.csv')).toBe(pseudonym(fromEnv, 'data/cohort-7.csv'));
  });

  it('a pseudonym an earlier release made with the file (newline included) is still revealed from that file', async () => {
    const file = path.join(dir, 'key2');
    writeFileSync(file, 'a1b2c3d4e5f60718293a4b5c6d7e8f90\n');
    const earlier = pseudonymKey(Buffer.from('a1b2c3d4e5f60718293a4b5c6d7e8f90\n'), 'old');
    const old = pseudonym(earlier, 'data/cohort-7.csv');
    const key = (await readPseudonymKey(file, {}))!;
    expect(key.id).not.toBe(earlier.id);
    expect(reveal(old, ['data/other.csv', 'data/cohort-7.csv'], key)).toBe('data/cohort-7.csv');
    // New pseudonyms are the trimmed key's.
    expect(pseudonym(key, 'x').slice(6, 14)).toBe(key.id);
    // The same text in a file without the newline (a secret mounted as a file), or with CRLF, too.
    for (const [name, text] of [['bare', 'a1b2c3d4e5f60718293a4b5c6d7e8f90'], ['crlf', 'a1b2c3d4e5f60718293a4b5c6d7e8f90\r\n']] as const) {
      writeFileSync(path.join(dir, name), text);
      expect(reveal(old, ['data/cohort-7.csv'], (await readPseudonymKey(path.join(dir, name), {}))!), name).toBe('data/cohort-7.csv');
    }
    // The same text in the environment (the CI secret) reads that record too.
    const fromEnv = (await readPseudonymKey(undefined, { ML_PROVENANCE_PSEUDONYM_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }))!;
    expect(reveal(old, ['data/cohort-7.csv'], fromEnv)).toBe('data/cohort-7.csv');
  });

  it('a binary key file is its bytes', async () => {
    const file = path.join(dir, 'bin');
    const bytes = Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 255, 10]);
    writeFileSync(file, bytes);
    expect((await readPseudonymKey(file, {}))!.id).toBe(pseudonymKey(bytes, 'b').id);
  });
});
