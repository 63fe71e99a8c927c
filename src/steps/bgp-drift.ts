// drift, profile bgp: the live BGP resources against the ones the inputs render, and every node
// whose BGP check failed. Read-only (kubectl get).
import { compareBgpObjects } from '../bgp/compare.js';
import type { BgpConfig } from '../bgp/inputs.js';
import type { BgpNodeRow } from '../bgp/judge.js';
import { bgpObjects } from '../bgp/resources.js';
import * as io from '@actions/io';
import type { KubeAccess } from '../cluster/access.js';
import { Kubectl } from '../cluster/kubectl.js';
import type { Difference, Report } from '../report/report.js';
import { readBgpObjects } from './bgp-resources.js';

export async function bgpResourceDifferences(kubectl: Kubectl, bgp: BgpConfig): Promise<Difference[]> {
  const objects = bgpObjects(bgp);
  const live = await readBgpObjects(kubectl, objects);
  return compareBgpObjects(objects, live).map((d) => ({ source: 'bgp', ...d }));
}

/** After the checks: nodes whose sessions or advertisement are not as configured. */
export function bgpNodeDifferences(rows: readonly BgpNodeRow[]): Difference[] {
  return rows
    .filter((r) => !r.ok)
    .map((r) => ({
      source: 'bgp',
      key: `node ${r.node}`,
      expected: `${r.expected} sessions established, pod CIDR advertised`,
      actual: r.problems.join('; '),
    }));
}

/**
 * preview with a cluster: the BGP resources against the live ones, when kubectl is on PATH (preview
 * needs only helm otherwise, so without kubectl the resources are shown without a diff).
 */
export async function previewBgpChanges(access: KubeAccess, report: Report, bgp: BgpConfig): Promise<Difference[] | undefined> {
  const kubectlPath = await io.which('kubectl', false);
  if (!kubectlPath) {
    report.notes.push('kubectl is not on the runner PATH: the BGP resources are shown without a diff against the live ones.');
    return undefined;
  }
  return bgpResourceDifferences(new Kubectl(kubectlPath, access), bgp);
}
