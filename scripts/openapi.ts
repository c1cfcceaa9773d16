// npm run openapi: writes the API's OpenAPI document to docs/openapi.json from
// the routes' own schemas, and the web app's types from it to
// web/src/api-types.ts (src/openapi.ts). Commit both with an API change;
// test/openapi.test.ts fails while either is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE, openapiDocument, WEB_TYPES_FILE, webTypes } from '../src/openapi.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const document = await openapiDocument();
writeFileSync(`${root}/${OPENAPI_FILE}`, document);
writeFileSync(`${root}/${WEB_TYPES_FILE}`, await webTypes(document));
console.log(`${OPENAPI_FILE}, ${WEB_TYPES_FILE} ditulis / written`);
