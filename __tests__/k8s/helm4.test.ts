// Real helm 4.1.4 against the test cluster: install (seed), get values/manifest, history, upgrade
// --wait, rollback, --rollback-on-failure, and what it sent on the wire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { chartPath, helm4 } from '../setup/env.js';
import { byocniValues, seedByocniCluster, startTestCluster, type TestCluster } from './index.js';

const NATIVE_WG = [
  '--set',
  'aksbyocni.enabled=false',
  '--set',
  'routingMode=native',
  '--set',
  'ipv4NativeRoutingCIDR=100.64.0.0/10',
  '--set',
  'autoDirectNodeRoutes=true',
  '--set',
  'encryption.enabled=true',
  '--set',
  'encryption.type=wireguard',
  '--set',
  'encryption.nodeEncryption=true',
];

describe('helm 4 against the test cluster', () => {
  let c: TestCluster;
  const helm = (...args: string[]) => c.run(helm4(), args);

  beforeAll(async () => {
    c = await startTestCluster();
    await seedByocniCluster(c);
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('installs with server-side apply (fieldManager=helm) and stores the release in a protobuf Secret', () => {
    const applies = c.mutations().filter((r) => r.verb === 'apply');
    expect(applies.length).toBeGreaterThan(20);
    expect(new Set(applies.map((r) => r.fieldManager))).toEqual(new Set(['helm']));
    expect(applies.map((r) => `${r.resource}/${r.name}`)).toContain('daemonsets/cilium');
    const release = c.mutations().find((r) => r.verb === 'create' && r.resource === 'secrets');
    expect(release?.contentType).toBe('application/vnd.kubernetes.protobuf');
    const secret = c.getObject('v1', 'Secret', 'kube-system', 'sh.helm.release.v1.cilium.v1');
    expect(secret?.metadata.labels).toMatchObject({ owner: 'helm', name: 'cilium', status: 'deployed', version: '1' });
    expect(secret?.type).toBe('helm.sh/release.v1');
    // --wait used the WatchList protocol
    expect(c.requests.some((r) => r.verb === 'watch' && r.query.includes('sendInitialEvents=true'))).toBe(true);
  });

  it('brings up one ready agent per node, each remembering the tunnel config it started with', () => {
    const agents = c.agents();
    expect(agents.map((a) => a.node)).toEqual(c.nodeNames);
    for (const a of agents) {
      expect(a.ready).toBe(true);
      expect(a.config['routing-mode']).toBe('tunnel');
      expect(a.config['tunnel-protocol']).toBe('vxlan');
      expect(a.config['cluster-pool-ipv4-cidr']).toBe('100.64.0.0/10');
    }
    const ds = c.getObject('apps/v1', 'DaemonSet', 'kube-system', 'cilium');
    expect(ds?.status).toMatchObject({
      desiredNumberScheduled: 3,
      numberReady: 3,
      updatedNumberScheduled: 3,
      observedGeneration: ds?.metadata.generation,
    });
  });

  it('get values returns exactly the seed values', async () => {
    const r = await helm('get', 'values', 'cilium', '-n', 'kube-system', '-o', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(byocniValues());
  });

  it('get manifest returns the rendered chart', async () => {
    const r = await helm('get', 'manifest', 'cilium', '-n', 'kube-system');
    expect(r.code, r.stderr).toBe(0);
    const docs = YAML.parseAllDocuments(r.stdout)
      .map((d) => d.toJSON() as { kind: string; metadata: { name: string } } | null)
      .filter((d) => d);
    expect(docs.map((d) => `${d!.kind}/${d!.metadata.name}`)).toEqual(
      expect.arrayContaining(['DaemonSet/cilium', 'ConfigMap/cilium-config', 'Deployment/cilium-operator']),
    );
  });

  it('read-only commands change nothing', async () => {
    c.clearRequests();
    for (const args of [
      ['status', 'cilium', '-n', 'kube-system'],
      ['history', 'cilium', '-n', 'kube-system'],
      ['get', 'values', 'cilium', '-n', 'kube-system', '--all'],
      ['list', '-A'],
    ]) {
      const r = await helm(...args);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(c.requests.length).toBeGreaterThan(0);
    expect(c.mutations()).toEqual([]);
  });

  it('upgrade --wait changes cilium-config but the running agents keep tunnelling', async () => {
    const r = await helm(
      'upgrade',
      'cilium',
      chartPath('1.18.6'),
      '-n',
      'kube-system',
      '--reuse-values',
      ...NATIVE_WG,
      '--wait',
      '--timeout',
      '1m',
    );
    expect(r.code, r.stderr).toBe(0);
    const cm = c.getObject('v1', 'ConfigMap', 'kube-system', 'cilium-config');
    expect(cm?.data['routing-mode']).toBe('native');
    expect(cm?.data['enable-wireguard']).toBe('true');
    expect(c.agents().map((a) => a.config['routing-mode'])).toEqual(['tunnel', 'tunnel', 'tunnel']);
    const history = await helm('history', 'cilium', '-n', 'kube-system', '-o', 'json');
    expect((JSON.parse(history.stdout) as Array<{ revision: number; status: string }>).map((h) => [h.revision, h.status])).toEqual([
      [1, 'superseded'],
      [2, 'deployed'],
    ]);
  });

  it('rollback restores the previous cilium-config', async () => {
    const r = await helm('rollback', 'cilium', '1', '-n', 'kube-system', '--wait', '--timeout', '1m');
    expect(r.code, r.stderr).toBe(0);
    expect(c.getObject('v1', 'ConfigMap', 'kube-system', 'cilium-config')?.data['routing-mode']).toBe('tunnel');
    const status = JSON.parse((await helm('status', 'cilium', '-n', 'kube-system', '-o', 'json')).stdout) as {
      version: number;
      info: { status: string };
    };
    expect(status).toMatchObject({ version: 3, info: { status: 'deployed' } });
  });

  it('a release left pending blocks upgrades until its status is restored', async () => {
    const rev = c.setHelmReleaseStatus('cilium', 'kube-system', 'pending-upgrade');
    const blocked = await helm('upgrade', 'cilium', chartPath('1.18.6'), '-n', 'kube-system', '--reuse-values');
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toContain('another operation (install/upgrade/rollback) is in progress');
    const listed = JSON.parse((await helm('list', '-n', 'kube-system', '--pending', '-o', 'json')).stdout) as Array<{ status: string }>;
    expect(listed.map((r) => r.status)).toEqual(['pending-upgrade']);
    expect(c.setHelmReleaseStatus('cilium', 'kube-system', 'deployed')).toBe(rev);
    expect((await helm('status', 'cilium', '-n', 'kube-system')).stdout).toMatch(/STATUS: deployed/);
  });

  it('--rollback-on-failure rolls back when a write fails', async () => {
    c.setFault('failWrites', [{ verb: 'apply', resource: 'configmaps', name: 'cilium-config', code: 500, times: 1 }]);
    try {
      const r = await helm(
        'upgrade',
        'cilium',
        chartPath('1.18.6'),
        '-n',
        'kube-system',
        '--reuse-values',
        ...NATIVE_WG,
        '--rollback-on-failure',
        '--wait',
        '--timeout',
        '30s',
      );
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('injected by the test server');
      expect(c.getObject('v1', 'ConfigMap', 'kube-system', 'cilium-config')?.data['routing-mode']).toBe('tunnel');
      const history = JSON.parse((await helm('history', 'cilium', '-n', 'kube-system', '-o', 'json')).stdout) as Array<{
        revision: number;
        status: string;
      }>;
      expect(history.at(-1)).toMatchObject({ revision: 5, status: 'deployed' });
      expect(history.at(-2)).toMatchObject({ revision: 4, status: 'failed' });
    } finally {
      c.clearFaults();
    }
  });
});
