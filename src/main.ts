import * as core from '@actions/core';
import { describeChart } from './chart/chart-ref.js';
import { parseConfig, type Config } from './config.js';
import { errorMessage } from './errors.js';
import { kubeconfigSecrets } from './cluster/kubeconfig.js';
import type { RunContext } from './steps/context.js';
import { publish } from './report/publish.js';
import { Redactor } from './report/redact.js';
import { newReport } from './report/report.js';

/** A mode: its run, and what it adds once the report is published (preview's pull-request comment). */
interface ModeEntry {
  run(ctx: RunContext): Promise<void>;
  afterPublish?(ctx: RunContext): Promise<void>;
}

// Each mode is loaded when it runs, so start-up parses only what that mode uses (the GitHub
// client, the WebSocket and diff libraries are large). The mode names are config/run.ts's MODES.
const LOAD_MODE: Record<Config['mode'], () => Promise<ModeEntry>> = {
  apply: async () => ({ run: (await import('./modes/apply.js')).apply }),
  verify: async () => ({ run: (await import('./modes/verify.js')).verify }),
  drift: async () => ({ run: (await import('./modes/drift.js')).drift }),
  preview: async () => {
    const m = await import('./modes/preview.js');
    return { run: m.preview, afterPublish: m.commentOnPullRequest };
  },
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
    let mode: ModeEntry | undefined;
    try {
      mode = await LOAD_MODE[config.mode]();
      await mode.run(ctx);
    } catch (e) {
      report.error = redactor.text(errorMessage(e));
      report.verdict ??= 'fail';
      throw e;
    } finally {
      await publish(report, config.runnerTemp, redactor);
      await mode?.afterPublish?.(ctx);
    }
    // `skipped` (checks: none) is what the user asked for: the summary says nothing was verified.
    if (report.verdict && report.verdict !== 'pass' && report.verdict !== 'skipped')
      core.setFailed(redactor.text(report.reason ?? `verdict: ${report.verdict}`));
  } catch (e) {
    core.setFailed(redactor.text(errorMessage(e)));
  }
}
