// profile bgp in apply: whether the cluster needs phase 1 (BGP up while every node still tunnels),
// and the BGP resources applied after each upgrade. modes/bgp-apply.ts composes them.
import type { BgpConfig } from '../bgp/inputs.js';
import { bgpObjects } from '../bgp/resources.js';
import type { Kubectl } from '../cluster/kubectl.js';
import type { Report } from '../report/report.js';
import { step } from '../report/steps.js';
import { applyBgpObjects } from './bgp-resources.js';

/**
 * Phase 1 is skipped only when BGP already runs natively. A tunnelling cluster keeps its tunnel, and
 * a native WireGuard cluster its WireGuard, until every pod CIDR is advertised.
 */
export const needsBgpPhaseOne = (liveConfig: Record<string, string> | undefined): boolean =>
  liveConfig?.['routing-mode'] !== 'native' || liveConfig['enable-bgp-control-plane'] !== 'true';

export async function applyBgpResources(kubectl: Kubectl, report: Report, bgp: BgpConfig, deadline: number): Promise<void> {
  const objects = bgpObjects(bgp);
  await step(report, 'Apply the BGP resources (server-side apply)', () => applyBgpObjects(kubectl, objects, deadline));
}
