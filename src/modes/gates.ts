// The gates a staged phase must pass before the next one (see migration/phases.ts), by name. A
// profile registers its own (e.g. BGP sessions established) with registerGate.
import { listAgents, listNodes } from '../cluster/nodes.js';
import type { GateName } from '../migration/phases.js';
import type { Verdict } from '../report/report.js';
import { checkAgents } from '../steps/agents.js';
import { runChecks } from './checks.js';
import type { ClusterSession } from '../steps/cluster.js';
import type { RunContext } from '../steps/context.js';

export type Gate = (ctx: RunContext, session: ClusterSession, deadline: number) => Promise<{ verdict: Verdict; reason: string }>;

/** Every agent on tunnel + WireGuard (node encryption on) with one peer per other node. */
const wireguardPeers: Gate = async (ctx, session, deadline) => {
  const [nodes, agents] = await Promise.all([listNodes(session.kubectl), listAgents(session.kubectl, ctx.config.namespace)]);
  return checkAgents(ctx, session.kubectl, nodes, agents, deadline, { routing: 'tunnel', encryption: 'wireguard', nodeEncryption: true });
};

/** The configured checks, as after any apply. */
const finalVerification: Gate = async (ctx, session) => {
  await runChecks(ctx, session);
  return { verdict: ctx.report.verdict ?? 'fail', reason: ctx.report.reason ?? '' };
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
