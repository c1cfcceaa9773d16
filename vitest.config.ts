import { defineConfig } from 'vitest/config';
import { TEST_SECRET_KEY } from './test/secret-key.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    env: { PAMONG_SECRET_KEY: TEST_SECRET_KEY },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only thrash the embedded databases.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
