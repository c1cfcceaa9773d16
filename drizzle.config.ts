// The platform's migration history (drizzle/). Each module keeps its own
// history beside its schema (src/modules/<name>/migrations); generate through
// `npm run db:generate -- <platform|module> --name what` (scripts/db-generate.ts),
// which reads this file for the platform. See docs/MODULES.md, Migrations.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/schema.ts',
  out: './drizzle',
});
