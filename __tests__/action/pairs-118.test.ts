// config-delta on chart 1.18.6, which has no drift checker metric: each agent's start time is
// compared with the last change of cilium-config. A change the agents did not restart for fails the
// check and names them; the health mesh and WireGuard peers pass on 1.18's per-pod /32 allowed IPs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { errorOf } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { runProcess } from '../../src/process/run.js';
import { chartPath, helm4, kubectl } from '../setup/env.js';

let cluster: TestCluster;
const common = (): Record<string, string> => ({ chart: chartPath('1.18.6'), 'helm-version': helm4(), timeout: '20s', mode: 'verify' });

beforeAll(async () => {
  cluster = await startTestCluster({ nodes: 3 });
  await seedByocniCluster(cluster, { chartVersion: '1.18.6' });
  const r = await runOnCluster(cluster, { ...common(), mode: 'apply', checks: 'none' });
  if (r.code !== 0) throw new Error(`apply failed: ${errorOf(r)}`);
});
afterAll(async () => {
  await cluster?.stop();
});

describe('per-pair checks on 1.18.6', () => {
  it('pass after the apply (agents restarted after the config change), judged by start time', async () => {
    const r = await runOnCluster(cluster, { ...common(), checks: 'health,wireguard-peers,config-delta' });
    expect(errorOf(r)).toBe('');
    expect(r.outputs.verdict).toBe('pass');
    expect(r.summary).toContain('all 3 agents run the current cilium-config (3 by start time, no drift metric)');
  });

  it('fail, naming every agent, when cilium-config changed after they started', async () => {
    // managedFields times have a one-second resolution: make sure the change is later than every start
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const p = await runProcess(
      kubectl(),
      ['patch', 'configmap', 'cilium-config', '-n', 'kube-system', '--type', 'merge', '-p', '{"data":{"cnra-test-key":"x"}}'],
      { env: cluster.env(), quiet: true },
    );
    expect(p.code).toBe(0);
    const r = await runOnCluster(cluster, { ...common(), checks: 'config-delta' });
    expect(r.outputs.verdict).toBe('fail');
    for (const n of cluster.nodeNames)
      expect(r.summary).toMatch(new RegExp(`${n}: started \\S+, before cilium-config last changed \\(\\S+\\)`));
  });
});
