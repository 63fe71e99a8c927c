// The `connectivity` check: the cross-node probe, and (check `flows` without a flows-file) the flow
// verdict over the Hubble captures of the probe's traffic, taken while its namespace exists.
import { withProbe, type NodeCapture, type ProbeRun } from '../cluster/probe.js';
import type { FlowSummary } from '../report/report.js';
import type { ClusterSession } from './cluster.js';
import type { RunContext } from './context.js';
import type { Fleet } from './fleet.js';
import type { Judgement } from './judgement.js';
import { judgeCaptures } from './live-flows.js';

export interface ProbeResult {
  connectivity: Judgement;
  /** only when the flows were judged from the probe's captures */
  flows?: FlowSummary;
}

export async function crossNodeProbe(
  ctx: RunContext,
  session: ClusterSession,
  { nodes, agents }: Fleet,
  deadline: number,
  judgeFlows: boolean,
): Promise<ProbeResult> {
  const { config } = ctx;
  const opts = { image: config.probeImage, timeoutMs: Math.max(30_000, deadline - Date.now()), connections: 5, pairs: config.probePairs };
  return withProbe(session.kubectl, config.namespace, nodes, agents, opts, async (run, captures) => {
    const flows = judgeFlows ? await judgeCaptures(ctx, captures, captureLabel(run, captures)) : await drain(captures);
    return { connectivity: probeJudgement(run), ...(flows && { flows }) };
  });
}

const captureLabel = (run: ProbeRun, captures: readonly NodeCapture[]): string =>
  `Hubble on ${captures.map((c) => c.node).join(' and ')}, namespace ${run.namespace}`;

async function drain(captures: readonly NodeCapture[]): Promise<undefined> {
  await Promise.all(captures.map((c) => (c.stdout.resume(), c.done)));
  return undefined;
}

function probeJudgement(run: ProbeRun): Judgement {
  const summary = `probe ${run.pairs.map((p) => `${p.clientNode} → ${p.serverNode} (${p.connectionsOk}/${p.connectionsOk + p.connectionErrors.length} connections)`).join(', ')}`;
  const dead = run.pairs.find((p) => p.connectionsOk === 0);
  // a pair that cannot connect at all is a broken path, whatever the other pairs did
  if (dead)
    return {
      verdict: 'fail',
      reason: `${summary}: no connection from ${dead.clientNode} to ${dead.serverNode} succeeded (${dead.connectionErrors[0] ?? ''})`,
    };
  return { verdict: 'pass', reason: summary };
}
