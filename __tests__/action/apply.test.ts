// mode: apply end to end: dist/index.js drives real helm and real kubectl against the test cluster,
// seeded with a real `helm install` of a BYOCNI release (chart 1.18.6, pool 100.64.0.0/10, 3 nodes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { errorOf, type ActionRun } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { chartPath, helm3, helm4 } from '../setup/env.js';

function applyInputs(extra: Record<string, string> = {}): Record<string, string> {
  // strategy: direct, today's single upgrade and rolling restart (staged has its own tests in staged.test.ts)
  return {
    mode: 'apply',
    strategy: 'direct',
    'probe-pairs': '0',
    chart: chartPath('1.18.6'),
    'helm-version': helm4(),
    timeout: '60s',
    ...extra,
  };
}

function expectNoSecret(r: ActionRun, SECRET: string): void {
  // ::add-mask:: lines are commands the runner consumes (that is how secrets get masked), never shown
  const shown = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
  expect(shown.join('\n')).not.toContain(SECRET);
  expect(r.stdout).toContain('::add-mask::');
  expect(r.stderr).not.toContain(SECRET);
  expect(r.summary).not.toContain(SECRET);
  expect(JSON.stringify(r.report ?? {})).not.toContain(SECRET);
}

async function seeded(helm = helm4()): Promise<TestCluster> {
  const cluster = await startTestCluster({ nodes: 3 });
  await seedByocniCluster(cluster, { chartVersion: '1.18.6', helm });
  cluster.clearRequests();
  return cluster;
}

describe('apply: the seed scenario, then an idempotent second run', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await seeded();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('moves the cluster from VXLAN to native routing with WireGuard and proves it', async () => {
    expect(cluster.agents().every((a) => a.config['routing-mode'] === 'tunnel')).toBe(true);
    const r = await runOnCluster(cluster, applyInputs());
    expect(errorOf(r)).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      verdict: 'pass',
      'routing-mode': 'native',
      encryption: 'wireguard',
      revision: '2',
      'overlay-flows': '0',
    });
    expect(Number(r.outputs['cross-node-flows'])).toBeGreaterThan(0);
    // the agents were restarted and now run the new config
    const agents = cluster.agents();
    expect(agents).toHaveLength(3);
    for (const a of agents)
      expect(a.config).toMatchObject({ 'routing-mode': 'native', 'enable-wireguard': 'true', 'encrypt-node': 'true' });
    // order: release written by helm, then the agents restarted, then the probe namespace created and removed
    const m = cluster.mutations().map((x) => `${x.method} ${x.resource}/${x.name ?? ''}`);
    const firstRestart = m.findIndex((x) => /PATCH daemonsets\/cilium$/.test(x));
    const lastHelmWrite = m.map((x) => /configmaps\/cilium-config$/.test(x)).lastIndexOf(true);
    const probeCreate = m.findIndex((x) => /^POST namespaces\/cnra-probe-/.test(x));
    const probeDelete = m.findIndex((x) => /^DELETE namespaces\/cnra-probe-/.test(x));
    expect(lastHelmWrite).toBeGreaterThanOrEqual(0);
    expect(firstRestart).toBeGreaterThan(lastHelmWrite);
    expect(probeCreate).toBeGreaterThan(firstRestart);
    expect(probeDelete).toBeGreaterThan(probeCreate);
    expect(r.summary).toMatch(/### Agents \(3 nodes\)/);
    expect(r.summary).toContain('| `routing-mode` | `tunnel` | `native` |');
    expectNoSecret(r, cluster.token);
  });

  it('changes nothing on a second run and keeps the revision', async () => {
    cluster.clearRequests();
    const r = await runOnCluster(cluster, applyInputs());
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', revision: '2' });
    expect(r.stdout).toContain('already has the desired values (revision 2): no upgrade.');
    // only the probe's own namespace was written
    for (const x of cluster.mutations()) expect(`${x.resource}/${x.name ?? ''}`).toMatch(/^(namespaces\/cnra-probe-|pods\/probe-)/);
  });
});

describe('apply with Helm 3', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await seeded(helm3());
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('upgrades with --atomic and passes', async () => {
    const r = await runOnCluster(cluster, applyInputs({ 'helm-version': helm3() }));
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'routing-mode': 'native', revision: '2' });
    expect(r.stdout).toMatch(/\[command\] helm upgrade cilium .* --atomic/);
  });
});
