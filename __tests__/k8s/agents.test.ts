// The simulated Cilium agents through real kubectl exec: `cilium-dbg status` follows the config an agent
// started with (so it changes only after a restart), `hubble observe` shows the probe traffic at the
// right observation points, and the stand-in cilium CLI reads the same state.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartPath, helm4, kubectl, testData } from '../setup/env.js';
import { seedByocniCluster, startTestCluster, type TestCluster } from './index.js';

const PROBE_NS = 'cnra-probe';
const probeManifest = (serverNode: string, clientNode: string): string => `apiVersion: v1
kind: Namespace
metadata: {name: ${PROBE_NS}}
---
apiVersion: v1
kind: Pod
metadata: {name: probe-server, namespace: ${PROBE_NS}, labels: {app: probe-server}}
spec:
  nodeName: ${serverNode}
  containers:
  - {name: agnhost, image: "registry.k8s.io/e2e-test-images/agnhost:2.53", args: ["netexec", "--http-port=8080"]}
---
apiVersion: v1
kind: Pod
metadata: {name: probe-client, namespace: ${PROBE_NS}, labels: {app: probe-client}}
spec:
  nodeName: ${clientNode}
  containers:
  - {name: agnhost, image: "registry.k8s.io/e2e-test-images/agnhost:2.53", args: ["pause"]}
`;

interface HubbleLine {
  flow?: Record<string, any>;
  node_name?: string;
  time?: string;
}

describe('agents, Hubble and the cilium CLI', () => {
  let c: TestCluster;
  let serverIp = '';
  const k = (...args: string[]) => c.run(kubectl(), args, { timeoutMs: 60_000 });
  const agentPod = (node: string): string => c.agents().find((a) => a.node === node)!.pod;
  const dbg = (node: string, ...args: string[]) =>
    k('exec', '-n', 'kube-system', agentPod(node), '-c', 'cilium-agent', '--', 'cilium-dbg', ...args);
  const observe = async (node: string, ...args: string[]): Promise<HubbleLine[]> => {
    const r = await k('exec', '-n', 'kube-system', agentPod(node), '--', 'hubble', 'observe', '-o', 'jsonpb', ...args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as HubbleLine);
  };
  const connect = () => k('exec', '-n', PROBE_NS, 'probe-client', '--', '/agnhost', 'connect', `${serverIp}:8080`, '--timeout=5s');

  beforeAll(async () => {
    c = await startTestCluster();
    await seedByocniCluster(c);
    const applied = await c.run(kubectl(), ['apply', '-f', '-'], { input: probeManifest(c.nodeNames[1]!, c.nodeNames[0]!) });
    expect(applied.code, applied.stderr).toBe(0);
    const w = await k('wait', '--for=condition=Ready', 'pod', '--all', '-n', PROBE_NS, '--timeout=20s');
    expect(w.code, w.stderr).toBe(0);
    serverIp = (await k('get', 'pod', 'probe-server', '-n', PROBE_NS, '-o', 'jsonpath={.status.podIP}')).stdout;
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('gives pods IPs from their node’s pod CIDR in 100.64.0.0/10', () => {
    expect(serverIp).toMatch(/^100\.64\.1\.\d+$/);
    const relay = c.listObjects('v1', 'Pod', 'kube-system', 'k8s-app=hubble-relay')[0]!;
    const node = c.nodes.find((n) => n.name === relay.spec.nodeName)!;
    expect(relay.status.podIP.startsWith(`100.64.${node.index}.`)).toBe(true);
    const agent = c.listObjects('v1', 'Pod', 'kube-system', 'k8s-app=cilium')[0]!;
    expect(agent.status.podIP).toBe(c.nodes.find((n) => n.name === agent.spec.nodeName)!.ip);
  });

  it('status of a tunnelling agent, in text, verbose and JSON', async () => {
    const r = await dbg(c.nodeNames[0]!, 'status');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Routing:\s+Network: Tunnel \[vxlan\]\s+Host: Legacy$/m);
    expect(r.stdout).toMatch(/^Encryption:\s+Disabled/m);
    expect(r.stdout).toMatch(/^Cilium:\s+Ok\s+1\.18\.6 \(v1\.18\.6-[0-9a-f]{8}\)$/m);
    expect(r.stdout).toMatch(/^IPAM:\s+IPv4: \d+\/254 allocated from 100\.64\.0\.0\/24,/m);
    expect(r.stdout).toMatch(/^Cluster health:\s+3\/3 reachable/m);
    const v = await dbg(c.nodeNames[0]!, 'status', '--verbose');
    expect(v.stdout).toContain('KubeProxyReplacement Details:');
    expect(v.stdout).toContain(`${c.nodeNames[0]} (localhost)`);
    const j = JSON.parse((await dbg(c.nodeNames[0]!, 'status', '-o', 'json')).stdout);
    expect(j.routing).toEqual({ 'intra-host-routing-mode': 'Legacy', 'inter-host-routing-mode': 'Tunnel', 'tunnel-protocol': 'vxlan' });
    expect(j.encryption).toEqual({ mode: 'Disabled' });
  });

  it('records probe flows: to-overlay on the client node, to-endpoint on the server node', async () => {
    const r = await connect();
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const clientSide = (await observe(c.nodeNames[0]!, '--namespace', PROBE_NS)).map((l) => l.flow!);
    const serverSide = (await observe(c.nodeNames[1]!, '--namespace', PROBE_NS)).map((l) => l.flow!);
    const egress = clientSide.filter((f) => !f.is_reply);
    expect(egress.length).toBeGreaterThan(0);
    for (const f of egress) {
      expect(f).toMatchObject({
        trace_observation_point: 'TO_OVERLAY',
        event_type: { type: 4, sub_type: 4 },
        interface: { name: 'cilium_vxlan' },
      });
      expect(f.IP).toMatchObject({ source: expect.stringMatching(/^100\.64\.0\./), destination: serverIp });
    }
    expect(
      serverSide
        .filter((f) => !f.is_reply)
        .every((f) => f.trace_observation_point === 'TO_ENDPOINT' && f.destination.pod_name === 'probe-server'),
    ).toBe(true);
    expect(serverSide.filter((f) => f.is_reply).every((f) => f.trace_observation_point === 'TO_OVERLAY')).toBe(true);
    // same field layout as Hubble's own output (fixture from Cilium 1.19.1)
    const fixture = readFileSync(path.join(testData(), 'hubble', 'flows-imroc-tke-guide-hubble-exporter-1.19.1.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as HubbleLine);
    const known = new Set(fixture.flatMap((l) => Object.keys(l.flow!)));
    const ours = new Set(egress.flatMap((f) => Object.keys(f)));
    expect([...ours].filter((k) => !known.has(k))).toEqual([]);
    const third = await observe(c.nodeNames[2]!, '--namespace', PROBE_NS);
    expect(third).toEqual([]);
  });

  it('compact output and --last/--since selection', async () => {
    const r = await k(
      'exec',
      '-n',
      'kube-system',
      agentPod(c.nodeNames[0]!),
      '--',
      'hubble',
      'observe',
      '--namespace',
      PROBE_NS,
      '--last',
      '2',
    );
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d\.\d{3}: cnra-probe\/probe-client:\d+ \(ID:\d+\) (->|<-) cnra-probe\/probe-server:8080 \(ID:\d+\) to-(overlay|endpoint) FORWARDED \(TCP Flags: [A-Z, ]+\)$/,
    );
    const future = new Date(Date.now() + 60_000).toISOString();
    expect(await observe(c.nodeNames[0]!, '--since', future)).toEqual([]);
    expect(await observe(c.nodeNames[0]!, '--namespace', 'elsewhere')).toEqual([]);
  });

  it('after an upgrade the agents keep the old datapath until they are restarted', async () => {
    const up = await c.run(helm4(), [
      'upgrade',
      'cilium',
      chartPath('1.18.6'),
      '-n',
      'kube-system',
      '--reuse-values',
      '--set',
      'aksbyocni.enabled=false',
      '--set',
      'routingMode=native',
      '--set',
      'ipv4NativeRoutingCIDR=100.64.0.0/10',
      '--set',
      'encryption.enabled=true',
      '--set',
      'encryption.type=wireguard',
      '--set',
      'encryption.nodeEncryption=true',
      '--wait',
      '--timeout',
      '1m',
    ]);
    expect(up.code, up.stderr).toBe(0);
    const before = await dbg(c.nodeNames[0]!, 'status');
    expect(before.stdout).toMatch(/^Routing:\s+Network: Tunnel \[vxlan\]/m);
    expect(before.stdout).toMatch(/^Encryption:\s+Disabled/m);

    expect((await k('rollout', 'restart', 'ds/cilium', '-n', 'kube-system')).code).toBe(0);
    const rs = await k('rollout', 'status', 'ds/cilium', '-n', 'kube-system', '--timeout=30s');
    expect(rs.code, rs.stderr).toBe(0);
    await c.waitForAgents();
    const after = await dbg(c.nodeNames[0]!, 'status');
    expect(after.stdout).toMatch(/^Routing:\s+Network: Native\s+Host: Legacy$/m);
    expect(after.stdout).toMatch(
      /^Encryption:\s+Wireguard\s+\[NodeEncryption: Enabled, cilium_wg0 \(Pubkey: [A-Za-z0-9+/]{43}=, Port: 51871, Peers: 2\)\]$/m,
    );
    const j = JSON.parse((await dbg(c.nodeNames[0]!, 'status', '-o', 'json')).stdout);
    expect(j.routing['inter-host-routing-mode']).toBe('Native');
    expect(j.encryption).toMatchObject({
      mode: 'Wireguard',
      wireguard: { 'node-encryption': 'Enabled', interfaces: [{ name: 'cilium_wg0', 'peer-count': 2 }] },
    });
    const enc = await dbg(c.nodeNames[0]!, 'encrypt', 'status');
    expect(enc.stdout).toMatch(/^Encryption: Wireguard/);
    expect(enc.stdout).toContain('Number of peers: 2');
  });

  it('natively routed probe traffic shows up at to-network', async () => {
    const since = new Date().toISOString();
    expect((await connect()).code).toBe(0);
    const flows = (await observe(c.nodeNames[0]!, '--namespace', PROBE_NS, '--since', since)).map((l) => l.flow!);
    const egress = flows.filter((f) => !f.is_reply);
    expect(egress.length).toBeGreaterThan(0);
    for (const f of egress)
      expect(f).toMatchObject({
        trace_observation_point: 'TO_NETWORK',
        event_type: { type: 4, sub_type: 11 },
        interface: { name: 'eth0' },
      });
    const serverSide = (await observe(c.nodeNames[1]!, '--namespace', PROBE_NS, '--since', since)).map((l) => l.flow!);
    expect(serverSide.filter((f) => !f.is_reply).every((f) => f.trace_observation_point === 'TO_ENDPOINT')).toBe(true);
  });

  it('answers the stand-in cilium CLI from the cluster state', async () => {
    const v = await c.run(c.ciliumCliPath, ['version', '--client']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^cilium-cli: v\d+\.\d+\.\d+ compiled with go/);
    const full = await c.run('cilium', ['version']);
    expect(full.stdout).toContain('cilium image (running): 1.18.6');
    const s = await c.run('cilium', ['status']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/Cilium:\s+OK/);
    expect(s.stdout).toMatch(/DaemonSet\s+cilium\s+Desired: 3, Ready: 3\/3, Available: 3\/3/);
    const t = await c.run('cilium', ['connectivity', 'test', '--test', '^pod-to-pod$']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/All 1 tests \(\d+ actions\) successful/);
    // `version --client` is answered by the stand-in itself, like the real CLI, without the cluster
    expect(c.requests.filter((r) => r.verb === 'cilium-cli').map((r) => r.command?.slice(1, 3))).toEqual([
      ['version'],
      ['status'],
      ['connectivity', 'test'],
    ]);
  });
});
