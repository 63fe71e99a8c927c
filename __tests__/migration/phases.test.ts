import { describe, expect, it } from 'vitest';
import { batchSize } from '../../src/migration/strategy.js';
import { CUTOVER_NAME, stagedPhases, tunnels, wireguardFirst, type FirstPhase } from '../../src/migration/phases.js';
import { pickProbePairs } from '../../src/migration/probe-pairs.js';

const live = { aksbyocni: { enabled: true }, routingMode: 'tunnel', hubble: { enabled: true } };
const desired = { routingMode: 'native', encryption: { enabled: true, type: 'wireguard', nodeEncryption: true } };

describe('staged phases', () => {
  it('a tunnelling release without WireGuard: encryption first with everything else live, then the cutover', () => {
    const phases = stagedPhases(live, { 'routing-mode': 'tunnel' }, desired);
    expect(phases.map((p) => [p.name, p.restart, p.gate])).toEqual([
      [wireguardFirst(true).name, 'rolling', 'wireguard-peers'],
      [CUTOVER_NAME, 'cutover', 'final-verification'],
    ]);
    expect(phases[0]!.values).toEqual({ ...live, encryption: { enabled: true, type: 'wireguard', nodeEncryption: true } });
    expect(phases[1]!.values).toBe(desired);
  });

  it('already on tunnel + WireGuard: starts at the cutover, unless the chart version changes', () => {
    const wg = { 'routing-mode': 'tunnel', 'enable-wireguard': 'true', 'encrypt-node': 'true' };
    expect(stagedPhases(live, wg, desired).map((p) => p.name)).toEqual([CUTOVER_NAME]);
    // the new pod template restarts the agents rolling while still tunnelling; the cutover only changes cilium-config
    expect(stagedPhases(live, wg, desired, wireguardFirst(true), true).map((p) => [p.name, p.restart])).toEqual([
      [wireguardFirst(true).name, 'rolling'],
      [CUTOVER_NAME, 'cutover'],
    ]);
  });

  it('a chart without encryption.nodeEncryption: the first phase neither sets it nor waits for encrypt-node', () => {
    const first = wireguardFirst(false);
    const phases = stagedPhases(live, { 'routing-mode': 'tunnel' }, desired, first);
    expect(phases[0]!.values).toEqual({ ...live, encryption: { enabled: true, type: 'wireguard' } });
    const wg = { 'routing-mode': 'tunnel', 'enable-wireguard': 'true' };
    expect(stagedPhases(live, wg, desired, first).map((p) => p.name)).toEqual([CUTOVER_NAME]);
    expect(stagedPhases(live, wg, desired, wireguardFirst(true)).map((p) => p.name)).toEqual([first.name, CUTOVER_NAME]);
  });

  it('a profile supplies its own first phase and gate', () => {
    const bgp: FirstPhase = {
      name: 'Phase 1: BGP sessions, tunnel kept',
      overlay: { bgpControlPlane: { enabled: true } },
      gate: 'bgp-sessions',
      done: (c) => c['enable-bgp-control-plane'] === 'true',
    };
    const phases = stagedPhases(live, { 'routing-mode': 'tunnel' }, desired, bgp);
    expect(phases[0]).toMatchObject({
      name: bgp.name,
      gate: 'bgp-sessions',
      restart: 'rolling',
      values: { bgpControlPlane: { enabled: true }, routingMode: 'tunnel' },
    });
  });

  it('staged applies only to a release that tunnels', () => {
    expect(tunnels({ 'routing-mode': 'tunnel' })).toBe(true);
    expect(tunnels({ tunnel: 'vxlan' })).toBe(true);
    expect(tunnels({ 'routing-mode': 'native' })).toBe(false);
    expect(tunnels(undefined)).toBe(false);
  });
});

describe('cutover-batch', () => {
  it('percentages round up, counts are capped at the agent count, never below one', () => {
    expect(batchSize({ kind: 'percent', value: 100 }, 500)).toBe(500);
    expect(batchSize({ kind: 'percent', value: 25 }, 10)).toBe(3);
    expect(batchSize({ kind: 'percent', value: 1 }, 3)).toBe(1);
    expect(batchSize({ kind: 'count', value: 10 }, 3)).toBe(3);
    expect(batchSize({ kind: 'count', value: 2 }, 0)).toBe(1);
  });
});

describe('probe pairs', () => {
  const node = (name: string, pool: string, zone: string) => ({
    name,
    labels: { 'kubernetes.azure.com/agentpool': pool, 'topology.kubernetes.io/zone': zone },
  });

  it('pairs distinct nodes across pools and zones', () => {
    const nodes = [
      node('a1', 'sys', '1'),
      node('a2', 'sys', '1'),
      node('b1', 'user', '2'),
      node('b2', 'user', '2'),
      node('c1', 'user', '3'),
      node('c2', 'user', '3'),
    ];
    const pairs = pickProbePairs(nodes, 3);
    expect(pairs).toHaveLength(3);
    const group = (n: string) => n[0];
    for (const [c, s] of pairs) {
      expect(c).not.toBe(s);
      expect(group(c)).not.toBe(group(s));
    }
    expect(new Set(pairs.flat()).size).toBe(6);
  });

  it('one pool and zone: each client is paired with a node half the list away, not its neighbour', () => {
    const nodes = Array.from({ length: 10 }, (_, i) => node(`n${i}`, 'p', '1'));
    expect(pickProbePairs(nodes, 3)).toEqual([
      ['n0', 'n5'],
      ['n1', 'n6'],
      ['n2', 'n7'],
    ]);
  });

  it('fewer nodes than pairs: distinct pairs only, none on one node', () => {
    const pairs = pickProbePairs([node('x', 'p', '1'), node('y', 'p', '1')], 3);
    expect(pairs).toEqual([
      ['x', 'y'],
      ['y', 'x'],
    ]);
    expect(pickProbePairs([node('x', 'p', '1')], 3)).toEqual([]);
  });
});
