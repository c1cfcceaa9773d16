// The boundaries between the platform and the modules, checked in `npm test`
// (docs/MODULES.md explains them). A module is a folder under src/modules;
// src/modules/registry.ts lists them and is the only place that names them all.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-module',
      comment: 'The platform reads modules only through platform/modules/registry.ts (installed by src/modules/registry.ts).',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: ['^src/modules/', '^src/demo/', '^src/(server|cli)\\.ts$'] },
    },
    {
      name: 'module-imports-others-through-their-index',
      comment: 'A module uses another only through what it exports for others: src/modules/<name>/index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'only-the-app-installs-modules',
      comment: 'Module code must not depend on the list of modules (tests may install it).',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/modules/registry\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|web/dist)' },
  },
};
