// profile bgp in apply: phase 1 (BGP up while every node still tunnels, then the gate) before the
// routing cutover, and the BGP resources applied after each upgrade, recorded in the report.
import { logInfo } from '../log/safe-log.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
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
import { applyBgpResources } from '../steps/bgp-apply.js';
import { BGP_PHASE_ONE, bgpPhaseOneValues, waitForBgpGate } from '../steps/bgp-phase.js';
import { recordBgpResources } from './record.js';

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
  await applyBgpRecorded(kubectl, report, bgp, deadline);
  const nodes = (await listNodes(kubectl)).map((n) => n.name);
  await step(report, "Phase 1 gate: every node's sessions established and pod CIDR advertised", () =>
    waitForBgpGate(kubectl, nodes, bgp, deadline),
  );
  logInfo('Phase 1 done: BGP advertises every pod CIDR while the nodes still tunnel; the routing cutover follows.');
}

/** The resources recorded before they are applied: a failed apply still shows what it applied. */
export async function applyBgpRecorded(kubectl: Kubectl, report: Report, bgp: BgpConfig, deadline: number): Promise<void> {
  recordBgpResources(report, bgp);
  await applyBgpResources(kubectl, report, bgp, deadline);
}
