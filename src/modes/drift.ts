// mode: drift — strictly read-only. Desired values computed exactly as apply would, then every
// difference between: desired and live values; the live cilium-config and what the live release
// renders (a hand edit); what the agents report and what the desired config means; optionally flows.
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { ciliumConfigOf, configEncryption, configRouting, diffConfig } from '../chart/cilium-config.js';
import { liveCiliumConfig } from '../cluster/restart.js';
import { strictModeProblems } from '../values/strict-mode.js';
import { ActionError, errorMessage } from '../errors.js';
import { redactChange, redactConfigChange } from '../report/redact.js';
import type { Difference } from '../report/report.js';
import { step } from '../report/steps.js';
import { summaryMarkdown } from '../report/summary.js';
import { runChecks } from './checks.js';
import { openCluster } from '../steps/cluster.js';
import type { RunContext } from '../steps/context.js';
import { chartVersionFor, desiredFor, planDesired } from '../steps/plan.js';
import { acquireTools, toolsNeeded } from './tools.js';
import { bgpNodeDifferences, bgpResourceDifferences } from '../steps/bgp-drift.js';
import { logInfo } from '../log/safe-log.js';

const show = (v: unknown): string => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));

export async function drift(ctx: RunContext): Promise<void> {
  const { config, report } = ctx;
  const tools = await step(report, 'Install tools', () => acquireTools(ctx, toolsNeeded(config)));
  const session = await openCluster(ctx, tools);
  const helm = session.helm!;
  try {
    const live = await step(report, 'Read the live release, cilium-config and manifest', async () => {
      const info = await helm.release(config.release, config.namespace);
      if (!info) {
        throw new ActionError(`There is no Helm release ${config.namespace}/${config.release} to check for drift`, {
          hint: 'Check release, namespace and the kube context.',
        });
      }
      const [values, manifest, cm] = await Promise.all([
        helm.getValues(info.name, config.namespace),
        helm.getManifest(info.name, config.namespace),
        liveCiliumConfig(session.kubectl, config.namespace),
      ]);
      return { info, values, manifest, cm };
    });
    report.revision = live.info.revision;
    const version = chartVersionFor(ctx, live.info.chartVersion);
    const plan = await step(report, 'Compute the desired state', () => planDesired(ctx, helm, desiredFor(ctx, live.values), version));

    const differences: Difference[] = [];
    // 1. desired values against the live release's values
    for (const c of plan.desired.changes.map(redactChange)) {
      differences.push({ source: 'values', key: c.key, expected: show(c.after), actual: show(c.before) });
    }
    // the version to deploy, from any chart reference (a local chart's own, cilium-version, or installed)
    if (version && version !== live.info.chartVersion) {
      differences.push({ source: 'values', key: 'chart version', expected: version, actual: live.info.chartVersion });
    }
    // 2. the live ConfigMap against what the live release renders: a hand edit
    const rendered = ciliumConfigOf(live.manifest, config.namespace);
    for (const c of diffConfig(rendered, live.cm).map(redactConfigChange)) {
      differences.push({ source: 'cilium-config', key: c.key, expected: c.before ?? '(unset)', actual: c.after ?? '(unset)' });
    }
    if (config.bgp)
      differences.push(
        ...(await step(report, 'Compare the BGP resources', () => bgpResourceDifferences(session.kubectl, report, config.bgp!))),
      );

    if (config.strictMode === 'egress')
      differences.push(
        ...strictModeProblems(live.cm, plan.desired.cidr).map((p) => ({
          source: 'cilium-config' as const,
          key: 'strict-mode: egress',
          expected: `on for ${plan.desired.cidr}`,
          actual: p,
        })),
      );
    // 3 and 4. what the agents report, and optionally the flows
    await runChecks(ctx, session);
    differences.push(...bgpNodeDifferences(report));
    for (const n of report.nodes ?? []) {
      if (!n.ok)
        differences.push({
          source: 'agents',
          key: n.node,
          expected: 'Native, WireGuard, node encryption, all peers',
          actual: n.problems.join('; '),
        });
    }
    if (report.flows && report.flows.verdict !== 'pass') {
      differences.push({
        source: 'flows',
        key: 'to-overlay',
        expected: `≤ ${config.maxOverlayFlows} to-overlay, ≥ ${config.minFlows} cross-node`,
        actual: report.flows.reason,
      });
    }
    report.routingMode ??= configRouting(live.cm);
    report.encryption ??= configEncryption(live.cm);
    report.differences = differences;
    report.drift = differences.length > 0;
    const checksVerdict = report.verdict;
    const checksReason = report.reason;
    if (report.drift) {
      const what = `${differences.length} difference${differences.length === 1 ? '' : 's'} (${[...new Set(differences.map((d) => d.source))].join(', ')})`;
      if (config.failOnDrift) {
        report.verdict = 'fail';
        report.reason = `drift: ${what}`;
      } else {
        core.warning(`Drift found: ${what}; fail-on-drift is false.`);
        report.warnings.push(`Drift found: ${what}`);
        report.verdict = checksVerdict;
        report.reason = checksReason;
      }
    } else {
      report.reason = `no drift; ${checksReason ?? ''}`.trim();
    }
    if (config.driftIssue) await step(report, 'Drift issue', () => syncIssue(ctx, differences));
  } finally {
    session.close();
  }
}

async function syncIssue(ctx: RunContext, differences: Difference[]): Promise<void> {
  const { config, report, redactor } = ctx;
  // loaded only when a drift issue is kept: the GitHub client is large
  const [{ createGitHubClient }, { repoFromEnv, runUrlFromEnv }, { syncDriftIssue }, { GITHUB_STEP_DEADLINE_MS, withDeadline }] =
    await Promise.all([
      import('../github/client.js'),
      import('../github/context.js'),
      import('../github/drift-issue.js'),
      import('../github/deadline.js'),
    ]);
  const repo = repoFromEnv();
  if (!repo || !config.githubToken) {
    core.warning('drift-issue is true but there is no GITHUB_REPOSITORY or github-token: no issue is kept.');
    return;
  }
  try {
    const client = createGitHubClient(config.githubToken, { secrets: redactor.list() });
    // The same drift every night must not comment again: the fingerprint covers only the differences.
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(differences.map((d) => [d.source, d.key, d.expected, d.actual]).sort()))
      .digest('hex')
      .slice(0, 16);
    const result = await withDeadline(GITHUB_STEP_DEADLINE_MS, 'The drift issue update', () =>
      syncDriftIssue(client, {
        repo,
        namespace: config.namespace,
        release: config.release,
        drift: differences.length > 0,
        report: summaryMarkdown(report),
        fingerprint,
        runUrl: runUrlFromEnv(),
        redact: (t) => redactor.text(t),
        secrets: redactor.list(),
      }),
    );
    if (result.action === 'skipped') core.warning(result.warning);
    else logInfo(`Drift issue: ${result.action}`);
  } catch (e) {
    core.warning(`Could not update the drift issue: ${redactor.text(errorMessage(e))}`);
  }
}
