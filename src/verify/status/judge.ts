// The agents check: every agent, one row per node, and the cluster-wide `routing-mode` and `encryption`.
// An agent whose status could not be read (exec failed or timed out, output not a status) fails its
// row and so the check: what was not seen is never counted as a pass. In the aggregates it is
// `unknown`: `mixed` when the agents that did answer disagree, else `unknown` when any is unknown,
// else the one value they all report.
import type { AgentStatus, Encryption, Routing } from './types.js';

export interface AgentResult {
  node: string;
  pod: string;
  /** the parsed status; absent when the status could not be read */
  status?: AgentStatus;
  /** why the status could not be read (exec error, time-out) */
  error?: string;
  /** the node carries a node-encryption opt-out label: `OptedOut` is right there, and wrong anywhere else */
  optsOut?: boolean;
}

export interface AgentExpectation {
  routing: 'native' | 'tunnel';
  encryption: 'wireguard' | 'ipsec' | 'none';
  /** WireGuard only: node-to-node encryption must be on */
  nodeEncryption: boolean;
}

/** What this action promises: native routing, WireGuard, node encryption. */
export const EXPECTED: AgentExpectation = { routing: 'native', encryption: 'wireguard', nodeEncryption: true };

interface AgentRow {
  node: string;
  pod: string;
  version?: string;
  routing: Routing;
  tunnelProtocol?: string;
  encryption: Encryption;
  nodeEncryption?: boolean;
  nodeEncryptionOptedOut?: boolean;
  peers?: number;
  /** one WireGuard peer per other node */
  expectedPeers: number;
  healthy: boolean;
  ok: boolean;
  problems: string[];
}

type RoutingMode = 'native' | 'tunnel' | 'mixed' | 'unknown';
type EncryptionMode = 'wireguard' | 'ipsec' | 'none' | 'mixed' | 'unknown';

export interface AgentsJudgement {
  /** sorted by node name */
  rows: AgentRow[];
  routingMode: RoutingMode;
  encryption: EncryptionMode;
  ok: boolean;
  /** problems of the cluster as a whole (agents missing or doubled) */
  clusterProblems: string[];
  reason: string;
}

export function judgeAgents(results: readonly AgentResult[], nodeCount: number, expect: AgentExpectation = EXPECTED): AgentsJudgement {
  const expectedPeers = Math.max(0, nodeCount - 1);
  const rows = results.map((r) => judgeOne(r, expectedPeers, expect)).sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));

  const clusterProblems: string[] = [];
  if (results.length === 0) clusterProblems.push('no Cilium agent was found');
  else if (results.length < nodeCount) clusterProblems.push(`${nodeCount} nodes but only ${results.length} Cilium agents`);
  else if (results.length > nodeCount) clusterProblems.push(`${results.length} Cilium agents for ${nodeCount} nodes`);
  const perNode = new Map<string, number>();
  for (const r of results) perNode.set(r.node, (perNode.get(r.node) ?? 0) + 1);
  for (const [node, n] of perNode) if (n > 1) clusterProblems.push(`${n} agents on node ${node}`);

  const failing = rows.filter((r) => !r.ok);
  const ok = clusterProblems.length === 0 && failing.length === 0;
  return {
    rows,
    routingMode: aggregate(rows.map((r) => r.routing)) as RoutingMode,
    encryption: aggregate(rows.map((r) => r.encryption)) as EncryptionMode,
    ok,
    clusterProblems,
    reason: ok ? passReason(rows.length, expectedPeers, expect) : failReason(rows.length, failing, clusterProblems),
  };
}

function judgeOne(r: AgentResult, expectedPeers: number, expect: AgentExpectation): AgentRow {
  const s = r.status;
  if (!s) {
    return {
      node: r.node,
      pod: r.pod,
      routing: 'unknown',
      encryption: 'unknown',
      expectedPeers,
      healthy: false,
      ok: false,
      problems: [`status could not be read: ${r.error ?? 'no output'}`],
    };
  }
  const problems = [...s.problems];
  if (s.routing !== 'unknown' && s.routing !== expect.routing) {
    problems.push(`routing is ${s.routing}${s.tunnelProtocol ? ` (${s.tunnelProtocol})` : ''}, expected ${expect.routing}`);
  }
  if (s.encryption !== 'unknown' && s.encryption !== expect.encryption) {
    problems.push(`encryption is ${s.encryption}, expected ${expect.encryption}`);
  }
  if (s.encryption === 'wireguard' && expect.encryption === 'wireguard') {
    if (expect.nodeEncryption && s.nodeEncryptionOptedOut) {
      if (!r.optsOut)
        problems.push('node encryption is OptedOut, but the node carries no opt-out label (node-role.kubernetes.io/control-plane)');
    } else if (expect.nodeEncryption && s.nodeEncryption !== true) {
      problems.push(s.nodeEncryption === false ? 'node encryption is disabled' : 'node encryption is not reported');
    }
    for (const i of s.wireguardInterfaces) {
      if (i.peers !== expectedPeers)
        problems.push(`${i.name} has ${i.peers} WireGuard peers, expected ${expectedPeers} (one per other node)`);
    }
  }
  const row: AgentRow = {
    node: r.node,
    pod: r.pod,
    routing: s.routing,
    encryption: s.encryption,
    expectedPeers,
    healthy: s.healthy,
    ok: problems.length === 0,
    problems,
  };
  if (s.version) row.version = s.version;
  if (s.tunnelProtocol) row.tunnelProtocol = s.tunnelProtocol;
  if (s.nodeEncryption !== undefined) row.nodeEncryption = s.nodeEncryption;
  if (s.nodeEncryptionOptedOut) row.nodeEncryptionOptedOut = true;
  if (s.wireguardPeers !== undefined) row.peers = s.wireguardPeers;
  return row;
}

function aggregate(values: readonly string[]): string {
  const known = new Set(values.filter((v) => v !== 'unknown'));
  if (known.size > 1) return 'mixed';
  if (known.size === 0 || values.includes('unknown')) return 'unknown';
  return [...known][0]!;
}

function passReason(agents: number, peers: number, expect: AgentExpectation): string {
  const enc =
    expect.encryption === 'wireguard'
      ? `WireGuard${expect.nodeEncryption ? ' with node encryption' : ''}, ${peers} ${peers === 1 ? 'peer' : 'peers'} each`
      : expect.encryption === 'ipsec'
        ? 'IPsec'
        : 'no encryption';
  return `all ${agents} agents report ${expect.routing} routing and ${enc}`;
}

function failReason(agents: number, failing: readonly AgentRow[], cluster: readonly string[]): string {
  const parts = [...cluster];
  if (failing.length > 0) {
    const shown = failing.slice(0, 3).map((r) => `${r.node}: ${r.problems.join('; ')}`);
    if (failing.length > 3) shown.push(`and ${failing.length - 3} more`);
    parts.push(`${failing.length} of ${agents} agents fail (${shown.join(' | ')})`);
  }
  return parts.join('; ');
}
