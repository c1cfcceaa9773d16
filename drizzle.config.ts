import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/schema.ts', './src/modules/complaints/schema.ts', './src/modules/spbe/schema.ts'],
  out: './drizzle',
});
