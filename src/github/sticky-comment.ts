// The preview's pull-request comment: one per release/namespace, found again by a hidden marker and
// edited in place on every push, never a second one. Without permission to comment (forks,
// read-only tokens) it gives back a warning instead of failing: the job summary has the preview.
import { ActionError, errorMessage } from '../errors.js';
import { apiMessage, httpStatus, isRateLimited, type GitHubClient } from './client.js';
import type { PullRequestRef } from './context.js';
import { markerKey } from './comment-key.js';
import { assertNoSecrets, redactOutgoing } from './redact.js';
import { bodySize, fitBody, type BodySection } from './truncate.js';
import { ownComments } from './comment-author.js';

export interface StickyCommentParams {
  pr: Pick<PullRequestRef, 'owner' | 'repo' | 'number'> & { fromFork?: boolean };
  namespace: string;
  release: string;
  /** the cluster (comment-key or kube context): one comment per cluster, release and namespace */
  key?: string;
  /** a `pull_request_target` run: its token is the base repository's, forks change nothing */
  pullRequestTarget?: boolean;
  /** the preview markdown; sections marked `cuttable` may be shortened to fit GitHub's limit */
  body: string | readonly BodySection[];
  /** the run page with the job summary, linked when the comment had to be shortened */
  fullReportUrl?: string;
  /** the report's redaction, applied before the client's secrets are checked and replaced */
  redact?: (text: string) => string;
  /** more secret values to keep out (the client's token always is) */
  secrets?: readonly string[];
  /** default GITHUB_BODY_LIMIT; smaller only in tests */
  limit?: number;
}

export type StickyCommentResult =
  | {
      status: 'created' | 'updated' | 'unchanged';
      commentId: number;
      url: string;
      truncated: boolean;
      /** other comments that also carry the marker (left alone) */
      duplicates: number;
    }
  | { status: 'skipped'; httpStatus: number; warning: string };

const NAME_RE = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** The hidden first line that identifies the comment of one release (of one cluster, when keyed). */
export function stickyMarker(namespace: string, release: string, key?: string): string {
  checkName('namespace', namespace);
  checkName('release', release);
  return `<!-- cilium-native-routing-action:${namespace}/${release}${key ? `@${markerKey(key)}` : ''} -->`;
}

/** Pure: the comments whose body starts with the marker, in API order (oldest first). */
function findMarked<T extends { body?: string | null }>(comments: readonly T[], marker: string): T[] {
  return comments.filter((c) => (c.body ?? '').trimStart().startsWith(marker));
}

export async function upsertStickyComment(client: GitHubClient, params: StickyCommentParams): Promise<StickyCommentResult> {
  const { owner, repo, number } = params.pr;
  const marker = stickyMarker(params.namespace, params.release, params.key);
  const guard = { redact: params.redact, secrets: [...client.secrets, ...(params.secrets ?? [])] };
  // Redact before measuring: replacing a secret changes the length.
  const sections: BodySection[] = (typeof params.body === 'string' ? [{ markdown: params.body }] : params.body).map((s) => ({
    ...s,
    markdown: redactOutgoing(s.markdown, guard),
  }));
  const head = `${marker}\n`;
  const fitted = fitBody(sections, {
    limit: params.limit,
    reserve: bodySize(head),
    fullReportUrl: params.fullReportUrl,
  });
  const body = head + fitted.body;
  assertNoSecrets(body, guard.secrets);

  let phase: 'list' | 'create' | 'update' = 'list';
  try {
    const comments = await client.octokit.paginate(client.octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: number,
      per_page: 100,
    });
    const [existing, ...others] = await ownComments(client, findMarked(comments, marker));
    if (existing) {
      if (existing.body === body) {
        return {
          status: 'unchanged',
          commentId: existing.id,
          url: existing.html_url,
          truncated: fitted.truncated,
          duplicates: others.length,
        };
      }
      phase = 'update';
      const { data } = await client.octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      return { status: 'updated', commentId: data.id, url: data.html_url, truncated: fitted.truncated, duplicates: others.length };
    }
    phase = 'create';
    const { data } = await client.octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    return { status: 'created', commentId: data.id, url: data.html_url, truncated: fitted.truncated, duplicates: 0 };
  } catch (e) {
    const status = httpStatus(e);
    const verb = { list: 'read the comments of', create: 'comment on', update: 'update its comment on' }[phase];
    const what = `pull request #${number} in ${owner}/${repo}`;
    if (status === 403 || status === 404) {
      return {
        status: 'skipped',
        httpStatus: status,
        warning: permissionWarning(status, `${verb} ${what}`, e, params.pr.fromFork, params.pullRequestTarget),
      };
    }
    throw new ActionError(`Could not ${verb} ${what}: ${errorMessage(e)}`, {
      cause: e,
      hint:
        status === 401
          ? 'The github-token input is invalid or expired; the default `${{ github.token }}` works for this repository.'
          : 'The preview is in the job summary; re-run the job if GitHub had a temporary problem.',
    });
  }
}

function permissionWarning(status: number, action: string, e: unknown, fromFork: boolean | undefined, target: boolean | undefined): string {
  const said = apiMessage(e) ?? errorMessage(e);
  const summary = 'The preview is in the job summary only.';
  if (status === 403 && isRateLimited(e)) {
    return `Could not ${action}: GitHub's API rate limit was reached (HTTP 403: ${said}). ${summary}`;
  }
  // On pull_request_target the token is the base repository's whatever the head is: only the
  // workflow's (or the organisation's) permissions can take the write access away.
  const fork = target
    ? " This is a `pull_request_target` run: its token belongs to the base repository, fork or not, so the workflow's " +
      '`permissions:` (or the repository or organisation default of read-only workflow tokens) is what withholds `pull-requests: write`.'
    : fromFork
      ? ' This pull request comes from a fork: on `pull_request` events GitHub gives its runs a read-only token, ' +
        'so no comment can be written (a `pull_request_target` workflow can, but must not run code from the fork).'
      : '';
  const why =
    status === 404
      ? 'the token cannot see this repository or pull request (a token for another repository, or without `pull-requests: read`)'
      : 'the token may not write pull-request comments';
  return (
    `Could not ${action} (HTTP ${status}: ${said}): ${why}. ` +
    'Give the job `permissions: pull-requests: write` (or pass a `github-token` that has it).' +
    `${fork} ${summary}`
  );
}

function checkName(what: string, value: string): void {
  // Config validates these already; checked here because they go into an HTML comment and a label.
  if (!NAME_RE.test(value)) throw new ActionError(`Invalid ${what} for the GitHub marker: ${JSON.stringify(value)}`);
}
