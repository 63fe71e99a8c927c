// WireGuard per peer: every other node is a peer of each agent (endpoint = that node's IP on the
// WireGuard port), the peer's allowed IPs cover that node's pods, and the handshake is recent.
// Handshakes are expected on every pair, not only the probed ones: cilium-health probes every node's
// health endpoint (a pod IP, so through WireGuard) about once a minute, and WireGuard re-keys every
// 2 minutes while traffic flows, so a handshake older than 3 minutes means a pair that stopped.
import { cidrContains, parseCidr } from '../../values/cidr.js';
import type { Verdict } from '../verdict.js';
import { type PairJudgement, judgement } from './pairs.js';
import type { WireguardDebug } from './wireguard-peers.js';

const WIREGUARD_PORT = 51871;
const MAX_HANDSHAKE_AGE_MS = 3 * 60_000;

export interface MeshNode {
  name: string;
  /** InternalIP */
  ip?: string;
  /** canonical pod CIDRs (cluster-pool: from the CiliumNode) */
  podCidrs: string[];
}

export interface PeersResult {
  node: string;
  debug?: WireguardDebug;
  error?: string;
}

export function judgePeers(results: readonly PeersResult[], nodes: readonly MeshNode[], nowMs: number): PairJudgement {
  const problems: string[] = [];
  // every agent holds the same allowed IPs for a given node: judge each distinct list once (n² → n)
  const covered = new Map<string, boolean>();
  const covers = (allowed: readonly string[], pods: readonly string[]): boolean => {
    const key = `${allowed.join(',')}|${pods.join(',')}`;
    let v = covered.get(key);
    if (v === undefined) covered.set(key, (v = coversPods(allowed, pods)));
    return v;
  };
  for (const r of results) {
    if (!r.debug) {
      problems.push(`${r.node}: WireGuard peers could not be read (${r.error ?? 'no output'})`);
      continue;
    }
    const byHost = new Map(r.debug.interfaces.flatMap((i) => i.peers).map((p) => [hostOf(p.endpoint), p]));
    for (const other of nodes) {
      if (other.name === r.node) continue;
      if (!other.ip) {
        problems.push(`${r.node} ↔ ${other.name}: ${other.name} has no InternalIP to match a peer to`);
        continue;
      }
      const peer = byHost.get(other.ip);
      if (!peer) {
        problems.push(`${r.node} ↔ ${other.name}: no WireGuard peer with endpoint ${other.ip}:${WIREGUARD_PORT}`);
        continue;
      }
      const port = portOf(peer.endpoint);
      if (port !== WIREGUARD_PORT)
        problems.push(`${r.node} ↔ ${other.name}: peer endpoint ${peer.endpoint} is not on port ${WIREGUARD_PORT}`);
      if (other.podCidrs.length > 0 && !covers(peer.allowedIps, other.podCidrs)) {
        problems.push(
          `${r.node} ↔ ${other.name}: allowed IPs ${peer.allowedIps.join(', ') || '(none)'} do not cover ${other.name}'s pods (${other.podCidrs.join(', ')})`,
        );
      }
      if (peer.lastHandshakeMs === undefined) problems.push(`${r.node} ↔ ${other.name}: no handshake ever`);
      else if (nowMs - peer.lastHandshakeMs > MAX_HANDSHAKE_AGE_MS) {
        problems.push(`${r.node} ↔ ${other.name}: stale handshake (last ${Math.round((nowMs - peer.lastHandshakeMs) / 1000)} s ago)`);
      }
    }
  }
  const verdict: Verdict = problems.length > 0 ? 'fail' : results.length === 0 ? 'inconclusive' : 'pass';
  const pairs = results.length * Math.max(0, nodes.length - 1);
  return judgement(
    'wireguard-peers',
    verdict,
    problems,
    `all ${pairs} WireGuard peerings present, routing the peer's pods, handshakes under ${MAX_HANDSHAKE_AGE_MS / 60_000} min`,
    'no agent answered',
  );
}

/**
 * Depending on version and IPAM, a peer's allowed IPs hold the node's pod CIDR or each pod's own
 * /32: either covers the node's pods. A /32 counts when it lies in one of the node's pod CIDRs.
 */
export function coversPods(allowedIps: readonly string[], podCidrs: readonly string[]): boolean {
  const allowed = allowedIps.map((a) => parseCidr(a.includes('/') ? a : `${a}/32`)).flatMap((p) => (p.ok ? [p.cidr] : []));
  return podCidrs.every((pod) => allowed.some((a) => cidrContains(a, pod) || (a.endsWith('/32') && cidrContains(pod, a))));
}

const hostOf = (endpoint: string): string => endpoint.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
const portOf = (endpoint: string): number | undefined => {
  const m = /:(\d+)$/.exec(endpoint);
  return m ? Number(m[1]) : undefined;
};
