// The gates a staged phase must pass before the next one (see migration/phases.ts), by name. A
// profile registers its own (e.g. BGP sessions established) with registerGate.
import type { GateName } from '../migration/phases.js';
import { liveCiliumConfig } from '../cluster/restart.js';
import { checkAgents, recipeExpectation } from '../steps/agents.js';
import { configExpectation, type AgentExpectation } from '../verify/status/index.js';
import { runChecks } from './checks.js';
import { recordAgents, recordChecked } from './record.js';
import type { ClusterSession } from '../steps/cluster.js';
import type { RunContext } from '../steps/context.js';
import { readFleet } from '../steps/fleet.js';
import { setVerdict, type Judgement } from '../steps/judgement.js';

export type Gate = (ctx: RunContext, session: ClusterSession, deadline: number) => Promise<Judgement>;

/** Every agent's status read and judged against what the expectation says, recorded in the nodes table. */
const agentsGate =
  (expect: (ctx: RunContext, session: ClusterSession) => Promise<AgentExpectation>): Gate =>
  async (ctx, session, deadline) => {
    const { nodes, agents } = await readFleet(session.kubectl, ctx.config.namespace);
    const expectation = await expect(ctx, session);
    return recordAgents(ctx.report, await checkAgents(ctx, session.kubectl, nodes, agents, deadline, expectation));
  };

/** Every agent on tunnel + WireGuard (node encryption on while the chart has it) with one peer per other node. */
const wireguardPeers = agentsGate(async (ctx) => recipeExpectation(ctx, 'tunnel'));

/**
 * Every agent runs what the live cilium-config says, with one peer per other node under WireGuard:
 * after a rollback of phase 1, proof that the cluster is back where it was before the run.
 */
export const asConfigured = agentsGate(async (ctx, session) =>
  configExpectation(await liveCiliumConfig(session.kubectl, ctx.config.namespace)),
);

/** The configured checks, as after any apply: their verdict is the run's. */
const finalVerification: Gate = async (ctx, session) => {
  const judged = recordChecked(ctx.report, await runChecks(ctx, session));
  setVerdict(ctx.report, judged);
  return judged;
};

const GATES = new Map<GateName, Gate>([
  ['wireguard-peers', wireguardPeers],
  ['final-verification', finalVerification],
]);

export function gateFor(name: GateName): Gate {
  const g = GATES.get(name);
  if (!g) throw new Error(`no gate named ${name}`);
  return g;
}
