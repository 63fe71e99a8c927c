// The jsonpath reads of the per-pair checks: the queries applied to the real outputs in testdata/mesh
// (the .jsonpath.txt files beside them; provenance in its README) give the same pairs as the full
// JSON, and anything but the all-healthy shape is turned down so the full JSON is read instead.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHealthJson } from '../../../src/verify/mesh/health.js';
import { HEALTH_JSONPATH, healthFromLines } from '../../../src/verify/mesh/health-jsonpath.js';
import { healthJudge, judgeHealth } from '../../../src/verify/mesh/judge-health.js';
import { judgePeers } from '../../../src/verify/mesh/judge-peers.js';
import { PEERS_JSONPATH, peersFromLines } from '../../../src/verify/mesh/peers-jsonpath.js';
import { parseWireguardDebug } from '../../../src/verify/mesh/wireguard-peers.js';
import { CILIUM_LEAVES, ciliumJsonpath } from '../../k8s/jsonpath.js';
import { repoRoot } from '../../setup/env.js';

const fixture = (f: string): string => readFileSync(path.join(repoRoot, 'testdata', 'mesh', f), 'utf8');
const HEALTH = 'health-2025-kubeadm-master-endpoint-unreachable';
const DEBUGINFO = ['debuginfo-encryption-aks-docs-wireguard', 'debuginfo-encryption-cilium-docs-node-a'];

describe('the queries as Cilium runs them', () => {
  it('hold no comma and no double quote (debuginfo reads --output as CSV)', () => {
    for (const q of [HEALTH_JSONPATH, PEERS_JSONPATH]) expect(q).not.toMatch(/[,"]/);
  });

  it('the stored outputs are the queries applied to the real JSON, as the test agents print them', () => {
    expect(ciliumJsonpath(HEALTH_JSONPATH, JSON.parse(fixture(`${HEALTH}.json`)), CILIUM_LEAVES)).toBe(fixture(`${HEALTH}.jsonpath.txt`));
    for (const f of DEBUGINFO)
      expect(ciliumJsonpath(PEERS_JSONPATH, { encryption: JSON.parse(fixture(`${f}.json`)) }, CILIUM_LEAVES)).toBe(
        fixture(`${f}.jsonpath.txt`),
      );
  });
});

describe('cilium-health status -o jsonpath', () => {
  const lines = fixture(`${HEALTH}.jsonpath.txt`).split('\n');
  const [worker, master] = [lines.find((l) => l.startsWith('k8s-worker-n1'))!, lines.find((l) => l.startsWith('k8s-master-n1'))!];

  it('a healthy node is read (all four probes with a latency, no status); the output with a failing probe is turned down', () => {
    expect(healthFromLines(`${master}\n\n`)).toEqual({ reachable: new Set(['k8s-master-n1']) });
    // the worker's health endpoint failed (ICMP and HTTP): the full JSON names it
    expect(healthFromLines(fixture(`${HEALTH}.jsonpath.txt`))).toBeUndefined();
    expect(healthFromLines(`${worker}\n`)).toBeUndefined();
  });

  it('judges a healthy read as the full JSON does', () => {
    const full = parseHealthJson(fixture(`${HEALTH}.json`));
    full.nodes = full.nodes.filter((n) => n.name === 'k8s-master-n1');
    const fast = healthFromLines(`${master}\n`)!;
    const names = ['k8s-master-n1', 'k8s-worker-n1'];
    expect(judgeHealth([{ node: 'k8s-master-n1', ...fast }], names)).toEqual(judgeHealth([{ node: 'k8s-master-n1', status: full }], names));
  });

  it('turns down a missing probe, a missing path, a status with odd characters, a cluster prefix is dropped', () => {
    const fields = master.split('\t');
    const line = (f: string[]): string => `${f.join('\t')}\n`;
    expect(healthFromLines(line(['aks/n1', ...fields.slice(1)]))).toEqual({ reachable: new Set(['n1']) });
    // never probed: the latency prints nothing
    expect(healthFromLines(line([...fields.slice(0, 2), '', ...fields.slice(3)]))).toBeUndefined();
    // a node without health-endpoint (the legacy `endpoint` only): both latencies empty
    expect(healthFromLines(line([...fields.slice(0, 3), '', '', '']))).toBeUndefined();
    expect(healthFromLines(line([...fields.slice(0, 5), '\tConnection refused']))).toBeUndefined();
    expect(healthFromLines(`${master}\nmessage\n`)).toBeUndefined();
    expect(healthFromLines('\n')).toBeUndefined();
    expect(healthFromLines('')).toBeUndefined();
  });

  it('a node missing from an agent is named, agent by agent in order', () => {
    const judge = healthJudge(['a', 'b']);
    judge.add({ node: 'b', reachable: new Set(['b']) }, 1);
    judge.add({ node: 'a', reachable: new Set(['a', 'b']) }, 0);
    expect(judge.result()).toMatchObject({ verdict: 'fail', problems: ["b → a: not in the agent's health mesh"] });
  });
});

describe('cilium-dbg debuginfo --output jsonpath', () => {
  it('gives the same peers as the full JSON, and the same judgement', () => {
    for (const f of DEBUGINFO) {
      const full = parseWireguardDebug(fixture(`${f}.json`));
      const fast = peersFromLines(fixture(`${f}.jsonpath.txt`))!;
      const links = full.interfaces
        .flatMap((i) => i.peers)
        .map(({ endpoint, allowedIps, lastHandshakeMs }) => ({ endpoint, allowedIps, lastHandshakeMs }));
      expect(fast.interfaces.flatMap((i) => i.peers)).toEqual(links);
      const nodes = [
        { name: 'a', ip: '10.224.0.6', podCidrs: ['10.244.1.0/24'] },
        { name: 'b', ip: '192.168.61.12', podCidrs: ['10.154.1.0/24'] },
      ];
      const now = Date.parse('2025-04-24T11:14:00Z');
      expect(judgePeers([{ node: 'x', debug: fast }], nodes, now)).toEqual(judgePeers([{ node: 'x', debug: full }], nodes, now));
    }
  });

  it('a peer that never shook hands (Go zero time) has no handshake; no peer or another shape is turned down', () => {
    const never = peersFromLines('10.224.0.6:51871\t"0001-01-01T00:00:00.000Z"\t\n\n')!;
    expect(never.interfaces[0]!.peers).toEqual([{ endpoint: '10.224.0.6:51871', allowedIps: [] }]);
    expect(peersFromLines('\n')).toBeUndefined();
    expect(peersFromLines('10.224.0.6:51871\tyesterday\t10.244.1.0/24\n')).toBeUndefined();
    expect(peersFromLines('10.224.0.6\t"2025-04-24T11:13:49.102Z"\t10.244.1.0/24\n')).toBeUndefined();
    expect(peersFromLines('error printing JSON\n')).toBeUndefined();
  });
});
