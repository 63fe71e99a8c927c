// A chart without encryption.nodeEncryption (deprecated in cilium#47219, removal planned in
// cilium#47365), end to end on the test cluster through dist/index.js: the staged apply's WireGuard
// gate, the final agents check and drift follow the chart, so agents that report NodeEncryption:
// Disabled pass, and a nodeEncryption value left in the live release is no drift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../src/process/run.js';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { errorOf } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { chartWithoutNodeEncryption, type CraftedChart } from '../helpers/crafted-chart.js';
import { helm4 } from '../setup/env.js';

let cluster: TestCluster;
let crafted: CraftedChart;
const common = (): Record<string, string> => ({ chart: crafted.dir, 'helm-version': helm4(), timeout: '60s', checks: 'agents' });

beforeAll(async () => {
  crafted = chartWithoutNodeEncryption();
  cluster = await startTestCluster({ nodes: 3 });
  await seedByocniCluster(cluster, { chartVersion: '1.20.0', helm: helm4() });
  cluster.clearRequests();
});
afterAll(async () => {
  await cluster?.stop();
  crafted?.remove();
});

describe('a chart without encryption.nodeEncryption', () => {
  it('apply (staged): the WireGuard gate and the agents check do not demand node encryption, and the summary says what it becomes', async () => {
    const r = await runOnCluster(cluster, { ...common(), mode: 'apply', strategy: 'staged' });
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'routing-mode': 'native', encryption: 'wireguard' });
    const phases = (r.report as { migration: { phases: Array<{ name: string; result: string }> } }).migration.phases;
    expect(phases.map((p) => [p.name, p.result])).toEqual([
      ['Phase 1: WireGuard, tunnel kept', 'done'],
      ['Phase 2: routing cutover', 'done'],
    ]);
    // every agent reports node encryption off, and passes
    expect(r.summary).toMatch(/\| aks-[^|]+ \| cilium-[a-z0-9]+ \| native \| wireguard \| disabled \| 2\/2 \| ✅ \|/);
    expect(r.summary).not.toMatch(/node encryption is disabled/);
    expect(r.summary).toContain(
      'nothing replaces node encryption, so traffic from or to the nodes themselves (host network, pod-to-node, node-to-pod, and NodePort or LoadBalancer traffic forwarded between nodes) is no longer encrypted, and the agents are not required to report NodeEncryption: Enabled',
    );
  });

  it('drift: none, and a nodeEncryption value left in the live release does nothing, so it is not drift', async () => {
    const clean = await runOnCluster(cluster, { ...common(), mode: 'drift' });
    expect(errorOf(clean)).toBe('');
    expect(clean.outputs).toMatchObject({ drift: 'false', verdict: 'pass' });

    // a release value the chart does not read (e.g. kept from before the upgrade to this chart)
    const set = await runProcess(
      helm4(),
      ['upgrade', 'cilium', crafted.dir, '-n', 'kube-system', '--reuse-values', '--set', 'encryption.nodeEncryption=true'],
      { env: cluster.env(), quiet: true },
    );
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    cluster.clearRequests();
    const r = await runOnCluster(cluster, { ...common(), mode: 'drift' });
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ drift: 'false', verdict: 'pass' });
    expect(r.summary).toContain(
      'encryption.nodeEncryption: the live release still sets it, but the target chart has no such key, so it does nothing: not counted as drift',
    );
    expect(cluster.mutations()).toEqual([]);
  });
});
