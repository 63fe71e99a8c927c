// The `bgp` check: every node's CiliumBGPNodeConfig status (written by its agent), judged against the
// configured peers. A node without a status, a session not established, or a session over which the
// node advertises nothing (its pod CIDR is the only advertisement) fails, and is named. Pure.
import type { BgpConfig } from './inputs.js';

export interface BgpNodeRow {
  node: string;
  /** established sessions / configured peers */
  established: number;
  expected: number;
  /** peers whose session is established and carries at least one advertised route */
  advertising: number;
  ok: boolean;
  problems: string[];
}

export interface BgpJudgement {
  rows: BgpNodeRow[];
  established: number;
  expected: number;
  ok: boolean;
  reason: string;
}

interface PeerStatus {
  name?: string;
  peerAddress?: string;
  peeringState?: string;
  routesAdvertised?: number;
}
interface NodeConfig {
  metadata: { name: string };
  status?: { bgpInstances?: Array<{ name?: string; localASN?: number; peers?: PeerStatus[] }> };
}

export function judgeBgp(nodeConfigs: readonly NodeConfig[], nodes: readonly string[], bgp: BgpConfig): BgpJudgement {
  const byNode = new Map(nodeConfigs.map((c) => [c.metadata.name, c]));
  const rows = [...nodes].sort().map((node) => judgeNode(node, byNode.get(node), bgp));
  const established = rows.reduce((n, r) => n + r.established, 0);
  const expected = rows.reduce((n, r) => n + r.expected, 0);
  const failing = rows.filter((r) => !r.ok);
  const ok = rows.length > 0 && failing.length === 0;
  let reason: string;
  if (rows.length === 0) reason = 'no nodes to check';
  else if (ok)
    reason = `all ${rows.length} nodes have ${bgp.peers.length} established ${bgp.peers.length === 1 ? 'session' : 'sessions'} and advertise their pod CIDR (${established}/${expected})`;
  else {
    const shown = failing.slice(0, 3).map((r) => `${r.node}: ${r.problems.join('; ')}`);
    if (failing.length > 3) shown.push(`and ${failing.length - 3} more`);
    reason = `${failing.length} of ${rows.length} nodes fail, ${established}/${expected} sessions established (${shown.join(' | ')})`;
  }
  return { rows, established, expected, ok, reason };
}

function judgeNode(node: string, cfg: NodeConfig | undefined, bgp: BgpConfig): BgpNodeRow {
  const expected = bgp.peers.length;
  if (!cfg?.status?.bgpInstances?.length) {
    const problem = cfg
      ? 'its agent has written no BGP status yet'
      : 'no CiliumBGPNodeConfig (the node matches no BGP cluster config, or the operator has not created it)';
    return { node, established: 0, expected, advertising: 0, ok: false, problems: [problem] };
  }
  const instance = cfg.status.bgpInstances.find((i) => i.localASN === undefined || i.localASN === bgp.localAsn);
  const peers = instance?.peers ?? [];
  const problems: string[] = [];
  if (!instance) problems.push(`no BGP instance with local ASN ${bgp.localAsn}`);
  let established = 0;
  let advertising = 0;
  for (const want of bgp.peers) {
    const p = peers.find((x) => x.peerAddress === want.address);
    const state = p?.peeringState ?? 'unknown';
    if (!p) problems.push(`peer ${want.address}: no session`);
    else if (state !== 'established') problems.push(`peer ${want.address}: session ${state}`);
    else {
      established++;
      if ((p.routesAdvertised ?? 0) > 0) advertising++;
      else problems.push(`peer ${want.address}: established but the node advertises no route (its pod CIDR is missing)`);
    }
  }
  return { node, established, expected, advertising, ok: problems.length === 0, problems };
}
