// profile bgp end to end: dist/index.js on the test cluster (seeded BYOCNI release, chart 1.18.6,
// 3 nodes) with the simulated BGP control plane. Phase 1 brings BGP up while every node still
// tunnels, the cutover follows the gate; then verify, the az learned-routes check, drift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateBgpAgents, type BgpAgents } from '../k8s/bgp-agents.js';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { commandsRun, errorOf } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { pathWithAz, standInAz } from '../helpers/stand-in-az.js';
import { chartPath, helm4, kubectl } from '../setup/env.js';

const PEERS = '[{address: 10.224.255.4, asn: 65515}, {address: 10.224.255.5, asn: 65515}]';
const RS_ID = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/net-rg/providers/Microsoft.Network/virtualHubs/rs-prod';

function bgpInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    chart: chartPath('1.18.6'),
    'helm-version': helm4(),
    timeout: '60s',
    profile: 'bgp',
    'bgp-local-asn': '65001',
    'bgp-peers': PEERS,
    ...extra,
  };
}

describe('profile bgp on a BYOCNI cluster', () => {
  let cluster: TestCluster;
  let bgp: BgpAgents;
  beforeAll(async () => {
    cluster = await startTestCluster({ nodes: 3 });
    await seedByocniCluster(cluster, { chartVersion: '1.18.6', helm: helm4() });
    bgp = simulateBgpAgents(cluster);
    cluster.clearRequests();
  });
  afterAll(async () => {
    bgp?.stop();
    await cluster?.stop();
  });

  it('brings BGP up with the tunnel kept, then cuts over once every pod CIDR is advertised', async () => {
    const r = await runOnCluster(cluster, { mode: 'apply', ...bgpInputs() });
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({
      verdict: 'pass',
      'routing-mode': 'native',
      encryption: 'none',
      revision: '3',
      'bgp-peers-established': '6/6',
      'overlay-flows': '0',
    });
    // revision 2 is phase 1: BGP on, still tunnelling
    const rev2 = await cluster.run(helm4(), [
      'get',
      'values',
      'cilium',
      '--namespace',
      'kube-system',
      '--revision',
      '2',
      '--output',
      'json',
    ]);
    const phase1 = JSON.parse(rev2.stdout);
    expect(phase1).toMatchObject({ aksbyocni: { enabled: true }, bgpControlPlane: { enabled: true } });
    expect(phase1.routingMode).not.toBe('native');
    const rev3 = JSON.parse(
      (await cluster.run(helm4(), ['get', 'values', 'cilium', '--namespace', 'kube-system', '--output', 'json'])).stdout,
    );
    expect(rev3).toMatchObject({
      routingMode: 'native',
      autoDirectNodeRoutes: false,
      aksbyocni: { enabled: false },
      bgpControlPlane: { enabled: true },
    });
    expect(rev3.encryption?.enabled).not.toBe(true);
    // the resources were server-side applied with the action's field manager, before the cutover
    const m = cluster.mutations().map((x) => `${x.method} ${x.resource}/${x.name ?? ''}`);
    const applied = m.findIndex((x) => x === 'PATCH ciliumbgpclusterconfigs/cilium-native-routing');
    const nativeWrite = cluster.mutations().findIndex((x, i) => i > applied && x.resource === 'configmaps' && x.name === 'cilium-config');
    expect(applied).toBeGreaterThanOrEqual(0);
    expect(nativeWrite).toBeGreaterThan(applied);
    const cc = cluster.getObject('cilium.io/v2', 'CiliumBGPClusterConfig', undefined, 'cilium-native-routing')!;
    expect(cc.metadata.managedFields?.[0]).toMatchObject({ manager: 'cilium-native-routing-action', operation: 'Apply' });
    expect(cc.spec.bgpInstances[0]).toMatchObject({
      localASN: 65001,
      peers: [
        { peerAddress: '10.224.255.4', peerASN: 65515 },
        { peerAddress: '10.224.255.5', peerASN: 65515 },
      ],
    });
    const pc = cluster.getObject('cilium.io/v2', 'CiliumBGPPeerConfig', undefined, 'cilium-native-routing')!;
    expect(pc.spec).toMatchObject({
      ebgpMultihop: 2,
      gracefulRestart: { enabled: true },
      timers: { holdTimeSeconds: 180, keepAliveTimeSeconds: 60 },
    });
    const adv = cluster.getObject('cilium.io/v2', 'CiliumBGPAdvertisement', undefined, 'cilium-native-routing')!;
    expect(adv.spec.advertisements).toEqual([{ advertisementType: 'PodCIDR' }]);
    for (const a of cluster.agents()) expect(a.config).toMatchObject({ 'routing-mode': 'native', 'enable-bgp-control-plane': 'true' });
    expect(r.summary).toContain('### BGP (6/6 sessions established)');
    expect(r.stdout).toContain('BGP gate open');
  }, 150_000);

  it('a second apply keeps the revision and only re-applies the BGP resources', async () => {
    cluster.clearRequests();
    const r = await runOnCluster(cluster, { mode: 'apply', ...bgpInputs() });
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', revision: '3', 'bgp-peers-established': '6/6' });
    expect(r.stdout).not.toContain('Phase 1');
    for (const x of cluster.mutations())
      expect(`${x.resource}/${x.name ?? ''}`).toMatch(
        /^(namespaces\/cnra-probe-|pods\/probe-|ciliumbgp(clusterconfigs|peerconfigs|advertisements)\/cilium-native-routing$)/,
      );
  });

  it('verify: passes, and with azure-route-server reads the learned routes read-only', async () => {
    const az = standInAz();
    const learned = Object.fromEntries(
      cluster.nodes.map((n) => [`node-${n.index}`, [{ network: n.podCidr, nextHop: n.ip, sourcePeer: n.ip }]]),
    );
    az.set({ peerings: Object.fromEntries(cluster.nodes.map((n) => [`node-${n.index}`, n.ip])), learned });
    const ok = await runOnCluster(
      cluster,
      { mode: 'verify', ...bgpInputs({ 'azure-route-server': RS_ID, checks: 'bgp' }) },
      { env: pathWithAz(az.dir) },
    );
    expect(errorOf(ok)).toBe('');
    expect(ok.outputs).toMatchObject({ verdict: 'pass', 'bgp-peers-established': '6/6' });
    expect(ok.summary).toContain('Route Server rs-prod learned all 3 pod CIDRs');
    const verbs = az.calls().map((c) => c.slice(0, 4).join(' '));
    expect(new Set(verbs)).toEqual(new Set(['network routeserver peering list', 'network routeserver peering list-learned-routes']));
    expect(az.calls()[0]).toEqual(
      expect.arrayContaining([
        '--routeserver',
        'rs-prod',
        '--resource-group',
        'net-rg',
        '--subscription',
        '00000000-1111-2222-3333-444444444444',
      ]),
    );

    // one node's route learned with the wrong next hop, one not at all
    const [n0, n1] = cluster.nodes;
    az.set({
      peerings: { rr: '10.224.0.100' },
      learned: {
        rr: [
          { network: n0!.podCidr, nextHop: '10.224.0.100' },
          { network: cluster.nodes[2]!.podCidr, nextHop: cluster.nodes[2]!.ip },
        ],
      },
    });
    const bad = await runOnCluster(
      cluster,
      { mode: 'verify', ...bgpInputs({ 'azure-route-server': RS_ID, checks: 'bgp' }) },
      { env: pathWithAz(az.dir) },
    );
    expect(bad.outputs.verdict).toBe('fail');
    expect(bad.summary).toContain(`${n0!.name} (${n0!.podCidr} learned via 10.224.0.100, not ${n0!.ip})`);
    expect(bad.summary).toContain(`${n1!.name} (${n1!.podCidr} not learned)`);

    az.set({ peerings: {}, learned: {}, loggedOut: true });
    const out = await runOnCluster(
      cluster,
      { mode: 'verify', ...bgpInputs({ 'azure-route-server': RS_ID, checks: 'bgp' }) },
      { env: pathWithAz(az.dir) },
    );
    expect(out.outputs.verdict).toBe('fail');
    expect(out.summary).toContain("az could not list the peerings of Route Server rs-prod: ERROR: Please run 'az login'");
  });

  it('verify: names the node whose session is down and the node that advertises nothing', async () => {
    const [n0, n1] = cluster.nodeNames;
    bgp.faults = { peerDown: { [n0!]: ['10.224.255.5'] }, notAdvertising: [n1!] };
    try {
      await cluster.waitFor(
        () => JSON.stringify(cluster.getObject('cilium.io/v2', 'CiliumBGPNodeConfig', undefined, n0!)?.status).includes('"active"'),
        5_000,
      );
      const r = await runOnCluster(cluster, { mode: 'verify', ...bgpInputs({ checks: 'agents' }) });
      expect(r.outputs).toMatchObject({ verdict: 'fail', 'bgp-peers-established': '5/6' });
      expect(r.summary).toContain(`${n0}: peer 10.224.255.5: session active`);
      expect(r.summary).toContain(`${n1}: peer 10.224.255.4: established but the node advertises no route`);
      expect(r.outputs['routing-mode']).toBe('native');
    } finally {
      bgp.faults = {};
    }
  });

  it('drift: none on the applied cluster; a hand edit of the peer config and a missing advertisement are named', async () => {
    await cluster.waitFor(
      () => cluster.listObjects('cilium.io/v2', 'CiliumBGPNodeConfig').every((c) => !JSON.stringify(c.status).includes('"active"')),
      5_000,
    );
    const clean = await runOnCluster(cluster, { mode: 'drift', ...bgpInputs({ checks: 'bgp' }) });
    expect(errorOf(clean), clean.summary).toBe('');
    expect(clean.outputs).toMatchObject({ drift: 'false', verdict: 'pass' });
    expect(clean.summary).toContain('CiliumBGPClusterConfig');

    const k = (args: string[]) => cluster.run(kubectl(), args);
    expect(
      (await k(['patch', 'ciliumbgppeerconfigs.cilium.io', 'cilium-native-routing', '--type=merge', '-p', '{"spec":{"ebgpMultihop":5}}']))
        .code,
    ).toBe(0);
    expect((await k(['delete', 'ciliumbgpadvertisements.cilium.io', 'cilium-native-routing'])).code).toBe(0);
    cluster.clearRequests();
    const r = await runOnCluster(cluster, { mode: 'drift', ...bgpInputs({ checks: 'bgp' }) });
    expect(r.outputs).toMatchObject({ drift: 'true', verdict: 'fail' });
    expect(r.summary).toContain('`CiliumBGPPeerConfig/cilium-native-routing spec.ebgpMultihop`');
    expect(r.summary).toContain('`CiliumBGPAdvertisement/cilium-native-routing`');
    // read-only: no write of any kind, no mutating command
    expect(cluster.mutations()).toEqual([]);
    expect(commandsRun(r).filter((c) => /^kubectl .*\b(apply|patch|delete|edit)\b/.test(c))).toEqual([]);

    // preview shows the same differences, read-only
    const p = await runOnCluster(cluster, { mode: 'preview', ...bgpInputs() });
    expect(errorOf(p)).toBe('');
    expect(p.summary).toContain('### BGP resources against the live cluster');
    expect(p.summary).toContain('| `CiliumBGPPeerConfig/cilium-native-routing spec.ebgpMultihop` | `5` | `2` |');
    expect(p.summary).toContain('| `CiliumBGPAdvertisement/cilium-native-routing` | `(missing)` | `present` |');
    expect(cluster.mutations()).toEqual([]);
  });
});
