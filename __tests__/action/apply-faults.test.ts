// apply under faults, through dist/index.js against the test cluster: the job fails with the cause,
// the release is left at a good revision, and there is never a false pass.
import { afterEach, describe, expect, it } from 'vitest';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { errorOf } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { runProcess } from '../../src/process/run.js';
import { chartPath, helm4 } from '../setup/env.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

async function seeded(extraArgs: string[] = []): Promise<TestCluster> {
  cluster = await startTestCluster({ nodes: 3 });
  await seedByocniCluster(cluster, { chartVersion: '1.18.6', extraArgs });
  cluster.clearRequests();
  return cluster;
}

const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  mode: 'apply',
  // the single upgrade with a rolling restart; staged has its own fault tests (staged.test.ts)
  strategy: 'direct',
  'probe-pairs': '0',
  chart: chartPath('1.18.6'),
  'helm-version': helm4(),
  timeout: '20s',
  ...extra,
});

async function releaseState(c: TestCluster): Promise<{ revision: number; status: string }> {
  const r = await runProcess(helm4(), ['list', '-n', 'kube-system', '--filter', '^cilium$', '-o', 'json'], { env: c.env(), quiet: true });
  const [rel] = JSON.parse(r.stdout) as Array<{ revision: string; status: string }>;
  return { revision: Number(rel!.revision), status: rel!.status };
}

describe('apply faults', () => {
  it('an agent that never restarts leaves a mixed cluster: fail, then roll back when asked', async () => {
    // without cilium-envoy, whose DaemonSet would also be stuck on that node and fail helm --wait
    const c = await seeded(['--set', 'envoy.enabled=false']);
    const node = c.nodeNames[2]!;
    c.setFault('agentNeverRestarts', node);
    const r = await runOnCluster(c, inputs({ 'on-verify-failure': 'rollback', checks: 'agents', timeout: '10s' }));
    expect(r.code).not.toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'fail', 'routing-mode': 'mixed' });
    // the stuck agent also keeps the rollback's --wait from finishing: said plainly, never a pass
    expect(errorOf(r)).toMatch(
      /^verification failed \(daemonset\/cilium did not finish rolling out: .*\); rolling back to revision 1 failed too \(.*DaemonSet\/kube-system\/cilium not ready/s,
    );
    expect(r.summary).toMatch(new RegExp(`\\| ${node} \\|[^\\n]*routing is tunnel`));
    expect(await releaseState(c)).toMatchObject({ revision: 3 });
  });

  it('drift names an agent that still tunnels after a stuck rollout', async () => {
    const c = await seeded(['--set', 'envoy.enabled=false']);
    const node = c.nodeNames[1]!;
    c.setFault('agentNeverRestarts', node);
    const applied = await runOnCluster(c, inputs({ checks: 'none', timeout: '6s' }));
    expect(applied.code).not.toBe(0);
    c.clearRequests();
    const r = await runOnCluster(c, { ...inputs({ checks: 'agents' }), mode: 'drift' });
    expect(r.outputs).toMatchObject({ drift: 'true', verdict: 'fail', 'routing-mode': 'mixed' });
    const differences = (r.report?.differences ?? []) as Array<{ source: string; key: string; actual: string }>;
    expect(differences.filter((d) => d.source === 'agents').map((d) => d.key)).toContain(node);
    expect(differences.find((d) => d.key === node)?.actual).toMatch(/routing is tunnel \(vxlan\), expected native/);
    expect(differences.filter((d) => d.source === 'values')).toEqual([]);
    expect(c.mutations()).toEqual([]);
  });

  it('inconclusive flows with on-verify-failure: rollback go back to the previous revision and restart the agents', async () => {
    const c = await seeded();
    c.setFault('hubbleUnavailable', true);
    const r = await runOnCluster(c, inputs({ 'on-verify-failure': 'rollback', checks: 'connectivity,flows' }));
    expect(r.code).not.toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'inconclusive', revision: '3' });
    expect(errorOf(r)).toMatch(
      /^verification failed \(flows: Hubble capture failed on .*\); rolled back to revision 1 \(now revision 3\) and restarted the agents$/s,
    );
    expect(await releaseState(c)).toEqual({ revision: 3, status: 'deployed' });
    for (const a of c.agents()) expect(a.config['routing-mode']).toBe('tunnel');
  });

  it('an operator that never becomes ready after the restart: the job fails naming it', async () => {
    const c = await seeded();
    c.setFault('neverReady', [{ kind: 'Deployment', namespace: 'kube-system', name: 'cilium-operator' }]);
    const r = await runOnCluster(c, inputs({ timeout: '8s', checks: 'agents' }));
    expect(r.code).not.toBe(0);
    expect(r.outputs.verdict).toBe('fail');
    expect(errorOf(r)).toMatch(/^deployment\/cilium-operator did not finish rolling out/);
    // the agents themselves restarted into native routing and say so
    expect(r.outputs['routing-mode']).toBe('native');
  });

  it('a DaemonSet stuck on one node fails helm --wait, and a failed rollback is said plainly', async () => {
    const c = await seeded();
    c.setFault('agentNeverRestarts', c.nodeNames[0]!);
    const r = await runOnCluster(c, inputs({ timeout: '8s' }));
    expect(r.code).not.toBe(0);
    expect(r.outputs.verdict).toBe('fail');
    expect(errorOf(r)).toMatch(/^helm upgrade failed: .*not ready/s);
    expect(errorOf(r)).toMatch(/helm did not roll it back|helm rolled the release back/);
    expect(r.outputs.verdict).not.toBe('pass');
  });

  it('a refused write of cilium-config fails the upgrade with the server message', async () => {
    const c = await seeded();
    // fails once: helm's own rollback then writes the old config back
    c.setFault('failWrites', [{ resource: 'configmaps', name: 'cilium-config', code: 500, message: 'etcd is sad', times: 1 }]);
    const r = await runOnCluster(c, inputs());
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toMatch(/^helm upgrade failed: .*etcd is sad/s);
    expect((await releaseState(c)).status).toBe('deployed');
    expect(c.agents().every((a) => a.config['routing-mode'] === 'tunnel')).toBe(true);
  });

  it('refuses a cluster without a release', async () => {
    cluster = await startTestCluster({ nodes: 2 });
    const r = await runOnCluster(cluster, inputs());
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toMatch(/^There is no Helm release kube-system\/cilium\nThis action changes an existing Cilium installation/);
    expect(cluster.mutations()).toEqual([]);
  });
});
