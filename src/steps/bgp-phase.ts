// Phase 1 of a BGP migration, as functions the staged flow can call: bring the BGP control plane up
// while every node still tunnels (the live values plus bgpControlPlane.enabled), and the gate that
// holds the routing cutover until every node's sessions are established and its pod CIDR advertised.
import { logInfo } from '../log/safe-log.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BgpConfig } from '../bgp/inputs.js';
import { judgeBgp, type BgpJudgement } from '../bgp/judge.js';
import type { Kubectl } from '../cluster/kubectl.js';
import { ActionError } from '../errors.js';
import type { Values } from '../values/layers.js';
import { setPath } from '../values/paths.js';
import { judgeRouteServer } from './bgp-check.js';
import { readBgpNodeConfigs } from './bgp-resources.js';

export const BGP_PHASE_ONE = 'BGP up, tunnel kept';

/** The live values with the BGP control plane on: routing mode, tunnel and encryption stay as they are. */
export function bgpPhaseOneValues(live: Values): Values {
  const values = structuredClone(live);
  setPath(values, ['bgpControlPlane', 'enabled'], true);
  return values;
}

const POLL_MS = 2_000;
const PROGRESS_MS = 20_000;

/**
 * Waits until every node has its sessions established and advertises its pod CIDR, and (with
 * azure-route-server) until Route Server has learned every pod CIDR with its node as next hop.
 * Prints progress at least every 20 s; on the deadline fails naming the nodes and peers that are not there.
 */
export async function waitForBgpGate(kubectl: Kubectl, nodes: readonly string[], bgp: BgpConfig, deadline: number): Promise<BgpJudgement> {
  let lastProgress = 0;
  for (;;) {
    const judged = judgeBgp((await readBgpNodeConfigs(kubectl)) as never[], nodes, bgp);
    // az is asked only once the cluster side is ready: its calls take seconds each
    const routes = judged.ok && bgp.routeServer ? await judgeRouteServer(kubectl, nodes, bgp.routeServer) : undefined;
    if (judged.ok && (!routes || routes.ok)) {
      logInfo(`BGP gate open: ${judged.reason}${routes ? `; ${routes.reason}` : ''}`);
      return judged;
    }
    const why = judged.ok ? routes!.reason : judged.reason;
    if (Date.now() + POLL_MS > deadline) {
      throw new ActionError(`BGP did not come up before the routing cutover could start: ${why}`, {
        hint: "Nothing was cut over: every node still tunnels. Check the peers (bgp-peers), Route Server's peerings (one per node, or the route reflector) and the NSG rules for TCP 179.",
      });
    }
    if (Date.now() - lastProgress >= PROGRESS_MS) {
      logInfo(
        judged.ok
          ? `Waiting for Route Server to learn every pod CIDR: ${routes!.missing.length} missing`
          : `Waiting for BGP: ${judged.established}/${judged.expected} sessions established; ${judged.rows.filter((r) => !r.ok).length} nodes not ready`,
      );
      lastProgress = Date.now();
    }
    await sleep(POLL_MS);
  }
}
