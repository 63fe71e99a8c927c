// The verifications (`checks`), composed: agents, BGP sessions, the flow verdict, the cross-node
// probe, the per-pair checks. Shared by verify, apply and drift. Each check returns its judgement;
// the combined verdict is the worst of them, returned for the mode to record.
import type { Config } from '../config.js';
import { logInfo } from '../log/safe-log.js';
import { step } from '../report/steps.js';
import { checkAgents } from '../steps/agents.js';
import { checkBgp } from '../steps/bgp-check.js';
import type { ClusterSession } from '../steps/cluster.js';
import { connectivityTests } from '../steps/connectivity-tests.js';
import type { RunContext } from '../steps/context.js';
import { readFleet, type Fleet } from '../steps/fleet.js';
import { flowsFromFile } from '../steps/flows.js';
import { worstOf, type Judgement, type Outcome } from '../steps/judgement.js';
import { recentFlows } from '../steps/live-flows.js';
import { crossNodeProbe } from '../steps/probe-check.js';
import { checkMesh, MESH_CHECKS } from './mesh.js';

const NOTHING_VERIFIED = 'checks: none, so nothing was verified (no agent, probe or flow check ran)';

/** Runs the configured checks; their parts of the report are written as they finish. */
export async function runChecks(ctx: RunContext, session: ClusterSession | undefined): Promise<Judgement> {
  const { config, report } = ctx;
  if (config.checks.size === 0) return { verdict: 'skipped', reason: NOTHING_VERIFIED };
  const deadline = Date.now() + config.timeoutMs;
  const fleet = session && readsFleet(config) ? await readFleet(session.kubectl, config.namespace) : { nodes: [], agents: [] };
  const outcomes: Outcome[] = [];
  if (session) outcomes.push(...(await nodeChecks(ctx, session, fleet, deadline)));
  outcomes.push(...(await trafficChecks(ctx, session, fleet, deadline)));
  // after the probe: its traffic has refreshed the WireGuard handshakes of the probed pairs
  if (session && wantsMesh(config))
    outcomes.push(
      ...(await step(report, 'Check every node pair', () => checkMesh(ctx, session.kubectl, fleet.nodes, fleet.agents, deadline))),
    );
  const judged = worstOf(outcomes);
  for (const e of report.flows?.overlayExamples ?? [])
    logInfo(`to-overlay: ${e.source} → ${e.destination}${e.node ? ` on ${e.node}` : ''}`);
  return judged;
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
async function nodeChecks(ctx: RunContext, session: ClusterSession, { nodes, agents }: Fleet, deadline: number): Promise<Outcome[]> {
  const { config, report } = ctx;
  const out: Outcome[] = [];
  if (config.checks.has('agents')) {
    const o = await step(report, 'Check every agent', () => checkAgents(ctx, session.kubectl, nodes, agents, deadline));
    out.push({ check: 'agents', ...o });
  }
  if (wantsBgp(config)) {
    const names = nodes.map((n) => n.name);
    const o = await step(report, "Check every node's BGP sessions", () => checkBgp(session.kubectl, report, names, config.bgp!));
    out.push({ check: 'bgp', ...o });
  }
  return out;
}

/** The flow verdict (a saved capture, the probe's traffic or the recent traffic) and the probe. */
async function trafficChecks(ctx: RunContext, session: ClusterSession | undefined, fleet: Fleet, deadline: number): Promise<Outcome[]> {
  const { config, report } = ctx;
  const out: Outcome[] = [];
  const flowsOutcome = (): Outcome => ({ check: 'flows', verdict: report.flows!.verdict, reason: report.flows!.reason });
  if (config.flowsFile && config.checks.has('flows')) {
    report.flows = await step(report, 'Analyse the saved flows', () => flowsFromFile(ctx, config.flowsFile!));
    out.push(flowsOutcome());
  }
  if (config.checks.has('connectivity') && session) {
    const probe = await step(report, 'Cross-node probe', () => crossNodeProbe(ctx, session, fleet, deadline, wantsLiveFlows(config)));
    if (probe.flows) {
      report.flows = probe.flows;
      out.push(flowsOutcome());
    }
    out.push({ check: 'connectivity', ...probe.connectivity });
    if (config.connectivityTests && session.cilium)
      out.push(await step(report, 'cilium connectivity test', () => connectivityTests(ctx, session, deadline)));
  } else if (wantsLiveFlows(config) && session) {
    report.flows = await step(report, 'Capture recent flows', () => recentFlows(ctx, session, fleet.agents));
    out.push(flowsOutcome());
  }
  return out;
}
