// profile bgp: the cutover waits for BGP. A session that never comes up keeps every node tunnelling
// (phase 1 only, the error names node and peer); preview shows the BGP resources without a cluster.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateBgpAgents, type BgpAgents } from '../k8s/bgp-agents.js';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { errorOf, runAction } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { chartPath, helm4, repoRoot } from '../setup/env.js';

const PEERS = '[{address: 10.224.255.4, asn: 65515}, {address: 10.224.255.5, asn: 65515}]';

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
    const r = await runOnCluster(cluster, {
      mode: 'apply',
      chart: chartPath('1.18.6'),
      'helm-version': helm4(),
      timeout: '40s',
      profile: 'bgp',
      'bgp-local-asn': '65001',
      'bgp-peers': PEERS,
    });
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toContain('BGP did not come up before the routing cutover could start');
    expect(errorOf(r)).toContain(`${cluster.nodeNames[2]}: peer 10.224.255.4: session active`);
    expect(r.stdout).toMatch(/Waiting for BGP: 5\/6 sessions established; 1 nodes not ready/);
    // phase 1 only: BGP on, every agent still tunnelling, no second upgrade
    for (const a of cluster.agents()) expect(a.config).toMatchObject({ 'routing-mode': 'tunnel', 'enable-bgp-control-plane': 'true' });
    const history = await cluster.run(helm4(), ['history', 'cilium', '--namespace', 'kube-system', '--output', 'json']);
    expect((JSON.parse(history.stdout) as unknown[]).length).toBe(2);
  });
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
    expect(r.summary).toContain('WireGuard is on: with profile bgp the pod CIDRs are routed natively by the VNet, but pod traffic between nodes is still carried inside WireGuard');
  });
});
