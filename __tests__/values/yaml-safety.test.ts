// YAML that helm would read differently from the checks is refused with the key named.
import { describe, expect, it } from 'vitest';
import { parseValuesYaml } from '../../src/values/layers.js';
import { notUtf8 } from '../../src/values/yaml-safety.js';

const problem = (text: string): string => {
  const r = parseValuesYaml(text, 'values');
  return r.ok ? 'ok' : `${r.problem}. Fix: ${r.fix}`;
};

describe('values YAML safety', () => {
  it.each([
    ['<<: {k8sServiceHost: ""}', /merge key <</],
    ['ipam: {<<: {mode: kubernetes}}', /merge key << at ipam/],
    ['a: &x {mode: k}\nipam:\n  <<: *x', /merge key << at ipam/],
    ['"<<": {k8sServiceHost: ""}', /merge key <</],
    ['cert: !!binary aGVsbG8=', /tag !!binary at cert/],
    ['hosts: !!set {a, b}', /tag !!set at hosts/],
    ['x: !custom 1', /tag !custom at x/],
    ['__proto__: {polluted: true}', /key __proto__/],
    ['ipam: {mode: a}\nipam: {mode: b}', /has the key ipam twice/],
    ['a: {constructor: {prototype: {}}}', /key constructor at a/],
  ])('%s is refused', (text, want) => expect(problem(text)).toMatch(want));

  it('plain values and explicit core tags are accepted', () => {
    expect(parseValuesYaml('ipam: {mode: kubernetes}\nport: !!str 443\nlist: [a, b]', 'values')).toMatchObject({
      ok: true,
      layer: { values: { ipam: { mode: 'kubernetes' }, port: '443' } },
    });
  });

  it('an alias bomb names the cause and the fix', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(problem(bomb)).toMatch(/anchors and aliases that expand too far.*Fix: write the values out without anchors/);
  });

  it('many keys are refused quickly (linear), with the cause named', () => {
    expect(problem(Array.from({ length: 50_001 }, (_, i) => `k${i}: 1`).join('\n'))).toMatch(/more than 50000 keys/);
  });

  it('oversized input and replaced (non-UTF-8) characters are refused', () => {
    expect(problem(`a: "${'x'.repeat(1024 * 1024)}"`)).toMatch(/larger than 1024 KiB/);
    expect(problem('a: b\ufffd')).toMatch(/not valid UTF-8/);
    expect(notUtf8(Buffer.from([0x61, 0xff, 0x62]))).toBe(true);
    expect(notUtf8(Buffer.from('ünïcode', 'utf8'))).toBe(false);
  });
});
