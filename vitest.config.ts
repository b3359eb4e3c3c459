import { defineConfig } from 'vitest/config';

// Under CI the JSON reporter's file lets .ci/run print the plain "N passed, N failed" line.
export default defineConfig({
  test: {
    include: ['spec/**/*.spec.ts'],
    setupFiles: ['spec/setup.ts'],
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'out/vitest.json' }]] : ['default'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
