// The optional Azure check: Route Server's learned routes (from `az network routeserver peering
// list-learned-routes`, one answer per peering) must hold every node's pod CIDR with that node as the
// next hop. Pure: the az calls live in src/cluster/az.ts.

export interface NodeRoute {
  node: string;
  /** the node's VNet address: the next hop Route Server must have learned */
  ip: string;
  podCidrs: string[];
}

export interface LearnedRoute {
  network?: string;
  nextHop?: string;
  sourcePeer?: string;
}

export interface RoutesJudgement {
  ok: boolean;
  /** nodes whose pod CIDR Route Server has not learned (or learned via another next hop) */
  missing: string[];
  reason: string;
}

/** `list-learned-routes` answers `{ "RouteServiceRole_IN_0": [...], "RouteServiceRole_IN_1": [...] }`. */
export function routesOf(answer: unknown): LearnedRoute[] {
  if (!answer || typeof answer !== 'object') return [];
  const lists = Array.isArray(answer) ? [answer] : Object.values(answer as Record<string, unknown>);
  return lists.flatMap((l) => (Array.isArray(l) ? (l as LearnedRoute[]).filter((r) => r && typeof r === 'object') : []));
}

export function judgeLearnedRoutes(nodes: readonly NodeRoute[], routes: readonly LearnedRoute[], routeServer: string): RoutesJudgement {
  const missing: string[] = [];
  for (const n of nodes) {
    for (const cidr of n.podCidrs) {
      const learned = routes.filter((r) => r.network === cidr);
      if (learned.some((r) => r.nextHop === n.ip)) continue;
      const via = [...new Set(learned.map((r) => r.nextHop ?? '?'))];
      missing.push(`${n.node} (${cidr} ${via.length ? `learned via ${via.join(', ')}, not ${n.ip}` : 'not learned'})`);
    }
  }
  const cidrs = nodes.reduce((k, n) => k + n.podCidrs.length, 0);
  if (nodes.length === 0) return { ok: false, missing, reason: 'no node pod CIDRs to look for' };
  if (missing.length === 0)
    return { ok: true, missing, reason: `Route Server ${routeServer} learned all ${cidrs} pod CIDRs with their node as next hop` };
  const shown = missing.slice(0, 5).join('; ') + (missing.length > 5 ? `; and ${missing.length - 5} more` : '');
  return { ok: false, missing, reason: `Route Server ${routeServer} lacks ${missing.length} of ${cidrs} pod CIDRs: ${shown}` };
}
