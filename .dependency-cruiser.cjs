// The pipeline's layering as rules (DESIGN.md): data flows one way, plan → run → evaluate → render, and every
// stage is entered through its folder's index.ts. `npm test` runs `depcruise src` with this file (npm run layers).
//
// Stages from the bottom up; a stage may import only stages below it (or beside it, where listed).
const STAGES = [
  ['text'],
  ['io', 'data', 'analytic', 'stats'],
  ['engine'],
  ['protocols'],
  ['run'],
  ['runner'],
  ['experiments'],
  ['claims'],
  ['pins', 'report'],
  ['pipeline'],
  ['cli'],
];

const levelOf = Object.fromEntries(STAGES.flatMap((names, level) => names.map((n) => [n, level])));
const all = Object.keys(levelOf);

/** For each stage, the stages at its level or above that it must not import (its own folder aside). */
const upward = all.map((from) => {
  const forbidden = all.filter((to) => to !== from && levelOf[to] >= levelOf[from] && !(from === 'report' && to === 'pins'));
  return {
    name: `no-upward-${from}`,
    comment: `${from} is below ${forbidden.join(', ')}: data flows one way (DESIGN.md)`,
    severity: 'error',
    from: { path: `^src/${from}/` },
    to: { path: `^src/(${forbidden.join('|')})/` },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycle, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'doors-only',
      comment: 'another stage is entered only through its index.ts',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'claims-read-experiments',
      comment: 'the evaluate stage reads runs as the experiments assemble them (escapes as samples of src/stats): it imports nothing of the run stage, type-only imports included',
      severity: 'error',
      from: { path: '^src/claims/' },
      to: { path: '^src/run/' },
    },
    {
      name: 'report-reads-claim-types-only',
      comment: 'the report renders what the evaluate stage computed; it calls no claim code',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/claims/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'report-computes-nothing',
      comment: 'the report does not reach the analytic solver, the engine or the experiments',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/(analytic|engine|run|runner|experiments|stats)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
