// WireGuard per peer: every other node is a peer of each agent (endpoint = that node's IP on the
// WireGuard port), the peer's allowed IPs cover that node's pods, and the handshake is recent.
// Handshakes are expected on every pair, not only the probed ones: cilium-health probes every node's
// health endpoint (a pod IP, so through WireGuard) about once a minute, and WireGuard re-keys every
// 2 minutes while traffic flows, so a handshake older than 3 minutes means a pair that stopped.
import { cidrContains, parseCidr } from '../../values/cidr.js';
import type { Verdict } from '../verdict.js';
import { type PairJudgement, judgement } from './pairs.js';
import type { WireguardDebug } from './wireguard-peers.js';
import { portColon } from './lines.js';

const OPEN = 91; // [
const CLOSE = 93; // ]

type WireguardPeer = WireguardDebug['interfaces'][number]['peers'][number];

/** What the judge reads of an agent's peers: the full debuginfo, or the few fields the jsonpath query prints */
export interface PeerLinks {
  interfaces: Array<{ peers: Array<Pick<WireguardPeer, 'endpoint' | 'allowedIps' | 'lastHandshakeMs'>> }>;
}

const WIREGUARD_PORT = 51871;
const MAX_HANDSHAKE_AGE_MS = 3 * 60_000;
const PORT_SUFFIX = `:${WIREGUARD_PORT}`;

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
    if (l && sameList(l.allowed, allowed)) return l.ok;
    const ok = coversPods(allowed, node.podCidrs);
    last.set(node, { allowed, ok });
    return ok;
  };
  // the endpoint each node's peer has when all is well, to find it without splitting every endpoint
  const expected = nodes.map((n) => `${n.ip ?? ''}${PORT_SUFFIX}`);
  return {
    add(r, index, nowMs) {
      agents++;
      const problems: string[] = (perAgent[index] = []);
      if (!r.debug) {
        problems.push(`${r.node}: WireGuard peers could not be read (${r.error ?? 'no output'})`);
        return;
      }
      const found = peerFinder(r.debug);
      for (let n = 0; n < nodes.length; n++) {
        if (nodes[n]!.name !== r.node) pairProblems(r.node, nodes[n]!, found(nodes[n]!.ip ?? '', expected[n]!), covers, nowMs, problems);
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

type Peer = PeerLinks['interfaces'][number]['peers'][number];

/**
 * The peer whose endpoint host is a node's IP (the last one listed, when several are), with its
 * port. Endpoints of the usual `host:51871` form are looked up whole; only the others are split.
 */
function peerFinder(links: PeerLinks): (ip: string, usual: string) => { peer: Peer; port?: number } | undefined {
  const peers: Peer[] = [];
  const byEndpoint = new Map<string, number>();
  let byHost: Map<string, number> | undefined;
  for (const i of links.interfaces)
    for (const peer of i.peers) {
      const at = peers.push(peer) - 1;
      const e = peer.endpoint;
      const usual = e.endsWith(PORT_SUFFIX) && e.charCodeAt(0) !== OPEN && e.charCodeAt(e.length - PORT_SUFFIX.length - 1) !== CLOSE;
      if (usual) byEndpoint.set(e, at);
      else (byHost ??= new Map()).set(splitEndpoint(e).host, at);
    }
  return (ip, usual) => {
    const a = byEndpoint.get(usual) ?? -1;
    const b = byHost?.get(ip) ?? -1;
    if (a < 0 && b < 0) return undefined;
    if (a > b) return { peer: peers[a]!, port: WIREGUARD_PORT };
    const peer = peers[b]!;
    return { peer, port: splitEndpoint(peer.endpoint).port };
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `host:port`, `[v6]:port` or a bare host, split once per peer (by hand: a fleet has n² peers) */
function splitEndpoint(endpoint: string): { host: string; port?: number } {
  const colon = portColon(endpoint, 0, endpoint.length);
  const hasPort = colon >= 0;
  let from = 0;
  let to = hasPort ? colon : endpoint.length;
  if (endpoint.charCodeAt(0) === OPEN) from = 1;
  if (to > from && endpoint.charCodeAt(to - 1) === CLOSE) to--;
  const host = from === 0 && to === endpoint.length ? endpoint : endpoint.slice(from, to);
  return hasPort ? { host, port: Number(endpoint.slice(colon + 1)) } : { host };
}

/** What is wrong between node self and other, from self's peer for other (found by other's IP), into out. */
function pairProblems(
  self: string,
  other: MeshNode,
  found: ReturnType<ReturnType<typeof peerFinder>>,
  covers: (allowed: readonly string[], node: MeshNode) => boolean,
  nowMs: number,
  out: string[],
): void {
  if (!other.ip) {
    out.push(`${self} ↔ ${other.name}: ${other.name} has no InternalIP to match a peer to`);
    return;
  }
  const { peer, port } = found ?? {};
  if (!peer) {
    out.push(`${self} ↔ ${other.name}: no WireGuard peer with endpoint ${other.ip}:${WIREGUARD_PORT}`);
    return;
  }
  if (port !== WIREGUARD_PORT) out.push(`${self} ↔ ${other.name}: peer endpoint ${peer.endpoint} is not on port ${WIREGUARD_PORT}`);
  if (other.podCidrs.length > 0 && !covers(peer.allowedIps, other)) {
    out.push(
      `${self} ↔ ${other.name}: allowed IPs ${peer.allowedIps.join(', ') || '(none)'} do not cover ${other.name}'s pods (${other.podCidrs.join(', ')})`,
    );
  }
  if (peer.lastHandshakeMs === undefined) out.push(`${self} ↔ ${other.name}: no handshake ever`);
  else if (nowMs - peer.lastHandshakeMs > MAX_HANDSHAKE_AGE_MS) {
    out.push(`${self} ↔ ${other.name}: stale handshake (last ${Math.round((nowMs - peer.lastHandshakeMs) / 1000)} s ago)`);
  }
}
