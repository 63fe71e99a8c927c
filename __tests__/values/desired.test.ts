import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { buildDesired } from '../../src/values/desired.js';
import { parseValuesYaml, type Values, type ValuesLayer } from '../../src/values/layers.js';
import { repoRoot } from '../setup/env.js';

const byocni = (): Values => {
  const r = parseValuesYaml(readFileSync(path.join(repoRoot, 'examples', 'byocni-release-values.yaml'), 'utf8'), 'live release');
  if (!r.ok) throw new Error(r.problem);
  return r.layer.values;
};
const layer = (source: string, yaml: string): ValuesLayer => {
  const r = parseValuesYaml(yaml, source);
  if (!r.ok) throw new Error(r.problem);
  return r.layer;
};
const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.input}: ${p.problem} | ${p.fix}`);
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('buildDesired', () => {
  it('sets the recipe on the seed BYOCNI values and keeps everything else exactly', () => {
    const d = buildDesired({ live: byocni(), userLayers: [], nativeRoutingCidr: undefined });
    expect(d.cidr).toBe('100.64.0.0/10');
    expect(d.cidrSource).toBe('ipam.operator.clusterPoolIPv4PodCIDRList');
    expect(d.values).toMatchObject({
      aksbyocni: { enabled: false },
      routingMode: 'native',
      ipv4NativeRoutingCIDR: '100.64.0.0/10',
      autoDirectNodeRoutes: false,
      encryption: { enabled: true, type: 'wireguard', nodeEncryption: true },
    });
    // untouched keys keep value and type
    expect(d.values.kubeProxyReplacement).toBe(true);
    expect(d.values.k8sServicePort).toBe('443');
    expect(d.values.k8sServiceHost).toBe('aks-prod-weu-dns-4f1c2b7e.hcp.westeurope.azmk8s.io');
    expect(d.values.cluster).toEqual({ name: 'aks-prod-weu', id: 0 });
    expect(d.changes.map((c) => [c.key, c.before, c.after, c.source])).toEqual([
      ['aksbyocni.enabled', true, false, 'enforced'],
      ['autoDirectNodeRoutes', undefined, false, 'enforced'],
      ['encryption.enabled', undefined, true, 'enforced'],
      ['encryption.nodeEncryption', undefined, true, 'enforced'],
      ['encryption.type', undefined, 'wireguard', 'enforced'],
      ['ipv4NativeRoutingCIDR', undefined, '100.64.0.0/10', 'enforced'],
      ['routingMode', undefined, 'native', 'enforced'],
    ]);
    expect(d.changes[0]!.why).toContain('RoutingMode must be set to tunnel when aksbyocni.enabled=true');
  });

  it('applies precedence live → values-files in order → values; maps merge, lists and scalars replace, null removes', () => {
    const live: Values = { a: { b: 1, c: [1, 2] }, keep: 'x', gone: 1, ...byocni() };
    const d = buildDesired({
      live,
      userLayers: [
        layer('values-files: one.yaml', 'a:\n  b: 2\n  c: [9]\nfromFile: 1\n'),
        layer('values-files: two.yaml', 'a:\n  b: 3\n'),
        layer('values', 'a:\n  d: "4"\ngone: null\n'),
      ],
      nativeRoutingCidr: undefined,
    });
    expect(d.values.a).toEqual({ b: 3, c: [9], d: '4' });
    expect(d.values.keep).toBe('x');
    expect(d.values).not.toHaveProperty('gone');
    const byKey = Object.fromEntries(d.changes.map((c) => [c.key, c]));
    expect(byKey['a.b']).toMatchObject({ before: 1, after: 3, source: 'values-files: two.yaml' });
    expect(byKey['a.c']).toMatchObject({ before: [1, 2], after: [9], source: 'values-files: one.yaml' });
    expect(byKey['a.d']).toMatchObject({ before: undefined, after: '4', source: 'values' });
    expect(byKey.gone).toMatchObject({ before: 1, after: undefined, source: 'values', why: 'removed by values' });
    expect(byKey.keep).toBeUndefined();
  });

  it('refuses user values that contradict the recipe, naming the key and why', () => {
    const problems = problemsOf(() =>
      buildDesired({
        live: byocni(),
        userLayers: [
          layer('values', 'routingMode: tunnel\naksbyocni:\n  enabled: true\n'),
          layer('values-files: enc.yaml', 'encryption:\n  type: ipsec\n'),
        ],
        nativeRoutingCidr: undefined,
      }),
    );
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.includes('aksbyocni'))).toMatch(
      /^values: sets aksbyocni.enabled: true, and the chart then fails with "RoutingMode must be set to tunnel when aksbyocni.enabled=true". The flag only exists/,
    );
    expect(problems.find((p) => p.includes('routingMode'))).toMatch(
      /^values: sets routingMode: "tunnel", but native routing with WireGuard needs routingMode: "native"/,
    );
    expect(problems.find((p) => p.includes('ipsec'))).toMatch(
      /^values-files: enc.yaml: sets encryption.type: "ipsec".*\| remove encryption.type/,
    );
  });

  it('accepts user values that agree with the recipe', () => {
    const d = buildDesired({
      live: byocni(),
      userLayers: [layer('values', 'routingMode: native\nencryption:\n  enabled: true\n  type: wireguard\n')],
      nativeRoutingCidr: '100.64.0.0/10',
    });
    expect(d.values.routingMode).toBe('native');
    expect(d.cidrSource).toBe('native-routing-cidr');
  });

  it('rejects a native CIDR that misses a pod CIDR, naming it', () => {
    const live = byocni();
    (live.ipam as Values).operator = { clusterPoolIPv4PodCIDRList: ['100.64.0.0/10', '10.244.0.0/16'] };
    const problems = problemsOf(() => buildDesired({ live, userLayers: [], nativeRoutingCidr: '100.64.0.0/10' }));
    expect(problems).toEqual([expect.stringContaining('100.64.0.0/10 does not contain the pod CIDR 10.244.0.0/16')]);
    expect(problems[0]).toMatch(/^native-routing-cidr: /);
  });

  it('cannot derive a CIDR from several pool CIDRs or none', () => {
    const live = byocni();
    (live.ipam as Values).operator = { clusterPoolIPv4PodCIDRList: ['100.64.0.0/16', '100.65.0.0/16'] };
    expect(problemsOf(() => buildDesired({ live, userLayers: [], nativeRoutingCidr: undefined }))[0]).toContain('the pod pool has 2 CIDRs');
    const d = buildDesired({ live, userLayers: [], nativeRoutingCidr: '100.64.0.0/10' });
    expect(d.podCidrs).toEqual(['100.64.0.0/16', '100.65.0.0/16']);
    delete (live.ipam as Values).operator;
    expect(problemsOf(() => buildDesired({ live, userLayers: [], nativeRoutingCidr: undefined }))[0]).toContain('cannot be derived');
  });

  it('uses the legacy clusterPoolIPv4PodCIDR', () => {
    const live = byocni();
    (live.ipam as Values).operator = { clusterPoolIPv4PodCIDR: '10.0.0.0/8' };
    expect(buildDesired({ live, userLayers: [], nativeRoutingCidr: undefined }).cidr).toBe('10.0.0.0/8');
  });

  it('takes ipv4NativeRoutingCIDR from values, but not two different CIDRs', () => {
    expect(
      buildDesired({ live: byocni(), userLayers: [layer('values', 'ipv4NativeRoutingCIDR: 100.0.0.0/8')], nativeRoutingCidr: undefined })
        .cidr,
    ).toBe('100.0.0.0/8');
    expect(
      problemsOf(() =>
        buildDesired({
          live: byocni(),
          userLayers: [layer('values', 'ipv4NativeRoutingCIDR: 100.0.0.0/8')],
          nativeRoutingCidr: '100.64.0.0/10',
        }),
      )[0],
    ).toContain('but native-routing-cidr is 100.64.0.0/10');
  });

  it('catches what the chart does not: IPv6 without a native CIDR, non-pool IPAM, KPR without API server', () => {
    const live = byocni();
    live.ipv6 = { enabled: true };
    delete live.k8sServiceHost;
    (live.ipam as Values).mode = 'kubernetes';
    const problems = problemsOf(() => buildDesired({ live, userLayers: [], nativeRoutingCidr: undefined }));
    expect(problems.some((p) => p.includes('ipv6NativeRoutingCIDR is not set'))).toBe(true);
    expect(problems.some((p) => p.includes('ipam.mode is "kubernetes", not cluster-pool'))).toBe(true);
    expect(problems.some((p) => p.includes('k8sServiceHost is not set'))).toBe(true);
  });

  it('removes a live legacy tunnel key and explains it; keeps tunnelProtocol with a note', () => {
    const live = { ...byocni(), tunnel: 'vxlan', tunnelProtocol: 'vxlan' };
    const d = buildDesired({ live, userLayers: [], nativeRoutingCidr: undefined });
    expect(d.values).not.toHaveProperty('tunnel');
    expect(d.values.tunnelProtocol).toBe('vxlan');
    expect(d.changes.find((c) => c.key === 'tunnel')).toMatchObject({ before: 'vxlan', after: undefined, source: 'enforced' });
    expect(d.notes.join()).toContain('tunnelProtocol: vxlan is kept');
  });

  it('is idempotent: desired values of desired values change nothing', () => {
    const once = buildDesired({ live: byocni(), userLayers: [], nativeRoutingCidr: undefined });
    const twice = buildDesired({ live: once.values, userLayers: [], nativeRoutingCidr: undefined });
    expect(twice.changes).toEqual([]);
    expect(twice.values).toEqual(once.values);
  });
});
