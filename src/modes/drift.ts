// mode: drift — strictly read-only. Desired values computed exactly as apply would, then every
// difference between: desired and live values; the live cilium-config and what the live release
// renders (a hand edit); what the agents report and what the desired config means; optionally flows.
import * as core from '@actions/core';
import { configEncryption, configRouting } from '../chart/cilium-config.js';
import type { Difference } from '../report/report.js';
import { step } from '../report/steps.js';
import { bgpNodeDifferences, bgpResourceDifferences } from '../steps/bgp-drift.js';
import { openCluster, type ClusterSession } from '../steps/cluster.js';
import type { RunContext } from '../steps/context.js';
import {
  checkedDifferences,
  configDifferences,
  inertValueNotes,
  strictModeDifferences,
  valueDifferences,
} from '../steps/drift-differences.js';
import { keepDriftIssue } from '../steps/drift-issue.js';
import { driftVerdict } from '../steps/drift-verdict.js';
import { setVerdict, type Judgement } from '../steps/judgement.js';
import { readDeployedRelease } from '../steps/live.js';
import { desired, plan as planDesired, targetVersion } from './desired.js';
import { runChecks } from './checks.js';
import { recordBgpResources, recordChecked } from './record.js';
import { acquireTools, toolsNeeded } from './tools.js';

export async function drift(ctx: RunContext): Promise<void> {
  const { config, report } = ctx;
  const tools = await step(report, 'Install tools', () => acquireTools(ctx, toolsNeeded(config)));
  const session = await openCluster(ctx, tools);
  try {
    const differences = await findDifferences(ctx, session);
    report.differences = differences.all;
    report.drift = differences.all.length > 0;
    const verdict = driftVerdict(differences.all, differences.checks, config.failOnDrift);
    if (verdict.warning) {
      core.warning(`${verdict.warning}; fail-on-drift is false.`);
      report.warnings.push(verdict.warning);
    }
    setVerdict(report, verdict);
    if (config.driftIssue) await step(report, 'Drift issue', () => keepDriftIssue(ctx, differences.all));
  } finally {
    session.close();
  }
}

/** Read, plan, compare, check: every difference in the order the summary lists them, and the checks' judgement. */
async function findDifferences(ctx: RunContext, session: ClusterSession): Promise<{ all: Difference[]; checks: Judgement }> {
  const { config, report } = ctx;
  const live = await step(report, 'Read the live release, cilium-config and manifest', () => readDeployedRelease(ctx, session));
  report.revision = live.info.revision;
  const version = targetVersion(ctx, live.info.chartVersion);
  const plan = await step(report, 'Compute the desired state', () => planDesired(ctx, session.helm!, desired(ctx, live.values), version));
  report.notes.push(...inertValueNotes(plan));
  const all: Difference[] = [...valueDifferences(plan, version, live.info.chartVersion), ...configDifferences(live, config.namespace)];
  if (config.bgp) {
    recordBgpResources(report, config.bgp);
    all.push(...(await step(report, 'Compare the BGP resources', () => bgpResourceDifferences(session.kubectl, config.bgp!))));
  }
  if (config.strictMode === 'egress') all.push(...strictModeDifferences(live.cm, plan.desired.cidr));
  // what the agents report, and optionally the flows
  const checked = await runChecks(ctx, session);
  const checks = recordChecked(report, checked);
  all.push(...bgpNodeDifferences(checked.bgp?.rows ?? []), ...checkedDifferences(checked, config, ctx.nodeEncryption));
  report.routingMode ??= configRouting(live.cm);
  report.encryption ??= configEncryption(live.cm);
  return { all, checks };
}
