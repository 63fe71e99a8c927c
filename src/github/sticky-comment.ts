// The preview's pull-request comment: one per release/namespace, found again by a hidden marker and
// edited in place on every push, never a second one. Without permission to comment (forks,
// read-only tokens) it gives back a warning instead of failing: the job summary has the preview.
import { ActionError } from '../errors.js';
import { skipOrThrow, type GitHubWrite } from './api-error.js';
import type { GitHubClient } from './client.js';
import type { PullRequestRef } from './context.js';
import { markerKey } from './comment-key.js';
import { assertNoSecrets, redactSections, writeGuard } from './redact.js';
import { bodySize, fitBody, type BodySection, type FitResult } from './truncate.js';
import { ownWritings } from './own-writings.js';

export interface StickyCommentParams {
  pr: Pick<PullRequestRef, 'owner' | 'repo' | 'number'> & { fromFork?: boolean };
  namespace: string;
  release: string;
  /** the cluster (comment-key or kube context): one comment per cluster, release and namespace */
  key?: string;
  /** a `pull_request_target` run: its token is the base repository's, forks change nothing */
  pullRequestTarget?: boolean;
  /** the preview markdown; the section marked `cuttable` may be shortened to fit GitHub's limit */
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
  const marker = stickyMarker(params.namespace, params.release, params.key);
  const { body, truncated } = commentBody(client, params, marker);
  let phase: Phase = 'list';
  try {
    const [existing, ...others] = await markedComments(client, params.pr, marker);
    phase = existing ? 'update' : 'create';
    return { ...(await writeComment(client, params.pr, existing, body)), truncated, duplicates: others.length };
  } catch (e) {
    return { status: 'skipped', ...skipOrThrow(e, commentWrite(phase, params)) };
  }
}

/** The marker line and the redacted preview, cut to fit under GitHub's limit with it. */
function commentBody(client: GitHubClient, params: StickyCommentParams, marker: string): FitResult {
  const guard = writeGuard(client, params);
  const head = `${marker}\n`;
  const fitted = fitBody(redactSections(params.body, guard), {
    limit: params.limit,
    reserve: bodySize(head),
    fullReportUrl: params.fullReportUrl,
  });
  const body = head + fitted.body;
  assertNoSecrets(body, guard.secrets);
  return { body, truncated: fitted.truncated };
}

interface Comment {
  id: number;
  body?: string;
  html_url: string;
}

/** This action's comments on the pull request that start with the marker, oldest first. */
async function markedComments(client: GitHubClient, pr: StickyCommentParams['pr'], marker: string): Promise<Comment[]> {
  const comments = await client.octokit.paginate(client.octokit.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  return ownWritings(client, findMarked(comments, marker));
}

/** The comment edited in place (or left as it is), else a new one. */
async function writeComment(
  client: GitHubClient,
  pr: StickyCommentParams['pr'],
  existing: Comment | undefined,
  body: string,
): Promise<{ status: 'created' | 'updated' | 'unchanged'; commentId: number; url: string }> {
  const { owner, repo, number } = pr;
  if (existing?.body === body) return { status: 'unchanged', commentId: existing.id, url: existing.html_url };
  const { data } = existing
    ? await client.octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
    : await client.octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
  return { status: existing ? 'updated' : 'created', commentId: data.id, url: data.html_url };
}

type Phase = 'list' | 'create' | 'update';
const VERB: Record<Phase, string> = { list: 'read the comments of', create: 'comment on', update: 'update its comment on' };

/** How a failed request of this comment reads. Without permission the job summary has the preview. */
function commentWrite(phase: Phase, params: StickyCommentParams): GitHubWrite {
  const { owner, repo, number, fromFork } = params.pr;
  return {
    action: `${VERB[phase]} pull request #${number} in ${owner}/${repo}`,
    forbidden: 'the token may not write pull-request comments',
    notFound: 'the token cannot see this repository or pull request (a token for another repository, or without `pull-requests: read`)',
    permission: 'pull-requests: write',
    context: forkContext(fromFork, params.pullRequestTarget),
    fallback: 'The preview is in the job summary only.',
    unauthorized: 'The github-token input is invalid or expired; the default `${{ github.token }}` works for this repository.',
    retry: 'The preview is in the job summary; re-run the job if GitHub had a temporary problem.',
  };
}

function forkContext(fromFork: boolean | undefined, target: boolean | undefined): string {
  // On pull_request_target the token is the base repository's whatever the head is: only the
  // workflow's (or the organisation's) permissions can take the write access away.
  if (target) {
    return (
      " This is a `pull_request_target` run: its token belongs to the base repository, fork or not, so the workflow's " +
      '`permissions:` (or the repository or organisation default of read-only workflow tokens) is what withholds `pull-requests: write`.'
    );
  }
  return fromFork
    ? ' This pull request comes from a fork: on `pull_request` events GitHub gives its runs a read-only token, ' +
        'so no comment can be written (a `pull_request_target` workflow can, but must not run code from the fork).'
    : '';
}

function checkName(what: string, value: string): void {
  // Config validates these already; checked here because they go into an HTML comment and a label.
  if (!NAME_RE.test(value)) throw new ActionError(`Invalid ${what} for the GitHub marker: ${JSON.stringify(value)}`);
}
