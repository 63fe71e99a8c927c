// `drift-issue: true`: one GitHub issue per release/namespace, found by its label and hidden marker.
// Drift and no open issue → open one. Drift and an open issue → its description is replaced by the
// latest report (silent), and a comment is added only when the differences changed since the last
// run, so a nightly schedule that keeps finding the same drift sends no notifications. Clean and an
// open issue → a comment, then closed. Clean and none open → nothing is written.
import { createHash } from 'node:crypto';
import { skipOrThrow, type GitHubWrite } from './api-error.js';
import type { GitHubClient } from './client.js';
import type { RepoRef } from './context.js';
import { assertNoSecrets, redactOutgoing, redactSections, writeGuard, type SecretGuard } from './redact.js';
import { driftLabel, ensureLabel } from './drift-label.js';
import { ownWritings } from './own-writings.js';
import { stickyMarker } from './sticky-comment.js';
import { bodySize, fitBody, type BodySection } from './truncate.js';

export interface DriftIssueParams {
  repo: RepoRef;
  namespace: string;
  release: string;
  drift: boolean;
  /** the differences (markdown); used when `drift`. A section marked `cuttable` may be shortened */
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
  const label = driftLabel(params.namespace, params.release);
  const run: Run = { client, params, guard: writeGuard(client, params), checked: checkedAt(params) };
  let step: Step = 'find';
  try {
    const open = await findOpenIssue(client, params.repo, label, driftMarker(params.namespace, params.release));
    const report = params.drift ? driftReport(run) : undefined;
    // Drift: open an issue or bring the open one up to date. Clean: close the open one, if any.
    if (!report) {
      if (!open) return { action: 'none' };
      step = 'close';
      return await closeIssue(run, open);
    }
    step = open ? 'update' : 'open';
    return open ? await updateIssue(run, open, report) : await openIssue(run, label, report);
  } catch (e) {
    return { action: 'skipped', ...skipOrThrow(e, issueWrite(step, params.repo)) };
  }
}

/** One sync: its client and parameters, the guard for what it sends, and when it checked. */
interface Run {
  client: GitHubClient;
  params: DriftIssueParams;
  guard: SecretGuard & { secrets: readonly string[] };
  /** "2025-01-02T03:04:05Z in [this run](…)" */
  checked: string;
}

type Step = 'find' | 'close' | 'open' | 'update';

function checkedAt(params: DriftIssueParams): string {
  const at = (params.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${at}${params.runUrl ? ` in [this run](${params.runUrl})` : ''}`;
}

/** No drift any more: a comment that says so, then the issue closed as completed. */
async function closeIssue(run: Run, open: OpenIssue): Promise<DriftIssueResult> {
  const { owner, repo } = run.params.repo;
  const text = `No drift any more: the cluster matches the desired configuration (checked ${run.checked}). Closing.\n`;
  await run.client.octokit.rest.issues.createComment({ owner, repo, issue_number: open.number, body: redactOutgoing(text, run.guard) });
  const { data } = await run.client.octokit.rest.issues.update({
    owner,
    repo,
    issue_number: open.number,
    state: 'closed',
    state_reason: 'completed',
  });
  return { action: 'closed', issueNumber: data.number, url: data.html_url };
}

interface DriftReport {
  /** the redacted report, for a comment */
  sections: BodySection[];
  fingerprint: string;
  /** the issue description: marker, fingerprint, report (cut to fit) and footer */
  body: string;
  truncated: boolean;
}

function driftReport(run: Run): DriftReport {
  const { params, guard } = run;
  const sections = redactSections(params.report ?? '', guard);
  const fingerprint = createHash('sha256')
    .update(params.fingerprint ?? sections.map((s) => s.markdown).join(''))
    .digest('hex')
    .slice(0, 16);
  const head =
    `${driftMarker(params.namespace, params.release)}\n<!-- cilium-native-routing-action:drift-fingerprint:${fingerprint} -->\n` +
    `**Configuration drift** in Cilium release \`${params.release}\` (namespace \`${params.namespace}\`), last checked ${run.checked}.\n\n`;
  const tail =
    '\n\n---\n_Kept up to date by cilium-native-routing-action (`drift-issue: true`): the description shows the ' +
    'latest differences, a comment is added when they change, and the issue is closed when the cluster is clean._\n';
  const fitted = fitBody(sections, { limit: params.limit, reserve: bodySize(head) + bodySize(tail), fullReportUrl: params.runUrl });
  const body = head + fitted.body + tail;
  assertNoSecrets(body, guard.secrets);
  return { sections, fingerprint, body, truncated: fitted.truncated };
}

async function openIssue(run: Run, label: string, report: DriftReport): Promise<DriftIssueResult> {
  const { client, params } = run;
  const { owner, repo } = params.repo;
  await ensureLabel(client, params.repo, params.namespace, params.release);
  const { data } = await client.octokit.rest.issues.create({
    owner,
    repo,
    title: redactOutgoing(`Cilium configuration drift: ${params.namespace}/${params.release}`, run.guard),
    body: report.body,
    labels: [label],
  });
  return { action: 'opened', issueNumber: data.number, url: data.html_url, truncated: report.truncated };
}

/** The description replaced by the latest report; a comment only when the differences changed. */
async function updateIssue(run: Run, open: OpenIssue, report: DriftReport): Promise<DriftIssueResult> {
  const { client, params } = run;
  const { owner, repo } = params.repo;
  const changed = storedFingerprint(open.body) !== report.fingerprint;
  if (changed) {
    const head = `The differences changed (checked ${run.checked}):\n\n`;
    const comment = head + fitBody(report.sections, { limit: params.limit, reserve: bodySize(head), fullReportUrl: params.runUrl }).body;
    assertNoSecrets(comment, run.guard.secrets);
    await client.octokit.rest.issues.createComment({ owner, repo, issue_number: open.number, body: comment });
  }
  const bodyUpdated = open.body !== report.body;
  if (bodyUpdated) await client.octokit.rest.issues.update({ owner, repo, issue_number: open.number, body: report.body });
  return {
    action: 'updated',
    issueNumber: open.number,
    url: open.html_url,
    bodyUpdated,
    commented: changed,
    truncated: report.truncated,
  };
}

const STEP: Record<Step, string> = {
  find: 'find the open drift issue in',
  close: 'close the drift issue in',
  open: 'open a drift issue in',
  update: 'update the drift issue in',
};

/** How a failed request of the sync reads. Without permission the job summary has the drift report. */
function issueWrite(step: Step, { owner, repo }: RepoRef): GitHubWrite {
  return {
    action: `${STEP[step]} ${owner}/${repo}`,
    forbidden: 'the token may not write issues',
    notFound: "the token may not see this repository's issues",
    permission: 'issues: write',
    orElse: ', or set `drift-issue: false`',
    gone: 'issues are disabled in this repository. Enable them in the repository settings or set `drift-issue: false`',
    fallback: 'The drift report is in the job summary.',
    unauthorized: 'The github-token input is invalid or expired.',
    retry: 'The drift report is in the job summary; the issue is brought up to date on the next run.',
  };
}

interface OpenIssue {
  number: number;
  body?: string | null;
  html_url: string;
}

/** The oldest open issue (not pull request) with the label and the marker. */
async function findOpenIssue(
  client: GitHubClient,
  { owner, repo }: RepoRef,
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
  const marked = issues.filter((i) => !i.pull_request && (i.body ?? '').trimStart().startsWith(marker));
  // only an issue this action's identity opened: anyone who can label an issue could copy the marker
  return (await ownWritings(client, marked))[0];
}
