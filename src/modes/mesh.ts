// The per-pair checks (`health`, `wireguard-peers`, `config-delta`): what every agent says about
// every other node, read from all agents concurrently: one bounded pool over the agents, and an
// agent's reads side by side, so the reads of one agent cost one exec latency. Health and WireGuard
// peers are asked for with a jsonpath query that prints only what the judges read (the full JSON
// grows with n² over a fleet); an agent whose answer is not the all-healthy shape is read again in
// full JSON, so every problem is named from Cilium's complete output. Judged in src/verify/mesh.
import { readAgent, type ReadResult, type TieredRead } from '../cluster/agent-exec.js';
import { execFunction, type ExecFn } from '../cluster/direct-exec.js';
import type { Kubectl } from '../cluster/kubectl.js';
import { configChangedAt, listMeshNodes } from '../cluster/mesh-inputs.js';
import type { AgentPod, NodeInfo } from '../cluster/nodes.js';
import { errorMessage } from '../errors.js';
import type { Check } from '../config.js';
import { mapPool } from '../exec/pool.js';
import { judgeDelta } from '../verify/mesh/judge-delta.js';
import { judgeHealth } from '../verify/mesh/judge-health.js';
import { judgePeers, type PeerLinks } from '../verify/mesh/judge-peers.js';
import { parseHealthJson, type HealthStatus } from '../verify/mesh/health.js';
import { HEALTH_JSONPATH, healthFromLines } from '../verify/mesh/health-jsonpath.js';
import { CONFIG_DELTA_METRIC, metricValue } from '../verify/mesh/metrics.js';
import type { PairJudgement } from '../verify/mesh/pairs.js';
import { PEERS_JSONPATH, peersFromLines } from '../verify/mesh/peers-jsonpath.js';
import { parseWireguardDebug } from '../verify/mesh/wireguard-peers.js';
import { AGENT_CONCURRENCY } from './agents.js';
import type { RunContext } from './context.js';

export const MESH_CHECKS = ['health', 'wireguard-peers', 'config-delta'] as const satisfies readonly Check[];
type MeshCheck = (typeof MESH_CHECKS)[number];
/** an agent's health mesh: in full, or only the nodes it reaches on every path */
type HealthView = { status: HealthStatus } | { reachable: ReadonlySet<string> };

const PER_EXEC_TIMEOUT_MS = 30_000;

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
  // what the judges compare against, read while the agents are
  const meshNodes = wanted.includes('wireguard-peers') ? listMeshNodes(kubectl) : undefined;
  const changed = wanted.includes('config-delta') ? configChangedAt(kubectl, ctx.config.namespace) : undefined;
  meshNodes?.catch(() => undefined);
  changed?.catch(() => undefined);
  let reads: Reads;
  try {
    reads = await readAll(await execFunction(kubectl, kubectl.env), ctx.config.namespace, agents, wanted, {
      perExecTimeoutMs: Math.max(2_000, Math.min(PER_EXEC_TIMEOUT_MS, ctx.config.timeoutMs / 4, deadline - Date.now())),
    });
  } catch (e) {
    return (ctx.report.pairs = wanted.map((c) => failed(c, e)));
  }
  // the time the handshakes are judged at: when the reads finished, not when judging
  const now = Date.now();
  const judge: Record<MeshCheck, () => Promise<PairJudgement>> = {
    health: async () =>
      judgeHealth(
        reads.health.map((r) => (r.error === undefined ? { node: r.node, ...r.value } : r)),
        nodes.map((n) => n.name),
      ),
    'wireguard-peers': async () =>
      judgePeers(
        reads['wireguard-peers'].map((r) => (r.error === undefined ? { node: r.node, debug: r.value } : r)),
        (await meshNodes)!,
        now,
      ),
    'config-delta': async () => {
      return judgeDelta(
        // in the agents' order
        reads['config-delta'].map((o, i) => {
          const r: { node: string; delta?: number; startedAtMs?: number; error?: string } = { node: o.node };
          const s = Date.parse(agents[i]!.startedAt ?? '');
          if (Number.isFinite(s)) r.startedAtMs = s;
          if (o.error !== undefined) r.error = o.error;
          else if (o.value.delta !== undefined) r.delta = o.value.delta;
          return r;
        }),
        await changed,
      );
    },
  };
  const judged = await Promise.all(wanted.map((c) => judge[c]().catch((e: unknown) => failed(c, e))));
  ctx.report.pairs = judged;
  return judged;
}

interface Reads {
  health: ReadResult<HealthView>[];
  'wireguard-peers': ReadResult<PeerLinks>[];
  'config-delta': ReadResult<{ delta: number | undefined }>[];
}

/** Every wanted read of every agent: a pool over the agents, an agent's reads side by side. */
async function readAll(
  exec: ExecFn,
  namespace: string,
  agents: readonly AgentPod[],
  wanted: readonly MeshCheck[],
  opts: { perExecTimeoutMs: number },
): Promise<Reads> {
  const out: Reads = { health: [], 'wireguard-peers': [], 'config-delta': [] };
  const per = await mapPool(agents, AGENT_CONCURRENCY, (a) =>
    Promise.all(wanted.map(async (c) => [c, await readAgent<unknown>(exec, namespace, a, READS[c] as TieredRead<unknown>, opts)] as const)),
  );
  for (const agent of per) for (const [c, r] of agent) (out[c] as ReadResult<unknown>[]).push(r);
  return out;
}
