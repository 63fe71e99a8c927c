// WireGuard per peer: every other node is a peer of each agent (endpoint = that node's IP on the
// WireGuard port), the peer's allowed IPs cover that node's pods, and the handshake is recent.
// Handshakes are expected on every pair, not only the probed ones: cilium-health probes every node's
// health endpoint (a pod IP, so through WireGuard) about once a minute, and WireGuard re-keys every
// 2 minutes while traffic flows, so a handshake older than 3 minutes means a pair that stopped.
import { cidrContains, parseCidr } from '../../values/cidr.js';
import type { Verdict } from '../verdict.js';
import { type PairJudgement, judgement } from './pairs.js';
import type { WireguardDebug } from './wireguard-peers.js';

type WireguardPeer = WireguardDebug['interfaces'][number]['peers'][number];

/** What the judge reads of an agent's peers: the full debuginfo, or the few fields the jsonpath query prints */
export interface PeerLinks {
  interfaces: Array<{ peers: Array<Pick<WireguardPeer, 'endpoint' | 'allowedIps' | 'lastHandshakeMs'>> }>;
}

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
  debug?: PeerLinks;
  error?: string;
}

export function judgePeers(results: readonly PeersResult[], nodes: readonly MeshNode[], nowMs: number): PairJudgement {
  const judge = peersJudge(nodes);
  results.forEach((r, i) => judge.add(r, i, nowMs));
  return judge.result();
}

/**
 * The same judgement agent by agent, as their reads arrive (nowMs: when that agent was read): a
 * fleet's agents list n² peers in all, which need not be held at once. Problems are listed in the
 * agents' order (index).
 */
export function peersJudge(nodes: readonly MeshNode[]): {
  add(r: PeersResult, index: number, nowMs: number): void;
  result(): PairJudgement;
} {
  const perAgent: string[][] = [];
  let agents = 0;
  // every agent holds the same allowed IPs for a given node: remember the last list judged per node,
  // so a fleet's n² peerings cost n judgements of allowed IPs, not n²
  const last = new Map<MeshNode, { allowed: readonly string[]; ok: boolean }>();
  const covers = (allowed: readonly string[], node: MeshNode): boolean => {
    const l = last.get(node);
    if (l && l.allowed.length === allowed.length && l.allowed.every((a, i) => a === allowed[i])) return l.ok;
    const ok = coversPods(allowed, node.podCidrs);
    last.set(node, { allowed, ok });
    return ok;
  };
  return {
    add(r, index, nowMs) {
      agents++;
      const problems: string[] = (perAgent[index] = []);
      if (!r.debug) {
        problems.push(`${r.node}: WireGuard peers could not be read (${r.error ?? 'no output'})`);
        return;
      }
      const byHost = new Map<string, { peer: PeerLinks['interfaces'][number]['peers'][number]; port?: number }>();
      for (const i of r.debug.interfaces)
        for (const peer of i.peers) {
          const e = splitEndpoint(peer.endpoint);
          byHost.set(e.host, { peer, port: e.port });
        }
      for (const other of nodes) {
        if (other.name === r.node) continue;
        if (!other.ip) {
          problems.push(`${r.node} ↔ ${other.name}: ${other.name} has no InternalIP to match a peer to`);
          continue;
        }
        const found = byHost.get(other.ip);
        if (!found) {
          problems.push(`${r.node} ↔ ${other.name}: no WireGuard peer with endpoint ${other.ip}:${WIREGUARD_PORT}`);
          continue;
        }
        const { peer, port } = found;
        if (port !== WIREGUARD_PORT)
          problems.push(`${r.node} ↔ ${other.name}: peer endpoint ${peer.endpoint} is not on port ${WIREGUARD_PORT}`);
        if (other.podCidrs.length > 0 && !covers(peer.allowedIps, other)) {
          problems.push(
            `${r.node} ↔ ${other.name}: allowed IPs ${peer.allowedIps.join(', ') || '(none)'} do not cover ${other.name}'s pods (${other.podCidrs.join(', ')})`,
          );
        }
        if (peer.lastHandshakeMs === undefined) problems.push(`${r.node} ↔ ${other.name}: no handshake ever`);
        else if (nowMs - peer.lastHandshakeMs > MAX_HANDSHAKE_AGE_MS) {
          problems.push(`${r.node} ↔ ${other.name}: stale handshake (last ${Math.round((nowMs - peer.lastHandshakeMs) / 1000)} s ago)`);
        }
      }
    },
    result() {
      const problems = perAgent.flat();
      const verdict: Verdict = problems.length > 0 ? 'fail' : agents === 0 ? 'inconclusive' : 'pass';
      const pairs = agents * Math.max(0, nodes.length - 1);
      return judgement(
        'wireguard-peers',
        verdict,
        problems,
        `all ${pairs} WireGuard peerings present, routing the peer's pods, handshakes under ${MAX_HANDSHAKE_AGE_MS / 60_000} min`,
        'no agent answered',
      );
    },
  };
}

/**
 * Depending on version and IPAM, a peer's allowed IPs hold the node's pod CIDR or each pod's own
 * /32: either covers the node's pods. A /32 counts when it lies in one of the node's pod CIDRs.
 */
export function coversPods(allowedIps: readonly string[], podCidrs: readonly string[]): boolean {
  const allowed = allowedIps.map((a) => parseCidr(a.includes('/') ? a : `${a}/32`)).flatMap((p) => (p.ok ? [p.cidr] : []));
  return podCidrs.every((pod) => allowed.some((a) => cidrContains(a, pod) || (a.endsWith('/32') && cidrContains(pod, a))));
}

/** `host:port`, `[v6]:port` or a bare host, split once per peer */
function splitEndpoint(endpoint: string): { host: string; port?: number } {
  const colon = endpoint.lastIndexOf(':');
  const digits = endpoint.slice(colon + 1);
  const hasPort = colon >= 0 && /^\d+$/.test(digits);
  let host = hasPort ? endpoint.slice(0, colon) : endpoint;
  if (host.startsWith('[')) host = host.slice(1);
  if (host.endsWith(']')) host = host.slice(0, -1);
  return hasPort ? { host, port: Number(digits) } : { host };
}
