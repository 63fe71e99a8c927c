// Dependencies point one way: entry points and modes → steps → I/O wrappers (chart, cluster, github,
// tools, report) → pure logic (values, verify, exec, redact, errors). `npm run lint:deps` fails on an
// import that points back up, and on a cycle.
const layer = (dirs) => `^src/(${dirs.join('|')})(/|\\.ts$)`;
const PURE = ['values', 'verify', 'exec', 'redact', 'errors', 'inputs', 'bgp', 'migration'];
const IO = ['chart', 'cluster', 'github', 'tools', 'report'];
const STEPS = ['steps'];

module.exports = {
  forbidden: [
    { name: 'pure-stays-pure', severity: 'error', comment: 'pure logic imports only pure logic',
      from: { path: layer(PURE) }, to: { path: '^src/', pathNot: layer(PURE) } },
    { name: 'io-never-up', severity: 'error', comment: 'I/O wrappers import each other and pure logic, never steps, modes or config',
      from: { path: layer(IO) }, to: { path: '^src/', pathNot: [layer(IO), layer(PURE)] } },
    { name: 'steps-never-up', severity: 'error', comment: 'steps never import modes or the entry points',
      from: { path: layer(STEPS) }, to: { path: '^src/(modes/|main\\.ts|index\\.ts|post\\.ts)' } },
    { name: 'no-cycles', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
