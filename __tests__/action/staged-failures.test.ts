// apply with strategy: staged when something fails, end to end (dist/index.js, real helm 4 and kubectl,
// the test cluster's datapath model): every failure ends in a state the summary names, and a
// rollback is proven (every agent runs what it ran before) or said not to be.
import { describe, expect, it } from 'vitest';
import type { TestCluster } from '../k8s/index.js';
import { commandsRun, errorOf } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { inputs, migration, onSeeded, revision, states } from '../helpers/staged.js';

describe('a phase-1 gate failure stops before routing changes', () => {
  let c!: TestCluster;
  onSeeded(3, 100, (seeded) => (c = seeded));

  it('names the node without WireGuard peers and leaves the cluster tunnelling', async () => {
    const broken = c.nodeNames[2]!;
    c.setFault('wireguardNoPeers', broken);
    const r = await runOnCluster(c, inputs({ checks: 'agents' }));
    expect(r.code).not.toBe(0);
    expect(r.outputs.verdict).toBe('fail');
    expect(errorOf(r)).toMatch(/^Phase 1: WireGuard, tunnel kept failed before routing changed: .*the cluster still tunnels$/s);
    expect(errorOf(r)).toContain(broken);
    const m = migration(r);
    expect(m.phases.map((p) => p.result)).toEqual(['failed', 'not run']);
    expect(await revision(c)).toBe(2);
    expect(states(c).every((s) => s?.routing === 'tunnel')).toBe(true);
    expect(c.getObject('v1', 'ConfigMap', 'kube-system', 'cilium-config')!.data['routing-mode']).toBe('tunnel');
  });
});

describe('a failed phase 1 with on-verify-failure: rollback', () => {
  let c!: TestCluster;
  onSeeded(3, 100, (seeded) => (c = seeded));

  it('rolls back to the revision before the run and proves every agent runs it again', async () => {
    const before = c.getObject('v1', 'ConfigMap', 'kube-system', 'cilium-config')!.data;
    c.setFault('wireguardNoPeers', c.nodeNames[1]!);
    const r = await runOnCluster(c, inputs({ checks: 'agents', 'on-verify-failure': 'rollback' }));
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toMatch(
      /^Phase 1: WireGuard, tunnel kept failed before routing changed \(.*\); rolled back to revision 1 \(now revision 3\) and restarted the agents; the state before the run proven again \(/s,
    );
    expect(migration(r).endState).toBe('rolled back to revision 1 (as before the run), proven');
    expect(r.summary).toContain('End state: rolled back to revision 1 (as before the run), proven');
    expect(await revision(c)).toBe(3);
    expect(c.getObject('v1', 'ConfigMap', 'kube-system', 'cilium-config')!.data).toEqual(before);
    // the nodes table is the restored state's: every agent tunnelling, as before
    expect(states(c).every((s) => s?.routing === 'tunnel')).toBe(true);
  });

  it('says the rollback is not proven when an agent cannot be read after it, naming the node', async () => {
    c.clearFaults();
    // exec into this node's pods never answers: phase 1's gate and the proof after the rollback cannot read its agent
    const silent = c.nodeNames[2]!;
    c.setFault('execHangs', silent);
    const r = await runOnCluster(c, inputs({ checks: 'agents', 'on-verify-failure': 'rollback', timeout: '20s', 'probe-pairs': '0' }));
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toMatch(
      /rolled back to revision \d+ \(now revision \d+\) and restarted the agents, but the state before the run does not hold: /s,
    );
    expect(errorOf(r)).toContain(silent);
    expect(migration(r).endState).toBe('not proven: the rollback did not end in a verified state');
  });
});

describe('a phase-1 upgrade that helm cannot roll back', () => {
  let c!: TestCluster;
  onSeeded(3, 100, (seeded) => (c = seeded));

  it('does not claim helm rolled a failed upgrade back when its own rollback failed too', async () => {
    // every DaemonSet pod on this node stays as it is: helm's --wait and then its own rollback time out
    c.setFault('agentNeverRestarts', c.nodeNames[2]!);
    const r = await runOnCluster(c, inputs({ checks: 'agents', timeout: '10s', 'probe-pairs': '0' }));
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toContain('helm did not roll it back');
    expect(migration(r).endState).toBe('still tunnelling (routing not changed); WireGuard not proven');
  });
});

describe('a failed cutover rolls back to the phase-1 revision; the re-run resumes at the cutover', () => {
  let c!: TestCluster;
  onSeeded(3, 1_000, (seeded) => (c = seeded));

  it('rolls back to tunnel + WireGuard and proves it', async () => {
    c.setFault('noCrossNodeTraffic', true);
    const r = await runOnCluster(c, inputs({ 'on-verify-failure': 'rollback' }), { timeoutMs: 110_000 });
    expect(r.code).not.toBe(0);
    const m = migration(r);
    expect(m.phases.map((p) => [p.result, p.revision])).toEqual([
      ['done', 2],
      ['failed', 3],
    ]);
    expect(errorOf(r)).toMatch(
      /^Phase 2: routing cutover failed \(flows: .*\); rolled back to revision 2 \(now revision 4\) and restarted the agents; wireguard-peers proven again/s,
    );
    expect(m.endState).toBe('rolled back to tunnel + WireGuard (revision 2), proven');
    expect(r.summary).toContain('End state: rolled back to tunnel + WireGuard (revision 2), proven');
    expect(states(c).every((s) => s?.routing === 'tunnel' && s.wireguard)).toBe(true);
    expect(await revision(c)).toBe(4);
  }, 120_000);

  it('a re-run skips phase 1, cuts over in batches of one agent, and max-disruption fails the longer split', async () => {
    c.clearFaults();
    const r = await runOnCluster(
      c,
      inputs({ 'cutover-batch': '1', 'max-disruption': '1', 'cilium-cli-version': c.ciliumCliPath, 'connectivity-tests': 'pod-to-pod' }),
      { timeoutMs: 110_000 },
    );
    const m = migration(r) as ReturnType<typeof migration> & { connDisrupt?: { verdict: string; reason: string } };
    // the Cilium CLI's connection-disruption test ran around the cutover and saw the split; reported, not the verdict
    expect(commandsRun(r).filter((x) => /^cilium connectivity test --include-conn-disrupt-test/.test(x))).toHaveLength(2);
    expect(m.connDisrupt?.verdict).toBe('fail');
    expect(r.summary).toMatch(/Connection-disruption test \(Cilium CLI\): fail — .*no-interrupted-connections/);
    expect(m.phases.map((p) => [p.name, p.result])).toEqual([
      ['Phase 1: WireGuard, tunnel kept', 'skipped'],
      ['Phase 2: routing cutover', 'done'],
    ]);
    expect(r.stdout).toContain('Cutover: restarting 1 of 3 agents at once (batch 3 of 3)');
    expect(states(c).every((s) => s?.routing === 'native' && s.wireguard)).toBe(true);
    // one agent at a time: two restarts (about 2 s here) of split connectivity
    expect(Number(r.outputs['disruption-seconds'])).toBeGreaterThan(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(errorOf(r)).toMatch(/^the disruption was [\d.]+ s, more than max-disruption \(1 s\)$/);
  }, 120_000);
});

describe('a cutover whose restart failed part-way: the re-run resumes it', () => {
  let c!: TestCluster;
  onSeeded(3, 100, (seeded) => (c = seeded));

  it('fails naming the node left on the old datapath', async () => {
    // the first agent pod the cutover deletes is refused: that node keeps tunnelling
    c.setFault('failWrites', [
      { verb: 'delete', resource: 'pods', namespace: 'kube-system', times: 1, message: 'etcdserver: request timed out' },
    ]);
    const r = await runOnCluster(c, inputs({ checks: 'agents', timeout: '30s' }));
    expect(r.outputs.verdict).toBe('fail');
    expect(migration(r).phases.map((p) => p.result)).toEqual(['done', 'failed']);
    expect(errorOf(r)).toMatch(/^Phase 2: routing cutover failed: kubectl could not restart the agents: .*etcdserver: request timed out/s);
    const tunnelling = c.nodeNames.filter((n) => c.controller.datapaths.stateAt(n)?.routing === 'tunnel');
    expect(tunnelling).toHaveLength(1);
    expect(errorOf(r)).toContain(tunnelling[0]);
    expect(await revision(c)).toBe(3);
  });

  it('the re-run upgrades nothing and restarts the cutover until every agent runs native routing', async () => {
    c.clearFaults();
    const r = await runOnCluster(c, inputs({ checks: 'agents' }));
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', revision: '3' });
    expect(migration(r).phases.map((p) => [p.name, p.result])).toEqual([
      ['Phase 2: routing cutover (resumed: 1 agents still on the old datapath)', 'done'],
    ]);
    expect(commandsRun(r).some((x) => /^helm upgrade/.test(x))).toBe(false);
    expect(states(c).every((s) => s?.routing === 'native' && s.wireguard)).toBe(true);
    expect(await revision(c)).toBe(3);
  });
});
