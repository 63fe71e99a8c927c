// The `bgp` check (profile bgp): every node's BGP sessions and advertisement from its
// CiliumBGPNodeConfig status, Azure's limits as warnings, and optionally Route Server's learned routes.
import { ROUTE_SERVER_MAX_PEERS, ROUTE_SERVER_MAX_ROUTES, type AzureRouteServer, type BgpConfig } from '../bgp/inputs.js';
import { judgeBgp } from '../bgp/judge.js';
import { judgeLearnedRoutes, type NodeRoute, type RoutesJudgement } from '../bgp/learned-routes.js';
import { peersWithRouteServer } from '../bgp/resources.js';
import { learnedRoutes } from '../cluster/az.js';
import type { Kubectl, KubeObject } from '../cluster/kubectl.js';
import { errorMessage } from '../errors.js';
import type { BgpReport } from '../report/report.js';
import type { RunContext } from './context.js';
import type { Judgement } from './judgement.js';
import { readBgpNodeConfigs } from './bgp-resources.js';

/** Route Server starts dropping a peering above 1,000 routes: warn well before that. */
const ROUTES_WARN_AT = Math.floor(ROUTE_SERVER_MAX_ROUTES * 0.9);

/** What the BGP check found: its judgement, every node's sessions, and Route Server's finding. */
export interface BgpChecked extends Required<Pick<BgpReport, 'rows' | 'established' | 'expected'>>, Pick<BgpReport, 'routeServer'> {
  judgement: Judgement;
}

export async function checkBgp(ctx: RunContext, kubectl: Kubectl, nodes: readonly string[], bgp: BgpConfig): Promise<BgpChecked> {
  const judged = judgeBgp((await readBgpNodeConfigs(kubectl)) as never[], nodes, bgp);
  const found = { rows: judged.rows, established: judged.established, expected: judged.expected };
  // notes and warnings are the run's running commentary, appended as found
  ctx.report.warnings.push(...limitWarnings(nodes.length, bgp));
  if (!judged.ok) return { ...found, judgement: { verdict: 'fail', reason: judged.reason } };
  if (!bgp.routeServer) return { ...found, judgement: { verdict: 'pass', reason: judged.reason } };
  try {
    const r = await judgeRouteServer(kubectl, nodes, bgp.routeServer);
    const judgement: Judgement = r.ok
      ? { verdict: 'pass', reason: `${judged.reason}; ${r.reason}` }
      : { verdict: 'fail', reason: r.reason };
    return { ...found, routeServer: r.reason, judgement };
  } catch (e) {
    const judgement: Judgement = { verdict: 'fail', reason: `learned routes: ${errorMessage(e).split('\n')[0]}` };
    return { ...found, routeServer: errorMessage(e), judgement };
  }
}

/** Route Server's learned routes against every node's pod CIDR and address (az, read-only). */
export async function judgeRouteServer(kubectl: Kubectl, nodes: readonly string[], rs: AzureRouteServer): Promise<RoutesJudgement> {
  const [routes, ciliumNodes] = await Promise.all([learnedRoutes(rs), kubectl.list('ciliumnodes.cilium.io', undefined)]);
  return judgeLearnedRoutes(nodeRoutes(ciliumNodes, nodes), routes, rs.name);
}

/** Azure's Route Server limits, as warnings: they hold for the cluster as it grows, not for one run. */
export function limitWarnings(nodeCount: number, bgp: BgpConfig): string[] {
  const out: string[] = [];
  if (peersWithRouteServer(bgp) && nodeCount > ROUTE_SERVER_MAX_PEERS) {
    out.push(
      `${nodeCount} nodes peer with Route Server directly, but it accepts at most ${ROUTE_SERVER_MAX_PEERS} BGP peers: the sessions of the others are refused. Peer the nodes with a route reflector and list only the reflector in bgp-peers.`,
    );
  }
  if (nodeCount >= ROUTES_WARN_AT) {
    out.push(
      `${nodeCount} pod CIDRs are advertised; Route Server drops a peering that advertises more than ${ROUTE_SERVER_MAX_ROUTES} routes (a route reflector advertises all of them over one peering).`,
    );
  }
  return out;
}

/** Each node's VNet address and pod CIDRs, as its agent published them in its CiliumNode. */
function nodeRoutes(ciliumNodes: readonly KubeObject[], nodes: readonly string[]): NodeRoute[] {
  return ciliumNodes
    .filter((cn) => nodes.includes(cn.metadata.name))
    .map((cn) => {
      const spec = (cn.spec ?? {}) as { addresses?: Array<{ type?: string; ip?: string }>; ipam?: { podCIDRs?: string[] } };
      return {
        node: cn.metadata.name,
        ip: spec.addresses?.find((a) => a.type === 'InternalIP')?.ip ?? '',
        podCidrs: (spec.ipam?.podCIDRs ?? []).filter((c) => !c.includes(':')),
      };
    });
}
