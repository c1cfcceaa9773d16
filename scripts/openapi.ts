// npm run openapi: writes the API's OpenAPI document to docs/openapi.json from
// the routes' own schemas (src/openapi.ts). Commit it with an API change;
// test/openapi.test.ts fails while the committed document is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE, openapiDocument } from '../src/openapi.js';

const root = fileURLToPath(new URL('..', import.meta.url));

writeFileSync(`${root}/${OPENAPI_FILE}`, await openapiDocument());
console.log(`${OPENAPI_FILE} ditulis / written`);
