import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { run } from '../shared.js';

// Placeholder until the owning module lands; replaced, never shipped as done.
export function register(program: Command): void {
  program
    .command('build')
    .description('(build: not available in this build yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      run(async () => {
        throw new InputError('not-available', 'build is not available in this build yet', { fix: 'use a newer ml-provenance' });
      }),
    );
}
