// The layering of src/ (see src/README.md and src/engine/README.md), checked by `npm run lint`.
// Data flows one way: bytes -> fields (read) -> store -> queries; the worker serves the engine to
// the page; the page reaches the engine only through the worker's API and type-only imports.

const engineStage = (name, allowed) => ({
  name: `engine-${name}-imports-earlier-stages-only`,
  comment: `src/engine/${name}/ may import only ${allowed.join(', ')} (and itself).`,
  severity: 'error',
  from: { path: `^src/engine/${name}/` },
  to: { path: '^src/engine/', pathNot: [`^src/engine/${name}/`, ...allowed.map((a) => `^src/engine/${a}`)] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No import cycles anywhere.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-is-pure',
      comment:
        'The engine imports nothing from the worker, the UI or the CLI, and no Node built-in: it runs alike in a worker, in Node and in tests.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(worker|ui|cli)/|^node:', dependencyTypesNot: [] },
    },
    {
      name: 'engine-no-node-builtins',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-is-a-leaf',
      comment: 'src/shared/ names things for every layer: it imports nothing of theirs.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(engine|worker|ui|cli)/|^node:' },
    },
    {
      name: 'worker-not-ui-or-cli',
      comment: 'The worker serves the engine; it knows nothing of the page or the CLI.',
      severity: 'error',
      from: { path: '^src/worker/' },
      to: { path: '^src/(ui|cli)/' },
    },
    {
      name: 'cli-not-ui-or-worker',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(ui|worker)/' },
    },
    {
      name: 'ui-reaches-engine-by-types-only',
      comment: 'The UI asks the worker; from the engine it imports data shapes only (import type).',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/engine/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ui-reaches-worker-api-only',
      comment:
        'The UI talks to the worker through its API (api.ts, types) and starts it (the worker entry, bundled by Vite).',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: {
        path: '^src/worker/',
        pathNot: ['^src/worker/(api|page-reads|decode-workers)\\.ts$', '^src/worker/reftrace\\.worker\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    engineStage('base', []),
    engineStage('gzip', []),
    engineStage('format', ['base/']),
    engineStage('read', ['base/', 'format/']),
    engineStage('store', ['base/', 'format/']),
    engineStage('parse', ['base/', 'format/', 'read/', 'store/']),
    engineStage('query', ['base/', 'format/', 'store/', 'types.ts']),
    engineStage('runs', ['types.ts']),
    {
      name: 'engine-stages-not-the-facade',
      comment: 'Stages do not import the engine facade (analysis.ts, warm-up.ts) except as types.',
      severity: 'error',
      from: { path: '^src/engine/[^/]+/' },
      to: { path: '^src/engine/(analysis|warm-up)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    exclude: { path: '\\.test\\.ts$' },
  },
};
