// What a failed `helm upgrade` left behind, read from the release rather than assumed: "rolled back"
// only when the history shows a newer deployed revision than the one the upgrade started from.
import type { ReleaseInfo } from './helm.js';

export function afterFailedUpgrade(
  before: ReleaseInfo | undefined,
  after: ReleaseInfo | undefined,
  flag: string,
  release: string,
  namespace: string,
): string {
  const history = `Check \`helm history ${release} -n ${namespace}\``;
  if (!after) return `The release's state could not be read after the failure. ${history}.`;
  if (helmRolledBack(before, after)) {
    return `helm rolled the release back (${flag}): it is deployed at revision ${after.revision}; the message above names the cause.`;
  }
  if (!before && after.status === 'deployed')
    return `The release is deployed at revision ${after.revision}; the message above names the cause.`;
  return `The release is ${after.status} at revision ${after.revision}: helm did not roll it back. ${history} and roll back to the last deployed revision by hand.`;
}

/** helm's own rollback put the release back: the failed upgrade took revision N+1, the rollback N+2 (deployed). */
export function helmRolledBack(before: ReleaseInfo | undefined, after: ReleaseInfo | undefined): boolean {
  return !!before && after?.status === 'deployed' && after.revision >= before.revision + 2;
}
