/**
 * The layer rules of docs/architecture.md, checked in CI (`npm run lint:layers`):
 * domain → nothing outside domain; application → domain and its own ports;
 * adapters → application and domain; http never reaches postgres; only src/composition and src/cli wire adapters,
 * and nothing they wire imports them back.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports nothing outside src/domain (no adapters, no I/O libraries, no node built-ins).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'application-depends-on-domain-only',
      comment: 'Use cases see the domain and their ports; never adapters, config or I/O libraries.',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { pathNot: ['^src/application/', '^src/domain/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'http-never-reaches-postgres',
      severity: 'error',
      from: { path: '^src/adapters/http/' },
      to: { path: '^src/adapters/(postgres|security)/' },
    },
    {
      name: 'adapters-are-wired-only-by-the-composition-root',
      comment: 'Only src/composition (the wiring) and src/cli may import adapters from outside the adapters folder.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/adapters/', '^src/composition/', '^src/cli/'] },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'nothing-wired-imports-the-composition-root',
      comment: 'Domain, application, adapters and config never import the wiring (src/composition) or the entry point.',
      severity: 'error',
      from: { path: '^src/(domain|application|adapters|config)/' },
      to: { path: ['^src/composition/', '^src/main\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
