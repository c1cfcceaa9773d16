// Builds the web app into web/dist, with .gz and .br siblings that the server
// sends as they are (@fastify/static preCompressed): no compression per request.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(root, 'dist');

function precompress(): Plugin {
  return {
    name: 'pamong-precompress',
    apply: 'build',
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg)$/.test(fileName)) continue;
        const file = join(outDir, fileName);
        const data = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: join(root, 'public'),
  plugins: [precompress()],
  // The app is written against React's API but runs on Preact's compatibility
  // layer: about 50 KB less to download on a citizen's first visit (slow 3G).
  // The sources keep importing 'react' (types from @types/react).
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react(-dom)?$/, replacement: 'preact/compat' },
    ],
  },
  // JSX compiles to 'react/jsx-runtime' calls, aliased above (tsconfig: react-jsx).
  esbuild: { jsx: 'automatic' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // Some phones are slow: keep the first chunk small; staff pages load on demand.
    chunkSizeWarningLimit: 300,
    rollupOptions: {
      // TanStack Query marks its hooks "use client" for React Server Components; meaningless in this app.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
