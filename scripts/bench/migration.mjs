// The migration benchmark (section of BENCHMARKS.md): runs __tests__/bench/migration-run.test.ts through
// vitest (the test cluster, real helm and kubectl, dist/index.js) and renders its rows.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MIGRATION_START = '<!-- migration:start -->';
export const MIGRATION_END = '<!-- migration:end -->';

export async function benchMigration(root, { sizes, restartMs, log }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-bench-migration-'));
  const out = path.join(dir, 'rows.json');
  try {
    const env = {
      ...process.env,
      BENCH_MIGRATION_OUT: out,
      BENCH_MIGRATION_SIZES: sizes.join(','),
      BENCH_MIGRATION_RESTART_MS: String(restartMs),
    };
    const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
    const code = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [vitest, 'run', '__tests__/bench/migration-run.test.ts'], {
        cwd: root,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) throw new Error(`the migration runs failed (vitest exit ${code})`);
    log(`migration: ${sizes.join(', ')} nodes done`);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The section's markdown, with its targets: staged ≤ 1.5 × one restart, flat in node count. */
export function renderMigration({ restartMs, rows }) {
  const sizes = [...new Set(rows.map((r) => r.nodes))];
  const get = (n, s) => rows.find((r) => r.nodes === n && r.strategy === s);
  const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const table = sizes.map((n) => {
    const st = get(n, 'staged');
    const di = get(n, 'direct');
    return `| ${n} | ${sec(st.splitMs)} (${(st.splitMs / restartMs).toFixed(2)}×) | ${sec(di.splitMs)} (${(di.splitMs / restartMs).toFixed(2)}×) | ${st.splitMs > 0 ? `${(di.splitMs / st.splitMs).toFixed(1)}×` : '∞'} | ${st.disruptionSeconds} s / ${di.disruptionSeconds} s | ${sec(st.wallMs)} / ${sec(di.wallMs)} | ${st.verdict} / ${di.verdict} |`;
  });
  const staged = sizes.map((n) => get(n, 'staged').splitMs);
  const worst = Math.max(...staged);
  const flat = Math.max(...staged) - Math.min(...staged) <= 0.5 * restartMs;
  return [
    MIGRATION_START,
    '## Migration: the split window, staged against direct',
    '',
    `Measured on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} with \`BENCH_MIGRATION_SIZES=${sizes.join(',')} BENCH_MIGRATION_RESTART_MS=${restartMs}\`.`,
    '',
    `Simulated clusters (the test API server's datapath model, \`__tests__/k8s/datapath.ts\`) with an agent restart of ${restartMs} ms (±10 % per agent; a scaled-down 10 s restart: the ratio is what counts). For each size two fresh clusters are seeded with a BYOCNI release and migrated through \`dist/index.js\`: \`strategy: staged\` (\`cutover-batch: 100%\`) and \`strategy: direct\` (one upgrade, the DaemonSet's rolling update two agents at a time), \`checks: agents\`. **Split window**: how long any of the node pairs the action probed could not connect, read from the model (exact); \`disruption-seconds\` is what the action measured with its probe (quantised by the 1 s connect time-out). Run with \`npm run bench:migration\` (\`BENCH_MIGRATION_SIZES\`, \`BENCH_MIGRATION_RESTART_MS\`).`,
    '',
    '| nodes | staged split (× restart) | direct split (× restart) | direct / staged | disruption-seconds staged / direct | wall time staged / direct | verdict |',
    '|---|---|---|---|---|---|---|',
    ...table,
    '',
    '| target | measured | met |',
    '|---|---|---|',
    `| staged split ≤ 1.5 × one agent restart (every size) | ${(worst / restartMs).toFixed(2)}× | ${worst <= 1.5 * restartMs ? 'yes' : 'no'} |`,
    `| staged split flat in node count (spread ≤ 0.5 × restart) | ${sec(Math.max(...staged) - Math.min(...staged))} | ${flat ? 'yes' : 'no'} |`,
    MIGRATION_END,
    '',
  ].join('\n');
}

/** BENCHMARKS.md with the migration section replaced (or appended). */
export function withMigrationSection(text, section) {
  const a = text.indexOf(MIGRATION_START);
  const b = text.indexOf(MIGRATION_END);
  if (a >= 0 && b > a) return `${text.slice(0, a)}${section.trimEnd()}${text.slice(b + MIGRATION_END.length)}`;
  return `${text.trimEnd()}\n\n${section}`;
}
