// strategy: direct — one upgrade to the desired values, the DaemonSet's rolling restart when
// cilium-config changed, verify; on a failed verification optionally roll back and restart again.
import { logInfo } from '../log/safe-log.js';
import { ciliumConfigOf, configEncryption, configRouting, diffConfig } from '../chart/cilium-config.js';
import { liveCiliumConfig, restartCilium } from '../cluster/restart.js';
import { rolloutProgress } from '../cluster/progress.js';
import { rollback, upgrade } from '../cluster/upgrade.js';
import { needsBgpPhaseOne } from '../steps/bgp-apply.js';
import { applyBgpRecorded, runBgpPhaseOne } from './bgp-apply.js';
import { redactConfigChange } from '../report/redact.js';
import { step } from '../report/steps.js';
import { failureOf, outcomeOf } from '../steps/attempt.js';
import { runChecks } from './checks.js';
import { recordChecked } from './record.js';
import type { ClusterSession } from '../steps/cluster.js';
import type { RunContext } from '../steps/context.js';
import { setVerdict, type Judgement } from '../steps/judgement.js';
import type { ApplyPlan } from '../steps/live.js';

export async function applyDirect(ctx: RunContext, session: ClusterSession, input: ApplyPlan, upToDate: boolean): Promise<void> {
  const { config, report } = ctx;
  const { live, plan, deadline } = input;
  if (upToDate) keepRelease(ctx, input);
  else await upgradeRelease(ctx, session, input);

  if (config.bgp) await applyBgpRecorded(session.kubectl, report, config.bgp, deadline);
  const after = await liveCiliumConfig(session.kubectl, config.namespace);
  report.configChanges = diffConfig(live.config, after).map(redactConfigChange);
  // A rollout that does not finish is reported, and the checks still run: they name the nodes
  // whose agents kept the old datapath (a mixed cluster), which is what the user needs to see.
  const restartError = report.configChanges.length > 0 ? await restartAgents(ctx, session, deadline) : unchangedConfig();
  report.routingMode = configRouting(after ?? ciliumConfigOf(plan.manifest, config.namespace));
  report.encryption = configEncryption(after);

  const verified = withRestartError(recordChecked(report, await runChecks(ctx, session)), restartError);
  setVerdict(report, verified);
  if (verified.verdict !== 'pass' && config.onVerifyFailure === 'rollback' && report.upgraded && report.previousRevision)
    report.reason = await rollBack(ctx, session, report.previousRevision, verified.reason);
}

function keepRelease(ctx: RunContext, { live }: ApplyPlan): void {
  const { config, report } = ctx;
  report.upgraded = false;
  report.revision = live.info!.revision;
  logInfo(`Release ${config.namespace}/${config.release} already has the desired values (revision ${live.info!.revision}): no upgrade.`);
}

async function upgradeRelease(ctx: RunContext, session: ClusterSession, { live, plan, version, deadline }: ApplyPlan): Promise<void> {
  const { config, report } = ctx;
  const helm = session.helm!;
  const request = {
    release: config.release,
    namespace: config.namespace,
    chart: config.chart,
    version,
    valuesFile: plan.valuesFile,
    timeout: config.timeout,
    deadline,
    install: live.info === undefined,
    progress: () => rolloutProgress(session.kubectl, config.namespace),
  };
  // profile bgp: routes first (tunnel kept), the cutover only once every pod CIDR is advertised
  if (config.bgp && live.info && needsBgpPhaseOne(live.config)) {
    await runBgpPhaseOne({
      helm,
      kubectl: session.kubectl,
      report,
      bgp: config.bgp,
      liveValues: live.values,
      upgrade: request,
      runnerTemp: config.runnerTemp,
    });
  }
  await step(report, 'helm upgrade', () => upgrade(helm, request));
  report.upgraded = true;
  report.revision = (await helm.release(config.release, config.namespace))?.revision;
}

async function restartAgents(ctx: RunContext, session: ClusterSession, deadline: number): Promise<string | undefined> {
  const { config, report } = ctx;
  return failureOf(() =>
    step(report, 'Restart the agents and the operator', () => restartCilium(session.kubectl, config.namespace, deadline)),
  );
}

function unchangedConfig(): undefined {
  logInfo('cilium-config did not change: the agents keep running.');
  return undefined;
}

/** A restart that did not finish fails the run whatever the checks found; their reason is kept. */
function withRestartError(checks: Judgement, restartError: string | undefined): Judgement {
  if (!restartError) return checks;
  return { verdict: 'fail', reason: `${restartError}${checks.reason ? `; checks: ${checks.reason}` : ''}` };
}

/** Rolls back to `to` and restarts the agents onto it; the run's reason, saying how that went. */
async function rollBack(ctx: RunContext, session: ClusterSession, to: number, failure: string): Promise<string> {
  const { config, report } = ctx;
  const helm = session.helm!;
  const outcome = await outcomeOf(() => step(report, `Roll back to revision ${to}`, () => rollbackAndRestart(ctx, session, to)));
  const now = (await helm.release(config.release, config.namespace).catch(() => undefined))?.revision;
  report.revision = now;
  return outcome.ok
    ? `verification failed (${failure}); rolled back to revision ${to} (now revision ${now}) and ${outcome.text}`
    : `verification failed (${failure}); rolling back to revision ${to} failed too (${outcome.text}): check helm history and the agents by hand`;
}

async function rollbackAndRestart(ctx: RunContext, session: ClusterSession, to: number): Promise<string> {
  const { config } = ctx;
  await rollback(session.helm!, config.release, config.namespace, to, config.timeout, () =>
    rolloutProgress(session.kubectl, config.namespace),
  );
  const restartError = await failureOf(() => restartCilium(session.kubectl, config.namespace, Date.now() + config.timeoutMs));
  return restartError ? `the agents did not finish restarting: ${restartError}` : 'restarted the agents';
}
