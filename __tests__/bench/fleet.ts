// Fleet verification bench: the action's agents check (checkAgents → collectAgentStatus → mapPool →
// Kubectl.execIn → runProcess) over n agents, each exec answered by a stand-in kubectl after a fixed
// latency, against a serial loop over the same execs. The stand-in is a shell script that waits and
// prints a Cilium 1.18 status text: one cheap process, so the figure is that of the action's pool,
// not of the stand-in's own start-up (a Node stand-in costs tens of ms of CPU per exec).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kubectl } from '../../src/cluster/kubectl.js';
import { AGENT_CONTAINER, type AgentPod, type NodeInfo } from '../../src/cluster/nodes.js';
import { parseConfig } from '../../src/config.js';
import { AGENT_CONCURRENCY, checkAgents } from '../../src/steps/agents.js';
import type { RunContext } from '../../src/steps/context.js';
import { mapPool } from '../../src/process/pool.js';
import { runProcess } from '../../src/process/run.js';
import { Redactor } from '../../src/report/redact.js';
import { newReport } from '../../src/report/report.js';
import { judgeAgents, parseAgentStatus, type AgentResult } from '../../src/verify/status/index.js';
import { status118 } from './status-118.js';
import { meshNodeName, meshTexts } from './mesh-outputs.js';
import { checkMesh, MESH_CHECKS } from '../../src/steps/mesh.js';

/** The per-pair reads' texts for an n-node fleet, beside the status text the stand-ins serve. */
function writeMeshTexts(dir: string, nodes: number): void {
  const t = meshTexts(nodes);
  writeFileSync(path.join(dir, 'health.json'), t.health);
  writeFileSync(path.join(dir, 'debuginfo.json'), t.debuginfo);
  // the stand-in answers a jsonpath query only when it is the one these texts were printed for
  for (const [name, q] of [
    ['health', t.healthJsonpath],
    ['debuginfo', t.debuginfoJsonpath],
  ] as const) {
    writeFileSync(path.join(dir, `${name}.jsonpath.txt`), q.text);
    writeFileSync(path.join(dir, `${name}.jsonpath.query`), q.query);
  }
  writeFileSync(path.join(dir, 'metrics.txt'), t.metrics);
  writeFileSync(path.join(dir, 'ciliumnodes.json'), t.ciliumNodes);
  writeFileSync(path.join(dir, 'configmap.json'), t.configMap);
}

export interface FleetRun {
  mode: FleetMode;
  nodes: number;
  latencyMs: number;
  concurrency: number;
  ms: number;
  verdict: string;
  /** distinct agent pods the stand-in was asked about; must equal nodes */
  podsExeced: number;
  execs: number;
}

/**
 * pool: the agents check over kubectl (the fallback); direct: over the exec WebSocket (the default);
 * serial: a plain loop; mesh: the per-pair checks (health, wireguard-peers, config-delta) over the
 * exec WebSocket, three reads per agent
 */
export type FleetMode = 'pool' | 'direct' | 'serial' | 'mesh';

const NAMESPACE = 'kube-system';
const BASH = '/bin/bash';
const nodeName = meshNodeName;

/**
 * Writes the stand-in kubectl and its status text into dir; returns the stand-in's path. With bash it is
 * one process per exec (it waits with `read -t` on a FIFO nobody writes to, and prints with a builtin);
 * without bash, a POSIX sh script that runs sleep and cat.
 */
export function writeStandIn(dir: string, nodes: number, latencyMs: number): string {
  const text = status118(nodes);
  const status = path.join(dir, 'status.txt');
  const log = path.join(dir, 'execs.log');
  writeFileSync(status, text);
  writeFileSync(log, '');
  const file = path.join(dir, 'kubectl');
  const wait = (latencyMs / 1000).toFixed(3);
  // `config view` (the agents check's credential look-up) names the exec server stand-in when one runs
  const configView =
    'if [ "$1" = config ] && [ -n "$KUBE_BENCH_EXEC_SERVER" ]; then ' +
    'printf \'{"clusters":[{"cluster":{"server":"%s"}}],"users":[{"user":{"token":"bench"}}]}\' "$KUBE_BENCH_EXEC_SERVER"; exit 0; fi';
  // the mesh mode's lists: CiliumNodes and cilium-config, written by writeMeshTexts
  const gets = `if [ "$1" = get ]; then case "$2" in ciliumnodes*) exec cat '${path.join(dir, 'ciliumnodes.json')}';; configmap) exec cat '${path.join(dir, 'configmap.json')}';; esac; fi`;
  const check = `${configView}\n${gets}\n[ "$1" = exec ] || { echo "stand-in kubectl: only exec" >&2; exit 1; }`;
  let script: string[];
  if (existsSync(BASH)) {
    const fifo = path.join(dir, 'never-written');
    if (!existsSync(fifo)) execFileSync('mkfifo', ['-m', '600', fifo]);
    script = [
      `#!${BASH}`,
      check,
      `echo "$4" >> '${log}'`,
      latencyMs > 0 ? `read -r -t ${wait} <> '${fifo}'` : '',
      `printf '%s' '${text.replace(/'/g, `'\\''`)}'`,
    ];
  } else {
    script = ['#!/bin/sh', check, `echo "$4" >> '${log}'`, latencyMs > 0 ? `sleep ${wait}` : '', `exec cat '${status}'`];
  }
  writeFileSync(file, `${script.filter(Boolean).join('\n')}\n`);
  chmodSync(file, 0o755);
  return file;
}

/**
 * The floor of this machine: the same pool and runProcess running /bin/true once per agent. What a
 * process creation costs here is in every exec the action makes, whatever the cluster.
 */
export async function runSpawnFloor(nodes: number): Promise<{ ms: number; concurrency: number; spawns: number }> {
  const items = Array.from({ length: nodes }, (_, i) => i);
  const t0 = performance.now();
  const rs = await mapPool(items, AGENT_CONCURRENCY, () => runProcess('/bin/true', [], { quiet: true }));
  const ms = performance.now() - t0;
  const failed = rs.filter((r) => r.code !== 0).length;
  if (failed > 0) throw new Error(`/bin/true failed ${failed} times`);
  return { ms, concurrency: AGENT_CONCURRENCY, spawns: rs.length };
}

export async function runFleet(dir: string, nodes: number, latencyMs: number, mode: FleetMode): Promise<FleetRun> {
  const kubectlPath = writeStandIn(dir, nodes, latencyMs);
  // direct: KUBE_BENCH_EXEC_SERVER (set by the bench; KUBE* passes the child-environment allowlist) makes the stand-in's `config view` name the exec server
  const env = { ...process.env };
  if (mode === 'mesh') writeMeshTexts(dir, nodes);
  if (mode !== 'direct' && mode !== 'mesh') delete env.KUBE_BENCH_EXEC_SERVER;
  else if (!env.KUBE_BENCH_EXEC_SERVER) throw new Error(`fleet ${mode}: KUBE_BENCH_EXEC_SERVER is not set`);
  const kubectl = new Kubectl(kubectlPath, { env, context: undefined });
  const nodeInfos: NodeInfo[] = Array.from({ length: nodes }, (_, i) => ({
    name: nodeName(i),
    ready: true,
    schedulable: true,
    labels: {},
  }));
  const agents: AgentPod[] = nodeInfos.map((n, i) => ({ pod: `cilium-${i.toString(36).padStart(5, 'x')}`, node: n.name, ready: true }));
  let verdict: string;
  const t0 = performance.now();
  if (mode === 'mesh') {
    const inputs: Record<string, string> = { mode: 'verify', checks: MESH_CHECKS.join(','), namespace: NAMESPACE };
    const ctx: RunContext = {
      config: parseConfig((name) => inputs[name] ?? '', {}),
      report: newReport('verify', 'cilium', NAMESPACE, 'cilium'),
      redactor: new Redactor(),
    };
    const judged = await checkMesh(ctx, kubectl, nodeInfos, agents, Date.now() + 600_000);
    verdict = judged.find((j) => j.verdict !== 'pass')?.verdict ?? 'pass';
    if (verdict !== 'pass') throw new Error(`fleet mesh: ${judged.map((j) => `${j.check}: ${j.reason}`).join('; ')}`);
  } else if (mode !== 'serial') {
    // the config `mode: verify` with `checks: agents` and the action's defaults gives
    const inputs: Record<string, string> = { mode: 'verify', checks: 'agents', namespace: NAMESPACE };
    const ctx: RunContext = {
      config: parseConfig((name) => inputs[name] ?? '', {}),
      report: newReport('verify', 'cilium', NAMESPACE, 'cilium'),
      redactor: new Redactor(),
    };
    verdict = (await checkAgents(ctx, kubectl, nodeInfos, agents, Date.now() + 600_000)).judgement.verdict;
  } else {
    const results: AgentResult[] = [];
    for (const a of agents) {
      const r = await kubectl.execIn(NAMESPACE, a.pod, AGENT_CONTAINER, ['cilium-dbg', 'status'], { timeoutMs: 30_000, quiet: true });
      results.push(
        r.stdout.trim() ? { node: a.node, pod: a.pod, status: parseAgentStatus(r.stdout) } : { node: a.node, pod: a.pod, error: r.stderr },
      );
    }
    verdict = judgeAgents(results, nodes).ok ? 'pass' : 'fail';
  }
  const ms = performance.now() - t0;
  const execed = readFileSync(path.join(dir, 'execs.log'), 'utf8').split('\n').filter(Boolean);
  return {
    mode,
    nodes,
    latencyMs,
    concurrency: mode === 'serial' ? 1 : AGENT_CONCURRENCY,
    ms,
    verdict,
    podsExeced: new Set(execed).size,
    execs: execed.length,
  };
}
