import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr } from '../../src/values/cidr.js';

describe('parseCidr', () => {
  it.each(['100.64.0.0/10', '10.0.0.0/8', '0.0.0.0/0', '192.168.1.7/32'])('accepts %s', (c) => {
    expect(parseCidr(c)).toEqual({ ok: true, cidr: c });
  });
  it.each([
    ['10.0.0.0/33', 'not a valid IPv4 CIDR'],
    ['10.0.0.1/8', 'has host bits set'],
    ['10.0.0.0/8x', 'is not an IPv4 CIDR'],
    ['10.0.0.0/8 ; rm -rf /', 'is not an IPv4 CIDR'],
    ['10.0.0.0', 'is not an IPv4 CIDR'],
    ['256.0.0.0/8', 'not a valid IPv4 CIDR'],
    ['010.0.0.0/8', 'not a valid IPv4 CIDR'],
    ['fd00::/64', 'is not an IPv4 CIDR'],
  ])('rejects %s', (c, why) => {
    const r = parseCidr(c);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(why);
  });
  it('suggests the network address when host bits are set', () => {
    const r = parseCidr('100.64.1.0/10');
    expect(r.ok ? '' : r.fix).toBe('use the network address: 100.64.0.0/10');
  });
  it('checks containment', () => {
    expect(cidrContains('100.64.0.0/10', '100.127.255.0/24')).toBe(true);
    expect(cidrContains('100.64.0.0/10', '100.128.0.0/24')).toBe(false);
    expect(cidrContains('100.64.0.0/16', '100.64.0.0/10')).toBe(false);
  });
});
