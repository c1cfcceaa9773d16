import { configDefaults, defineConfig } from 'vitest/config';
import { TEST_SECRET_KEY } from './test/secret-key.js';

/** Test files that replace a module with vi.mock: they need a fresh module graph of their own. */
const mocking = ['src/modules/layanan/tiles.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    env: { PAMONG_SECRET_KEY: TEST_SECRET_KEY },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only thrash the embedded databases.
    maxWorkers: 2,
    fileParallelism: true,
    projects: [
      // Each worker process loads the application once for all its files (a fresh graph per file cost about 4 s each,
      // a quarter of the suite): every file still builds its own server on its own database clone.
      { extends: true, test: { name: 'shared', isolate: false, include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...mocking] } },
      { extends: true, test: { name: 'isolated', include: mocking } },
    ],
  },
});
