// The label that finds a release's drift issue again (with the hidden marker), created when the
// first issue is opened.
import { createHash } from 'node:crypto';
import { httpStatus } from './api-error.js';
import type { GitHubClient } from './client.js';
import type { RepoRef } from './context.js';
import { stickyMarker } from './sticky-comment.js';

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

/** The release's drift label, created when the repository does not have it yet. */
export async function ensureLabel(client: GitHubClient, { owner, repo }: RepoRef, namespace: string, release: string): Promise<void> {
  const name = driftLabel(namespace, release);
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
