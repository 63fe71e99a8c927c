// verify and drift on a live (test) cluster after a real apply: each fault reported precisely, never a
// false pass; read-only runs change nothing but the probe's own namespace.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { errorOf } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { runProcess } from '../../src/process/run.js';
import { chartPath, helm4, kubectl } from '../setup/env.js';

let cluster: TestCluster;
const common = (): Record<string, string> => ({ chart: chartPath('1.18.6'), 'helm-version': helm4(), timeout: '20s' });

beforeAll(async () => {
  cluster = await startTestCluster({ nodes: 3 });
  await seedByocniCluster(cluster, { chartVersion: '1.18.6' });
  const r = await runOnCluster(cluster, { ...common(), mode: 'apply', checks: 'none' });
  if (r.code !== 0) throw new Error(`apply failed: ${errorOf(r)}`);
  cluster.clearRequests();
});
afterAll(async () => {
  await cluster?.stop();
});
afterEach(() => {
  cluster.clearFaults();
  cluster.clearRequests();
});

/** Writes outside the probe's namespace, pods and namespace deletion. */
function nonProbeWrites(): string[] {
  return cluster
    .mutations()
    .map((x) => `${x.verb} ${x.resource}/${x.namespace ?? ''}/${x.name ?? ''}`)
    .filter((x) => !/ namespaces\/\/cnra-probe-|pods\/cnra-probe-/.test(x));
}

describe('verify', () => {
  it('passes on the migrated cluster and writes nothing but its probe', async () => {
    const r = await runOnCluster(cluster, { ...common(), mode: 'verify' });
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'routing-mode': 'native', encryption: 'wireguard', 'overlay-flows': '0' });
    expect(nonProbeWrites()).toEqual([]);
    // every agent read once, in process over the exec WebSocket (no kubectl process per agent)
    const statusExecs = cluster.execs().filter((x) => x.command?.[0] === 'cilium-dbg' && x.command?.[1] === 'status');
    expect(statusExecs.map((x) => x.node).sort()).toEqual([...cluster.nodeNames].sort());
    for (const x of statusExecs) expect(x.userAgent ?? '').not.toMatch(/^kubectl/);
    // the probe namespace is gone again, or terminating (it is deleted without waiting)
    const left = cluster
      .listObjects('v1', 'Namespace')
      .filter((n) => n.metadata.name.startsWith('cnra-probe-') && !n.metadata.deletionTimestamp);
    expect(left.map((n) => n.metadata.name)).toEqual([]);
    expect(r.summary).toMatch(/\| aks-[^|]+ \| cilium-[a-z0-9]+ \| native \| wireguard \| enabled \| 2\/2 \| ✅ \|/);
  });

  it('fails, naming the node, when one agent does not answer', async () => {
    const node = cluster.nodeNames[1]!;
    cluster.setFault('execHangs', node);
    const r = await runOnCluster(cluster, { ...common(), mode: 'verify', checks: 'agents' });
    expect(r.code).not.toBe(0);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.summary).toContain(node);
    expect(r.summary).toMatch(/status could not be read: status did not answer within \d+ s/);
  });

  it('is inconclusive when Hubble is unavailable', async () => {
    cluster.setFault('hubbleUnavailable', true);
    const r = await runOnCluster(cluster, { ...common(), mode: 'verify', checks: 'connectivity,flows' });
    expect(r.code).not.toBe(0);
    expect(r.outputs.verdict).toBe('inconclusive');
    expect(errorOf(r)).toMatch(/Hubble capture failed on/);
  });

  it('is inconclusive when there is no cross-node traffic', async () => {
    cluster.setFault('noCrossNodeTraffic', true);
    const r = await runOnCluster(cluster, { ...common(), mode: 'verify', checks: 'connectivity,flows' });
    expect(r.outputs).toMatchObject({ verdict: 'inconclusive', 'cross-node-flows': '0' });
    expect(errorOf(r)).toMatch(/fewer than min-flows/);
  });

  it('reports lost events and warns', async () => {
    cluster.setFault('lostEvents', true);
    const r = await runOnCluster(cluster, { ...common(), mode: 'verify', checks: 'connectivity,flows' });
    expect(Number(r.outputs['lost-events'])).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/::warning::Hubble reported \d+ lost events?/);
  });
});

describe('drift', () => {
  it('finds no drift on a clean cluster and writes nothing', async () => {
    const r = await runOnCluster(cluster, { ...common(), mode: 'drift', checks: 'agents' });
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ drift: 'false', verdict: 'pass' });
    expect(cluster.mutations()).toEqual([]);
    expect(r.summary).toContain('None: the cluster is as desired.');
  });

  it('reports values changed in git', async () => {
    const r = await runOnCluster(cluster, { ...common(), mode: 'drift', checks: 'agents', values: 'operator:\n  replicas: 1\n' });
    expect(r.code).not.toBe(0);
    expect(r.outputs.drift).toBe('true');
    expect(r.report).toMatchObject({ differences: [{ source: 'values', key: 'operator.replicas', expected: '1' }] });
    expect(cluster.mutations()).toEqual([]);
  });

  it('reports a hand-edited cilium-config, and only warns when fail-on-drift is false', async () => {
    const patch = await runProcess(
      kubectl(),
      ['patch', 'configmap', 'cilium-config', '-n', 'kube-system', '--type', 'merge', '-p', '{"data":{"enable-wireguard":"false"}}'],
      { env: cluster.env(), quiet: true },
    );
    expect(patch.code).toBe(0);
    cluster.clearRequests();
    try {
      const r = await runOnCluster(cluster, { ...common(), mode: 'drift', checks: 'agents', 'fail-on-drift': 'false' });
      expect(r.code).toBe(0);
      expect(r.outputs.drift).toBe('true');
      expect(r.report).toMatchObject({
        differences: [{ source: 'cilium-config', key: 'enable-wireguard', expected: 'true', actual: 'false' }],
      });
      expect(r.stdout).toMatch(/::warning::Drift found: 1 difference \(cilium-config\)/);
      expect(cluster.mutations()).toEqual([]);
    } finally {
      await runProcess(
        kubectl(),
        ['patch', 'configmap', 'cilium-config', '-n', 'kube-system', '--type', 'merge', '-p', '{"data":{"enable-wireguard":"true"}}'],
        { env: cluster.env(), quiet: true },
      );
    }
  });
});
