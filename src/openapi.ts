// The API's OpenAPI document, built from the routes' own schemas: the server is
// built on an empty in-memory database and never listens. `npm run openapi`
// writes it to docs/openapi.json (committed, so reviewers see API changes) and
// the web app's types from it to web/src/api-types.ts; test/openapi.test.ts
// fails when either committed file is not what this makes.
import { openDatabase } from './platform/db/client.js';
import { loadConfig } from './platform/config.js';
import { buildServer } from './server.js';

export const OPENAPI_FILE = 'docs/openapi.json';
export const WEB_TYPES_FILE = 'web/src/api-types.ts';

export async function openapiDocument(): Promise<string> {
  const database = await openDatabase({});
  // Defaults only, never this machine's environment: the document is the same everywhere.
  const config = { ...loadConfig({}), workers: false };
  const app = await buildServer({ database, config, clock: { now: () => new Date(0) } });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
  }
}

/** The web app's types for the document (openapi-typescript, a development tool: loaded only here). */
export async function webTypes(document: string): Promise<string> {
  const { default: openapiTS, astToString, COMMENT_HEADER } = await import('openapi-typescript');
  return COMMENT_HEADER + astToString(await openapiTS(JSON.parse(document)));
}
