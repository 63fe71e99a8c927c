// drift with `drift-issue: true`: the one GitHub issue of this release brought up to date (see
// src/github/drift-issue.ts). A failure is a warning: the drift report is in the job summary.
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { errorMessage } from '../errors.js';
import { logInfo } from '../log/safe-log.js';
import type { Difference } from '../report/report.js';
import { summaryMarkdown } from '../report/summary.js';
import type { RunContext } from './context.js';

export async function keepDriftIssue(ctx: RunContext, differences: readonly Difference[]): Promise<void> {
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
    const fingerprint = fingerprintOf(differences);
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

/** The same drift every night must not comment again: the fingerprint covers only the differences. */
function fingerprintOf(differences: readonly Difference[]): string {
  return createHash('sha256')
    .update(JSON.stringify(differences.map((d) => [d.source, d.key, d.expected, d.actual]).sort()))
    .digest('hex')
    .slice(0, 16);
}
