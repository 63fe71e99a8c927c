// The agents check: every agent's status read, parsed and judged; one row per node, returned with
// the cluster-wide routing and encryption for the mode to record.
import { collectAgentStatus } from '../cluster/agent-status.js';
import { execFunction, type ExecFn } from '../cluster/direct-exec.js';
import { withProgress } from '../cluster/progress.js';
import type { Kubectl } from '../cluster/kubectl.js';
import { optsOutOfNodeEncryption, type AgentPod, type NodeInfo } from '../cluster/nodes.js';
import type { NodeRow } from '../report/report.js';
import type { Judgement } from './judgement.js';
import { EXPECTED, judgeAgents, parseAgentStatus, type AgentExpectation } from '../verify/status/index.js';
import { BGP_WIREGUARD_NOTE, bgpAgentExpectation } from '../bgp/expectation.js';
import { liveCiliumConfig } from '../cluster/restart.js';
import type { RunContext } from './context.js';

/** At most this many execs at once: enough for a large fleet, gentle on the API server. */
export const AGENT_CONCURRENCY = 16;
/** One agent's status should answer in seconds; a quarter of `timeout` bounds it on short time-outs. */
const PER_EXEC_TIMEOUT_MS = 30_000;

/** How long one read in an agent may take: at most 30 s, a quarter of `timeout`, what is left before the deadline; at least 2 s. */
export function perExecTimeoutMs(ctx: RunContext, deadline: number): number {
  return Math.max(2_000, Math.min(PER_EXEC_TIMEOUT_MS, ctx.config.timeoutMs / 4, deadline - Date.now()));
}

/** What the recipe promises of every agent; node encryption only while the target chart has it (see RunContext). */
export function recipeExpectation(ctx: RunContext, routing: AgentExpectation['routing'] = EXPECTED.routing): AgentExpectation {
  return { ...EXPECTED, routing, nodeEncryption: ctx.nodeEncryption ?? EXPECTED.nodeEncryption };
}

/** What the agents check found: its judgement, one row per node, and the cluster-wide modes. */
export interface AgentsChecked {
  judgement: Judgement;
  rows: NodeRow[];
  routingMode: string;
  encryption: string;
}

/** `expectation`: what every agent must report (default: native + WireGuard; a migration gate asks for its own). */
export async function checkAgents(
  ctx: RunContext,
  kubectl: Kubectl,
  nodes: readonly NodeInfo[],
  agents: readonly AgentPod[],
  deadline: number,
  expectation?: AgentExpectation,
): Promise<AgentsChecked> {
  const direct = await execFunction(kubectl);
  let read = 0;
  const exec: ExecFn = Object.assign((...args: Parameters<ExecFn>) => direct(...args).finally(() => read++), { expect: direct.expect });
  const outputs = await withProgress(
    'reading agent status',
    async () => `agents: ${read}/${agents.length} read`,
    () =>
      collectAgentStatus(exec, ctx.config.namespace, agents, {
        concurrency: AGENT_CONCURRENCY,
        perExecTimeoutMs: perExecTimeoutMs(ctx, deadline),
      }),
  );
  const optsOut = new Set(nodes.filter(optsOutOfNodeEncryption).map((n) => n.name));
  // profile bgp: encryption is the user's choice, so the agents must report what cilium-config says
  const bgpExpect =
    !expectation && ctx.config.profile === 'bgp' ? bgpAgentExpectation(await liveCiliumConfig(kubectl, ctx.config.namespace)) : undefined;
  if (bgpExpect?.encryption === 'wireguard') ctx.report.notes.push(BGP_WIREGUARD_NOTE);
  const expect = expectation ?? bgpExpect ?? recipeExpectation(ctx);
  const judged = judgeAgents(
    outputs.map((o) => ({
      ...(o.text !== undefined
        ? { node: o.node, pod: o.pod, status: parseAgentStatus(o.text) }
        : { node: o.node, pod: o.pod, error: o.error }),
      optsOut: optsOut.has(o.node),
    })),
    nodes.length,
    expect,
  );
  // notes and warnings are the run's running commentary, appended as found
  for (const p of judged.clusterProblems) ctx.report.warnings.push(p);
  return {
    judgement: { verdict: judged.ok ? 'pass' : 'fail', reason: judged.reason },
    rows: judged.rows.map(nodeRow),
    routingMode: judged.routingMode,
    encryption: judged.encryption,
  };
}

function nodeRow(r: ReturnType<typeof judgeAgents>['rows'][number]): NodeRow {
  return {
    node: r.node,
    pod: r.pod,
    routing: r.routing,
    encryption: r.encryption,
    nodeEncryption: r.nodeEncryptionOptedOut
      ? 'opted out'
      : r.nodeEncryption === undefined
        ? '—'
        : r.nodeEncryption
          ? 'enabled'
          : 'disabled',
    peers: r.peers === undefined ? '—' : `${r.peers}/${r.expectedPeers}`,
    ok: r.ok,
    problems: r.problems,
  };
}
