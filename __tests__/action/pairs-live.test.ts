// The per-pair checks on a live (test) cluster after a real apply with chart 1.19.6: a clean mesh
// passes; a broken pair, a stale handshake and an agent running an older config each fail the job
// and are named in the summary. The agents print Cilium's own formats (see __tests__/k8s/mesh-output.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { errorOf } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { runProcess } from '../../src/process/run.js';
import { chartPath, helm4, kubectl } from '../setup/env.js';

let cluster: TestCluster;
const PAIRS = 'health,wireguard-peers,config-delta';
const common = (): Record<string, string> => ({ chart: chartPath('1.19.6'), 'helm-version': helm4(), timeout: '20s', mode: 'verify' });

beforeAll(async () => {
  cluster = await startTestCluster({ nodes: 3 });
  await seedByocniCluster(cluster, { chartVersion: '1.19.6' });
  const r = await runOnCluster(cluster, { ...common(), mode: 'apply', checks: 'none' });
  if (r.code !== 0) throw new Error(`apply failed: ${errorOf(r)}`);
});
afterAll(async () => {
  await cluster?.stop();
});
afterEach(() => {
  cluster.clearFaults();
  cluster.clearRequests();
});

const kube = async (...args: string[]): Promise<void> => {
  const r = await runProcess(kubectl(), args, { env: cluster.env(), quiet: true });
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
};

describe('per-pair checks', () => {
  it('pass on a clean mesh, reading every agent once per check', async () => {
    const start = cluster.execs().length; // the apply in beforeAll read the agents too
    const r = await runOnCluster(cluster, { ...common(), checks: PAIRS });
    expect(errorOf(r)).toBe('');
    expect(r.outputs.verdict).toBe('pass');
    expect(r.summary).toContain('### Node pairs');
    expect(r.summary).toMatch(/`health`: ✅ \*\*pass\*\* — all 9 node pairs/);
    expect(r.summary).toMatch(/`wireguard-peers`: ✅ \*\*pass\*\* — all 6 WireGuard peerings/);
    expect(r.summary).toMatch(/`config-delta`: ✅ \*\*pass\*\* — all 3 agents run the current cilium-config$/m);
    for (const cmd of ['cilium-health', 'cilium-dbg']) {
      const nodes = cluster
        .execs()
        .slice(start)
        .filter((x) => x.command?.[0] === cmd)
        .map((x) => x.node);
      expect(nodes.sort()).toEqual([...cluster.nodeNames, ...(cmd === 'cilium-dbg' ? [...cluster.nodeNames] : [])].sort());
    }
  });

  it('fail on a broken pair, naming both directions', async () => {
    const [a, , c] = cluster.nodeNames as [string, string, string];
    cluster.setFault('brokenPairs', [[a, c]]);
    const r = await runOnCluster(cluster, { ...common(), checks: PAIRS });
    expect(r.code).not.toBe(0);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.summary).toContain(`${a} → ${c} node 10.224.0.6: unreachable (ICMP: Connection timed out)`);
    expect(r.summary).toContain(`${c} → ${a} health endpoint 100.64.0.2: unreachable`);
    expect(r.summary).toContain(`${a} ↔ ${c}: no handshake ever`);
    expect(r.summary).toContain(`${c} ↔ ${a}: no handshake ever`);
    // the other pairs are not blamed
    expect(r.summary).not.toContain(`${a} ↔ ${cluster.nodeNames[1]}`);
    // every agent was asked for the health query; the two that see a broken probe were read again in full JSON
    const health = cluster.execs().filter((x) => x.command?.[0] === 'cilium-health');
    const output = (x: (typeof health)[number]): string => x.command![x.command!.indexOf('-o') + 1]!;
    expect(
      health
        .filter((x) => output(x).startsWith('jsonpath='))
        .map((x) => x.node)
        .sort(),
    ).toEqual([...cluster.nodeNames].sort());
    expect(
      health
        .filter((x) => output(x) === 'json')
        .map((x) => x.node)
        .sort(),
    ).toEqual([a, c].sort());
  });

  it('fail on a stale handshake', async () => {
    const [, b, c] = cluster.nodeNames as [string, string, string];
    cluster.setFault('staleHandshakes', [[b, c]]);
    const r = await runOnCluster(cluster, { ...common(), checks: 'wireguard-peers' });
    expect(r.outputs.verdict).toBe('fail');
    expect(r.summary).toMatch(new RegExp(`${b} ↔ ${c}: stale handshake \\(last \\d+ s ago\\)`));
    expect(r.summary).toMatch(new RegExp(`${c} ↔ ${b}: stale handshake`));
  });

  it('fail when agents run an older config than cilium-config, and pass again once it matches', async () => {
    await kube('patch', 'configmap', 'cilium-config', '-n', 'kube-system', '--type', 'merge', '-p', '{"data":{"cnra-test-key":"x"}}');
    try {
      const r = await runOnCluster(cluster, { ...common(), checks: 'config-delta' });
      expect(r.outputs.verdict).toBe('fail');
      for (const n of cluster.nodeNames)
        expect(r.summary).toContain(`${n}: runs an older config (cilium\\_drift\\_checker\\_config\\_delta 1)`);
    } finally {
      await kube(
        'patch',
        'configmap',
        'cilium-config',
        '-n',
        'kube-system',
        '--type',
        'json',
        '-p',
        '[{"op":"remove","path":"/data/cnra-test-key"}]',
      );
    }
    const again = await runOnCluster(cluster, { ...common(), checks: 'config-delta' });
    expect(again.outputs.verdict).toBe('pass');
  });

  it('accept NodeEncryption OptedOut on a control-plane node', async () => {
    const node = cluster.nodeNames[0]!;
    await kube('label', 'node', node, 'node-role.kubernetes.io/control-plane=');
    try {
      const r = await runOnCluster(cluster, { ...common(), checks: 'agents' });
      expect(errorOf(r)).toBe('');
      expect(r.outputs.verdict).toBe('pass');
      expect(r.summary).toContain(`| ${node} |`);
      expect(r.summary).toMatch(/\| opted out \| 2\/2 \| ✅ \|/);
    } finally {
      await kube('label', 'node', node, 'node-role.kubernetes.io/control-plane-');
    }
  });
});

describe('the recipe on the live cluster', () => {
  it('refuses a cilium-version two minors ahead of the installed one, unless allow-skip-minor', async () => {
    // the cluster runs 1.19.6 (seed and apply above); 1.21 is two minors ahead. Preview reads the
    // release and stops before rendering.
    const refused = await runOnCluster(cluster, {
      ...common(),
      mode: 'preview',
      chart: 'cilium',
      'chart-repository': 'http://127.0.0.1:9/never',
      'cilium-version': '1.21.0',
    });
    expect(refused.code).not.toBe(0);
    expect(errorOf(refused)).toBe(
      'cilium-version: 1.21.0 is 2 minor versions ahead of the installed 1.19.6, and Cilium upgrades one minor version at a time. Fix: upgrade to the latest 1.20.x first (run the action with cilium-version set to it), then to 1.21.0; or set allow-skip-minor: true to take the risk',
    );
    const allowed = await runOnCluster(cluster, {
      ...common(),
      mode: 'preview',
      chart: 'cilium',
      'chart-repository': 'http://127.0.0.1:9/never',
      'cilium-version': '1.21.0',
      'allow-skip-minor': 'true',
    });
    // past the rule: it fails only on reading the (unreachable) repository
    expect(errorOf(allowed)).toMatch(/values\.yaml|chart|repository|127\.0\.0\.1:9/i);
    expect(errorOf(allowed)).not.toMatch(/minor versions ahead/);
  });

  it('strict-mode: egress is applied after the checks pass, verified, and checked by drift', async () => {
    const before = await runOnCluster(cluster, { ...common(), mode: 'drift', checks: 'config-delta', 'strict-mode': 'egress' });
    expect(before.outputs.drift).toBe('true');
    expect(before.summary).toContain('strict-mode: egress');

    const r = await runOnCluster(cluster, { ...common(), mode: 'apply', checks: 'agents,config-delta', 'strict-mode': 'egress' });
    expect(errorOf(r)).toBe('');
    expect(r.outputs.verdict).toBe('pass');
    const steps = ((r.report?.steps ?? []) as Array<{ name: string }>).map((s) => s.name);
    expect(steps.indexOf('WireGuard strict mode (egress)')).toBeGreaterThan(steps.indexOf('Check every node pair'));
    const cm = cluster.listObjects('v1', 'ConfigMap').find((c) => c.metadata.name === 'cilium-config')!;
    expect(cm.data).toMatchObject({ 'enable-encryption-strict-mode-egress': 'true', 'encryption-strict-egress-cidr': '100.64.0.0/10' });
    expect(r.summary).toContain('WireGuard strict egress mode is on for 100.64.0.0/10');

    const after = await runOnCluster(cluster, { ...common(), mode: 'drift', checks: 'config-delta', 'strict-mode': 'egress' });
    expect(after.outputs.drift).toBe('false');
  });
});
