// mode: apply — read the live release, merge and validate exactly as preview does, upgrade (wait,
// roll back on failure), restart the agents when cilium-config changed, verify; on a failed
// verification optionally roll back and restart again.
import { ciliumConfigOf, configEncryption, configRouting, diffConfig } from '../chart/cilium-config.js';
import { liveCiliumConfig, restartCilium } from '../cluster/restart.js';
import { rollback, upgrade, waitUnlocked } from '../cluster/upgrade.js';
import { ActionError, errorMessage } from '../errors.js';
import { redactChange, redactConfigChange } from '../report/redact.js';
import { step } from '../report/steps.js';
import { equalValues } from '../values/changes.js';
import { runChecks } from './checks.js';
import { openCluster } from './cluster.js';
import type { RunContext } from './context.js';
import { chartVersionFor, desiredFor, planDesired } from './plan.js';
import { acquireTools } from './tools.js';
import { toolsNeeded } from '../tools/install.js';
import { logInfo } from '../log/safe-log.js';

export async function apply(ctx: RunContext): Promise<void> {
  const { config, report } = ctx;
  const deadline = Date.now() + config.timeoutMs;
  const tools = await step(report, 'Install tools', () => acquireTools(ctx, toolsNeeded(config)));
  const session = await openCluster(ctx, tools);
  const helm = session.helm!;
  try {
    const live = await step(report, 'Read the live release', async () => {
      const info = await waitUnlocked(helm, config.release, config.namespace, deadline);
      if (!info && !config.ciliumVersion) {
        throw new ActionError(`There is no Helm release ${config.namespace}/${config.release}`, {
          hint: 'This action changes an existing Cilium installation; it does not install one. Check release, namespace and the kube context, or set cilium-version to install that version.',
        });
      }
      const values = info ? await helm.getValues(info.name, config.namespace) : {};
      return { info, values, config: await liveCiliumConfig(session.kubectl, config.namespace) };
    });
    report.previousRevision = live.info?.revision;
    const version = await chartVersionFor(ctx, helm, live.info?.chartVersion);

    const plan = await step(report, 'Merge values and render the chart', () => planDesired(ctx, helm, desiredFor(ctx, live.values), version));
    report.changes = plan.desired.changes.map(redactChange);
    report.baseline = 'live release';
    const sameChart = !config.ciliumVersion || config.ciliumVersion === live.info?.chartVersion;
    const upToDate = live.info !== undefined && live.info.status === 'deployed' && sameChart && equalValues(live.values, plan.desired.values);

    if (upToDate) {
      report.upgraded = false;
      report.revision = live.info!.revision;
      logInfo(`Release ${config.namespace}/${config.release} already has the desired values (revision ${live.info!.revision}): no upgrade.`);
    } else {
      await step(report, 'helm upgrade', () =>
        upgrade(helm, {
          release: config.release,
          namespace: config.namespace,
          chart: config.chart,
          version,
          valuesFile: plan.valuesFile,
          timeout: config.timeout,
          deadline,
          install: live.info === undefined,
        }),
      );
      report.upgraded = true;
      report.revision = (await helm.release(config.release, config.namespace))?.revision;
    }

    const after = await liveCiliumConfig(session.kubectl, config.namespace);
    report.configChanges = diffConfig(live.config, after).map(redactConfigChange);
    // A rollout that does not finish is reported, and the checks still run: they name the nodes
    // whose agents kept the old datapath (a mixed cluster), which is what the user needs to see.
    let restartError: string | undefined;
    if (report.configChanges.length > 0) {
      restartError = await step(report, 'Restart the agents and the operator', () => restartCilium(session.kubectl, config.namespace, deadline))
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
        await rollback(helm, config.release, config.namespace, to, config.timeout);
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
  } finally {
    session.close();
  }
}
