// The map from a record event's fields to the `ml-provenance record …` flags that set them
// (src/cli/record-flags.ts) is written beside the commands' own option lists: every flag it
// names must be one the built CLI's help for that subcommand lists, or an error would send the
// user to a flag that does not exist.
import { describe, expect, it } from 'vitest';
import { RECORD_FLAGS, recordSubcommand } from '../../src/cli/record-flags.js';
import { runCli } from '../helpers/run.js';

describe('record flags named in errors', () => {
  it.each(Object.keys(RECORD_FLAGS))('record %s: every flag the map names is in its --help', (kind) => {
    const help = runCli(['record', recordSubcommand(kind), '--help']);
    expect(help.code, help.stderr).toBe(0);
    const named = Object.values(RECORD_FLAGS[kind]!).flatMap((f) => /^--[a-z-]+/.exec(f) ?? []);
    for (const flag of new Set(named)) expect(help.stdout, `${flag} in record ${kind}`).toMatch(new RegExp(`(^|[ ,])${flag}[ ,<\\n]`, 'm'));
  });
});
