// The one form a recorded command is shown in (src/util/shell.ts), checked against bash
// itself: what is printed, pasted into a shell, gives back the recorded argv word for word,
// and stays on one line whatever the words hold (newlines, quotes, backticks, pipes).
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandInFolder, shellWords } from '../../src/util/shell.js';

/** The words bash reads from `line` (each printed NUL-terminated). */
function bashWords(line: string): string[] {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\0').slice(0, -1);
}

// argv cannot hold NUL; everything else can.
const word = fc.string({ unit: fc.oneof(fc.constantFrom('\n', '\t', '\r', "'", '"', '`', '|', '\\', '$', ' ', '!', '*', '\x1b', '\x7f', 'a', 'é'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 8 }).filter((s) => !s.includes('\0'));

describe('shellWords', () => {
  it('reads as people type it', () => {
    expect(shellWords(['python3', 'train.py', '--lr=0.1'])).toBe('python3 train.py --lr=0.1');
    expect(shellWords(['echo', 'a b', "it's", ''])).toBe(`echo 'a b' 'it'\\''s' ''`);
    expect(shellWords(['python3', '-c', 'import x\nx.run()'])).toBe("python3 -c $'import x\\nx.run()'");
    expect(commandInFolder(['python3', 'trainer.py'], 'train')).toBe('python3 trainer.py (in train/)');
    expect(commandInFolder(['python3', 'trainer.py'], undefined)).toBe('python3 trainer.py');
  });

  it('bash reads back the recorded words, and the line is one line', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (argv) => {
        const line = shellWords(argv);
        expect(line).not.toMatch(/[\n\r]/);
        expect(bashWords(line)).toEqual(argv);
      }),
      { numRuns: 60 },
    );
  });
});
