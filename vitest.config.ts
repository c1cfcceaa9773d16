import { configDefaults, defineConfig } from 'vitest/config';
import { TEST_ENV } from './test/env.js';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    env: TEST_ENV,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only thrash the embedded databases.
    maxWorkers: 2,
    fileParallelism: true,
    // Each worker process loads the application once for all its files (a fresh graph per file cost about 4 s each,
    // a quarter of the suite): every file still builds its own server on its own database clone. So no test file may
    // replace a module (vi.mock): the replacement would reach the files after it in the same worker.
    isolate: false,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: configDefaults.exclude,
  },
});
