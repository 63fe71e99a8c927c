// Each fault switch, seen through the real clients.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kubectl } from '../setup/env.js';
import { seedByocniCluster, startTestCluster, type TestCluster } from './index.js';

const NS = 'fault-probe';
const manifest = (serverNode: string, clientNode: string): string => `apiVersion: v1
kind: Namespace
metadata: {name: ${NS}}
---
apiVersion: v1
kind: Pod
metadata: {name: server, namespace: ${NS}}
spec:
  nodeName: ${serverNode}
  containers: [{name: agnhost, image: "registry.k8s.io/e2e-test-images/agnhost:2.53", args: ["netexec", "--http-port=8080"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: ${NS}}
spec:
  nodeName: ${clientNode}
  containers: [{name: agnhost, image: "registry.k8s.io/e2e-test-images/agnhost:2.53", args: ["pause"]}]
`;

describe('fault switches', () => {
  let c: TestCluster;
  let serverIp = '';
  const k = (...args: string[]) => c.run(kubectl(), args, { timeoutMs: 60_000 });
  const agentPod = (node: string): string => c.agents().find((a) => a.node === node)!.pod;
  const hubble = (node: string, ...args: string[]) => k('exec', '-n', 'kube-system', agentPod(node), '--', 'hubble', 'observe', ...args);

  beforeAll(async () => {
    c = await startTestCluster();
    await seedByocniCluster(c);
    expect((await c.run(kubectl(), ['apply', '-f', '-'], { input: manifest(c.nodeNames[1]!, c.nodeNames[0]!) })).code).toBe(0);
    expect((await k('wait', '--for=condition=Ready', 'pod', '--all', '-n', NS, '--timeout=20s')).code).toBe(0);
    serverIp = c.getObject('v1', 'Pod', NS, 'server')!.status.podIP;
  });
  afterEach(() => c.clearFaults());
  afterAll(async () => {
    await c?.stop();
  });

  it('failWrites: a chosen write fails with the given status, a given number of times', async () => {
    const since = c.requests.length;
    c.setFault('failWrites', [{ verb: 'patch', resource: 'configmaps', name: 'cilium-config', code: 500, times: 1 }]);
    const patch = () => k('patch', 'configmap', 'cilium-config', '-n', 'kube-system', '--type=merge', '-p', '{"data":{"debug":"true"}}');
    const first = await patch();
    expect(first.code).not.toBe(0);
    expect(first.stderr).toContain('Internal error occurred: injected by the test server');
    expect((await patch()).code).toBe(0);
    c.setFault('failWrites', [{ resource: 'configmaps', code: 422 }]);
    const invalid = await k('create', 'configmap', 'x', '-n', NS, '--from-literal=a=b');
    expect(invalid.code).not.toBe(0);
    expect(invalid.stderr).toMatch(/is invalid/);
    expect(
      c.requests
        .slice(since)
        .filter((r) => r.mutating && r.resource === 'configmaps')
        .map((r) => r.status),
    ).toEqual([500, 200, 422]);
  });

  it('neverReady: the restarted agents crash-loop and the rollout never completes, until the fault is cleared', async () => {
    c.setFault('neverReady', [{ kind: 'DaemonSet', namespace: 'kube-system', name: 'cilium' }]);
    expect((await k('rollout', 'restart', 'ds/cilium', '-n', 'kube-system')).code).toBe(0);
    const status = await k('rollout', 'status', 'ds/cilium', '-n', 'kube-system', '--timeout=2s');
    expect(status.code).not.toBe(0);
    expect(status.stdout + status.stderr).toMatch(/Waiting for daemon set "cilium" rollout to finish/);
    const pods = c.listObjects('v1', 'Pod', 'kube-system', 'k8s-app=cilium');
    expect(pods.some((p) => p.status.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff')).toBe(true);
    const cli = await c.run('cilium', ['status']);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/pods of DaemonSet cilium are not ready/);
    c.clearFaults();
    expect((await k('rollout', 'status', 'ds/cilium', '-n', 'kube-system', '--timeout=30s')).code).toBe(0);
    await c.waitForAgents();
  });

  it('agentNeverRestarts: one node keeps its old agent and config (a mixed cluster)', async () => {
    const stuck = c.nodeNames[2]!;
    const old = c.agents().find((a) => a.node === stuck)!;
    c.setFault('agentNeverRestarts', stuck);
    const patched = await k(
      'patch',
      'configmap',
      'cilium-config',
      '-n',
      'kube-system',
      '--type=merge',
      '-p',
      '{"data":{"routing-mode":"native"}}',
    );
    expect(patched.code, patched.stderr).toBe(0);
    expect((await k('rollout', 'restart', 'ds/cilium', '-n', 'kube-system')).code).toBe(0);
    const status = await k('rollout', 'status', 'ds/cilium', '-n', 'kube-system', '--timeout=3s');
    expect(status.code).not.toBe(0);
    expect(status.stdout).toContain('2 out of 3 new pods have been updated');
    const agents = c.agents();
    expect(agents.find((a) => a.node === stuck)).toMatchObject({ pod: old.pod, config: old.config });
    expect(agents.filter((a) => a.node !== stuck).map((a) => a.config['routing-mode'])).toEqual(['native', 'native']);
    const stale = await k('exec', '-n', 'kube-system', old.pod, '--', 'cilium-dbg', 'status');
    expect(stale.stdout).toMatch(/^Routing:\s+Network: Tunnel \[vxlan\]/m);
    const test = await c.run('cilium', ['connectivity', 'test']);
    expect(test.code).toBe(1);
    expect(test.stderr).toContain('1 pods of DaemonSet cilium are not updated');
    c.clearFaults();
    expect((await k('rollout', 'status', 'ds/cilium', '-n', 'kube-system', '--timeout=30s')).code).toBe(0);
    await c.waitForAgents();
    expect(c.agents().map((a) => a.config['routing-mode'])).toEqual(['native', 'native', 'native']);
  });

  it('a mixed datapath after one agent pod was deleted fails the connectivity test', async () => {
    const patched = await k(
      'patch',
      'configmap',
      'cilium-config',
      '-n',
      'kube-system',
      '--type=merge',
      '-p',
      '{"data":{"routing-mode":"tunnel"}}',
    );
    expect(patched.code, patched.stderr).toBe(0);
    expect((await k('delete', 'pod', '-n', 'kube-system', agentPod(c.nodeNames[0]!))).code).toBe(0);
    await c.waitForAgents();
    expect(c.agents().map((a) => a.config['routing-mode'])).toEqual(['tunnel', 'native', 'native']);
    expect((await c.run('cilium', ['status'])).code).toBe(0);
    const test = await c.run('cilium', ['connectivity', 'test']);
    expect(test.code).toBe(1);
    expect(test.stdout).toContain('agents disagree on the routing mode');
    expect(test.stderr).toMatch(/connectivity test failed: \d+ tests failed/);
  });

  it('execHangs: exec into a pod on that node never returns; other nodes answer', async () => {
    c.setFault('execHangs', c.nodeNames[0]!);
    const hung = await c.run(kubectl(), ['exec', '-n', 'kube-system', agentPod(c.nodeNames[0]!), '--', 'cilium-dbg', 'status'], {
      timeoutMs: 2000,
    });
    expect(hung.timedOut).toBe(true);
    const fine = await k('exec', '-n', 'kube-system', agentPod(c.nodeNames[1]!), '--', 'cilium-dbg', 'status');
    expect(fine.code).toBe(0);
    const rec = c.execs().filter((r) => r.node === c.nodeNames[0]);
    expect(rec.at(-1)).toMatchObject({ status: 101, command: ['cilium-dbg', 'status'] });
    expect(rec.at(-1)?.exitCode).toBeUndefined();
  });

  it('hubbleUnavailable: hubble observe fails on the chosen nodes', async () => {
    c.setFault('hubbleUnavailable', [c.nodeNames[0]!]);
    const down = await hubble(c.nodeNames[0]!);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('hubble.sock');
    expect((await hubble(c.nodeNames[1]!)).code).toBe(0);
    c.setFault('hubbleUnavailable', true);
    expect((await hubble(c.nodeNames[1]!)).code).toBe(1);
  });

  it('lostEvents: the stream carries a lost-events record', async () => {
    expect((await k('exec', '-n', NS, 'client', '--', '/agnhost', 'connect', `${serverIp}:8080`, '--timeout=5s')).code).toBe(0);
    c.setFault('lostEvents', true);
    const json = await hubble(c.nodeNames[0]!, '-o', 'jsonpb');
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines.filter((l) => l.flow).length).toBeGreaterThan(0);
    expect(lines.find((l) => l.lost_events)).toMatchObject({
      lost_events: { source: 'HUBBLE_RING_BUFFER', num_events_lost: '1' },
      node_name: c.nodeNames[0],
    });
    const compact = await hubble(c.nodeNames[0]!);
    expect(compact.stdout).toMatch(/^[A-Z][a-z]{2} [ \d]\d [\d:.]+ EVENTS LOST: HUBBLE_RING_BUFFER CPU\(1\) 1$/m);
  });

  it('noCrossNodeTraffic: connect succeeds but no agent records a flow', async () => {
    c.setFault('noCrossNodeTraffic', true);
    const before = c.flows.length;
    const r = await k('exec', '-n', NS, 'client', '--', '/agnhost', 'connect', `${serverIp}:8080`, '--timeout=5s');
    expect(r.code).toBe(0);
    expect(c.flows.length).toBe(before);
    c.clearFaults();
    expect((await k('exec', '-n', NS, 'client', '--', '/agnhost', 'connect', `${serverIp}:8080`, '--timeout=5s')).code).toBe(0);
    expect(c.flows.length).toBeGreaterThan(before);
  });

  it('connect to an address nobody serves times out, to a closed port is refused', async () => {
    const timeout = await k('exec', '-n', NS, 'client', '--', '/agnhost', 'connect', '100.64.2.250:8080', '--timeout=1s');
    expect(timeout).toMatchObject({ code: 1, stderr: expect.stringContaining('TIMEOUT') });
    const refused = await k('exec', '-n', NS, 'client', '--', '/agnhost', 'connect', `${serverIp}:9999`, '--timeout=1s');
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('REFUSED') });
  });
});
