// strategy: direct — one upgrade to the desired values, the DaemonSet's rolling restart when
// cilium-config changed, verify; on a failed verification optionally roll back and restart again.
import { logInfo } from '../log/safe-log.js';
import { ciliumConfigOf, configEncryption, configRouting, diffConfig } from '../chart/cilium-config.js';
import { liveCiliumConfig, restartCilium } from '../cluster/restart.js';
import { rolloutProgress } from '../cluster/progress.js';
import { rollback, upgrade } from '../cluster/upgrade.js';
import { applyBgpResources, needsBgpPhaseOne, runBgpPhaseOne } from '../steps/bgp-apply.js';
import { errorMessage } from '../errors.js';
import { redactConfigChange } from '../report/redact.js';
import { step } from '../report/steps.js';
import { runChecks } from './checks.js';
import type { ClusterSession } from '../steps/cluster.js';
import type { RunContext } from '../steps/context.js';
import type { ApplyPlan } from '../steps/live.js';

export async function applyDirect(
  ctx: RunContext,
  session: ClusterSession,
  { live, plan, version, deadline }: ApplyPlan,
  upToDate: boolean,
): Promise<void> {
  const { config, report } = ctx;
  const helm = session.helm!;
  if (upToDate) {
    report.upgraded = false;
    report.revision = live.info!.revision;
    logInfo(`Release ${config.namespace}/${config.release} already has the desired values (revision ${live.info!.revision}): no upgrade.`);
  } else {
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

  if (config.bgp) await applyBgpResources(session.kubectl, report, config.bgp, deadline);
  const after = await liveCiliumConfig(session.kubectl, config.namespace);
  report.configChanges = diffConfig(live.config, after).map(redactConfigChange);
  // A rollout that does not finish is reported, and the checks still run: they name the nodes
  // whose agents kept the old datapath (a mixed cluster), which is what the user needs to see.
  let restartError: string | undefined;
  if (report.configChanges.length > 0) {
    restartError = await step(report, 'Restart the agents and the operator', () =>
      restartCilium(session.kubectl, config.namespace, deadline),
    )
      .then(() => undefined)
      .catch((e: unknown) => errorMessage(e));
  } else {
    logInfo('cilium-config did not change: the agents keep running.');
  }
  report.routingMode = configRouting(after ?? ciliumConfigOf(plan.manifest, config.namespace));
  report.encryption = configEncryption(after);

  await runChecks(ctx, session);
  if (restartError) {
    report.verdict = 'fail';
    report.reason = `${restartError}${report.reason ? `; checks: ${report.reason}` : ''}`;
  }
  if (report.verdict !== 'pass' && config.onVerifyFailure === 'rollback' && report.upgraded && report.previousRevision) {
    const to = report.previousRevision;
    const failure = report.reason;
    const outcome = await step(report, `Roll back to revision ${to}`, async () => {
      await rollback(helm, config.release, config.namespace, to, config.timeout, () => rolloutProgress(session.kubectl, config.namespace));
      return restartCilium(session.kubectl, config.namespace, Date.now() + config.timeoutMs)
        .then(() => 'restarted the agents')
        .catch((e: unknown) => `the agents did not finish restarting: ${errorMessage(e)}`);
    }).then(
      (restarted) => ({ ok: true, text: restarted }),
      (e: unknown) => ({ ok: false, text: errorMessage(e) }),
    );
    const now = (await helm.release(config.release, config.namespace).catch(() => undefined))?.revision;
    report.revision = now;
    report.reason = outcome.ok
      ? `verification failed (${failure}); rolled back to revision ${to} (now revision ${now}) and ${outcome.text}`
      : `verification failed (${failure}); rolling back to revision ${to} failed too (${outcome.text}): check helm history and the agents by hand`;
  }
}
