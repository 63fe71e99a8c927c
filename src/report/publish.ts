// Writes what a run found: step outputs, the JSON report and the job summary, all redacted.
import * as core from '@actions/core';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ActionError, errorMessage } from '../errors.js';
import type { Redactor } from './redact.js';
import { limitSummary } from './summary-limit.js';
import type { Report } from './report.js';
import { summaryMarkdown } from './summary.js';

const stepDirs = new Map<string, string>();

/**
 * This step's own folder for the values file and the report: two steps of one job (or a step run
 * twice) never overwrite each other's files. Named for the step (GITHUB_ACTION) to be findable.
 */
export function workDir(runnerTemp: string): string {
  let dir = stepDirs.get(runnerTemp);
  if (!dir) {
    const parent = path.join(runnerTemp, 'cilium-native-routing');
    try {
      // not recursive: RUNNER_TEMP must exist (a recursive mkdir under /proc never returns)
      if (!statSync(runnerTemp).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      if (!existsSync(parent)) mkdirSync(parent);
      const step = (process.env.GITHUB_ACTION ?? '').replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 40) || 'step';
      dir = mkdtempSync(path.join(parent, `${step}-`));
    } catch (e) {
      throw new ActionError(`Cannot create the action's work folder ${parent}: ${(e as NodeJS.ErrnoException).code ?? errorMessage(e)}`, {
        hint: 'RUNNER_TEMP must be a writable folder (the runner sets it; a job that overrides it must point it at one).',
      });
    }
    stepDirs.set(runnerTemp, dir);
  }
  return dir;
}

function outputsOf(r: Report, reportPath: string): Record<string, string> {
  const out: Record<string, string> = { report: reportPath };
  const put = (name: string, v: unknown): void => {
    if (v !== undefined) out[name] = String(v);
  };
  put('verdict', r.verdict);
  put('values-file', r.valuesFile);
  put('revision', r.revision);
  put('routing-mode', r.routingMode);
  put('encryption', r.encryption);
  put('flows-observed', r.flows?.flowsObserved);
  put('cross-node-flows', r.flows?.crossNodeFlows);
  put('overlay-flows', r.flows?.overlayFlows);
  put('lost-events', r.flows?.lostEvents);
  put('drift', r.drift);
  if (r.bgp?.expected !== undefined) put('bgp-peers-established', `${r.bgp.established ?? 0}/${r.bgp.expected}`);
  put('disruption-seconds', r.migration?.disruptionSeconds);
  return out;
}

export async function publish(r: Report, runnerTemp: string, redactor: Redactor): Promise<void> {
  const reportPath = path.join(workDir(runnerTemp), 'report.json');
  // The report is assembled from redacted parts (see redactChange); the Redactor catches the rest.
  writeFileSync(reportPath, redactor.text(JSON.stringify(r, null, 2)));
  for (const [k, v] of Object.entries(outputsOf(r, reportPath))) core.setOutput(k, v);
  if (process.env.GITHUB_STEP_SUMMARY) {
    const summary = limitSummary(redactor.text(summaryMarkdown(r)), reportPath);
    try {
      await core.summary.addRaw(summary).write();
    } catch (e) {
      // a summary that cannot be written must not hide the run's own result
      core.warning(`Could not write the job summary (GITHUB_STEP_SUMMARY): ${redactor.text(errorMessage(e))}`);
    }
  }
}
