// The committed OpenAPI document (docs/openapi.json) is what the routes make,
// and the web app's types (web/src/api-types.ts) are what the document makes:
// an API change shows in review as a change to those files.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { OPENAPI_FILE, openapiDocument, WEB_TYPES_FILE, webTypes } from '../src/openapi.js';

const committed = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

it('docs/openapi.json and web/src/api-types.ts are what the routes make', async () => {
  const made = await openapiDocument();
  // Plain comparisons: a failure names the fix instead of printing half a megabyte of diff.
  expect(made === committed(OPENAPI_FILE), `${OPENAPI_FILE} is out of date: run npm run openapi and commit it`).toBe(true);
  expect(await webTypes(made) === committed(WEB_TYPES_FILE), `${WEB_TYPES_FILE} is out of date: run npm run openapi and commit it`).toBe(true);
});

it('makes the same document every time', async () => {
  expect(await openapiDocument()).toBe(await openapiDocument());
});
