// The judges' rules beyond parsing: config delta by gauge and by start time; OptedOut only where
// the node carries the opt-out label.
import { describe, expect, it } from 'vitest';
import { judgeDelta } from '../../../src/verify/mesh/judge-delta.js';
import { judgeAgents, parseAgentStatus } from '../../../src/verify/status/index.js';

describe('config delta', () => {
  it('passes at 0, names an agent with a delta', () => {
    expect(judgeDelta([{ node: 'a', delta: 0 }], undefined).verdict).toBe('pass');
    const j = judgeDelta(
      [
        { node: 'a', delta: 0 },
        { node: 'b', delta: 3 },
      ],
      undefined,
    );
    expect(j).toMatchObject({ verdict: 'fail', problems: ['b: runs an older config (cilium_drift_checker_config_delta 3)'] });
  });

  it('without the gauge (1.18) compares the start time with the last cilium-config change', () => {
    const changed = Date.parse('2026-01-01T10:00:00Z');
    const ok = judgeDelta([{ node: 'a', startedAtMs: changed + 1000 }], changed);
    expect(ok.verdict).toBe('pass');
    expect(ok.reason).toContain('by start time');
    const old = judgeDelta([{ node: 'a', startedAtMs: changed - 60_000 }], changed);
    expect(old.problems).toEqual(['a: started 2026-01-01T09:59:00.000Z, before cilium-config last changed (2026-01-01T10:00:00.000Z)']);
    expect(judgeDelta([{ node: 'a', error: 'exec failed' }], changed).verdict).toBe('inconclusive');
  });
});

describe('OptedOut in the agents check', () => {
  const status = parseAgentStatus(
    'Cilium:   Ok   1.18.6 (v1.18.6-abc)\nRouting:  Network: Native   Host: BPF\nEncryption:   Wireguard   [NodeEncryption: OptedOut, cilium_wg0 (Pubkey: x=, Port: 51871, Peers: 1)]\n',
  );
  it('is right on a control-plane node and wrong on any other', () => {
    expect(judgeAgents([{ node: 'cp', pod: 'p', status, optsOut: true }], 2).rows[0]).toMatchObject({
      ok: true,
      nodeEncryptionOptedOut: true,
    });
    const j = judgeAgents([{ node: 'w', pod: 'p', status, optsOut: false }], 2);
    expect(j.rows[0]!.ok).toBe(false);
    expect(j.rows[0]!.problems).toEqual([
      'node encryption is OptedOut, but the node carries no opt-out label (node-role.kubernetes.io/control-plane)',
    ]);
  });
});
