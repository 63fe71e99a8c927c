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
  // the failed upgrade takes revision N+1, helm's rollback N+2 (deployed)
  if (before && after.status === 'deployed' && after.revision >= before.revision + 2) {
    return `helm rolled the release back (${flag}): it is deployed at revision ${after.revision}; the message above names the cause.`;
  }
  if (!before && after.status === 'deployed')
    return `The release is deployed at revision ${after.revision}; the message above names the cause.`;
  return `The release is ${after.status} at revision ${after.revision}: helm did not roll it back. ${history} and roll back to the last deployed revision by hand.`;
}
