// The verifications (`checks`): agents, the cross-node probe, the flow verdict. Shared by verify,
// apply and drift. Each sets its part of the report; the combined verdict is the worst of them.
import { AGENT_CONTAINER, listAgents, listNodes, type AgentPod, type NodeInfo } from '../cluster/nodes.js';
import { withProbe } from '../cluster/probe.js';
import { withProgress } from '../cluster/progress.js';
import { runProcess } from '../exec/process.js';
import type { FlowSummary, Verdict } from '../report/report.js';
import { step } from '../report/steps.js';
import type { ClusterSession } from '../steps/cluster.js';
import type { RunContext } from '../steps/context.js';
import { flowsFromFile, flowsFromStreams } from '../steps/flows.js';
import { checkAgents } from '../steps/agents.js';
import { checkMesh, MESH_CHECKS } from './mesh.js';

const NOTHING_VERIFIED = 'checks: none, so nothing was verified (no agent, probe or flow check ran)';
import { checkBgp } from '../steps/bgp-check.js';
import { logInfo } from '../log/safe-log.js';

interface Outcome {
  check: string;
  verdict: Verdict;
  reason: string;
}

/** Runs the configured checks and sets report.verdict/reason from them. */
export async function runChecks(ctx: RunContext, session: ClusterSession | undefined): Promise<void> {
  const { config, report } = ctx;
  const outcomes: Outcome[] = [];
  const deadline = Date.now() + config.timeoutMs;

  let nodes: NodeInfo[] = [];
  let agents: AgentPod[] = [];
  const wantsMesh = MESH_CHECKS.some((c) => config.checks.has(c));
  // profile bgp: the BGP sessions are part of what `agents` proves (and can be asked for alone: `bgp`)
  const bgpCheck = !!config.bgp && (config.checks.has('bgp') || config.checks.has('agents'));
  if (
    session &&
    (wantsMesh ||
      bgpCheck ||
      config.checks.has('agents') ||
      config.checks.has('connectivity') ||
      (config.checks.has('flows') && !config.flowsFile))
  ) {
    [nodes, agents] = await Promise.all([listNodes(session.kubectl), listAgents(session.kubectl, config.namespace)]);
  }

  if (config.checks.has('agents') && session) {
    const o = await step(report, 'Check every agent', () => checkAgents(ctx, session.kubectl, nodes, agents, deadline));
    outcomes.push({ check: 'agents', ...o });
  }

  if (bgpCheck && session) {
    const o = await step(report, "Check every node's BGP sessions", () =>
      checkBgp(
        session.kubectl,
        report,
        nodes.map((n) => n.name),
        config.bgp!,
      ),
    );
    outcomes.push({ check: 'bgp', ...o });
  }

  if (config.flowsFile && config.checks.has('flows')) {
    report.flows = await step(report, 'Analyse the saved flows', () => flowsFromFile(ctx, config.flowsFile!));
    outcomes.push({ check: 'flows', verdict: report.flows.verdict, reason: report.flows.reason });
  }

  if (config.checks.has('connectivity') && session) {
    const o = await step(report, 'Cross-node probe', () =>
      withProbe(
        session.kubectl,
        config.namespace,
        nodes,
        agents,
        { image: config.probeImage, timeoutMs: Math.max(30_000, deadline - Date.now()), connections: 5, pairs: config.probePairs },
        async (run, captures) => {
          const summary = `probe ${run.pairs.map((p) => `${p.clientNode} → ${p.serverNode} (${p.connectionsOk}/${p.connectionsOk + p.connectionErrors.length} connections)`).join(', ')}`;
          const dead = run.pairs.find((p) => p.connectionsOk === 0);
          if (!config.flowsFile && config.checks.has('flows')) {
            report.flows = await judgeCaptures(
              ctx,
              captures,
              `Hubble on ${captures.map((c) => c.node).join(' and ')}, namespace ${run.namespace}`,
            );
            outcomes.push({ check: 'flows', verdict: report.flows.verdict, reason: report.flows.reason });
          } else {
            await Promise.all(captures.map((c) => (c.stdout.resume(), c.done)));
          }
          // a pair that cannot connect at all is a broken path, whatever the other pairs did
          if (dead)
            return {
              verdict: 'fail' as Verdict,
              reason: `${summary}: no connection from ${dead.clientNode} to ${dead.serverNode} succeeded (${dead.connectionErrors[0] ?? ''})`,
            };
          return { verdict: 'pass' as Verdict, reason: summary };
        },
      ),
    );
    outcomes.push({ check: 'connectivity', ...o });
    if (config.connectivityTests && session.cilium) {
      outcomes.push(await step(report, 'cilium connectivity test', () => connectivityTests(ctx, session, deadline)));
    }
  } else if (config.checks.has('flows') && !config.flowsFile && session) {
    // No probe: judge the traffic the cluster has had lately, from every agent.
    report.flows = await step(report, 'Capture recent flows', async () => {
      const captures = agents.map((a) => {
        const p = session.kubectl.streamIn(
          config.namespace,
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
    });
    outcomes.push({ check: 'flows', verdict: report.flows.verdict, reason: report.flows.reason });
  }

  // after the probe: its traffic has refreshed the WireGuard handshakes of the probed pairs
  if (wantsMesh && session) {
    const judged = await step(report, 'Check every node pair', () => checkMesh(ctx, session.kubectl, nodes, agents, deadline));
    outcomes.push(...judged);
  }

  if (config.checks.size === 0) {
    report.verdict = 'skipped';
    report.reason = NOTHING_VERIFIED;
    return;
  }
  const worst = outcomes.find((o) => o.verdict === 'fail') ?? outcomes.find((o) => o.verdict === 'inconclusive');
  report.verdict = worst?.verdict ?? 'pass';
  report.reason = worst ? `${worst.check}: ${worst.reason}` : outcomes.map((o) => `${o.check}: ${o.reason}`).join('; ');
  if (report.flows) {
    for (const e of report.flows.overlayExamples) logInfo(`to-overlay: ${e.source} → ${e.destination}${e.node ? ` on ${e.node}` : ''}`);
  }
}

type Capture = { node: string; stdout: NodeJS.ReadableStream; done: Promise<{ code: number; stderr: string; timedOut: boolean }> };

/** The flow verdict over live captures; a node whose capture failed makes a pass inconclusive. */
async function judgeCaptures(ctx: RunContext, captures: Capture[], label: string): Promise<FlowSummary> {
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

async function connectivityTests(ctx: RunContext, session: ClusterSession, deadline: number): Promise<Outcome> {
  const { config } = ctx;
  const args = ['connectivity', 'test', '--test', config.connectivityTests!, '--namespace', config.namespace];
  if (config.context) args.push('--context', config.context);
  const r = await withProgress(
    'cilium connectivity test',
    async () => `--test ${config.connectivityTests} still running`,
    () => runProcess(session.cilium!, args, { env: session.access.env, timeoutMs: Math.max(30_000, deadline - Date.now()), echo: true }),
  );
  const tail = (r.stdout + r.stderr).trim().split('\n').slice(-3).join(' ');
  return r.code === 0 && !r.timedOut
    ? { check: 'cilium connectivity test', verdict: 'pass', reason: `--test ${config.connectivityTests} passed` }
    : { check: 'cilium connectivity test', verdict: 'fail', reason: r.timedOut ? 'timed out' : tail };
}
