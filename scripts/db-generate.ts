// npm run db:generate -- [platform | <module>] [--name what_changed] [--custom]
//
// Runs drizzle-kit generate for one migration history, or for every history
// when none is named (only those whose schema changed get a file). Each
// history diffs only its own tables: the platform's schema.ts into drizzle/,
// a module's schema.ts (beside its migrations folder) into that folder.
// docs/MODULES.md, Migrations, says how this works.
import { spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import '../src/modules/registry.js'; // installs the modules
import { modules } from '../src/platform/modules/registry.js';
import platformConfig from '../drizzle.config.js';

export const root = fileURLToPath(new URL('..', import.meta.url));

export interface SchemaHistory {
  name: string;
  /** Paths relative to the repository. */
  schema: string;
  out: string;
}

export function schemaHistories(): SchemaHistory[] {
  return [
    { name: 'platform', schema: platformConfig.schema as string, out: platformConfig.out! },
    ...modules().flatMap((m) => {
      if (!m.migrations) return [];
      const out = relative(root, fileURLToPath(m.migrations));
      return [{ name: m.name, schema: join(dirname(out), 'schema.ts'), out }];
    }),
  ];
}

/**
 * drizzle-kit generate for one history. `cwd` holds the migration folders
 * (a copy, in the tests); drizzle-kit reads them relative to it.
 */
export function generate(history: SchemaHistory, args: string[], cwd = root) {
  return spawnSync(
    process.execPath,
    [join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--dialect', 'postgresql', '--schema', join(root, history.schema), '--out', history.out, ...args],
    { cwd, encoding: 'utf8', stdio: cwd === root ? 'inherit' : 'pipe' },
  );
}

function main(argv: string[]): number {
  const histories = schemaHistories();
  const target = argv[0]?.startsWith('-') ? undefined : argv[0];
  const args = target ? argv.slice(1) : argv;
  const chosen = target ? histories.filter((h) => h.name === target) : histories;
  if (!chosen.length) {
    console.error(`No migration history named ${target}; there are: ${histories.map((h) => h.name).join(', ')}`);
    return 1;
  }
  if (!target && args.includes('--custom')) {
    console.error('--custom makes an empty file: name the history it belongs to (platform or a module)');
    return 1;
  }
  for (const h of chosen) {
    console.log(`\n${h.name}: ${h.schema} -> ${h.out}`);
    const { status } = generate(h, args);
    if (status !== 0) return status ?? 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
