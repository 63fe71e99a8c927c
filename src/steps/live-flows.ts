// Flows captured live from the agents (the probe's namespace, or the recent traffic of every agent),
// judged as they stream in.
import { AGENT_CONTAINER, type AgentPod } from '../cluster/nodes.js';
import type { NodeCapture } from '../cluster/probe.js';
import { withProgress } from '../cluster/progress.js';
import type { FlowSummary } from '../report/report.js';
import type { ClusterSession } from './cluster.js';
import type { RunContext } from './context.js';
import { flowsFromStreams } from './flows.js';

type Capture = Pick<NodeCapture, 'node' | 'stdout' | 'done'>;

/** The flow verdict over live captures; a node whose capture failed makes a pass inconclusive. */
export async function judgeCaptures(ctx: RunContext, captures: Capture[], label: string): Promise<FlowSummary> {
  let finished = 0;
  for (const c of captures) void c.done.finally(() => finished++).catch(() => undefined);
  const f = await withProgress(
    'Hubble captures',
    async () => `${finished}/${captures.length} agents done`,
    () =>
      flowsFromStreams(
        ctx,
        captures.map((c) => ({ stream: c.stdout as AsyncIterable<Buffer>, node: c.node })),
        label,
      ),
  );
  const results = await Promise.all(captures.map(async (c) => ({ node: c.node, r: await c.done })));
  const failed = results
    .filter(({ r }) => r.code !== 0 || r.timedOut)
    .map(({ node, r }) => `${node} (${r.timedOut ? 'timed out' : r.stderr.trim().split('\n')[0] || `exit ${r.code}`})`);
  if (failed.length > 0) {
    f.verdict = f.verdict === 'fail' ? 'fail' : 'inconclusive';
    f.reason = `Hubble capture failed on ${failed.join('; ')}: ${f.reason}`;
  }
  return f;
}

/** No probe: the traffic the cluster has had lately, from every agent. */
export async function recentFlows(ctx: RunContext, session: ClusterSession, agents: readonly AgentPod[]): Promise<FlowSummary> {
  const captures = agents.map((a) => {
    const p = session.kubectl.streamIn(
      ctx.config.namespace,
      a.pod,
      AGENT_CONTAINER,
      ['hubble', 'observe', '--output', 'jsonpb', '--last', '2000'],
      {
        timeoutMs: 60_000,
        quiet: true,
      },
    );
    return { ...p, node: a.node, pod: a.pod };
  });
  return judgeCaptures(ctx, captures, `Hubble on all ${agents.length} agents (last 2000 flows each)`);
}
