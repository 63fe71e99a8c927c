// `npm run bench`: measures the flow verdict, the fleet verification and the start-up against
// baselines measured in the same run, writes BENCHMARKS.md and prints the same text.
// The TypeScript under test is bundled with ncc into .bench/ and run with this Node in child processes.
//
// Environment (all optional):
//   BENCH_SIZES=10000,100000,1000000  capture sizes in flows     BENCH_RUNS=3  runs per figure (minimum taken)
//   BENCH_QUICK=1     one run, a small fleet, no serial loop or slow-latency fleet run (the smoke test)
//   BENCH_OUT=FILE    where to write (default BENCHMARKS.md)    BENCH_ONLY=flows,fleet,startup
//   BENCH_FLEET_NODES=500  BENCH_FLEET_LATENCY_MS=50  BENCH_PROFILE=1 (profile the analyser even when it meets its targets)
//   BENCH_TMP=DIR     where captures are written (default the system temp folder)
//   BENCH_MIGRATION_SIZES=10,100,500  BENCH_MIGRATION_RESTART_MS=1000  (the migration section: full runs or BENCH_ONLY=migration)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { bundler } from './bench/bundle.mjs';
import { benchMigration, renderMigration, withMigrationSection } from './bench/migration.mjs';
import { benchFleet } from './bench/fleet.mjs';
import { benchFlows } from './bench/flows.mjs';
import { machine, toolVersion } from './bench/machine.mjs';
import { render } from './bench/report.mjs';
import { benchStartup, startupTargets } from './bench/startup.mjs';
import { build } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const int = (name, dflt) => {
  const v = env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not ${v}`);
  return n;
};

async function main() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24)
    throw new Error(
      `the action runs on Node 24; this is Node ${process.version}: run \`npm run bench\` (npm puts the project's Node 24 first on PATH)`,
    );
  const t0 = performance.now();
  const quick = env.BENCH_QUICK === '1';
  const runs = Math.max(1, int('BENCH_RUNS', quick ? 1 : 3));
  const sizes = (env.BENCH_SIZES || '10000,100000,1000000').split(',').map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_SIZES: "${s}" is not a number of flows`);
    return n;
  });
  sizes.sort((a, b) => a - b);
  const only = new Set((env.BENCH_ONLY || 'flows,fleet,startup').split(',').map((s) => s.trim()));
  const outFile = path.resolve(root, env.BENCH_OUT || 'BENCHMARKS.md');
  const log = (s) => process.stderr.write(`bench: ${s}\n`);
  const tmp = mkdtempSync(path.join(env.BENCH_TMP || os.tmpdir(), 'cnra-bench-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => (cleanup(), process.exit(130)));

  const settings = Object.entries(env)
    .filter(([k]) => k.startsWith('BENCH_') && k !== 'BENCH_OUT')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const report = {
    command: `${settings ? `${settings} ` : ''}npm run bench`,
    machine: machine(),
    runs,
    tools: { jq: toolVersion('jq'), grep: toolVersion('grep'), bash: existsSync('/bin/bash') },
    targets: [],
    errors: [],
    distLabel: 'dist',
  };
  try {
    const { bundle } = bundler(root);
    const [worker, hello] = await Promise.all([
      bundle('__tests__/bench/entry.ts', path.join(root, '.bench', 'worker'), {
        dirs: ['src', '__tests__/bench'],
        files: ['__tests__/fixtures/flows/generate.ts'],
      }),
      bundle('__tests__/bench/hello-action.ts', path.join(root, '.bench', 'hello'), {
        minify: true,
        dirs: [],
        files: ['__tests__/bench/hello-action.ts'],
      }),
    ]);
    const bundled = [worker, hello].filter((b) => b.built);
    log(bundled.length ? `bundled with ncc in ${Math.round(performance.now() - t0)} ms` : 'bundles up to date in .bench/');

    if (only.has('flows')) {
      if (!report.tools.jq) {
        log(
          'jq is not installed, so the jq baseline is skipped. Install it with: sudo apt-get install -y jq (Debian, Ubuntu), then run the bench again.',
        );
      }
      report.flows = await benchFlows({
        entry: worker.file,
        sizes,
        runs,
        tmp,
        jq: report.tools.jq,
        log,
        profile: env.BENCH_PROFILE === '1' || !quick,
      });
      report.targets.push(...report.flows.targets);
      report.errors.push(...report.flows.errors);
      if (!report.tools.jq)
        report.flows.notes.push(
          'jq is not installed: the jq baseline was skipped. Install it with `sudo apt-get install -y jq` (Debian, Ubuntu).',
        );
    }
    if (only.has('fleet')) {
      report.fleet = await benchFleet({
        entry: worker.file,
        nodes: int('BENCH_FLEET_NODES', quick ? 32 : 500),
        latencyMs: int('BENCH_FLEET_LATENCY_MS', quick ? 20 : 50),
        runs,
        serialRuns: quick ? 0 : 1,
        slowLatencyMs: 500,
        slowRuns: quick ? 0 : 1,
        tmp,
        log,
      });
      report.targets.push(...report.fleet.targets);
      report.errors.push(...report.fleet.errors);
    }
    if (only.has('startup')) {
      let distDir = path.join(root, 'dist');
      const complete = () => existsSync(path.join(distDir, 'index.js')) && existsSync(path.join(distDir, 'post', 'index.js'));
      // scripts/build.mjs empties dist/ before it writes: a build under way elsewhere is waited for
      for (let i = 0; i < 60 && !complete(); i++) await sleep(250);
      if (!complete()) {
        log('dist/ is incomplete: building a copy into .bench/dist with scripts/build.mjs');
        distDir = path.join(root, '.bench', 'dist');
        build(distDir);
        report.distLabel = '.bench/dist';
      }
      report.startup = await benchStartup({
        root,
        helloEntry: hello.file,
        runs: Math.max(runs, quick ? 1 : 5),
        tmp,
        distDir,
        log,
        profile: env.BENCH_PROFILE === '1',
        judge: !quick,
      });
      report.targets.push(...startupTargets(report.startup, !quick));
      report.errors.push(...report.startup.errors);
    }
  } catch (e) {
    report.errors.push(`the bench stopped: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    cleanup();
  }
  // The migration runs whole clusters (minutes at 500 nodes): in the full bench, not in BENCH_QUICK.
  let migration = '';
  if (only.has('migration') || (!quick && !env.BENCH_ONLY)) {
    const sizes = (env.BENCH_MIGRATION_SIZES || '10,100,500').split(',').map((s) => Number(s.trim()));
    migration = await benchMigration(root, { sizes, restartMs: int('BENCH_MIGRATION_RESTART_MS', 1000), log })
      .then(renderMigration)
      .catch((e) => (report.errors.push(`migration: ${e instanceof Error ? e.message : String(e)}`), ''));
  }
  report.elapsedMs = performance.now() - t0;
  const text = migration ? withMigrationSection(render(report), migration) : render(report);
  writeFileSync(outFile, text);
  process.stdout.write(text);
  log(`wrote ${path.relative(root, outFile) || outFile} in ${(report.elapsedMs / 1000).toFixed(0)} s`);
  if (report.errors.length) {
    log(`${report.errors.length} error(s): see the Errors list`);
    process.exitCode = 1;
  }
}

await main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
