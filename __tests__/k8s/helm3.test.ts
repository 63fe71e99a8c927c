// Real helm 3.17.2 against the test cluster: install --wait (legacy waiter: polls ReplicaSets, pods,
// Services), upgrade --atomic, and --atomic rolling back after a failed PATCH.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartPath, helm3 } from '../setup/env.js';
import { byocniValues, seedByocniCluster, startTestCluster, type TestCluster } from './index.js';

describe('helm 3 against the test cluster', () => {
  let c: TestCluster;
  const helm = (...args: string[]) => c.run(helm3(), args);
  const history = async (): Promise<Array<[number, string]>> =>
    (
      JSON.parse((await helm('history', 'cilium', '-n', 'kube-system', '-o', 'json')).stdout) as Array<{ revision: number; status: string }>
    ).map((h) => [h.revision, h.status]);

  beforeAll(async () => {
    c = await startTestCluster();
    await seedByocniCluster(c, { helm: helm3() });
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('installs with client-side creates and waits for the workloads', async () => {
    const creates = c.mutations().filter((r) => r.verb === 'create');
    expect(creates.map((r) => `${r.resource}/${r.name}`)).toEqual(
      expect.arrayContaining(['daemonsets/cilium', 'configmaps/cilium-config', 'deployments/cilium-operator']),
    );
    expect(c.mutations().some((r) => r.verb === 'apply')).toBe(false);
    const values = await helm('get', 'values', 'cilium', '-n', 'kube-system', '-o', 'json');
    expect(JSON.parse(values.stdout)).toEqual(byocniValues());
    expect(c.agents().filter((a) => a.ready)).toHaveLength(3);
  });

  it('upgrade --atomic patches with strategic merge and succeeds', async () => {
    c.clearRequests();
    const r = await helm(
      'upgrade',
      'cilium',
      chartPath('1.18.6'),
      '-n',
      'kube-system',
      '--reuse-values',
      '--set',
      'aksbyocni.enabled=false',
      '--set',
      'routingMode=native',
      '--set',
      'ipv4NativeRoutingCIDR=100.64.0.0/10',
      '--atomic',
      '--wait',
      '--timeout',
      '1m',
    );
    expect(r.code, r.stderr).toBe(0);
    const patch = c.mutations().find((m) => m.resource === 'configmaps' && m.name === 'cilium-config');
    expect(patch).toMatchObject({ verb: 'patch', contentType: 'application/strategic-merge-patch+json' });
    expect(c.getObject('v1', 'ConfigMap', 'kube-system', 'cilium-config')?.data['routing-mode']).toBe('native');
    expect(await history()).toEqual([
      [1, 'superseded'],
      [2, 'deployed'],
    ]);
  });

  it('upgrade --atomic rolls back when the PATCH of cilium-config fails', async () => {
    c.setFault('failWrites', [{ verb: 'patch', resource: 'configmaps', name: 'cilium-config', code: 422, times: 1 }]);
    try {
      const r = await helm(
        'upgrade',
        'cilium',
        chartPath('1.18.6'),
        '-n',
        'kube-system',
        '--reuse-values',
        '--set',
        'encryption.enabled=true',
        '--set',
        'encryption.type=wireguard',
        '--atomic',
        '--wait',
        '--timeout',
        '30s',
      );
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/has been rolled back due to atomic being set/);
      expect(r.stderr).toContain('rejected by the test server');
    } finally {
      c.clearFaults();
    }
    expect(await history()).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'failed'],
      [4, 'deployed'],
    ]);
    const cm = c.getObject('v1', 'ConfigMap', 'kube-system', 'cilium-config');
    expect(cm?.data['routing-mode']).toBe('native');
    expect(cm?.data['enable-wireguard']).not.toBe('true');
  });
});
