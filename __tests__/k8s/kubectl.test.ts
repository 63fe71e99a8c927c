// Real kubectl 1.35.2 against the seeded test cluster: typed commands (protobuf bodies), apply,
// the three patch types, rollout restart/status, wait, exec over WebSocket, namespaces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectl } from '../setup/env.js';
import { seedByocniCluster, startTestCluster, type TestCluster } from './index.js';

const PROBE = (node: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: kubectl-test
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: demo
  namespace: kubectl-test
  labels: {app: demo}
data:
  a: "1"
  b: "2"
---
apiVersion: v1
kind: Pod
metadata:
  name: server
  namespace: kubectl-test
  labels: {app: server}
spec:
  nodeName: ${node}
  containers:
  - name: agnhost
    image: registry.k8s.io/e2e-test-images/agnhost:2.53
    args: ["netexec", "--http-port=8080"]
`;

describe('kubectl against the test cluster', () => {
  let c: TestCluster;
  const k = (...args: string[]) => c.run(kubectl(), args, { timeoutMs: 60_000 });
  const kIn = (input: string, ...args: string[]) => c.run(kubectl(), args, { input, timeoutMs: 60_000 });

  beforeAll(async () => {
    c = await startTestCluster();
    await seedByocniCluster(c);
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('get prints server-side tables and filters by label and field selectors', async () => {
    const nodes = await k('get', 'nodes');
    expect(nodes.code, nodes.stderr).toBe(0);
    expect(nodes.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    expect(nodes.stdout).toContain(`${c.nodeNames[0]}   Ready`);
    const pods = await k('get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=cilium', '-o', 'wide');
    expect(pods.stdout.trim().split('\n')).toHaveLength(4);
    expect(pods.stdout).toMatch(/cilium-\w{5}\s+1\/1\s+Running\s+0/);
    const onNode = await k(
      'get',
      'pods',
      '-A',
      '--field-selector',
      `spec.nodeName=${c.nodeNames[1]}`,
      '-o',
      'jsonpath={.items[*].spec.nodeName}',
    );
    expect(new Set(onNode.stdout.split(' '))).toEqual(new Set([c.nodeNames[1]]));
    const can = await k('auth', 'can-i', 'patch', 'daemonsets', '-n', 'kube-system');
    expect(can).toMatchObject({ code: 0, stdout: 'yes\n' });
    const short = await k('get', 'ds,deploy', '-n', 'kube-system', '-o', 'name');
    expect(short.stdout.split('\n')).toEqual(expect.arrayContaining(['daemonset.apps/cilium', 'deployment.apps/cilium-operator']));
  });

  it('create namespace and create secret send protobuf, which the server decodes', async () => {
    const ns = await k('create', 'namespace', 'proto-test');
    expect(ns.code, ns.stderr).toBe(0);
    const sec = await k('create', 'secret', 'generic', 's1', '-n', 'proto-test', '--from-literal=password=hunter2');
    expect(sec.code, sec.stderr).toBe(0);
    const created = c
      .mutations()
      .filter((r) => r.verb === 'create' && r.namespace !== 'kube-system' && (r.resource === 'namespaces' || r.resource === 'secrets'));
    expect(created.map((r) => r.contentType)).toEqual(['application/vnd.kubernetes.protobuf', 'application/vnd.kubernetes.protobuf']);
    expect(c.getObject('v1', 'Namespace', undefined, 'proto-test')?.status.phase).toBe('Active');
    expect(Buffer.from(c.getObject('v1', 'Secret', 'proto-test', 's1')?.data.password, 'base64').toString()).toBe('hunter2');
    const del = await k('delete', 'namespace', 'proto-test', '--timeout=20s');
    expect(del.code, del.stderr).toBe(0);
    expect(c.getObject('v1', 'Namespace', undefined, 'proto-test')).toBeUndefined();
    expect(c.getObject('v1', 'Secret', 'proto-test', 's1')).toBeUndefined();
  });

  it('run creates a Pod (kubectl 1.35 sends it as JSON) that starts with an IP from its node’s pod CIDR', async () => {
    const ns = await k('create', 'namespace', 'run-test');
    expect(ns.code, ns.stderr).toBe(0);
    const run = await k(
      'run',
      'probe',
      '-n',
      'run-test',
      '--image=registry.k8s.io/e2e-test-images/agnhost:2.53',
      '--labels=app=probe',
      '--',
      'netexec',
      '--http-port=8080',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(c.mutations().find((r) => r.resource === 'pods' && r.namespace === 'run-test')?.contentType).toBe('application/json');
    const w = await k('wait', '--for=condition=Ready', 'pod/probe', '-n', 'run-test', '--timeout=20s');
    expect(w.code, w.stderr).toBe(0);
    const pod = c.getObject('v1', 'Pod', 'run-test', 'probe')!;
    expect(pod.metadata.labels).toEqual({ app: 'probe' });
    expect(pod.spec.containers).toMatchObject([
      { name: 'probe', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['netexec', '--http-port=8080'] },
    ]);
    const node = c.nodes.find((n) => n.name === pod.spec.nodeName)!;
    expect(pod.status.podIP).toMatch(new RegExp(`^100\\.64\\.${node.index}\\.\\d+$`));
  });

  it('apply (client-side, twice) and apply --server-side', async () => {
    const manifest = PROBE(c.nodeNames[1]!);
    const first = await kIn(manifest, 'apply', '-f', '-');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('configmap/demo created');
    const again = await kIn(manifest.replace('b: "2"', 'c: "3"'), 'apply', '-f', '-');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('configmap/demo configured');
    // the three-way merge removed b (dropped from the manifest) and added c
    expect(c.getObject('v1', 'ConfigMap', 'kubectl-test', 'demo')?.data).toEqual({ a: '1', c: '3' });
    const ssa = await kIn(manifest, 'apply', '--server-side', '--force-conflicts', '-f', '-');
    expect(ssa.code, ssa.stderr).toBe(0);
    // kubectl moves the client-side apply ownership over first ("kubectl-last-applied"), as on a real server
    const applies = c.mutations().filter((r) => r.verb === 'apply' && r.namespace === 'kubectl-test');
    expect(new Set(applies.map((r) => r.fieldManager))).toEqual(new Set(['kubectl', 'kubectl-last-applied']));
    expect(
      c.getObject('v1', 'ConfigMap', 'kubectl-test', 'demo')?.metadata.managedFields.map((m: { manager: string }) => m.manager),
    ).toContain('kubectl');
  });

  it('patch: strategic merge, JSON merge and JSON patch', async () => {
    const since = c.requests.length;
    expect((await k('patch', 'configmap', 'demo', '-n', 'kubectl-test', '-p', '{"data":{"d":"4"}}')).code).toBe(0);
    expect((await k('patch', 'configmap', 'demo', '-n', 'kubectl-test', '--type=merge', '-p', '{"data":{"a":null}}')).code).toBe(0);
    expect(
      (await k('patch', 'configmap', 'demo', '-n', 'kubectl-test', '--type=json', '-p', '[{"op":"replace","path":"/data/d","value":"5"}]'))
        .code,
    ).toBe(0);
    expect(c.getObject('v1', 'ConfigMap', 'kubectl-test', 'demo')?.data).toMatchObject({ d: '5' });
    expect(c.getObject('v1', 'ConfigMap', 'kubectl-test', 'demo')?.data.a).toBeUndefined();
    const types = c.requests
      .slice(since)
      .filter((r) => r.mutating && r.name === 'demo')
      .map((r) => r.contentType);
    expect(types).toEqual(['application/strategic-merge-patch+json', 'application/merge-patch+json', 'application/json-patch+json']);
    const bad = await k('patch', 'configmap', 'demo', '-n', 'kubectl-test', '--type=json', '-p', '[{"op":"remove","path":"/data/nope"}]');
    expect(bad.code).not.toBe(0);
  });

  it('wait --for=condition=Ready and exec with exit codes', async () => {
    const w = await k('wait', '--for=condition=Ready', 'pod/server', '-n', 'kubectl-test', '--timeout=20s');
    expect(w.code, w.stderr).toBe(0);
    const echo = await k('exec', '-n', 'kubectl-test', 'server', '--', 'echo', 'hello', 'world');
    expect(echo).toMatchObject({ code: 0, stdout: 'hello world\n' });
    const fail = await k('exec', '-n', 'kubectl-test', 'server', '--', 'false');
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain('command terminated with exit code 1');
    const missing = await k('exec', '-n', 'kubectl-test', 'server', '--', 'no-such-tool');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('executable file not found');
    const execs = c.execs().filter((r) => r.namespace === 'kubectl-test');
    expect(execs.map((r) => [r.command, r.exitCode])).toEqual([
      [['echo', 'hello', 'world'], 0],
      [['false'], 1],
      [['no-such-tool'], undefined],
    ]);
    expect(execs[0]).toMatchObject({ name: 'server', container: 'agnhost', node: c.nodeNames[1], status: 101 });
  });

  it('rollout restart and rollout status for a DaemonSet and a Deployment', async () => {
    const before = c.agents().map((a) => a.pod);
    const restart = await k('rollout', 'restart', 'ds/cilium', 'deploy/cilium-operator', '-n', 'kube-system');
    expect(restart.code, restart.stderr).toBe(0);
    const patches = c.mutations().filter((r) => r.verb === 'patch' && r.fieldManager === 'kubectl-rollout');
    expect(patches.map((r) => `${r.resource}/${r.name}`)).toEqual(['daemonsets/cilium', 'deployments/cilium-operator']);
    const ds = await k('rollout', 'status', 'ds/cilium', '-n', 'kube-system', '--timeout=30s');
    expect(ds.code, ds.stderr).toBe(0);
    expect(ds.stdout).toContain('daemon set "cilium" successfully rolled out');
    const dep = await k('rollout', 'status', 'deploy/cilium-operator', '-n', 'kube-system', '--timeout=30s');
    expect(dep.code, dep.stderr).toBe(0);
    expect(dep.stdout).toContain('deployment "cilium-operator" successfully rolled out');
    await c.waitForAgents();
    const after = c.agents().map((a) => a.pod);
    expect(after).toHaveLength(3);
    expect(after.filter((p) => before.includes(p))).toEqual([]);
    const avail = await k('wait', '--for=condition=Available', 'deploy/cilium-operator', '-n', 'kube-system', '--timeout=20s');
    expect(avail.code, avail.stderr).toBe(0);
  });
});
