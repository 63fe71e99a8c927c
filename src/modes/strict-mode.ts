// Step: `strict-mode: egress`, the optional hardening once the cutover is proven. Runs only after
// the checks passed: one more helm upgrade with strict egress mode for the native routing CIDR, the
// agents restarted onto it, the live cilium-config checked, and the checks run again.
import { writeFileSync } from 'node:fs';
import { logInfo } from '../log/safe-log.js';
import path from 'node:path';
import { stringify } from 'yaml';
import { liveCiliumConfig, restartCilium } from '../cluster/restart.js';
import { upgrade } from '../cluster/upgrade.js';
import { errorMessage } from '../errors.js';
import { workDir } from '../report/publish.js';
import { step } from '../report/steps.js';
import { strictModeProblems, strictModeValues } from '../values/strict-mode.js';
import { runChecks } from './checks.js';
import { recordChecked } from './record.js';
import type { ClusterSession } from '../steps/cluster.js';
import type { RunContext } from '../steps/context.js';
import { setVerdict } from '../steps/judgement.js';
import type { Plan } from '../steps/plan.js';

export async function applyStrictMode(ctx: RunContext, session: ClusterSession, plan: Plan, deadline: number): Promise<void> {
  const { config, report } = ctx;
  if (config.strictMode !== 'egress') return;
  const cidr = plan.desired.cidr;
  if (report.verdict !== 'pass') {
    report.notes.push(`strict-mode: egress was not applied: the cutover is not proven (verdict ${report.verdict ?? 'none'})`);
    return;
  }
  if (strictModeProblems(await liveCiliumConfig(session.kubectl, config.namespace), cidr).length === 0) {
    logInfo(`WireGuard strict egress mode is already on for ${cidr}.`);
    return;
  }
  const helm = session.helm!;
  try {
    await step(report, 'WireGuard strict mode (egress)', async () => {
      const values = strictModeValues(plan.desired.values, cidr, plan.chart);
      const valuesFile = path.join(workDir(config.runnerTemp), `${config.release}-values-strict.yaml`);
      writeFileSync(valuesFile, stringify(values, { lineWidth: 0 }), { mode: 0o600 });
      await upgrade(helm, {
        release: config.release,
        namespace: config.namespace,
        chart: config.chart,
        version: plan.chartVersion,
        valuesFile,
        timeout: config.timeout,
        deadline,
        install: false,
      });
      report.valuesFile = valuesFile;
      report.revision = (await helm.release(config.release, config.namespace))?.revision;
      await restartCilium(session.kubectl, config.namespace, deadline);
      const problems = strictModeProblems(await liveCiliumConfig(session.kubectl, config.namespace), cidr);
      if (problems.length > 0) throw new Error(`strict mode is not in cilium-config after the upgrade: ${problems.join('; ')}`);
    });
  } catch (e) {
    setVerdict(report, { verdict: 'fail', reason: `strict-mode: egress: ${errorMessage(e)}` });
    return;
  }
  report.notes.push(`WireGuard strict egress mode is on for ${cidr}: pod traffic to that range leaves a node only encrypted`);
  setVerdict(report, recordChecked(report, await runChecks(ctx, session)));
}
