// The other two charts in testdata/charts: seed with 1.19.6, upgrade to 1.20.0, restart the agents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartPath, helm4, kubectl } from '../setup/env.js';
import { BYOCNI_VALUES_FILE, seedByocniCluster, startTestCluster, type TestCluster } from './index.js';

describe('Cilium 1.19.6 and 1.20.0 charts', () => {
  let c: TestCluster;

  beforeAll(async () => {
    c = await startTestCluster();
    await seedByocniCluster(c, { chartVersion: '1.19.6' });
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('agents of the seeded 1.19.6 release report 1.19.6 and tunnel', async () => {
    const r = await c.run(kubectl(), ['exec', '-n', 'kube-system', c.agents()[0]!.pod, '--', 'cilium-dbg', 'status']);
    expect(r.stdout).toMatch(/^Cilium:\s+Ok\s+1\.19\.6 /m);
    expect(r.stdout).toMatch(/^Routing:\s+Network: Tunnel \[vxlan\]/m);
  });

  it('upgrades to 1.20.0; the new image rolls the agents, which then report 1.20.0', async () => {
    const up = await c.run(helm4(), [
      'upgrade',
      'cilium',
      chartPath('1.20.0'),
      '-n',
      'kube-system',
      '-f',
      BYOCNI_VALUES_FILE,
      '--wait',
      '--timeout',
      '1m',
    ]);
    expect(up.code, up.stderr).toBe(0);
    await c.waitForAgents();
    expect(new Set(c.agents().map((a) => a.image.split('@')[0]))).toEqual(new Set(['quay.io/cilium/cilium:v1.20.0']));
    const r = await c.run(kubectl(), ['exec', '-n', 'kube-system', c.agents()[0]!.pod, '--', 'cilium-dbg', 'status']);
    expect(r.stdout).toMatch(/^Cilium:\s+Ok\s+1\.20\.0 /m);
  });
});
