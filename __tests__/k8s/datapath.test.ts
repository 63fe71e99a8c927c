import { describe, expect, it } from 'vitest';
import { connects, Datapaths } from './datapath.js';

const tunnel = { routing: 'tunnel' as const, wireguard: false };
const tunnelWg = { routing: 'tunnel' as const, wireguard: true };
const nativeWg = { routing: 'native' as const, wireguard: true };

describe('the datapath model', () => {
  it('follows the table of the issue (cilium#9680)', () => {
    const rows = [tunnel, tunnelWg, nativeWg];
    const table = rows.map((from) => rows.map((to) => (connects(from, to) ? 'ok' : 'dropped')));
    expect(table).toEqual([
      ['ok', 'ok', 'dropped'],
      ['ok', 'ok', 'dropped'],
      ['dropped', 'ok', 'ok'],
    ]);
  });

  it('a node changes state when its new agent starts; the split is visible in time', () => {
    const d = new Datapaths();
    d.record('a', { 'routing-mode': 'tunnel' }, 0);
    d.record('b', { 'routing-mode': 'tunnel' }, 0);
    d.record('a', { 'routing-mode': 'native', 'enable-wireguard': 'true' }, 100);
    d.record('b', { 'routing-mode': 'native', 'enable-wireguard': 'true' }, 300);
    expect(d.reachable('a', 'b', 50)).toBe(true);
    expect(d.reachable('a', 'b', 200)).toBe(false);
    expect(d.reachable('b', 'a', 200)).toBe(false);
    expect(d.reachable('a', 'b', 300)).toBe(true);
    expect(d.firstSplit(0, 400)).toMatch(/^a → b at /);
    expect(d.firstSplit(300, 400)).toBeUndefined();
    expect(d.splitMs([['a', 'b']], 0, 400)).toBe(200);
    expect(d.splitMs([['a', 'a']], 0, 400)).toBe(0);
  });
});
