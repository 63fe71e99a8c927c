// The per-pair checks (`health`, `wireguard-peers`, `config-delta`): what every agent says about
// every other node, read from all agents concurrently: one bounded pool over the agents' reads, an
// agent's reads next to each other, so the reads of one agent cost one exec latency. Health and WireGuard
// peers are asked for with a jsonpath query that prints only what the judges read (the full JSON
// grows with n² over a fleet); an agent whose answer is not the all-healthy shape is read again in
// full JSON, so every problem is named from Cilium's complete output. Judged in src/verify/mesh.
import { readAgent, type TieredRead } from '../cluster/agent-exec.js';
import { execFunction, type ExecFn } from '../cluster/direct-exec.js';
import type { Kubectl } from '../cluster/kubectl.js';
import { configChangedAt, listMeshNodes } from '../cluster/mesh-inputs.js';
import type { AgentPod, NodeInfo } from '../cluster/nodes.js';
import { errorMessage } from '../errors.js';
import type { Check } from '../config.js';
import { mapPool } from '../process/pool.js';
import { judgeDelta, type DeltaResult } from '../verify/mesh/judge-delta.js';
import { healthJudge } from '../verify/mesh/judge-health.js';
import { peersJudge, type PeerLinks } from '../verify/mesh/judge-peers.js';
import { parseHealthJson, type HealthStatus } from '../verify/mesh/health.js';
import { HEALTH_JSONPATH, healthFromLines } from '../verify/mesh/health-jsonpath.js';
import { CONFIG_DELTA_METRIC, metricValue } from '../verify/mesh/metrics.js';
import type { PairJudgement } from '../verify/mesh/pairs.js';
import { PEERS_JSONPATH, peersFromLines } from '../verify/mesh/peers-jsonpath.js';
import { parseWireguardDebug } from '../verify/mesh/wireguard-peers.js';
import { AGENT_CONCURRENCY, perExecTimeoutMs } from './agents.js';
import type { RunContext } from './context.js';

export const MESH_CHECKS = ['health', 'wireguard-peers', 'config-delta'] as const satisfies readonly Check[];
type MeshCheck = (typeof MESH_CHECKS)[number];
/** an agent's health mesh: in full, or only the nodes it reaches on every path */
type HealthView = { status: HealthStatus } | { reachable: ReadonlySet<string> };

const debuginfo = (output: string): string[][] => ['cilium-dbg', 'cilium'].map((bin) => [bin, 'debuginfo', '--output', output]);

const READS = {
  health: {
    what: 'cilium-health status',
    cheap: { alternatives: [['cilium-health', 'status', '-o', `jsonpath=${HEALTH_JSONPATH}`]], accept: healthFromLines },
    full: { alternatives: [['cilium-health', 'status', '-o', 'json']], parse: (text) => ({ status: parseHealthJson(text) }) },
  } satisfies TieredRead<HealthView>,
  'wireguard-peers': {
    what: 'debuginfo',
    cheap: { alternatives: debuginfo(`jsonpath=${PEERS_JSONPATH}`), accept: peersFromLines },
    full: { alternatives: debuginfo('json'), parse: parseWireguardDebug },
  } satisfies TieredRead<PeerLinks>,
  'config-delta': {
    what: 'metrics list',
    // the gauge, or undefined when the agent does not export it
    full: {
      alternatives: [['cilium-dbg', 'metrics', 'list', '-p', 'drift_checker_config_delta']],
      parse: (text) => ({ delta: metricValue(text, CONFIG_DELTA_METRIC) }),
    },
  } satisfies TieredRead<{ delta: number | undefined }>,
};

export async function checkMesh(
  ctx: RunContext,
  kubectl: Kubectl,
  nodes: readonly NodeInfo[],
  agents: readonly AgentPod[],
  deadline: number,
): Promise<PairJudgement[]> {
  const wanted = MESH_CHECKS.filter((c) => ctx.config.checks.has(c));
  if (wanted.length === 0) return [];
  const failed = (c: MeshCheck, e: unknown): PairJudgement => ({ check: c, verdict: 'fail', reason: errorMessage(e), problems: [] });
  // the exec client first (the first read waits for its kubeconfig read), then what the judges
  // compare against, read while the agents are
  const client = execFunction(kubectl);
  client.catch(() => undefined);
  const meshNodes = wanted.includes('wireguard-peers') ? listMeshNodes(kubectl) : undefined;
  const changed = wanted.includes('config-delta') ? configChangedAt(kubectl, ctx.config.namespace) : undefined;
  meshNodes?.catch(() => undefined);
  changed?.catch(() => undefined);
  const namespace = ctx.config.namespace;
  const opts = { perExecTimeoutMs: perExecTimeoutMs(ctx, deadline) };
  // each agent is judged as soon as it is read: a fleet's agents print n² entries in all, not held at once
  const health = healthJudge(nodes.map((n) => n.name));
  const peers = meshNodes?.then(peersJudge);
  peers?.catch(() => undefined);
  const delta: DeltaResult[] = [];
  let exec: ExecFn;
  const judgeAgent: Record<MeshCheck, (a: AgentPod, i: number) => Promise<void>> = {
    health: async (a, i) => {
      const r = await readAgent<HealthView>(exec, namespace, a, READS.health, opts);
      health.add(r.error === undefined ? { node: r.node, ...r.value } : r, i);
    },
    'wireguard-peers': async (a, i) => {
      const r = await readAgent<PeerLinks>(exec, namespace, a, READS['wireguard-peers'], opts);
      // the time the handshakes are judged at: when this agent was read
      const now = Date.now();
      // without the CiliumNodes the check fails as a whole, below
      const judge = await peers!.catch(() => undefined);
      judge?.add(r.error === undefined ? { node: r.node, debug: r.value } : r, i, now);
    },
    'config-delta': async (a, i) => {
      const r = await readAgent(exec, namespace, a, READS['config-delta'], opts);
      const d: DeltaResult = { node: r.node };
      const started = Date.parse(a.startedAt ?? '');
      if (Number.isFinite(started)) d.startedAtMs = started;
      if (r.error !== undefined) d.error = r.error;
      else if (r.value.delta !== undefined) d.delta = r.value.delta;
      delta[i] = d;
    },
  };
  try {
    exec = await client;
    // one pool over the reads, an agent's reads next to each other: as many in flight as
    // AGENT_CONCURRENCY agents' reads side by side, and a slot goes on to the next read as soon as
    // its own is judged instead of waiting for the agent's slowest
    const reads = agents.flatMap((a, i) => wanted.map((c) => ({ a, i, c })));
    exec.expect?.(reads.length);
    await mapPool(reads, AGENT_CONCURRENCY * wanted.length, (r) => judgeAgent[r.c](r.a, r.i));
  } catch (e) {
    return wanted.map((c) => failed(c, e));
  }
  const result: Record<MeshCheck, () => Promise<PairJudgement>> = {
    health: async () => health.result(),
    'wireguard-peers': async () => (await peers!).result(),
    'config-delta': async () => judgeDelta(delta, await changed),
  };
  return Promise.all(wanted.map((c) => result[c]().catch((e: unknown) => failed(c, e))));
}
