// preview on a pull request: the summary as one sticky comment, the manifest diff the part that may be cut.
import * as core from '@actions/core';
import type { Config } from '../config.js';
import { errorMessage } from '../errors.js';
import { createGitHubClient } from '../github/client.js';
import { runnerCurrentContext } from '../github/comment-key.js';
import { PULL_REQUEST_EVENTS, pullRequestFromEnv, runUrlFromEnv } from '../github/context.js';
import { upsertStickyComment } from '../github/sticky-comment.js';
import type { BodySection } from '../github/truncate.js';
import type { Redactor } from '../report/redact.js';
import type { Report } from '../report/report.js';
import { DIFF_SECTION_END, DIFF_SECTION_START, summaryMarkdown } from '../report/summary.js';
import { logInfo } from '../log/safe-log.js';
import { GITHUB_STEP_DEADLINE_MS, withDeadline } from '../github/deadline.js';

/** The summary split so that only the manifest diff is cut when the comment is too long. */
export function commentSections(markdown: string): BodySection[] {
  const start = markdown.indexOf(DIFF_SECTION_START);
  const end = markdown.indexOf(DIFF_SECTION_END);
  if (start < 0 || end < start) return [{ markdown }];
  const diff = markdown.slice(start + DIFF_SECTION_START.length, end);
  // The fence opener and closer stay whole; the lines between them may be cut.
  const open = diff.indexOf('```diff\n');
  const close = diff.lastIndexOf('\n```');
  if (open < 0 || close < open) return [{ markdown }];
  return [
    { markdown: markdown.slice(0, start) + diff.slice(0, open + '```diff\n'.length) },
    { markdown: diff.slice(open + '```diff\n'.length, close), cuttable: true, label: 'manifest diff' },
    { markdown: diff.slice(close) + markdown.slice(end + DIFF_SECTION_END.length) },
  ];
}

/** Why this run will not comment (for the summary), or undefined when it will try. */
export function whyNoComment(config: Config, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (!PULL_REQUEST_EVENTS.has(event)) {
    // plain prose: notes are shown escaped, as data is
    const what = event ? `a ${event} run` : 'a run without a GitHub event (GITHUB_EVENT_NAME is empty)';
    return `No pull-request comment: this is ${what}; the preview comments only on pull_request and pull_request_target runs. This summary is the whole preview.`;
  }
  if (!pullRequestFromEnv(env))
    return 'No pull-request comment: the event payload names no pull request. This summary is the whole preview.';
  if (!config.githubToken) return 'No pull-request comment: github-token is empty. This summary is the whole preview.';
  return undefined;
}

export async function postPreviewComment(report: Report, config: Config, redactor: Redactor): Promise<void> {
  const pr = pullRequestFromEnv();
  if (!pr || !config.githubToken) return;
  try {
    const client = createGitHubClient(config.githubToken, { secrets: redactor.list() });
    const result = await withDeadline(GITHUB_STEP_DEADLINE_MS, 'The preview comment', () =>
      upsertStickyComment(client, {
        pr,
        namespace: config.namespace,
        release: config.release,
        key: config.commentKey ?? (config.kubeconfig || config.baseValues ? undefined : runnerCurrentContext()),
        pullRequestTarget: process.env.GITHUB_EVENT_NAME === 'pull_request_target',
        body: commentSections(summaryMarkdown(report)),
        fullReportUrl: runUrlFromEnv(),
        redact: (t) => redactor.text(t),
        secrets: redactor.list(),
      }),
    );
    if (result.status === 'skipped') core.warning(result.warning);
    else logInfo(`Preview comment ${result.status}: ${result.url}`);
  } catch (e) {
    // The summary is written already; a comment that fails must not hide the preview's own verdict.
    core.warning(`Could not post the preview comment: ${redactor.text(errorMessage(e))}`);
  }
}
