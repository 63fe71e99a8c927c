import * as core from '@actions/core';
import { describeChart } from './chart/chart-ref.js';
import { parseConfig, type Config } from './config.js';
import { errorMessage } from './errors.js';
import { kubeconfigSecrets } from './cluster/kubeconfig.js';
import type { RunContext } from './steps/context.js';
import { publish } from './report/publish.js';
import { Redactor } from './report/redact.js';
import { newReport } from './report/report.js';

// Each mode is loaded when it runs, so start-up parses only what that mode uses (the GitHub
// client, the WebSocket and diff libraries are large).
const MODES: Record<Config['mode'], () => Promise<(ctx: RunContext) => Promise<void>>> = {
  apply: async () => (await import('./modes/apply.js')).apply,
  verify: async () => (await import('./modes/verify.js')).verify,
  drift: async () => (await import('./modes/drift.js')).drift,
  preview: async () => (await import('./modes/preview.js')).preview,
};

/** The action: inputs → Config → the mode → outputs, summary, report. Never throws. */
export async function run(): Promise<void> {
  const redactor = new Redactor();
  // masked in the runner's log and redacted from every channel the action writes itself
  const mask = (secret: string): void => {
    core.setSecret(secret);
    redactor.add(secret);
  };
  try {
    // Mask secrets before anything can print them.
    const kubeconfig = core.getInput('kubeconfig');
    if (kubeconfig.trim()) kubeconfigSecrets(kubeconfig).forEach(mask);
    const token = core.getInput('github-token');
    if (token) mask(token);

    const config = parseConfig((name) => core.getInput(name));
    config.inputSecrets.forEach(mask);
    const report = newReport(config.mode, config.release, config.namespace, describeChart(config.chart));
    const ctx: RunContext = { config, report, redactor };
    try {
      const mode = await MODES[config.mode]();
      await mode(ctx);
    } catch (e) {
      report.error = redactor.text(errorMessage(e));
      report.verdict ??= 'fail';
      throw e;
    } finally {
      await publish(report, config.runnerTemp, redactor);
      if (config.mode === 'preview') await (await import('./steps/pr-comment.js')).postPreviewComment(report, config, redactor);
    }
    // `skipped` (checks: none) is what the user asked for: the summary says nothing was verified.
    if (report.verdict && report.verdict !== 'pass' && report.verdict !== 'skipped')
      core.setFailed(redactor.text(report.reason ?? `verdict: ${report.verdict}`));
  } catch (e) {
    core.setFailed(redactor.text(errorMessage(e)));
  }
}
