// The per-pair parsers on real published outputs (testdata/mesh, provenance in its README) and on
// what the test API server's agents print.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHealthJson } from '../../../src/verify/mesh/health.js';
import { judgeHealth } from '../../../src/verify/mesh/judge-health.js';
import { coversPods, judgePeers } from '../../../src/verify/mesh/judge-peers.js';
import { CONFIG_DELTA_METRIC, metricValue } from '../../../src/verify/mesh/metrics.js';
import { parseWireguardDebug } from '../../../src/verify/mesh/wireguard-peers.js';
import { parseAgentStatus } from '../../../src/verify/status/index.js';
import { repoRoot } from '../../setup/env.js';

const fixture = (f: string): string => readFileSync(path.join(repoRoot, 'testdata', 'mesh', f), 'utf8');

describe('cilium-health status -o json', () => {
  it('reads a real output with a broken health endpoint and names that pair', () => {
    const h = parseHealthJson(fixture('health-2025-kubeadm-master-endpoint-unreachable.json'));
    expect(h.local).toBe('k8s-master-n1');
    const worker = h.nodes.find((n) => n.name === 'k8s-worker-n1')!;
    expect(worker.host).toEqual({ ip: '91.217.196.183', state: 'reachable' });
    expect(worker.endpoint).toEqual({ ip: '10.0.1.237', state: 'unreachable', detail: 'ICMP: Connection timed out' });
    const j = judgeHealth([{ node: 'k8s-master-n1', status: h }], ['k8s-master-n1', 'k8s-worker-n1']);
    expect(j.verdict).toBe('fail');
    expect(j.problems).toEqual(['k8s-master-n1 → k8s-worker-n1 health endpoint 10.0.1.237: unreachable (ICMP: Connection timed out)']);
  });

  it('reads the legacy flat endpoint when health-endpoint is absent, and a missing probe is unknown', () => {
    const h = parseHealthJson(
      JSON.stringify({
        local: { name: 'k8s1' },
        nodes: [
          {
            name: 'k8s2',
            host: { 'primary-address': { ip: '192.168.36.12', icmp: { latency: 1 }, http: { latency: 2 } } },
            endpoint: { ip: '10.10.1.226', icmp: { latency: 3 } },
          },
        ],
      }),
    );
    expect(h.nodes[0]!.endpoint).toEqual({ ip: '10.10.1.226', state: 'unknown' });
    const j = judgeHealth([{ node: 'k8s1', status: h }], ['k8s2']);
    expect(j.verdict).toBe('inconclusive');
    expect(j.reason).toContain('k8s1 → k8s2 health endpoint 10.10.1.226: not probed yet');
  });

  it('names a node the agent does not probe at all, and an agent whose output could not be read', () => {
    const h = parseHealthJson(JSON.stringify({ nodes: [] }));
    const j = judgeHealth(
      [
        { node: 'a', status: h },
        { node: 'b', error: 'cilium-health status did not answer within 30 s' },
      ],
      ['a', 'b'],
    );
    expect(j.problems).toEqual([
      "a → a: not in the agent's health mesh",
      "a → b: not in the agent's health mesh",
      'b: health status could not be read (cilium-health status did not answer within 30 s)',
    ]);
    expect(() => parseHealthJson('{"local":{}}')).toThrow(/no "nodes" list/);
  });
});

describe('debuginfo WireGuard peers', () => {
  const now = Date.parse('2025-04-24T11:14:30Z');

  it('reads the AKS docs output: pod /32 allowed IPs, handshake, transfer counters', () => {
    const d = parseWireguardDebug(fixture('debuginfo-encryption-aks-docs-wireguard.json'));
    expect(d.nodeEncryption).toBe('Disabled');
    expect(d.interfaces[0]).toMatchObject({ name: 'cilium_wg0', port: 51871 });
    expect(d.interfaces[0]!.peers).toEqual([
      {
        publicKey: '3qwZEQLdK5IcFcdXxtr1m8RkDqznPVWEEirJ88+zDyk=',
        endpoint: '10.224.0.6:51871',
        allowedIps: ['10.244.1.31/32', '10.244.1.206/32', '10.224.0.6/32'],
        lastHandshakeMs: Date.parse('2025-04-24T11:13:49.102Z'),
        rxBytes: 2457024,
        txBytes: 15746568,
      },
    ]);
    const nodes = [
      { name: 'a', ip: '10.224.0.5', podCidrs: ['10.244.0.0/24'] },
      { name: 'b', ip: '10.224.0.6', podCidrs: ['10.244.1.0/24'] },
    ];
    expect(judgePeers([{ node: 'a', debug: d }], nodes, now).verdict).toBe('pass');
    // ten minutes later the same handshake is stale, and the pair is named
    const late = judgePeers([{ node: 'a', debug: d }], nodes, now + 10 * 60_000);
    expect(late.problems).toEqual([expect.stringMatching(/^a ↔ b: stale handshake \(last \d+ s ago\)$/)]);
  });

  it('reads the Cilium docs output (no counters) and names a missing peer and pods not covered', () => {
    const d = parseWireguardDebug(fixture('debuginfo-encryption-cilium-docs-node-a.json'));
    expect(d.nodeEncryption).toBeUndefined();
    const nodes = [
      { name: 'a', ip: '192.168.61.11', podCidrs: ['10.154.1.0/24'] },
      { name: 'b', ip: '192.168.61.12', podCidrs: ['10.154.2.0/24'] },
      { name: 'c', ip: '192.168.61.13', podCidrs: ['10.154.3.0/24'] },
    ];
    const j = judgePeers([{ node: 'a', debug: d }], nodes, Date.parse('2021-05-05T12:32:00Z'));
    expect(j.verdict).toBe('fail');
    expect(j.problems).toEqual([
      "a ↔ b: allowed IPs 10.154.1.107/32, 10.154.1.195/32 do not cover b's pods (10.154.2.0/24)",
      'a ↔ c: no WireGuard peer with endpoint 192.168.61.13:51871',
    ]);
  });

  it('accepts the pod CIDR itself or pod /32s, and a never-shaken peer is named', () => {
    expect(coversPods(['100.64.1.0/24'], ['100.64.1.0/24'])).toBe(true);
    expect(coversPods(['100.64.0.0/10'], ['100.64.1.0/24'])).toBe(true);
    expect(coversPods(['100.64.1.7/32', '10.224.0.5/32'], ['100.64.1.0/24'])).toBe(true);
    expect(coversPods(['10.224.0.5/32'], ['100.64.1.0/24'])).toBe(false);
    const d = parseWireguardDebug(
      JSON.stringify({
        encryption: {
          wireguard: {
            interfaces: [
              {
                name: 'cilium_wg0',
                peers: [
                  {
                    'public-key': 'k',
                    endpoint: '10.0.0.2:51871',
                    'allowed-ips': ['100.64.1.0/24'],
                    'last-handshake-time': '0001-01-01T00:00:00Z',
                  },
                ],
              },
            ],
          },
        },
      }),
    );
    const j = judgePeers([{ node: 'a', debug: d }], [{ name: 'b', ip: '10.0.0.2', podCidrs: ['100.64.1.0/24'] }], Date.now());
    expect(j.problems).toEqual(['a ↔ b: no handshake ever']);
    expect(() => parseWireguardDebug('{"cilium-version":"1.18.6"}')).toThrow(/no encryption.wireguard/);
  });
  it('finds a peer by its endpoint host in any form, the last listed winning, and names a wrong port', () => {
    const now = Date.now();
    const peer = (endpoint: string, allowed: string) => ({ endpoint, allowedIps: [allowed], lastHandshakeMs: now });
    const nodes = [
      { name: 'b', ip: '10.0.0.2', podCidrs: ['100.64.2.0/24'] },
      { name: 'c', ip: '10.0.0.3', podCidrs: ['100.64.3.0/24'] },
      { name: 'd', ip: 'fd00::4', podCidrs: ['100.64.4.0/24'] },
      { name: 'e', ip: '10.0.0.5', podCidrs: ['100.64.5.0/24'] },
    ];
    const debug = {
      interfaces: [
        {
          peers: [
            // b: the usual form, then the same host again on another port: the later one is judged
            peer('10.0.0.2:51871', '100.64.2.0/24'),
            peer('10.0.0.2:4500', '100.64.2.0/24'),
            // c: the other way round: the usual form listed last is judged
            peer('10.0.0.3:4500', '100.64.9.0/24'),
          ],
        },
        { peers: [peer('10.0.0.3:51871', '100.64.3.0/24'), peer('[fd00::4]:51871', '100.64.4.0/24'), peer('10.0.0.5', '100.64.5.0/24')] },
      ],
    };
    expect(judgePeers([{ node: 'a', debug }], nodes, now).problems).toEqual([
      'a ↔ b: peer endpoint 10.0.0.2:4500 is not on port 51871',
      'a ↔ e: peer endpoint 10.0.0.5 is not on port 51871',
    ]);
  });
});

describe('metrics list', () => {
  it('reads the drift gauge from a real table, and reports a missing gauge as undefined', () => {
    const text = fixture('metrics-list-excerpt-drift-checker-0.txt');
    expect(metricValue(text, CONFIG_DELTA_METRIC)).toBe(0);
    expect(metricValue(text, 'cilium_bpf_maps')).toBe(48);
    expect(metricValue(text.replace(/^cilium_drift.*$/m, ''), CONFIG_DELTA_METRIC)).toBeUndefined();
    expect(metricValue('[{"name":"cilium_drift_checker_config_delta","labels":{},"value":2}]', CONFIG_DELTA_METRIC)).toBe(2);
  });
});

describe('NodeEncryption OptedOut (cilium#24239)', () => {
  const text = (v: string): string =>
    `Cilium:   Ok   1.18.6 (v1.18.6-abc)\nRouting:  Network: Native   Host: BPF\nEncryption:   Wireguard   [NodeEncryption: ${v}, cilium_wg0 (Pubkey: x=, Port: 51871, Peers: 2)]\n`;
  it('is parsed as its own state in text and JSON', () => {
    expect(parseAgentStatus(text('OptedOut'))).toMatchObject({ nodeEncryptionOptedOut: true, wireguardPeers: 2 });
    expect(parseAgentStatus(text('OptedOut')).nodeEncryption).toBeUndefined();
    const json = {
      cilium: { state: 'Ok', msg: '1.18.6' },
      routing: { 'inter-host-routing-mode': 'Native' },
      encryption: {
        mode: 'Wireguard',
        wireguard: { 'node-encryption': 'OptedOut', interfaces: [{ name: 'cilium_wg0', 'peer-count': 2 }] },
      },
    };
    expect(parseAgentStatus(JSON.stringify(json))).toMatchObject({ nodeEncryptionOptedOut: true });
  });
});
