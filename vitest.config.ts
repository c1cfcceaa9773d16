import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The instance key that encrypts stored secrets (platform/secrets.ts): fixed, so no test writes a key file into ./data.
    env: { PAMONG_SECRET_KEY: 'd33b54c6f545f340ad4af7febd04c599e3ad8c707d0dd5591fb15468c12599a0' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only thrash the embedded databases.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
