// The migration benchmark's cluster runs (scripts/bench/migration.mjs starts this file with
// BENCH_MIGRATION_OUT set; skipped otherwise). At each size, on fresh simulated clusters with the same
// agent restart time: `staged` (cutover-batch 100%) and `direct` (the chart's rolling update, two agents
// at a time), both through dist/index.js. The split window is read from the datapath model (exact, not
// quantised by the probe's 250 ms / 1 s time-out): how long any pair the action probed could not connect.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedByocniCluster, startTestCluster } from '../k8s/index.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { chartPath, helm4 } from '../setup/env.js';

const out = process.env.BENCH_MIGRATION_OUT;
const sizes = (process.env.BENCH_MIGRATION_SIZES || '10,100,500').split(',').map(Number);
const restartMs = Number(process.env.BENCH_MIGRATION_RESTART_MS || '1000');

interface Row {
  nodes: number;
  strategy: 'staged' | 'direct';
  splitMs: number;
  disruptionSeconds: number;
  wallMs: number;
  verdict: string;
}

async function one(nodes: number, strategy: 'staged' | 'direct'): Promise<Row> {
  const c = await startTestCluster({ nodes, agentStartMs: restartMs });
  try {
    await seedByocniCluster(c, { chartVersion: '1.18.6', helm: helm4() });
    const started = Date.now();
    const r = await runOnCluster(
      c,
      { mode: 'apply', strategy, chart: chartPath('1.18.6'), 'helm-version': helm4(), timeout: '30m', checks: 'agents' },
      { timeoutMs: 60 * 60_000 },
    );
    const ended = Date.now();
    if (!r.report) throw new Error(`the ${strategy} run on ${nodes} nodes wrote no report: ${r.stdout.slice(-2000)}`);
    const pairs = ((r.report as { migration?: { pairs?: Array<{ client: string; server: string }> } }).migration?.pairs ?? []).map(
      (p) => [p.client, p.server] as const,
    );
    expect(pairs.length).toBeGreaterThan(0);
    return {
      nodes,
      strategy,
      splitMs: c.controller.datapaths.splitMs(pairs, started, ended),
      disruptionSeconds: Number(r.outputs['disruption-seconds']),
      wallMs: ended - started,
      verdict: r.outputs.verdict ?? '',
    };
  } finally {
    await c.stop();
  }
}

describe.skipIf(!out)('migration benchmark', () => {
  it(
    'measures staged against direct at every size',
    async () => {
      const rows: Row[] = [];
      for (const n of sizes) for (const s of ['staged', 'direct'] as const) rows.push(await one(n, s));
      writeFileSync(out!, JSON.stringify({ restartMs, rows }, null, 2));
    },
    4 * 60 * 60_000,
  );
});
