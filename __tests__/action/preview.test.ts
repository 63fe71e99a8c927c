// mode: preview through dist/index.js with the real helm and the real charts, no cluster.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHART_VERSIONS, chartPath, helm4, repoRoot } from '../setup/env.js';
import { commandsRun, errorOf, runAction } from '../helpers/action.js';

const baseValues = path.join(repoRoot, 'examples', 'byocni-release-values.yaml');
/** preview of the seed BYOCNI release (base-values) on a chart version, with the extra inputs */
const preview = (version: string, extra: Record<string, string> = {}) =>
  runAction({
    mode: 'preview',
    chart: chartPath(version),
    'cilium-version': version,
    'base-values': baseValues,
    'helm-version': helm4(),
    ...extra,
  });

describe('preview without a cluster (base-values)', () => {
  it.each(CHART_VERSIONS)('renders native routing + WireGuard for the seed BYOCNI release on chart %s', async (version) => {
    const r = await preview(version);
    expect(errorOf(r)).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'routing-mode': 'native', encryption: 'wireguard' });
    const values = parse(readFileSync(r.outputs['values-file']!, 'utf8'));
    // from 1.20 the chart derives the native CIDR from the single-CIDR pool itself (the rendered
    // cilium-config still carries it: the verdict above checks that)
    if (version === '1.20.0') {
      expect(values.nativeRoutingCIDRFromClusterPool).toBe(true);
      expect(values.ipv4NativeRoutingCIDR).toBeUndefined();
    } else expect(values.ipv4NativeRoutingCIDR).toBe('100.64.0.0/10');
    expect(values).toMatchObject({
      aksbyocni: { enabled: false },
      routingMode: 'native',
      autoDirectNodeRoutes: false,
      encryption: { enabled: true, type: 'wireguard', nodeEncryption: true },
      // kept exactly as the release had them
      cluster: { name: 'aks-prod-weu', id: 0 },
      kubeProxyReplacement: true,
      k8sServiceHost: 'aks-prod-weu-dns-4f1c2b7e.hcp.westeurope.azmk8s.io',
      k8sServicePort: '443',
    });
    expect(r.summary).toContain('| `aksbyocni.enabled` | `true` | `false` | enforced |');
    expect(r.summary).toContain('| `routing-mode` | `tunnel` | `native` |');
    expect(r.summary).toMatch(/<details><summary>Rendered manifest diff: 1 changed/);
    expect(r.report).toMatchObject({ mode: 'preview', chartVersion: version, verdict: 'pass', cidr: '100.64.0.0/10' });
    // read-only: helm only rendered
    for (const c of commandsRun(r)) expect(c).toMatch(/^helm (template|show chart|show values|version) /);
  });

  it('names an enforced key extraConfig overrides, and warns of any other key it repeats', async () => {
    const enforced = await preview('1.18.6', { values: 'extraConfig:\n  routing-mode: tunnel\n' });
    expect(enforced.code).not.toBe(0);
    expect(errorOf(enforced)).toMatch(
      /^values: extraConfig overrides what the chart writes into cilium-config for native routing with WireGuard: routing-mode is "tunnel", expected "native"\nFix: remove routing-mode from extraConfig/,
    );
    const other = await preview('1.18.6', { values: 'extraConfig:\n  cluster-name: blue\n' });
    expect(errorOf(other)).toBe('');
    expect(other.summary).toContain('cilium-config gets "cluster-name" twice, from the chart and from extraConfig');
  });

  it('attributes changes to the input that caused them and redacts secret values', async () => {
    const r = await preview('1.18.6', {
      'values-files': '__tests__/fixtures/values/operator.yaml',
      values: 'operator:\n  replicas: 1\nhubble:\n  tls:\n    ca:\n      key: c3VwZXJzZWNyZXQta2V5\n',
    });
    expect(errorOf(r)).toBe('');
    expect(r.summary).toContain('| `operator.replicas` | `2` | `1` | values | set by values |');
    expect(r.summary).toContain(
      '| `bpf.masquerade` | *(unset)* | `true` | values-files: \\_\\_tests\\_\\_/fixtures/values/operator.yaml |',
    );
    expect(r.summary).toContain('| `hubble.tls.ca.key` | *(unset)* | *** | values |');
    expect(r.summary).not.toContain('c3VwZXJzZWNyZXQta2V5');
    expect(JSON.stringify(r.report)).not.toContain('c3VwZXJzZWNyZXQta2V5');
  });
});
