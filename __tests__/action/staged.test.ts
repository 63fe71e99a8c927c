// apply with strategy: staged, end to end: dist/index.js drives real helm 4 and kubectl against the test
// cluster, whose datapath model (k8s/datapath.ts) makes restarted and not-yet-restarted nodes unable
// to reach each other exactly as cilium#9680 describes. The continuous probe's clients run on the
// cluster, so disruption-seconds is what the model let through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { errorOf } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { inputs, migration, onSeeded, seeded, states } from '../helpers/staged.js';
import { chartPath, helm4 } from '../setup/env.js';

describe('staged on 3 nodes: WireGuard first, then one cutover of every agent at once', () => {
  let c!: TestCluster;
  onSeeded(3, 300, (seeded) => (c = seeded));

  it('passes with two revisions, no disruption while encrypting, and a short one at the cutover', async () => {
    const r = await runOnCluster(c, inputs());
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'routing-mode': 'native', encryption: 'wireguard', revision: '3' });
    const m = migration(r);
    expect(m.phases.map((p) => [p.name, p.result, p.revision])).toEqual([
      ['Phase 1: WireGuard, tunnel kept', 'done', 2],
      ['Phase 2: routing cutover', 'done', 3],
    ]);
    // tunnel ↔ tunnel + WireGuard always connect: the rolling restart of phase 1 costs nothing
    expect(m.phases[0]!.disruptionSeconds).toBe(0);
    // at most one failed attempt (the 1 s time-out plus the 250 ms pause) during the one-restart window
    expect(Number(r.outputs['disruption-seconds'])).toBeLessThanOrEqual(1.3);
    expect(m.pairs).toHaveLength(3);
    for (const p of m.pairs) expect(p.client).not.toBe(p.server);
    expect(r.stdout).toContain('Cutover: restarting 3 of 3 agents at once (batch 1 of 1)');
    expect(states(c).every((s) => s?.routing === 'native' && s.wireguard)).toBe(true);
    expect(r.summary).toMatch(/### Migration \(staged\)/);
    expect(r.summary).toMatch(/\| Phase 1: WireGuard, tunnel kept \| 2 \| [\d.]+ s \| done \| 0 s \|/);
    // the probe namespace is gone or going (deleted without waiting) and the post step has nothing left to remove
    const left = c
      .listObjects('v1', 'Namespace')
      .filter((n) => String(n.metadata.name).startsWith('cnra-probe-') && !n.metadata.deletionTimestamp);
    expect(left.map((n) => n.metadata.name)).toEqual([]);
    expect(r.state['continuous-probe-namespace']).toBe('');
  });

  it('a second run changes nothing', async () => {
    const r = await runOnCluster(c, inputs());
    expect(r.outputs).toMatchObject({ verdict: 'pass', revision: '3' });
    expect(r.outputs['disruption-seconds']).toBeUndefined();
    expect(r.stdout).toContain('already has the desired values (revision 3): no upgrade.');
  });
});

describe('verify probes several node pairs', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await seeded(4, 100);
    const r = await runOnCluster(c, inputs({ 'probe-pairs': '0', checks: 'agents' }));
    expect(errorOf(r)).toBe('');
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('connects on probe-pairs pairs and captures flows on every node involved', async () => {
    const r = await runOnCluster(c, { mode: 'verify', 'helm-version': helm4(), 'probe-pairs': '2' });
    expect(errorOf(r)).toBe('');
    expect(r.outputs.verdict).toBe('pass');
    expect(
      r.stdout
        .match(/\[command\] kubectl .*exec --namespace cnra-probe-\w+ probe-client-\d/g)
        ?.map((l) => l.replace(/.* (probe-client-\d).*/, '$1')),
    ).toEqual(['probe-client-0', 'probe-client-1']);
    expect(r.summary).toMatch(/### Flows \(Hubble on (aks-\S+ and ){3}aks-\S+, namespace cnra-probe-/);
  });

  it('a node whose datapath cannot reach the others fails the pair it is in, by name', async () => {
    const odd = c.nodeNames[1]!;
    // the model: that node's agent came back on plain tunnel while the rest runs native + WireGuard
    c.controller.datapaths.record(odd, { 'routing-mode': 'tunnel' });
    const r = await runOnCluster(c, { mode: 'verify', 'helm-version': helm4(), checks: 'connectivity', 'probe-pairs': '2' });
    expect(r.outputs.verdict).toBe('fail');
    expect(errorOf(r)).toMatch(new RegExp(`no connection from \\S+ to \\S+ succeeded \\(TIMEOUT`));
    expect(errorOf(r)).toContain(odd);
  });
});

describe('staged on 20 nodes', () => {
  let c!: TestCluster;
  onSeeded(20, 300, (seeded) => (c = seeded));

  it('cuts every agent over at once: the split stays about one agent restart long', async () => {
    const r = await runOnCluster(c, inputs({ 'probe-pairs': '4' }), { timeoutMs: 110_000 });
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', revision: '3' });
    expect(migration(r).pairs).toHaveLength(4);
    expect(migration(r).phases[0]!.disruptionSeconds).toBe(0);
    expect(Number(r.outputs['disruption-seconds'])).toBeLessThanOrEqual(1.3);
    expect(r.stdout).toContain('Cutover: restarting 20 of 20 agents at once (batch 1 of 1)');
  }, 120_000);
});

describe('a new chart version on a release already on tunnel + WireGuard', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await startTestCluster({ nodes: 3, agentStartMs: 100 });
    await seedByocniCluster(c, {
      chartVersion: '1.18.6',
      helm: helm4(),
      extraArgs: ['--set', 'encryption.enabled=true', '--set', 'encryption.type=wireguard', '--set', 'encryption.nodeEncryption=true'],
    });
    c.clearRequests();
  });
  afterAll(async () => {
    await c?.stop();
  });

  it("pre-pulls the new agent image with the chart's pre-flight DaemonSet, upgrades the chart while tunnelling, then cuts over", async () => {
    const r = await runOnCluster(c, inputs({ chart: chartPath('1.19.6'), 'cilium-version': '1.19.6', checks: 'agents' }));
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', revision: '3' });
    expect(migration(r).phases.map((p) => [p.name, p.result])).toEqual([
      ['Phase 1: WireGuard, tunnel kept', 'done'],
      ['Phase 2: routing cutover', 'done'],
    ]);
    const m = c.mutations().map((x) => `${x.method} ${x.resource}/${x.name ?? ''}`);
    const created = m.findIndex((x) => /^(POST|PATCH) daemonsets\/cilium-pre-flight-check$/.test(x));
    const deleted = m.findIndex((x) => x === 'DELETE daemonsets/cilium-pre-flight-check');
    const upgraded = m.findIndex((x) => /configmaps\/cilium-config$/.test(x));
    expect(created).toBeGreaterThanOrEqual(0);
    expect(deleted).toBeGreaterThan(created);
    expect(upgraded).toBeGreaterThan(deleted);
    expect(c.getObject('apps/v1', 'DaemonSet', 'kube-system', 'cilium-pre-flight-check')).toBeUndefined();
    expect(c.agents().every((a) => a.image.includes('v1.19.6'))).toBe(true);
  });
});

describe('strategy: direct still works, and is measured too', () => {
  let c!: TestCluster;
  onSeeded(6, 300, (seeded) => (c = seeded));

  it('one upgrade and the rolling restart, with the split the probe saw', async () => {
    const r = await runOnCluster(c, inputs({ strategy: 'direct', checks: 'agents' }));
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', revision: '2' });
    const m = migration(r) as ReturnType<typeof migration> & { strategy: string };
    expect(m.strategy).toBe('direct');
    expect(m.phases.map((p) => [p.name, p.result, p.revision])).toEqual([['Upgrade, rolling restart, verify', 'done', 2]]);
    // six nodes restart two at a time: the probed pairs (nodes half the list apart) restart in different waves
    expect(Number(r.outputs['disruption-seconds'])).toBeGreaterThan(0);
    expect(states(c).every((s) => s?.routing === 'native' && s.wireguard)).toBe(true);
  });
});
