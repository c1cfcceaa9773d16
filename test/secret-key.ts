/** The instance key that encrypts stored secrets in tests (platform/secrets.ts): fixed, so no test writes a key file into ./data, and the demo template's sealed secrets open in every test file. */
export const TEST_SECRET_KEY = 'd33b54c6f545f340ad4af7febd04c599e3ad8c707d0dd5591fb15468c12599a0';
