// Through dist/index.js on the test cluster: the drift issue opened and closed on a (fake) GitHub,
// and the optional `cilium connectivity test` subset run with the (stand-in) Cilium CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { FakeGitHub } from '../github/fake-github.js';
import { errorOf } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { chartPath, helm4 } from '../setup/env.js';

const TOKEN = 'ghs_driftIssueToken0123456789abcdef';
let cluster: TestCluster;
let gh: FakeGitHub;
beforeAll(async () => {
  gh = await new FakeGitHub({ token: TOKEN }).start();
  cluster = await startTestCluster({ nodes: 3 });
  await seedByocniCluster(cluster, { chartVersion: '1.18.6' });
  cluster.clearRequests();
});
afterAll(async () => {
  await cluster?.stop();
  await gh?.stop();
});

const base = (): Record<string, string> => ({
  chart: chartPath('1.18.6'),
  'helm-version': helm4(),
  'cilium-cli-version': cluster.ciliumCliPath,
  timeout: '30s',
});
const ghEnv = (): Record<string, string> => ({
  GITHUB_REPOSITORY: 'octo/cluster-config',
  GITHUB_API_URL: gh.url,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '7',
});

describe('drift issue and connectivity tests', () => {
  it('opens one labelled issue while the cluster drifts (before the migration)', async () => {
    const r = await runOnCluster(
      cluster,
      { ...base(), mode: 'drift', checks: 'agents', 'drift-issue': 'true', 'github-token': TOKEN },
      { env: ghEnv() },
    );
    expect(r.outputs.drift).toBe('true');
    expect(r.code).not.toBe(0);
    const issues = [...gh.issues.values()];
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'open', labels: [{ name: 'cilium-drift:kube-system/cilium' }] });
    expect(issues[0]!.body).toContain('routingMode');
    for (const req of gh.requests) expect(req.rawBody).not.toContain(TOKEN);
    expect(cluster.mutations()).toEqual([]);
  });

  it('apply with a connectivity-tests subset runs the Cilium CLI and passes', async () => {
    const r = await runOnCluster(cluster, { ...base(), mode: 'apply', 'connectivity-tests': 'pod-to-pod' });
    expect(errorOf(r)).toBe('');
    expect(r.outputs.verdict).toBe('pass');
    expect(r.stdout).toMatch(/\[command\] cilium connectivity test --test pod-to-pod --namespace kube-system/);
    expect(r.report).toMatchObject({ tools: expect.arrayContaining([expect.objectContaining({ name: 'cilium', source: 'path' })]) });
  });

  it('closes the issue once the cluster is clean', async () => {
    const r = await runOnCluster(
      cluster,
      { ...base(), mode: 'drift', checks: 'agents', 'drift-issue': 'true', 'github-token': TOKEN },
      { env: ghEnv() },
    );
    expect(errorOf(r)).toBe('');
    expect(r.outputs.drift).toBe('false');
    const issues = [...gh.issues.values()];
    expect(issues).toHaveLength(1);
    expect(issues[0]!.state).toBe('closed');
  });
});
