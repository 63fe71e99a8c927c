import * as core from '@actions/core';
import { describeChart } from './chart/chart-ref.js';
import { parseConfig, type Config } from './config.js';
import { errorMessage } from './errors.js';
import { kubeconfigSecrets } from './cluster/kubeconfig.js';
import type { RunContext } from './modes/context.js';
import { preview } from './modes/preview.js';
import { postPreviewComment } from './report/pr-comment.js';
import { publish } from './report/publish.js';
import { Redactor } from './report/redact.js';
import { newReport } from './report/report.js';

const MODES: Record<Config['mode'], ((ctx: RunContext) => Promise<void>) | undefined> = {
  preview,
  apply: undefined,
  verify: undefined,
  drift: undefined,
};

/** The action: inputs → Config → the mode → outputs, summary, report. Never throws. */
export async function run(): Promise<void> {
  const redactor = new Redactor();
  try {
    // Mask secrets before anything can print them.
    const kubeconfig = core.getInput('kubeconfig');
    if (kubeconfig.trim()) for (const s of kubeconfigSecrets(kubeconfig)) (core.setSecret(s), redactor.add(s));
    const token = core.getInput('github-token');
    if (token) (core.setSecret(token), redactor.add(token));

    const config = parseConfig((name) => core.getInput(name));
    const report = newReport(config.mode, config.release, config.namespace, describeChart(config.chart));
    const ctx: RunContext = { config, report, redactor };
    const mode = MODES[config.mode];
    try {
      if (!mode) throw new Error(`mode ${config.mode} is not implemented yet`);
      await mode(ctx);
    } catch (e) {
      report.error = redactor.text(errorMessage(e));
      report.verdict ??= 'fail';
      throw e;
    } finally {
      await publish(report, config.runnerTemp, redactor);
      if (config.mode === 'preview') await postPreviewComment(report, config, redactor);
    }
    if (report.verdict && report.verdict !== 'pass') core.setFailed(redactor.text(report.reason ?? `verdict: ${report.verdict}`));
  } catch (e) {
    core.setFailed(redactor.text(errorMessage(e)));
  }
}
