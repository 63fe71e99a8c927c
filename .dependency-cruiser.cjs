// Dependencies point one way: entry points and modes → steps → I/O wrappers (chart, cluster, github,
// tools, report) → leaves: pure logic (values, verify, inputs, bgp, migration, redact, the pure
// manifest and cilium-config readers) and the process and log wrappers everything uses (process, log,
// errors). `npm run lint` fails on an import that points back up, and on a cycle that exists at run
// time (type-only cycles vanish when compiled).
const dirs = (names) => names.map((n) => `^src/${n}(/|\\.ts$)`);
const LEAF = [
  ...dirs(['values', 'verify', 'inputs', 'bgp', 'migration', 'redact', 'process', 'log', 'errors']),
  // pure readers of rendered manifests and cilium-config, kept beside the chart code that uses them
  '^src/chart/(manifest|cilium-config|chart-keys|chart-schema|config-renames)\\.ts$',
  '^src/cluster/probe-manifest\\.ts$',
];
const IO = dirs(['chart', 'cluster', 'github', 'tools', 'report']);

module.exports = {
  forbidden: [
    {
      name: 'leaves-stay-leaves',
      severity: 'error',
      comment: 'pure logic and the process/log wrappers import only each other',
      from: { path: LEAF },
      to: { path: '^src/', pathNot: LEAF },
    },
    {
      name: 'io-never-up',
      severity: 'error',
      comment: 'I/O wrappers import each other and the leaves, never steps, modes, config or the entry points',
      from: { path: IO, pathNot: LEAF },
      to: { path: '^src/', pathNot: [...IO, ...LEAF] },
    },
    {
      name: 'steps-never-up',
      severity: 'error',
      comment: 'steps never import modes or the entry points',
      from: { path: '^src/steps/' },
      to: { path: '^src/(modes/|main\\.ts|index\\.ts|post\\.ts|post-index\\.ts)' },
    },
    { name: 'no-cycles', severity: 'error', from: { path: '^src/' }, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
