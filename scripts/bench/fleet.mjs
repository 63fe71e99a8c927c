// 2. Fleet verification: the agents check over many agents with a fixed per-exec latency, against the
// ideal ceil(nodes / concurrency) × latency and against a serial loop over the same execs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testTools } from '../test-tools.mjs';
import { hasGnuTime, minOf, run, runWorker } from './measure.mjs';

export const TARGET_VS_IDEAL = 1.3;
/** the fleet the target is stated for */
export const TARGET_FLEET = { nodes: 500, latencyMs: 50 };

/**
 * @param {{ entry: string, nodes: number, latencyMs: number, runs: number, serialRuns: number, slowLatencyMs: number, slowRuns: number, tmp: string, log: (s: string) => void }} o
 */
export async function benchFleet(o) {
  const dir = mkdtempSync(path.join(o.tmp, 'fleet-'));
  const errors = [];
  const measure = async (latencyMs, mode, runs) => {
    const rs = [];
    for (let i = 0; i < runs; i++) {
      o.log(`fleet: ${mode}, ${o.nodes} nodes, ${latencyMs} ms per exec, run ${i + 1}/${runs}`);
      const server = mode === 'direct' || mode === 'mesh' ? await startExecServer(dir, latencyMs) : undefined;
      const env = server ? { ...process.env, KUBE_BENCH_EXEC_SERVER: server.url } : undefined;
      const { result } = await runWorker(o.entry, ['fleet', dir, String(o.nodes), String(latencyMs), mode], { env }).finally(() =>
        server?.stop(),
      );
      if (result.verdict !== 'pass') errors.push(`fleet ${mode} (${latencyMs} ms): the agents check says ${result.verdict}, expected pass`);
      // the per-pair checks read three things from each agent (health, WireGuard peers, metrics)
      const perAgent = mode === 'mesh' ? 3 : 1;
      if (result.podsExeced !== o.nodes || result.execs !== perAgent * o.nodes)
        errors.push(
          `fleet ${mode} (${latencyMs} ms): ${result.execs} execs into ${result.podsExeced} agents, expected ${perAgent} into each of ${o.nodes}`,
        );
      rs.push(result);
    }
    return { ms: minOf(rs, (r) => r.ms), concurrency: rs[0].concurrency, runs };
  };
  try {
    const direct = await measure(o.latencyMs, 'direct', o.runs);
    const pool = await measure(o.latencyMs, 'pool', o.runs);
    const mesh = await measure(o.latencyMs, 'mesh', o.runs);
    const overhead = await measure(0, 'pool', o.runs);
    const floorRuns = [];
    for (let i = 0; i < o.runs; i++) {
      o.log(`fleet: process-creation floor, ${o.nodes} × /bin/true, run ${i + 1}/${o.runs}`);
      floorRuns.push((await runWorker(o.entry, ['floor', String(o.nodes)])).result);
    }
    const floor = { ms: minOf(floorRuns, (r) => r.ms) };
    const serial = o.serialRuns > 0 ? await measure(o.latencyMs, 'serial', o.serialRuns) : undefined;
    const kubectl = await realKubectlCost(o);
    const slow = o.slowRuns > 0 ? { ...(await measure(o.slowLatencyMs, 'pool', o.slowRuns)), latencyMs: o.slowLatencyMs } : undefined;
    const ideal = Math.ceil(o.nodes / pool.concurrency) * o.latencyMs;
    // judged on the default path (exec over the WebSocket); the kubectl fallback is reported beside it
    const vsIdeal = direct.ms / ideal;
    return {
      nodes: o.nodes,
      latencyMs: o.latencyMs,
      concurrency: pool.concurrency,
      ideal,
      direct,
      pool,
      mesh,
      overhead,
      floor,
      kubectl,
      serial,
      slow,
      errors: [...new Set(errors)],
      targets: [
        {
          what: `fleet verification ≤ ${TARGET_VS_IDEAL}× ideal (${o.nodes} nodes, ${o.latencyMs} ms per exec)`,
          measured: `${vsIdeal.toFixed(2)}×`,
          met: o.nodes === TARGET_FLEET.nodes && o.latencyMs === TARGET_FLEET.latencyMs ? vsIdeal <= TARGET_VS_IDEAL : undefined,
          note: `not judged: the target is for ${TARGET_FLEET.nodes} nodes and ${TARGET_FLEET.latencyMs} ms`,
        },
        {
          what: `per-pair checks (health, wireguard-peers, config-delta) ≤ ${TARGET_VS_IDEAL}× ideal (${o.nodes} nodes, ${o.latencyMs} ms per exec)`,
          measured: `${(mesh.ms / ideal).toFixed(2)}×`,
          met: o.nodes === TARGET_FLEET.nodes && o.latencyMs === TARGET_FLEET.latencyMs ? mesh.ms / ideal <= TARGET_VS_IDEAL : undefined,
          note: `not judged: the target is for ${TARGET_FLEET.nodes} nodes and ${TARGET_FLEET.latencyMs} ms`,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts scripts/bench/ws-exec-server.mjs (the exec endpoint stand-in) in a process of its own. */
async function startExecServer(dir, latencyMs) {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ws-exec-server.mjs');
  const child = spawn(process.execPath, [script, path.join(dir, 'status.txt'), path.join(dir, 'execs.log'), String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(String(d).trim()));
    child.once('exit', (code) => reject(new Error(`exec server stand-in exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** What one real kubectl process costs here (`kubectl version --client`: start-up, no network). */
async function realKubectlCost(o) {
  let file;
  try {
    file = testTools().kubectl;
  } catch (e) {
    o.log(`fleet: no real kubectl to measure (${e instanceof Error ? e.message : String(e)})`);
    return undefined;
  }
  const rs = [];
  for (let i = 0; i < Math.max(3, o.runs); i++) {
    const r = await run(file, ['version', '--client', '--output', 'json'], { rss: true });
    if (r.code !== 0) return undefined;
    rs.push(r);
  }
  return {
    version: /"gitVersion":\s*"([^"]+)"/.exec(rs[0].stdout)?.[1],
    ms: minOf(rs, (r) => r.ms),
    cpuMs: hasGnuTime() ? minOf(rs, (r) => r.cpuMs ?? Infinity) : undefined,
  };
}
