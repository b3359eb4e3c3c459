import { defineConfig } from 'vitest/config';

// Specs that mock a module (vi.mock) need a module graph of their own; every other spec shares its worker's
// modules (isolate: false), which halves the suite's time — they keep no state across files.
const ISOLATED = ['spec/cli/run.adversarial.spec.ts'];

// Under CI the JSON reporter's file lets .ci/run print the plain "N passed, N failed" line.
export default defineConfig({
  test: {
    setupFiles: ['spec/setup.ts'],
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.scratch/vitest.json' }]] : ['default'],
    testTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'shared', include: ['spec/**/*.spec.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
