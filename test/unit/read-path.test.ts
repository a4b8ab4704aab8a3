// The checked read path's text rules (src/util/fs.ts), against the platform's own UTF-8
// decoder (WHATWG TextDecoder, fatal), and the records writer's line cap.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, invalidUtf8Offset, LIMITS, readLines } from '../../src/util/fs.js';
import { appendEvent } from '../../src/record/log.js';
import { InputError } from '../../src/errors.js';
import { RUNS } from './property-helpers.js';

const fatal = new TextDecoder('utf-8', { fatal: true });
const decodes = (b: Uint8Array) => {
  try {
    fatal.decode(b);
    return true;
  } catch {
    return false;
  }
};

describe('invalidUtf8Offset agrees with TextDecoder (fatal)', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 40 }),
    // Mostly valid text with one damaged byte: the interesting case.
    fc.tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.nat(), fc.integer({ min: 0x80, max: 0xff })).map(([s, i, b]) => {
      const u = Buffer.from(s, 'utf8');
      if (u.length) u[i % u.length] = b;
      return new Uint8Array(u);
    }),
  );
  it('valid exactly when the decoder accepts; the prefix before the offset is valid and the offset byte starts no valid sequence', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const off = invalidUtf8Offset(b);
        expect(off === -1).toBe(decodes(b));
        if (off !== -1) {
          expect(decodes(b.subarray(0, off))).toBe(true);
          // No complete sequence starting at `off` is valid, whatever follows.
          for (let n = 1; n <= 4 && off + n <= b.length; n++) expect(decodes(b.subarray(off, off + n))).toBe(false);
        }
      }),
      RUNS,
    );
  });
});

describe('decodeText', () => {
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as InputError;
    }
    throw new Error('no error');
  };
  it('drops a BOM, refuses NUL and invalid UTF-8 with the byte offset of the file', () => {
    expect(decodeText(Buffer.from('\ufeffa: 1\n'), 'config file', 'c.yaml')).toBe('a: 1\n');
    expect(err(() => decodeText(Buffer.from('ab\u0000'), 'config file', 'c.json')).message).toBe('config file c.json has a NUL byte at byte offset 2');
    expect(err(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0x28]), 'config file', 'c.yaml')).message).toBe('config file c.yaml is not valid UTF-8 at byte offset 4');
    expect(err(() => decodeText(Buffer.from([0xed, 0xa0, 0x80]), 'x', 'f')).message).toMatch(/offset 0/); // a UTF-8-encoded surrogate
  });
});

describe('readLines', () => {
  it('refuses a line over the cap having read at most the cap plus one chunk, and reports the line number', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-lines-'));
    const f = path.join(dir, 'r.jsonl');
    writeFileSync(f, `a\nb\n${'x'.repeat(300_000)}\n`);
    const seen: string[] = [];
    let bytes = 0;
    await expect(readLines(f, 'records log', { maxLine: 100_000, onLine: (l) => seen.push(l ?? "<torn>"), onBytes: (b) => (bytes += b.length) })).rejects.toThrow(/r\.jsonl:3 is longer than 100000 bytes/);
    expect(seen).toEqual(['a', 'b']);
    expect(bytes).toBeLessThanOrEqual(100_000 + 64 * 1024 + 4);
  });

  it('gives the same lines as splitting the whole text, for any text and chunking', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-lines-'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 30_000 }).map((s) => s.replace(/[\n\u0000]/g, '')), { maxLength: 6 }), fc.boolean(), async (ls, trailing) => {
        const f = path.join(dir, 'p.jsonl');
        const text = ls.join('\n') + (trailing && ls.length ? '\n' : '');
        writeFileSync(f, text);
        const got: string[] = [];
        await readLines(f, 'records log', { maxLine: LIMITS.recordsLineBytes, onLine: (l) => got.push(l ?? "<torn>") });
        // A last empty segment (the text ends with a newline, or is empty) is not a line.
        const want = text.split('\n');
        if (want.at(-1) === '') want.pop();
        expect(got).toEqual(want.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('appendEvent', () => {
  it('refuses an event the reader would refuse (over the line cap)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-append-'));
    await expect(appendEvent(dir, { v: 1, kind: 'param', params: { blob: 'y'.repeat(LIMITS.recordsLineBytes) } })).rejects.toThrow(/more than the 1048576 a records line may have/);
  });
});
