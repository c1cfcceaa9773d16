// The environment every test process runs with (vitest.config.ts for the test files, global-setup.ts for the templates).
export const TEST_ENV = {
  /** The instance key that encrypts stored secrets (platform/secrets.ts): fixed, so no test writes a key file into ./data, and the demo template's sealed secrets open in every test file. */
  PAMONG_SECRET_KEY: 'd33b54c6f545f340ad4af7febd04c599e3ad8c707d0dd5591fb15468c12599a0',
  /**
   * Password hashes at argon2id's lowest cost: the tests sign in over a thousand times, and at the default cost
   * (64 MiB, 3 passes) each took 0.2–0.5 s of the two cores. What is tested (a hash is made, checked, refused) is the same.
   */
  PAMONG_PASSWORD_MEMORY_KIB: '1024',
  PAMONG_PASSWORD_PASSES: '1',
};
