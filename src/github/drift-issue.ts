// `drift-issue: true`: one GitHub issue per release/namespace, found by its label and hidden marker.
// Drift and no open issue → open one. Drift and an open issue → its description is replaced by the
// latest report (silent), and a comment is added only when the differences changed since the last
// run, so a nightly schedule that keeps finding the same drift sends no notifications. Clean and an
// open issue → a comment, then closed. Clean and none open → nothing is written.
import { createHash } from 'node:crypto';
import { ActionError, errorMessage } from '../errors.js';
import { apiMessage, httpStatus, isRateLimited, type GitHubClient } from './client.js';
import type { RepoRef } from './context.js';
import { assertNoSecrets, redactOutgoing } from './redact.js';
import { stickyMarker } from './sticky-comment.js';
import { bodySize, fitBody, type BodySection } from './truncate.js';

export interface DriftIssueParams {
  repo: RepoRef;
  namespace: string;
  release: string;
  drift: boolean;
  /** the differences (markdown); used when `drift`. Sections marked `cuttable` may be shortened */
  report?: string | readonly BodySection[];
  /**
   * Identifies this set of differences: a new value adds a comment to the open issue. Pass one when
   * the report contains run-specific text (times, links); default: the redacted report itself.
   */
  fingerprint?: string;
  /** this run's page (its job summary has the full report) */
  runUrl?: string;
  redact?: (text: string) => string;
  secrets?: readonly string[];
  /** for the "last checked" line; default now */
  now?: Date;
  /** default GITHUB_BODY_LIMIT; smaller only in tests */
  limit?: number;
}

export type DriftIssueResult =
  | { action: 'opened'; issueNumber: number; url: string; truncated: boolean }
  | {
      action: 'updated';
      issueNumber: number;
      url: string;
      /** the description was replaced by the latest report */
      bodyUpdated: boolean;
      /** a comment was added because the differences changed */
      commented: boolean;
      truncated: boolean;
    }
  | { action: 'closed'; issueNumber: number; url: string }
  | { action: 'none' }
  | { action: 'skipped'; httpStatus: number; warning: string };

const DRIFT_LABEL_COLOR = 'd93f0b';
const LABEL_PREFIX = 'cilium-drift:';
const LABEL_MAX = 50; // GitHub's limit for label names

/** `cilium-drift:<namespace>/<release>`, shortened with a hash when over GitHub's 50 characters. */
export function driftLabel(namespace: string, release: string): string {
  stickyMarker(namespace, release); // same name rules
  const full = `${LABEL_PREFIX}${namespace}/${release}`;
  if (full.length <= LABEL_MAX) return full;
  const hash = createHash('sha256').update(`${namespace}/${release}`).digest('hex').slice(0, 8);
  return `${full.slice(0, LABEL_MAX - hash.length - 1)}~${hash}`;
}

/** The hidden first line of the drift issue of one release (distinct from the PR comment's). */
export function driftMarker(namespace: string, release: string): string {
  stickyMarker(namespace, release);
  return `<!-- cilium-native-routing-action:drift:${namespace}/${release} -->`;
}

const FINGERPRINT_RE = /<!-- cilium-native-routing-action:drift-fingerprint:([0-9a-f]+) -->/;

/** Pure: the fingerprint stored in an issue body, if any. */
export function storedFingerprint(body: string | null | undefined): string | undefined {
  return FINGERPRINT_RE.exec(body ?? '')?.[1];
}

export async function syncDriftIssue(client: GitHubClient, params: DriftIssueParams): Promise<DriftIssueResult> {
  const { owner, repo } = params.repo;
  const { namespace, release } = params;
  const label = driftLabel(namespace, release);
  const marker = driftMarker(namespace, release);
  const guard = { redact: params.redact, secrets: [...client.secrets, ...(params.secrets ?? [])] };
  const checked = `${(params.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')}${params.runUrl ? ` in [this run](${params.runUrl})` : ''}`;
  const send = (text: string): string => {
    assertNoSecrets(text, guard.secrets);
    return text;
  };

  let phase = 'find the open drift issue in';
  try {
    const open = await findOpenIssue(client, owner, repo, label, marker);

    if (!params.drift) {
      if (!open) return { action: 'none' };
      phase = 'close the drift issue in';
      await client.octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: open.number,
        body: send(
          redactOutgoing(`No drift any more: the cluster matches the desired configuration (checked ${checked}). Closing.\n`, guard),
        ),
      });
      const { data } = await client.octokit.rest.issues.update({
        owner,
        repo,
        issue_number: open.number,
        state: 'closed',
        state_reason: 'completed',
      });
      return { action: 'closed', issueNumber: data.number, url: data.html_url };
    }

    const sections: BodySection[] = (
      typeof params.report === 'string' || params.report === undefined ? [{ markdown: params.report ?? '' }] : params.report
    ).map((s) => ({ ...s, markdown: redactOutgoing(s.markdown, guard) }));
    const fingerprint = createHash('sha256')
      .update(params.fingerprint ?? sections.map((s) => s.markdown).join(''))
      .digest('hex')
      .slice(0, 16);
    const head =
      `${marker}\n<!-- cilium-native-routing-action:drift-fingerprint:${fingerprint} -->\n` +
      `**Configuration drift** in Cilium release \`${release}\` (namespace \`${namespace}\`), last checked ${checked}.\n\n`;
    const tail =
      '\n\n---\n_Kept up to date by cilium-native-routing-action (`drift-issue: true`): the description shows the ' +
      'latest differences, a comment is added when they change, and the issue is closed when the cluster is clean._\n';
    const fitted = fitBody(sections, {
      limit: params.limit,
      reserve: bodySize(head) + bodySize(tail),
      fullReportUrl: params.runUrl,
    });
    const body = send(head + fitted.body + tail);

    if (!open) {
      phase = 'open a drift issue in';
      await ensureLabel(client, owner, repo, label, namespace, release);
      const { data } = await client.octokit.rest.issues.create({
        owner,
        repo,
        title: send(redactOutgoing(`Cilium configuration drift: ${namespace}/${release}`, guard)),
        body,
        labels: [label],
      });
      return { action: 'opened', issueNumber: data.number, url: data.html_url, truncated: fitted.truncated };
    }

    phase = 'update the drift issue in';
    const changed = storedFingerprint(open.body) !== fingerprint;
    if (changed) {
      const commentHead = `The differences changed (checked ${checked}):\n\n`;
      const comment = fitBody(sections, {
        limit: params.limit,
        reserve: bodySize(commentHead),
        fullReportUrl: params.runUrl,
      });
      await client.octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: open.number,
        body: send(commentHead + comment.body),
      });
    }
    const bodyUpdated = open.body !== body;
    if (bodyUpdated) {
      await client.octokit.rest.issues.update({ owner, repo, issue_number: open.number, body });
    }
    return {
      action: 'updated',
      issueNumber: open.number,
      url: open.html_url,
      bodyUpdated,
      commented: changed,
      truncated: fitted.truncated,
    };
  } catch (e) {
    const status = httpStatus(e);
    const where = `${owner}/${repo}`;
    if (status === 403 || status === 404) {
      const said = apiMessage(e) ?? errorMessage(e);
      const warning =
        status === 403 && isRateLimited(e)
          ? `Could not ${phase} ${where}: GitHub's API rate limit was reached (HTTP 403: ${said}). The drift report is in the job summary.`
          : `Could not ${phase} ${where} (HTTP ${status}: ${said}): the token may not ${status === 404 ? "see this repository's issues" : 'write issues'}. ` +
            'Give the job `permissions: issues: write` (or pass a `github-token` that has it), or set `drift-issue: false`. ' +
            'The drift report is in the job summary.';
      return { action: 'skipped', httpStatus: status, warning };
    }
    if (status === 410) {
      const warning =
        `Could not ${phase} ${where} (HTTP 410: ${apiMessage(e) ?? errorMessage(e)}): issues are disabled in this ` +
        'repository. Enable them in the repository settings or set `drift-issue: false`. The drift report is in the job summary.';
      return { action: 'skipped', httpStatus: status, warning };
    }
    throw new ActionError(`Could not ${phase} ${where}: ${errorMessage(e)}`, {
      cause: e,
      hint:
        status === 401
          ? 'The github-token input is invalid or expired.'
          : 'The drift report is in the job summary; the issue is brought up to date on the next run.',
    });
  }
}

interface OpenIssue {
  number: number;
  body?: string | null;
  html_url: string;
}

/** The oldest open issue (not pull request) with the label and the marker. */
async function findOpenIssue(
  client: GitHubClient,
  owner: string,
  repo: string,
  label: string,
  marker: string,
): Promise<OpenIssue | undefined> {
  const issues = await client.octokit.paginate(client.octokit.rest.issues.listForRepo, {
    owner,
    repo,
    labels: label,
    state: 'open',
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
  return issues.find((i) => !i.pull_request && (i.body ?? '').trimStart().startsWith(marker));
}

async function ensureLabel(
  client: GitHubClient,
  owner: string,
  repo: string,
  name: string,
  namespace: string,
  release: string,
): Promise<void> {
  try {
    await client.octokit.rest.issues.getLabel({ owner, repo, name });
    return;
  } catch (e) {
    if (httpStatus(e) !== 404) throw e;
  }
  try {
    await client.octokit.rest.issues.createLabel({
      owner,
      repo,
      name,
      color: DRIFT_LABEL_COLOR,
      description: `Cilium drift of ${namespace}/${release} (cilium-native-routing-action)`.slice(0, 100),
    });
  } catch (e) {
    // 422: created meanwhile by a concurrent run; the label is there, which is all we need.
    if (httpStatus(e) !== 422) throw e;
  }
}
