// The per-pair checks (`health`, `wireguard-peers`, `config-delta`): what every agent says about
// every other node, read from all agents concurrently (each read over its own bounded pool, the three
// reads side by side), judged in src/verify/mesh.
import { runOnAgents, type AgentOutput } from '../cluster/agent-exec.js';
import { execFunction, type ExecFn } from '../cluster/direct-exec.js';
import type { Kubectl } from '../cluster/kubectl.js';
import { configChangedAt, listMeshNodes } from '../cluster/mesh-inputs.js';
import type { AgentPod, NodeInfo } from '../cluster/nodes.js';
import { errorMessage } from '../errors.js';
import type { Check } from '../config.js';
import { judgeDelta } from '../verify/mesh/judge-delta.js';
import { judgeHealth } from '../verify/mesh/judge-health.js';
import { judgePeers } from '../verify/mesh/judge-peers.js';
import { parseHealthJson } from '../verify/mesh/health.js';
import { CONFIG_DELTA_METRIC, metricValue } from '../verify/mesh/metrics.js';
import type { PairJudgement } from '../verify/mesh/pairs.js';
import { parseWireguardDebug } from '../verify/mesh/wireguard-peers.js';
import { AGENT_CONCURRENCY } from '../steps/agents.js';
import type { RunContext } from '../steps/context.js';

export const MESH_CHECKS = ['health', 'wireguard-peers', 'config-delta'] as const satisfies readonly Check[];

const PER_EXEC_TIMEOUT_MS = 30_000;

interface Env {
  exec: ExecFn;
  kubectl: Kubectl;
  namespace: string;
  agents: readonly AgentPod[];
  opts: { concurrency: number; perExecTimeoutMs: number };
}

export async function checkMesh(
  ctx: RunContext,
  kubectl: Kubectl,
  nodes: readonly NodeInfo[],
  agents: readonly AgentPod[],
  deadline: number,
): Promise<PairJudgement[]> {
  const wanted = MESH_CHECKS.filter((c) => ctx.config.checks.has(c));
  if (wanted.length === 0) return [];
  const env: Env = {
    exec: await execFunction(kubectl, kubectl.env),
    kubectl,
    namespace: ctx.config.namespace,
    agents,
    opts: {
      concurrency: AGENT_CONCURRENCY,
      perExecTimeoutMs: Math.max(2_000, Math.min(PER_EXEC_TIMEOUT_MS, ctx.config.timeoutMs / 4, deadline - Date.now())),
    },
  };
  const run: Record<(typeof MESH_CHECKS)[number], () => Promise<PairJudgement>> = {
    health: () => health(env, nodes),
    'wireguard-peers': () => peers(env),
    'config-delta': () => delta(env),
  };
  const judged = await Promise.all(
    wanted.map((c) =>
      run[c]().catch((e: unknown): PairJudgement => ({ check: c, verdict: 'fail', reason: errorMessage(e), problems: [] })),
    ),
  );
  ctx.report.pairs = judged;
  return judged;
}

async function health(env: Env, nodes: readonly NodeInfo[]): Promise<PairJudgement> {
  const out = await runOnAgents(env.exec, env.namespace, env.agents, [['cilium-health', 'status', '-o', 'json']], {
    ...env.opts,
    what: 'cilium-health status',
  });
  return judgeHealth(
    out.map((o) => parsed(o, parseHealthJson, (status) => ({ status }))),
    nodes.map((n) => n.name),
  );
}

async function peers(env: Env): Promise<PairJudgement> {
  const [meshNodes, out] = await Promise.all([
    listMeshNodes(env.kubectl),
    runOnAgents(
      env.exec,
      env.namespace,
      env.agents,
      [
        ['cilium-dbg', 'debuginfo', '--output', 'json'],
        ['cilium', 'debuginfo', '--output', 'json'],
      ],
      { ...env.opts, what: 'debuginfo' },
    ),
  ]);
  // the time the handshakes are judged at: when the reads finished, not when judging
  const now = Date.now();
  return judgePeers(
    out.map((o) => parsed(o, parseWireguardDebug, (debug) => ({ debug }))),
    meshNodes,
    now,
  );
}

async function delta(env: Env): Promise<PairJudgement> {
  const [changed, out] = await Promise.all([
    configChangedAt(env.kubectl, env.namespace),
    runOnAgents(env.exec, env.namespace, env.agents, [['cilium-dbg', 'metrics', 'list', '-p', 'drift_checker_config_delta']], {
      ...env.opts,
      what: 'metrics list',
    }),
  ]);
  const started = new Map(env.agents.map((a) => [a.pod, a.startedAt ? Date.parse(a.startedAt) : undefined]));
  return judgeDelta(
    out.map((o) => {
      const r: { node: string; delta?: number; startedAtMs?: number; error?: string } = { node: o.node };
      const s = started.get(o.pod);
      if (s !== undefined && Number.isFinite(s)) r.startedAtMs = s;
      if (o.text === undefined) r.error = o.error;
      else {
        const v = metricValue(o.text, CONFIG_DELTA_METRIC);
        if (v !== undefined) r.delta = v;
      }
      return r;
    }),
    changed,
  );
}

/** One agent's output through a parser; a parse failure is that agent's error. */
function parsed<T, R>(o: AgentOutput, parse: (text: string) => T, wrap: (v: T) => R): { node: string; error?: string } & Partial<R> {
  const failed = (error: string | undefined) => ({ node: o.node, error }) as { node: string; error?: string } & Partial<R>;
  if (o.text === undefined) return failed(o.error);
  try {
    return { node: o.node, ...wrap(parse(o.text)) };
  } catch (e) {
    return failed(`output not understood: ${errorMessage(e)}`);
  }
}
