// Builds the web app only when its sources changed since the last build:
// `npm start` stays quick on every start after the first. The fingerprint
// covers everything that shapes the bundle (sources, public files, the Vite
// config and the lockfile); `--force` builds regardless.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(webRoot, '..');
const stampFile = join(webRoot, 'dist', '.source-hash');

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

/** A hash of every input of the web build, stable across machines (paths relative, sorted). */
export function sourceFingerprint(root = repoRoot): string {
  const hash = createHash('sha256');
  const inputs = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'];
  for (const file of inputs.flatMap((p) => files(join(root, p)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function builtFingerprint(): string | null {
  return existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
}

async function main() {
  const fingerprint = sourceFingerprint();
  if (!process.argv.includes('--force') && builtFingerprint() === fingerprint && existsSync(join(webRoot, 'dist', 'index.html'))) {
    console.log('Aplikasi web sudah terbaru / web app is up to date');
    return;
  }
  console.log('Membangun aplikasi web... / building the web app...');
  const { build } = await import('vite');
  await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stampFile, `${fingerprint}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
