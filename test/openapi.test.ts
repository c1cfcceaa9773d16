// The committed OpenAPI document (docs/openapi.json) is what the routes make:
// an API change shows in review as a change to that file.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { OPENAPI_FILE, openapiDocument } from '../src/openapi.js';

it('docs/openapi.json is the document the routes make', async () => {
  const made = await openapiDocument();
  const committed = readFileSync(new URL(`../${OPENAPI_FILE}`, import.meta.url), 'utf8');
  // A plain comparison: a failure names the fix instead of printing half a megabyte of diff.
  expect(made === committed, `${OPENAPI_FILE} is out of date: run npm run openapi and commit it`).toBe(true);
});

it('makes the same document every time', async () => {
  expect(await openapiDocument()).toBe(await openapiDocument());
});
