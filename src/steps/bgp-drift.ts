// drift, profile bgp: the live BGP resources against the ones the inputs render, and every node
// whose BGP check failed. Read-only (kubectl get).
import { compareBgpObjects } from '../bgp/compare.js';
import type { BgpConfig } from '../bgp/inputs.js';
import { bgpManifest, bgpObjects } from '../bgp/resources.js';
import type { Kubectl } from '../cluster/kubectl.js';
import type { Difference, Report } from '../report/report.js';
import { readBgpObjects } from './bgp-resources.js';

export async function bgpResourceDifferences(kubectl: Kubectl, report: Report, bgp: BgpConfig): Promise<Difference[]> {
  const objects = bgpObjects(bgp);
  report.bgp = { ...(report.bgp ?? {}), resources: bgpManifest(objects) };
  const live = await readBgpObjects(kubectl, objects);
  return compareBgpObjects(objects, live).map((d) => ({ source: 'bgp', ...d }));
}

/** After the checks: nodes whose sessions or advertisement are not as configured. */
export function bgpNodeDifferences(report: Report): Difference[] {
  return (report.bgp?.rows ?? [])
    .filter((r) => !r.ok)
    .map((r) => ({ source: 'bgp', key: `node ${r.node}`, expected: `${r.expected} sessions established, pod CIDR advertised`, actual: r.problems.join('; ') }));
}
