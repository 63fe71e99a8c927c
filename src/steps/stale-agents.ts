// Agents that still run another datapath than the release asks for: after a cutover whose restart
// failed part-way, the release is native but those agents still tunnel. Read from every agent's status.
import { step } from '../report/steps.js';
import { checkAgents } from './agents.js';
import type { ClusterSession } from './cluster.js';
import type { RunContext } from './context.js';
import { readFleet } from './fleet.js';

export async function staleAgents(ctx: RunContext, session: ClusterSession, deadline: number): Promise<string[]> {
  return step(ctx.report, 'Look for agents still on the old datapath', async () => {
    const { nodes, agents } = await readFleet(session.kubectl, ctx.config.namespace);
    await checkAgents(ctx, session.kubectl, nodes, agents, deadline);
    return (ctx.report.nodes ?? []).filter((r) => r.routing === 'tunnel').map((r) => r.node);
  });
}
