import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup-fast-check.ts', './test/setup-env.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores in CI: keep workers to what the machine has.
    maxWorkers: 2,
    reporters: ['default', './test/helpers/count-reporter.ts'],
  },
});
