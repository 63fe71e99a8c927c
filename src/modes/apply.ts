// mode: apply — read the live release, merge and validate exactly as preview does, then change the
// cluster with the chosen strategy: `staged` (WireGuard first with the tunnel kept, then one fast
// routing cutover; when the live release tunnels) or `direct` (one upgrade, rolling restart). A
// migration is measured by the continuous probe from before the first change to the final check.
import { tunnels } from '../migration/phases.js';
import type { MigrationReport, PhaseRecord } from '../report/migration.js';
import type { Report } from '../report/report.js';
import { errorMessage } from '../errors.js';
import { redactChange } from '../report/redact.js';
import { step } from '../report/steps.js';
import { equalValues } from '../values/changes.js';
import { openCluster, type ClusterSession } from '../steps/cluster.js';
import type { RunContext } from '../steps/context.js';
import { applyDirect } from './direct.js';
import { readLiveRelease, type ApplyPlan } from '../steps/live.js';
import { alsoFailed, setVerdict } from '../steps/judgement.js';
import { measured } from '../steps/measured.js';
import { desired, plan as planDesired, targetVersion } from './desired.js';
import { applyStrictMode } from './strict-mode.js';
import { applyStaged, resumeCutover } from './staged.js';
import { staleAgents } from '../steps/stale-agents.js';
import { recordAgents } from './record.js';
import { acquireTools, toolsNeeded } from './tools.js';

export async function apply(ctx: RunContext): Promise<void> {
  const { config, report } = ctx;
  const deadline = Date.now() + config.timeoutMs;
  const tools = await step(report, 'Install tools', () => acquireTools(ctx, toolsNeeded(config)));
  const session = await openCluster(ctx, tools);
  try {
    const { input, upToDate } = await planApply(ctx, session, deadline);
    await migrate(ctx, session, input, upToDate);
    // once the cutover is proven (it checks the verdict itself)
    await applyStrictMode(ctx, session, input.plan, deadline);
  } finally {
    session.close();
  }
}

/** The live release and the desired state; up to date when neither the values nor the chart change. */
async function planApply(ctx: RunContext, session: ClusterSession, deadline: number): Promise<{ input: ApplyPlan; upToDate: boolean }> {
  const { report } = ctx;
  const live = await step(report, 'Read the live release', () => readLiveRelease(ctx, session, deadline));
  report.previousRevision = live.info?.revision;
  const version = targetVersion(ctx, live.info?.chartVersion);

  const plan = await step(report, 'Merge values and render the chart', () =>
    planDesired(ctx, session.helm!, desired(ctx, live.values), version),
  );
  report.changes = plan.desired.changes.map(redactChange);
  report.baseline = 'live release';
  // A new chart version is an upgrade even when the values are the same.
  const sameChart = version === undefined || version === live.info?.chartVersion;
  const upToDate = live.info !== undefined && live.info.status === 'deployed' && sameChart && equalValues(live.values, plan.desired.values);
  return { input: { live, plan, version, deadline }, upToDate };
}

/** The strategy that fits the live release: resume a cutover, nothing to upgrade, staged, or direct. */
async function migrate(ctx: RunContext, session: ClusterSession, input: ApplyPlan, upToDate: boolean): Promise<void> {
  const { config, report } = ctx;
  const { live, deadline } = input;
  const stale = upToDate && config.strategy === 'staged' && !tunnels(live.config) ? await staleAgentsRecorded(ctx, session, deadline) : [];
  if (stale.length > 0) {
    report.upgraded = false;
    report.revision = live.info!.revision;
    await migration(ctx, session, deadline, 'staged', (m) => resumeCutover(ctx, session, stale, m));
  } else if (upToDate || live.info === undefined) await applyDirect(ctx, session, input, upToDate);
  // profile bgp has its own first phase (BGP up and routes advertised while tunnelling), in applyDirect
  else if (config.strategy === 'staged' && tunnels(live.config) && !config.bgp) {
    await migration(ctx, session, deadline, 'staged', (m) => applyStaged(ctx, session, input, m));
  } else {
    await migration(ctx, session, deadline, 'direct', (m) =>
      phaseOf(report, m, 'Upgrade, rolling restart, verify', () => applyDirect(ctx, session, input, false)),
    );
  }
}

/** The agents that still tunnel; what the agents report is recorded as any agents check's is. */
async function staleAgentsRecorded(ctx: RunContext, session: ClusterSession, deadline: number): Promise<string[]> {
  const found = await staleAgents(ctx, session, deadline);
  recordAgents(ctx.report, found.agents);
  return found.stale;
}

/** A measured migration; a disruption over max-disruption fails the run whatever else it found. */
async function migration(
  ctx: RunContext,
  session: ClusterSession,
  deadline: number,
  strategy: MigrationReport['strategy'],
  fn: (m: MigrationReport) => Promise<void>,
): Promise<void> {
  const m: MigrationReport = { strategy, phases: [] };
  // The record is in the report from the start and filled in as the phases run: a run that
  // throws part-way still shows in its summary which phases were done.
  ctx.report.migration = m;
  const over = await measured(ctx, session, deadline, m, fn);
  if (over) setVerdict(ctx.report, alsoFailed(ctx.report, over));
}

/** One phase around `fn` (the direct strategy is one phase): its window, revision, duration and result. */
async function phaseOf(report: Report, m: MigrationReport, name: string, fn: () => Promise<void>): Promise<void> {
  const rec: PhaseRecord = { name, result: 'not run', startedAt: Date.now() };
  m.phases.push(rec);
  try {
    await fn();
    rec.result = report.verdict === 'pass' ? 'done' : 'failed';
    if (rec.result === 'failed') rec.detail = report.reason;
  } catch (e) {
    rec.result = 'failed';
    rec.detail = errorMessage(e);
    throw e;
  } finally {
    rec.revision = report.revision;
    rec.endedAt = Date.now();
    rec.durationMs = rec.endedAt - rec.startedAt!;
  }
}
