// The verifications (`checks`), composed: agents, BGP sessions, the flow verdict, the cross-node
// probe, the per-pair checks. Shared by verify, apply and drift. Each check returns what it found;
// runChecks returns all of it with the combined verdict (the worst), for the mode to record.
import type { Config } from '../config.js';
import { logInfo } from '../log/safe-log.js';
import { step } from '../report/steps.js';
import { checkAgents } from '../steps/agents.js';
import { checkBgp } from '../steps/bgp-check.js';
import type { Checked } from '../steps/checked.js';
import type { ClusterSession } from '../steps/cluster.js';
import { connectivityTests } from '../steps/connectivity-tests.js';
import type { RunContext } from '../steps/context.js';
import { readFleet, type Fleet } from '../steps/fleet.js';
import { flowsFromFile } from '../steps/flows.js';
import { worstOf, type Outcome } from '../steps/judgement.js';
import { recentFlows } from '../steps/live-flows.js';
import { crossNodeProbe } from '../steps/probe-check.js';
import { checkMesh, MESH_CHECKS } from '../steps/mesh.js';
import { recordChecked } from './record.js';

const NOTHING_VERIFIED = 'checks: none, so nothing was verified (no agent, probe or flow check ran)';

/** The checks' results as they finish, and their judgements in the order the checks ran. */
type Found = Omit<Checked, 'judgement'> & { outcomes: Outcome[] };

/** Runs the configured checks; what they found, for the mode to record (see record.ts). */
export async function runChecks(ctx: RunContext, session: ClusterSession | undefined): Promise<Checked> {
  const { config, report } = ctx;
  if (config.checks.size === 0) return { judgement: { verdict: 'skipped', reason: NOTHING_VERIFIED } };
  const found: Found = { outcomes: [] };
  try {
    await runAll(ctx, session, found);
  } catch (e) {
    // A check that throws ends the run: its summary still shows what the checks before it found.
    recordChecked(report, { ...found, judgement: worstOf(found.outcomes) });
    throw e;
  }
  for (const e of found.flows?.overlayExamples ?? []) logInfo(`to-overlay: ${e.source} → ${e.destination}${e.node ? ` on ${e.node}` : ''}`);
  const { outcomes, ...checked } = found;
  return { ...checked, judgement: worstOf(outcomes) };
}

async function runAll(ctx: RunContext, session: ClusterSession | undefined, found: Found): Promise<void> {
  const { config, report } = ctx;
  const deadline = Date.now() + config.timeoutMs;
  const fleet = session && readsFleet(config) ? await readFleet(session.kubectl, config.namespace) : { nodes: [], agents: [] };
  if (session) await nodeChecks(ctx, session, fleet, deadline, found);
  await trafficChecks(ctx, session, fleet, deadline, found);
  // after the probe: its traffic has refreshed the WireGuard handshakes of the probed pairs
  if (session && wantsMesh(config)) {
    found.pairs = await step(report, 'Check every node pair', () => checkMesh(ctx, session.kubectl, fleet.nodes, fleet.agents, deadline));
    found.outcomes.push(...found.pairs);
  }
}

const wantsMesh = (config: Config): boolean => MESH_CHECKS.some((c) => config.checks.has(c));
// profile bgp: the BGP sessions are part of what `agents` proves (and can be asked for alone: `bgp`)
const wantsBgp = (config: Config): boolean => !!config.bgp && (config.checks.has('bgp') || config.checks.has('agents'));
const wantsLiveFlows = (config: Config): boolean => config.checks.has('flows') && !config.flowsFile;

function readsFleet(config: Config): boolean {
  return (
    wantsMesh(config) || wantsBgp(config) || config.checks.has('agents') || config.checks.has('connectivity') || wantsLiveFlows(config)
  );
}

/** What every agent reports, and (profile bgp) every node's BGP sessions. */
async function nodeChecks(
  ctx: RunContext,
  session: ClusterSession,
  { nodes, agents }: Fleet,
  deadline: number,
  found: Found,
): Promise<void> {
  const { config, report } = ctx;
  if (config.checks.has('agents')) {
    found.agents = await step(report, 'Check every agent', () => checkAgents(ctx, session.kubectl, nodes, agents, deadline));
    found.outcomes.push({ check: 'agents', ...found.agents.judgement });
  }
  if (wantsBgp(config)) {
    const names = nodes.map((n) => n.name);
    found.bgp = await step(report, "Check every node's BGP sessions", () => checkBgp(ctx, session.kubectl, names, config.bgp!));
    found.outcomes.push({ check: 'bgp', ...found.bgp.judgement });
  }
}

/** The flow verdict (a saved capture, the probe's traffic or the recent traffic) and the probe. */
async function trafficChecks(
  ctx: RunContext,
  session: ClusterSession | undefined,
  fleet: Fleet,
  deadline: number,
  found: Found,
): Promise<void> {
  const { config, report } = ctx;
  const { outcomes } = found;
  const flowsOutcome = (): Outcome => ({ check: 'flows', verdict: found.flows!.verdict, reason: found.flows!.reason });
  if (config.flowsFile && config.checks.has('flows')) {
    found.flows = await step(report, 'Analyse the saved flows', () => flowsFromFile(ctx, config.flowsFile!));
    outcomes.push(flowsOutcome());
  }
  if (config.checks.has('connectivity') && session) {
    const probe = await step(report, 'Cross-node probe', () => crossNodeProbe(ctx, session, fleet, deadline, wantsLiveFlows(config)));
    if (probe.flows) {
      found.flows = probe.flows;
      outcomes.push(flowsOutcome());
    }
    outcomes.push({ check: 'connectivity', ...probe.connectivity });
    if (config.connectivityTests && session.cilium)
      outcomes.push(await step(report, 'cilium connectivity test', () => connectivityTests(ctx, session, deadline)));
  } else if (wantsLiveFlows(config) && session) {
    found.flows = await step(report, 'Capture recent flows', () => recentFlows(ctx, session, fleet.agents));
    outcomes.push(flowsOutcome());
  }
}
