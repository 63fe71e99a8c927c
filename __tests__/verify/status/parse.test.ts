// Every real `cilium status` output in testdata/status, exactly; then 1.18-style text and JSON.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgentStatus, parseStatusJson, type AgentStatus } from '../../../src/verify/status/index.js';
import { testData } from '../../setup/env.js';
import { statusText118 } from './status-text.js';

const fixture = (f: string): string => readFileSync(path.join(testData(), 'status', f), 'utf8');
const PRE_116 = 'the status does not report the inter-host routing mode (Cilium before 1.16 prints only "Host Routing")';

const EXPECTED: Record<string, AgentStatus> = {
  'status-fenio-homelab-cilium-1.14.5-wireguard.txt': {
    format: 'text',
    version: '1.14.5',
    routing: 'unknown',
    hostRouting: 'BPF',
    encryption: 'wireguard',
    nodeEncryption: true,
    wireguardInterfaces: [{ name: 'cilium_wg0', port: 51871, peers: 2 }],
    wireguardPeers: 2,
    clusterHealth: { reachable: 3, total: 3 },
    healthy: true,
    problems: [PRE_116],
  },
  'status-idealisthacking-study-cilium-1.17.5-verbose-partial.txt': {
    format: 'text',
    routing: 'native',
    hostRouting: 'BPF',
    encryption: 'unknown',
    wireguardInterfaces: [],
    // only part of the output was published: no Cilium and no Encryption line
    healthy: false,
    problems: ['no "Cilium:" line: the output is not a complete agent status', 'no "Encryption:" line'],
  },
  'status-wcni-kind-cilium-1.15.0-rc.1-verbose.txt': {
    format: 'text',
    version: '1.15.0-rc.1',
    routing: 'unknown',
    hostRouting: 'Legacy',
    encryption: 'none',
    wireguardInterfaces: [],
    clusterHealth: { reachable: 1, total: 3 },
    healthy: false,
    problems: ['cluster health: 1 of 3 nodes reachable', PRE_116],
  },
  'status-seanmwinn-cilium-hands-on-lab-cilium-1.9.txt': {
    format: 'text',
    routing: 'unknown',
    hostRouting: 'Legacy',
    encryption: 'unknown',
    wireguardInterfaces: [],
    clusterHealth: { reachable: 1, total: 1 },
    healthy: true,
    problems: [PRE_116, 'no "Encryption:" line'],
  },
};

describe('real cilium status outputs', () => {
  it('covers every file in the fixtures folder', () => {
    expect(readdirSync(path.join(testData(), 'status')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    expect(parseAgentStatus(fixture(file))).toEqual(expected);
  });
});

describe('Cilium 1.16+ text', () => {
  it('native routing with WireGuard and node encryption', () => {
    expect(parseAgentStatus(statusText118())).toEqual({
      format: 'text',
      version: '1.18.6',
      routing: 'native',
      hostRouting: 'BPF',
      encryption: 'wireguard',
      nodeEncryption: true,
      wireguardInterfaces: [{ name: 'cilium_wg0', port: 51871, peers: 2 }],
      wireguardPeers: 2,
      clusterHealth: { reachable: 3, total: 3 },
      healthy: true,
      problems: [],
    });
  });

  it('tunnel mode names its protocol', () => {
    const s = parseAgentStatus(statusText118({ routing: 'Tunnel', tunnel: 'geneve', encryption: 'Disabled', crlf: true }));
    expect([s.routing, s.tunnelProtocol, s.hostRouting, s.encryption, s.healthy, s.problems]).toEqual([
      'tunnel',
      'geneve',
      'Legacy',
      'none',
      true,
      [],
    ]);
  });

  it('IPsec, and WireGuard without node encryption', () => {
    expect(parseAgentStatus(statusText118({ encryption: 'IPsec' })).encryption).toBe('ipsec');
    const wg = parseAgentStatus(statusText118({ nodeEncryption: 'Disabled', peers: 1 }));
    expect([wg.encryption, wg.nodeEncryption, wg.wireguardPeers]).toEqual(['wireguard', false, 1]);
  });

  it('an encryption mode named like an Object property is unrecognised, in either form', () => {
    for (const mode of ['constructor', 'toString', '__proto__']) {
      const text = parseAgentStatus(statusText118({ encryption: 'Disabled' }).replace(/^(Encryption:\s+)Disabled/m, `$1${mode}`));
      const json = parseStatusJson({ cilium: { state: 'Ok' }, encryption: { mode } });
      for (const s of [text, json]) {
        expect(s.encryption, mode).toBe('unknown');
        expect(s.problems).toContain(`unrecognised encryption mode "${mode}"`);
      }
    }
  });

  it('reports what is unhealthy', () => {
    const s = parseAgentStatus(
      statusText118({
        cilium: 'Failure   1.18.6 (v1.18.6-3c0ff2d2)   Unable to reach kube-apiserver',
        kubernetes: 'Warning   1.32 (v1.32.6) [linux/amd64]',
        controllers: '36/38 healthy',
        clusterHealth: '2/3 reachable   (2025-06-02T10:14:58Z)',
      }),
    );
    expect(s.healthy).toBe(false);
    expect(s.version).toBe('1.18.6');
    expect(s.problems).toEqual([
      'Cilium: Failure   1.18.6 (v1.18.6-3c0ff2d2)   Unable to reach kube-apiserver',
      'Kubernetes: Warning   1.32 (v1.32.6) [linux/amd64]',
      '2 of 38 controllers failing',
      'cluster health: 2 of 3 nodes reachable',
    ]);
  });

  it('an encryption error message instead of the interface list', () => {
    const text = statusText118().replace(
      /Encryption:.*/,
      'Encryption:              Wireguard       failed to query WireGuard device: no such device',
    );
    const s = parseAgentStatus(text);
    expect([s.encryption, s.nodeEncryption, s.wireguardInterfaces, s.problems]).toEqual([
      'wireguard',
      undefined,
      [],
      ['WireGuard reports no interface: failed to query WireGuard device: no such device'],
    ]);
  });

  it('text that is not a status', () => {
    const s = parseAgentStatus(
      'Error: cannot get status: Get "http://localhost/v1/healthz": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory\n',
    );
    expect(s.healthy).toBe(false);
    expect([s.routing, s.encryption]).toEqual(['unknown', 'unknown']);
    expect(s.problems).toContain('no "Cilium:" line: the output is not a complete agent status');
  });
});

describe('cilium-dbg status -o json', () => {
  const json = (o: Record<string, unknown> = {}): string =>
    JSON.stringify({
      cilium: { state: 'Ok', msg: '1.18.6 (v1.18.6-3c0ff2d2)' },
      kvstore: { state: 'Disabled' },
      kubernetes: { state: 'Ok', msg: '1.32 (v1.32.6) [linux/amd64]' },
      cluster: { ciliumHealth: { state: 'Ok' } },
      controllers: [{ name: 'sync-host-ips', status: { 'consecutive-failure-count': 0, 'success-count': 12 } }],
      routing: { 'intra-host-routing-mode': 'BPF', 'inter-host-routing-mode': 'Native', 'tunnel-protocol': 'vxlan' },
      encryption: {
        mode: 'Wireguard',
        wireguard: {
          'node-encryption': 'Enabled',
          interfaces: [{ name: 'cilium_wg0', 'listen-port': 51871, 'peer-count': 2, 'public-key': 'x=' }],
        },
      },
      ...o,
    });

  it('reads the same facts as the text', () => {
    const s = parseAgentStatus(json());
    const t = parseAgentStatus(statusText118());
    expect(s).toEqual({ ...t, format: 'json', clusterHealth: undefined });
  });

  it('tunnel, disabled encryption, failing controllers, a stale probe', () => {
    const s = parseStatusJson(
      json({
        routing: { 'intra-host-routing-mode': 'Legacy', 'inter-host-routing-mode': 'Tunnel', 'tunnel-protocol': 'vxlan' },
        encryption: { mode: 'Disabled' },
        controllers: [
          { name: 'a', status: { 'consecutive-failure-count': 3 } },
          { name: 'b', status: {} },
        ],
        stale: { 'cilium-health': '2025-06-02T10:14:58Z' },
      }),
    );
    expect([s.routing, s.tunnelProtocol, s.encryption, s.healthy]).toEqual(['tunnel', 'vxlan', 'none', false]);
    expect(s.problems).toEqual(['1 of 2 controllers failing', 'stale status probes: cilium-health']);
  });

  it('before 1.16 (no routing) and output that is not JSON of a status', () => {
    const { routing: _r, ...old } = JSON.parse(json()) as Record<string, unknown>;
    expect(parseStatusJson(old).problems).toEqual([
      'the status does not report the inter-host routing mode (no "routing": Cilium before 1.16)',
    ]);
    const broken = parseAgentStatus('{"cilium": {"state": "Ok"');
    expect(broken.healthy).toBe(false);
    expect(broken.problems[0]).toMatch(/^the status JSON could not be read: /);
    expect(parseAgentStatus('[]').problems).toEqual(['the status JSON could not be read: cilium status JSON is not an object']);
  });
});
