// The agents check: every agent's status read, parsed and judged; one report row per node.
import { collectAgentStatus } from '../cluster/agent-status.js';
import { execFunction } from '../cluster/direct-exec.js';
import type { Kubectl } from '../cluster/kubectl.js';
import type { AgentPod, NodeInfo } from '../cluster/nodes.js';
import type { Verdict } from '../report/report.js';
import { EXPECTED, judgeAgents, parseAgentStatus, type AgentExpectation } from '../verify/status/index.js';
import type { RunContext } from './context.js';

/** At most this many execs at once: enough for a large fleet, gentle on the API server. */
export const AGENT_CONCURRENCY = 16;
/** One agent's status should answer in seconds; a quarter of `timeout` bounds it on short time-outs. */
const PER_EXEC_TIMEOUT_MS = 30_000;

export async function checkAgents(
  ctx: RunContext,
  kubectl: Kubectl,
  nodes: readonly NodeInfo[],
  agents: readonly AgentPod[],
  deadline: number,
  expect: AgentExpectation = EXPECTED,
): Promise<{ verdict: Verdict; reason: string }> {
  const exec = await execFunction(kubectl, kubectl.env);
  const outputs = await collectAgentStatus(exec, ctx.config.namespace, agents, {
    concurrency: AGENT_CONCURRENCY,
    perExecTimeoutMs: Math.max(2_000, Math.min(PER_EXEC_TIMEOUT_MS, ctx.config.timeoutMs / 4, deadline - Date.now())),
  });
  const judged = judgeAgents(
    outputs.map((o) => (o.text !== undefined ? { node: o.node, pod: o.pod, status: parseAgentStatus(o.text) } : { node: o.node, pod: o.pod, error: o.error })),
    nodes.length,
    expect,
  );
  const { report } = ctx;
  report.routingMode = judged.routingMode;
  report.encryption = judged.encryption;
  report.nodes = judged.rows.map((r) => ({
    node: r.node,
    pod: r.pod,
    routing: r.routing,
    encryption: r.encryption,
    nodeEncryption: r.nodeEncryption === undefined ? '—' : r.nodeEncryption ? 'enabled' : 'disabled',
    peers: r.peers === undefined ? '—' : `${r.peers}/${r.expectedPeers}`,
    ok: r.ok,
    problems: r.problems,
  }));
  for (const p of judged.clusterProblems) report.warnings.push(p);
  return { verdict: judged.ok ? 'pass' : 'fail', reason: judged.reason };
}
