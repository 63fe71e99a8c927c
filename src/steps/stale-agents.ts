// Agents that still run another datapath than the release asks for: after a cutover whose restart
// failed part-way, the release is native but those agents still tunnel. Read from every agent's status.
import { step } from '../report/steps.js';
import { checkAgents, type AgentsChecked } from './agents.js';
import type { ClusterSession } from './cluster.js';
import type { RunContext } from './context.js';
import { readFleet } from './fleet.js';

/** The agents read, and the nodes whose agent still tunnels. */
export async function staleAgents(
  ctx: RunContext,
  session: ClusterSession,
  deadline: number,
): Promise<{ agents: AgentsChecked; stale: string[] }> {
  return step(ctx.report, 'Look for agents still on the old datapath', async () => {
    const { nodes, agents } = await readFleet(session.kubectl, ctx.config.namespace);
    const checked = await checkAgents(ctx, session.kubectl, nodes, agents, deadline);
    return { agents: checked, stale: checked.rows.filter((r) => r.routing === 'tunnel').map((r) => r.node) };
  });
}
