// On the test cluster: a release locked by another operation, preview against a live release,
// and the post step cleaning up after a cancelled run.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { errorOf, runAction } from '../helpers/action.js';
import { clusterEnv, runOnCluster } from '../helpers/cluster-run.js';
import { runProcess } from '../../src/process/run.js';
import { chartPath, helm4, kubectl } from '../setup/env.js';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster({ nodes: 3 });
  await seedByocniCluster(cluster, { chartVersion: '1.18.6' });
  cluster.clearRequests();
});
afterAll(async () => {
  await cluster?.stop();
});

const base = (): Record<string, string> => ({ chart: chartPath('1.18.6'), 'helm-version': helm4() });

describe('on a live release', () => {
  it('preview diffs against the live release and changes nothing', async () => {
    const r = await runOnCluster(cluster, { ...base(), mode: 'preview' });
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'routing-mode': 'native', encryption: 'wireguard' });
    expect(r.report).toMatchObject({ baseline: 'live release', chartVersion: '1.18.6', revision: 1 });
    expect(r.summary).toContain('| `aksbyocni.enabled` | `true` | `false` | enforced |');
    expect(r.summary).toMatch(/Rendered manifest diff: \d+ changed/);
    expect(cluster.mutations()).toEqual([]);
  });

  it('never forces a release locked in pending-upgrade', async () => {
    cluster.setHelmReleaseStatus('cilium', 'kube-system', 'pending-upgrade');
    try {
      const r = await runOnCluster(cluster, { ...base(), mode: 'apply', timeout: '4s', checks: 'none' });
      expect(r.code).not.toBe(0);
      expect(errorOf(r)).toMatch(
        /^Release kube-system\/cilium is still pending-upgrade \(revision 1\): another helm operation holds it\nThis action never forces a locked release/,
      );
      expect(cluster.mutations()).toEqual([]);
    } finally {
      cluster.setHelmReleaseStatus('cilium', 'kube-system', 'deployed');
    }
  });

  it('waits for a lock that is released within the timeout', async () => {
    cluster.setHelmReleaseStatus('cilium', 'kube-system', 'pending-rollback');
    const unlock = setTimeout(() => cluster.setHelmReleaseStatus('cilium', 'kube-system', 'deployed'), 1500);
    try {
      const r = await runOnCluster(cluster, { ...base(), mode: 'apply', timeout: '30s', checks: 'agents' });
      expect(errorOf(r)).toBe('');
      expect(r.stdout).toContain('is pending-rollback; waiting');
      // the default strategy (staged) writes two revisions: WireGuard first, then the cutover
      expect(r.outputs).toMatchObject({ verdict: 'pass', revision: '3' });
    } finally {
      clearTimeout(unlock);
    }
  });

  it('the post step removes a probe namespace and the kubeconfig a cancelled run left behind', async () => {
    const ns = 'cnra-probe-abc123';
    const created = await runProcess(kubectl(), ['create', 'namespace', ns], { env: cluster.env(), quiet: true });
    expect(created.code).toBe(0);
    const dir = path.join(cluster.dir, 'post-run');
    // where the main step writes it (RUNNER_TEMP/cilium-native-routing): the post step removes no other path
    const kubeconfigFile = path.join(dir, 'runner-temp', 'cilium-native-routing', 'kubeconfig');
    mkdirSync(path.dirname(kubeconfigFile), { recursive: true });
    writeFileSync(kubeconfigFile, cluster.kubeconfigYaml, { mode: 0o600 });
    const r = await runAction(
      {},
      { entry: 'post', env: clusterEnv(cluster), state: { 'probe-namespace': ns, kubeconfig: kubeconfigFile }, dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Removed the probe namespace ${ns}`);
    expect(r.stdout).toContain('Removed the kubeconfig file');
    const gone = cluster.listObjects('v1', 'Namespace').filter((n) => n.metadata.name === ns && !n.metadata.deletionTimestamp);
    expect(gone).toEqual([]);
    expect(existsSync(kubeconfigFile)).toBe(false);
  });
});
