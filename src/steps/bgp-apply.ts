// profile bgp in apply: phase 1 (BGP up while every node still tunnels, then the gate) before the
// routing cutover, and the BGP resources applied after each upgrade. The lead's staged flow can call
// these in place of the simple two-phase wiring in src/modes/apply.ts.
import { logInfo } from '../log/safe-log.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { bgpManifest, bgpObjects } from '../bgp/resources.js';
import type { BgpConfig } from '../bgp/inputs.js';
import type { Helm } from '../cluster/helm.js';
import type { Kubectl } from '../cluster/kubectl.js';
import { listNodes } from '../cluster/nodes.js';
import { liveCiliumConfig, restartCilium } from '../cluster/restart.js';
import { upgrade, type UpgradeRequest } from '../cluster/upgrade.js';
import { workDir } from '../report/publish.js';
import type { Report } from '../report/report.js';
import { step } from '../report/steps.js';
import type { Values } from '../values/layers.js';
import { applyBgpObjects } from './bgp-resources.js';
import { BGP_PHASE_ONE, bgpPhaseOneValues, waitForBgpGate } from './bgp-phase.js';

export interface BgpPhaseOneInput {
  helm: Helm;
  kubectl: Kubectl;
  report: Report;
  bgp: BgpConfig;
  liveValues: Values;
  /** the upgrade as apply would run it; its values file is replaced by phase 1's */
  upgrade: UpgradeRequest;
  runnerTemp: string;
}

/**
 * Phase 1 is skipped only when BGP already runs natively. A tunnelling cluster keeps its tunnel, and
 * a native WireGuard cluster its WireGuard, until every pod CIDR is advertised.
 */
export const needsBgpPhaseOne = (liveConfig: Record<string, string> | undefined): boolean =>
  liveConfig?.['routing-mode'] !== 'native' || liveConfig['enable-bgp-control-plane'] !== 'true';

/** Phase 1: upgrade with BGP on (tunnel kept), restart, apply the resources, wait for the gate. */
export async function runBgpPhaseOne(input: BgpPhaseOneInput): Promise<void> {
  const { helm, kubectl, report, bgp } = input;
  const { namespace, deadline } = input.upgrade;
  const valuesFile = path.join(workDir(input.runnerTemp), `${input.upgrade.release}-bgp-phase1-values.yaml`);
  writeFileSync(valuesFile, stringify(bgpPhaseOneValues(input.liveValues), { lineWidth: 0 }), { mode: 0o600 });
  const before = await liveCiliumConfig(kubectl, namespace);
  await step(report, `Phase 1 (${BGP_PHASE_ONE}): helm upgrade`, () => upgrade(helm, { ...input.upgrade, valuesFile }));
  const after = await liveCiliumConfig(kubectl, namespace);
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await step(report, `Phase 1 (${BGP_PHASE_ONE}): restart the agents and the operator`, () =>
      restartCilium(kubectl, namespace, deadline),
    );
  }
  await applyBgpResources(kubectl, report, bgp, deadline);
  const nodes = (await listNodes(kubectl)).map((n) => n.name);
  await step(report, "Phase 1 gate: every node's sessions established and pod CIDR advertised", () =>
    waitForBgpGate(kubectl, nodes, bgp, deadline),
  );
  logInfo('Phase 1 done: BGP advertises every pod CIDR while the nodes still tunnel; the routing cutover follows.');
}

export async function applyBgpResources(kubectl: Kubectl, report: Report, bgp: BgpConfig, deadline: number): Promise<void> {
  const objects = bgpObjects(bgp);
  report.bgp = { ...(report.bgp ?? {}), resources: bgpManifest(objects) };
  await step(report, 'Apply the BGP resources (server-side apply)', () => applyBgpObjects(kubectl, objects, deadline));
}
