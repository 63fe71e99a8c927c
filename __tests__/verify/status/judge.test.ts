import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeAgents, parseAgentStatus, type AgentResult } from '../../../src/verify/status/index.js';
import { testData } from '../../setup/env.js';
import { statusText118, type StatusTextOptions } from './status-text.js';

const NODES = ['aks-nodepool1-20941703-vmss000000', 'aks-nodepool1-20941703-vmss000001', 'aks-nodepool1-20941703-vmss000002'];
const agent = (i: number, o: StatusTextOptions = {}): AgentResult => ({
  node: NODES[i]!,
  pod: `cilium-${['x7k2p', 'q9d4m', 'b3n8v'][i]}`,
  status: parseAgentStatus(statusText118(o)),
});

describe('judgeAgents', () => {
  it('passes when every agent reports native routing, WireGuard, node encryption and a peer per other node', () => {
    const j = judgeAgents([agent(2), agent(0), agent(1)], 3);
    expect(j.ok).toBe(true);
    expect([j.routingMode, j.encryption]).toEqual(['native', 'wireguard']);
    expect(j.reason).toBe('all 3 agents report native routing and WireGuard with node encryption, 2 peers each');
    expect(j.rows.map((r) => r.node)).toEqual(NODES);
    expect(j.rows[0]).toEqual({
      node: NODES[0],
      pod: 'cilium-x7k2p',
      version: '1.18.6',
      routing: 'native',
      encryption: 'wireguard',
      nodeEncryption: true,
      peers: 2,
      expectedPeers: 2,
      healthy: true,
      ok: true,
      problems: [],
    });
  });

  it('a mixed cluster: one agent not restarted still tunnels without encryption', () => {
    const j = judgeAgents([agent(0), agent(1), agent(2, { routing: 'Tunnel', encryption: 'Disabled' })], 3);
    expect(j.ok).toBe(false);
    expect([j.routingMode, j.encryption]).toEqual(['mixed', 'mixed']);
    expect(j.rows[2]!.problems).toEqual(['routing is tunnel (vxlan), expected native', 'encryption is none, expected wireguard']);
    expect(j.rows[2]!.tunnelProtocol).toBe('vxlan');
    expect(j.reason).toBe(
      `1 of 3 agents fail (${NODES[2]}: routing is tunnel (vxlan), expected native; encryption is none, expected wireguard)`,
    );
  });

  it('all agents still tunnelling: the aggregates say so', () => {
    const j = judgeAgents(
      [0, 1, 2].map((i) => agent(i, { routing: 'Tunnel', encryption: 'Disabled' })),
      3,
    );
    expect([j.ok, j.routingMode, j.encryption]).toEqual([false, 'tunnel', 'none']);
  });

  it('WireGuard peers and node encryption are checked per agent', () => {
    const j = judgeAgents([agent(0, { peers: 1 }), agent(1, { nodeEncryption: 'Disabled' }), agent(2)], 3);
    expect(j.rows[0]!.problems).toEqual(['cilium_wg0 has 1 WireGuard peers, expected 2 (one per other node)']);
    expect(j.rows[1]!.problems).toEqual(['node encryption is disabled']);
    expect([j.ok, j.encryption]).toEqual([false, 'wireguard']);
  });

  it('an agent whose status could not be read fails the check and is unknown in the aggregates', () => {
    const j = judgeAgents([agent(0), agent(1), { node: NODES[2]!, pod: 'cilium-b3n8v', error: 'status did not answer within 30 s' }], 3);
    expect(j.ok).toBe(false);
    expect([j.routingMode, j.encryption]).toEqual(['unknown', 'unknown']);
    expect(j.rows[2]).toEqual({
      node: NODES[2],
      pod: 'cilium-b3n8v',
      routing: 'unknown',
      encryption: 'unknown',
      expectedPeers: 2,
      healthy: false,
      ok: false,
      problems: ['status could not be read: status did not answer within 30 s'],
    });
    // agents that disagree are mixed, known or not
    const k = judgeAgents([agent(0), agent(1, { routing: 'Tunnel' }), { node: NODES[2]!, pod: 'p', error: 'x' }], 3);
    expect(k.routingMode).toBe('mixed');
  });

  it('unhealthy agents and pre-1.16 agents that cannot say their routing mode fail', () => {
    const unhealthy = judgeAgents([agent(0, { cilium: 'Failure   1.18.6 (v1.18.6-3c0ff2d2)' }), agent(1), agent(2)], 3);
    expect(unhealthy.ok).toBe(false);
    expect(unhealthy.rows[0]!.healthy).toBe(false);
    const old = parseAgentStatus(readFileSync(path.join(testData(), 'status', 'status-fenio-homelab-cilium-1.14.5-wireguard.txt'), 'utf8'));
    const j = judgeAgents([{ node: 'n1', pod: 'cilium-a', status: old }, agent(1), agent(2)], 3);
    expect(j.ok).toBe(false);
    expect(j.routingMode).toBe('unknown');
    expect(j.rows.find((r) => r.pod === 'cilium-a')!.problems).toEqual([
      'the status does not report the inter-host routing mode (Cilium before 1.16 prints only "Host Routing")',
    ]);
  });

  it('every node needs exactly one agent', () => {
    expect(judgeAgents([agent(0), agent(1)], 3).clusterProblems).toEqual(['3 nodes but only 2 Cilium agents']);
    const twice = judgeAgents([agent(0), agent(1), { ...agent(1), pod: 'cilium-old' }], 3);
    expect(twice.clusterProblems).toEqual([`2 agents on node ${NODES[1]}`]);
    expect(twice.ok).toBe(false);
    const none = judgeAgents([], 3);
    expect([none.ok, none.routingMode, none.encryption, none.reason]).toEqual([false, 'unknown', 'unknown', 'no Cilium agent was found']);
  });

  it('takes another expectation (tunnel without encryption) for drift checks', () => {
    const j = judgeAgents(
      [0, 1, 2].map((i) => agent(i, { routing: 'Tunnel', encryption: 'Disabled' })),
      3,
      {
        routing: 'tunnel',
        encryption: 'none',
        nodeEncryption: false,
      },
    );
    expect([j.ok, j.reason]).toEqual([true, 'all 3 agents report tunnel routing and no encryption']);
  });

  it('a single-node cluster expects no WireGuard peers', () => {
    const j = judgeAgents([agent(0, { peers: 0 })], 1);
    expect([j.ok, j.rows[0]!.expectedPeers, j.reason]).toEqual([
      true,
      0,
      'all 1 agents report native routing and WireGuard with node encryption, 0 peers each',
    ]);
  });
});
