// profile bgp: the cutover waits for BGP. A session that never comes up keeps every node tunnelling
// (phase 1 only, the error names node and peer); preview shows the BGP resources without a cluster.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateBgpAgents, type BgpAgents } from '../k8s/bgp-agents.js';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { errorOf, runAction } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { pathWithAz, standInAz } from '../helpers/stand-in-az.js';
import { chartPath, helm4, repoRoot } from '../setup/env.js';

const PEERS = '[{address: 10.224.255.4, asn: 65515}, {address: 10.224.255.5, asn: 65515}]';
const RS_ID = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/net-rg/providers/Microsoft.Network/virtualHubs/rs-prod';

function applyInputs(timeout: string): Record<string, string> {
  return {
    mode: 'apply',
    chart: chartPath('1.18.6'),
    'helm-version': helm4(),
    timeout,
    profile: 'bgp',
    'bgp-local-asn': '65001',
    'bgp-peers': PEERS,
  };
}

describe('profile bgp: the gate before the cutover', () => {
  let cluster: TestCluster;
  let bgp: BgpAgents;
  beforeAll(async () => {
    cluster = await startTestCluster({ nodes: 3 });
    await seedByocniCluster(cluster, { chartVersion: '1.18.6', helm: helm4() });
    bgp = simulateBgpAgents(cluster, { peerDown: { [cluster.nodeNames[2]!]: ['10.224.255.4'] } });
  });
  afterAll(async () => {
    bgp?.stop();
    await cluster?.stop();
  });

  it('does not cut over while a node has a session down, and names it', async () => {
    const r = await runOnCluster(cluster, applyInputs('40s'));
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toContain('BGP did not come up before the routing cutover could start');
    expect(errorOf(r)).toContain(`${cluster.nodeNames[2]}: peer 10.224.255.4: session active`);
    expect(r.stdout).toMatch(/Waiting for BGP: 5\/6 sessions established; 1 nodes not ready/);
    // phase 1 only: BGP on, every agent still tunnelling, no second upgrade
    for (const a of cluster.agents()) expect(a.config).toMatchObject({ 'routing-mode': 'tunnel', 'enable-bgp-control-plane': 'true' });
    const history = await cluster.run(helm4(), ['history', 'cilium', '--namespace', 'kube-system', '--output', 'json']);
    expect((JSON.parse(history.stdout) as unknown[]).length).toBe(2);
  }, 150_000);

  it('with azure-route-server, also waits until Route Server has learned every pod CIDR', async () => {
    bgp.faults = {};
    const az = standInAz();
    const [n0, n1, n2] = cluster.nodes;
    const peerings = { rs0: n0!.ip, rs1: n1!.ip, rs2: n2!.ip };
    // node 2's route not learned yet: the cutover must not start
    az.set({ peerings, learned: { rs0: [{ network: n0!.podCidr, nextHop: n0!.ip }], rs1: [{ network: n1!.podCidr, nextHop: n1!.ip }] } });
    const inputs = { ...applyInputs('30s'), 'azure-route-server': RS_ID };
    const held = await runOnCluster(cluster, inputs, { env: pathWithAz(az.dir) });
    expect(errorOf(held)).toContain(
      `BGP did not come up before the routing cutover could start: Route Server rs-prod lacks 1 of 3 pod CIDRs: ${n2!.name} (${n2!.podCidr} not learned)`,
    );
    for (const a of cluster.agents()) expect(a.config['routing-mode']).toBe('tunnel');

    az.set({
      peerings,
      learned: {
        rs0: [{ network: n0!.podCidr, nextHop: n0!.ip }],
        rs1: [{ network: n1!.podCidr, nextHop: n1!.ip }],
        rs2: [{ network: n2!.podCidr, nextHop: n2!.ip }],
      },
    });
    const r = await runOnCluster(cluster, { ...inputs, timeout: '60s' }, { env: pathWithAz(az.dir) });
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'routing-mode': 'native', 'bgp-peers-established': '6/6' });
    expect(r.stdout).toContain(
      'BGP gate open: all 3 nodes have 2 established sessions and advertise their pod CIDR (6/6); Route Server rs-prod learned all 3 pod CIDRs',
    );
    // az was only ever asked read-only questions
    expect(az.calls().length).toBeGreaterThan(0);
    for (const c of az.calls()) expect(c.slice(0, 4).join(' ')).toMatch(/^network routeserver peering (list|list-learned-routes)$/);
  }, 240_000);
});

describe('profile bgp: preview without a cluster', () => {
  it('renders the BGP recipe and shows the BGP resources', async () => {
    const r = await runAction({
      mode: 'preview',
      chart: chartPath('1.18.6'),
      'cilium-version': '1.18.6',
      'helm-version': helm4(),
      'base-values': path.join(repoRoot, 'examples', 'byocni-release-values.yaml'),
      profile: 'bgp',
      'bgp-local-asn': '65001',
      'bgp-peers': PEERS,
      values: 'encryption: {enabled: true, type: wireguard}',
    });
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'routing-mode': 'native', encryption: 'wireguard' });
    expect(r.summary).toContain('| `bgpControlPlane.enabled` |');
    expect(r.summary).toContain('| `enable-bgp-control-plane` |');
    expect(r.summary).toContain('kind: CiliumBGPClusterConfig');
    expect(r.summary).toContain('localASN: 65001');
    expect(r.summary).toContain('advertisementType: PodCIDR');
    expect(r.summary).toContain('the merged values render native routing with BGP');
    expect(r.summary).toContain(
      'WireGuard is on: with profile bgp the pod CIDRs are routed natively by the VNet, but pod traffic between nodes is still carried inside WireGuard',
    );
  });
});
