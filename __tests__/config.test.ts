import { describe, expect, it } from 'vitest';
import { parseConfig, parseGoDuration } from '../src/config.js';
import { InputError } from '../src/errors.js';
import { repoRoot } from './setup/env.js';
// @ts-expect-error plain ESM helper
import { actionDefaults } from '../scripts/run-action.mjs';

// as the runner does: an input the workflow leaves out has action.yml's default
const reader = (inputs: Record<string, string>) => (name: string) =>
  inputs[name] ?? (actionDefaults() as Record<string, string>)[name] ?? '';
const env = { GITHUB_WORKSPACE: repoRoot, RUNNER_TEMP: '/tmp/rt' };

describe('parseConfig', () => {
  it('applies the defaults action.yml gives', () => {
    const c = parseConfig(reader(actionDefaults() as Record<string, string>), env);
    expect(c).toMatchObject({
      mode: 'apply',
      release: 'cilium',
      namespace: 'kube-system',
      chart: { kind: 'repo', name: 'cilium', repository: 'https://helm.cilium.io' },
      ciliumVersion: undefined,
      timeout: '10m',
      timeoutMs: 600_000,
      maxOverlayFlows: 0,
      minFlows: 1,
      onVerifyFailure: 'fail',
      failOnDrift: true,
      driftIssue: false,
      runnerTemp: '/tmp/rt',
    });
    expect([...c.checks]).toEqual(['agents', 'connectivity', 'flows', 'health', 'wireguard-peers', 'config-delta']);
    expect(c.helm).toMatchObject({ kind: 'version', pinned: true });
  });

  it('reads chart references of each kind', () => {
    expect(parseConfig(reader({ chart: 'oci://ghcr.io/cilium/charts/cilium' }), env).chart).toEqual({
      kind: 'oci',
      ref: 'oci://ghcr.io/cilium/charts/cilium',
    });
    expect(parseConfig(reader({ chart: 'examples' }), env).chart.kind).toBe('repo');
    expect(parseConfig(reader({ chart: './examples' }), env).chart).toEqual({ kind: 'local', path: `${repoRoot}/examples` });
  });

  it('accepts v-prefixed versions, paths to binaries, and checks: none', () => {
    const c = parseConfig(
      reader({ 'cilium-version': 'v1.18.6', 'helm-version': 'v3.19.0', 'cilium-cli-version': '/bin/sh', checks: 'none' }),
      env,
    );
    expect(c.ciliumVersion).toBe('1.18.6');
    expect(c.helm).toEqual({ kind: 'version', version: '3.19.0', pinned: false });
    expect(c.ciliumCli).toEqual({ kind: 'path', path: '/bin/sh' });
    expect(c.checks.size).toBe(0);
  });

  it('resolves checks: auto to every check, or with a flows-file to the file verdict alone', () => {
    expect([...parseConfig(reader({ checks: 'auto' }), env).checks]).toEqual([
      'agents',
      'connectivity',
      'flows',
      'health',
      'wireguard-peers',
      'config-delta',
    ]);
    const withFile = parseConfig(reader({ checks: 'auto', 'flows-file': '__tests__/fixtures/flows/capture-after-native.jsonl' }), env);
    expect([...withFile.checks]).toEqual(['flows']);
    expect([...parseConfig(reader({ checks: 'flows, agents' }), env).checks]).toEqual(['flows', 'agents']);
    for (const [checks, problem] of [
      ['', 'is empty'],
      [' , ', 'is empty'],
      ['auto,agents', '"auto" cannot be combined with other checks'],
      ['none,flows', '"none" cannot be combined with other checks'],
      ['telepathy', '"telepathy" is not a check'],
    ] as const) {
      expect(() => parseConfig(reader({ checks }), env), checks).toThrow(`checks: ${problem}`);
    }
  });

  it('takes the version of a local chart from its Chart.yaml and refuses a different cilium-version', () => {
    const chart = 'testdata/charts/cilium-1.19.6.tgz';
    expect(parseConfig(reader({ chart }), env)).toMatchObject({ localChartVersion: '1.19.6', ciliumVersion: undefined });
    expect(parseConfig(reader({ chart, 'cilium-version': 'v1.19.6' }), env).localChartVersion).toBe('1.19.6');
    expect(() => parseConfig(reader({ chart, 'cilium-version': '1.18.6' }), env)).toThrow(
      `cilium-version: is 1.18.6, but the local chart cilium-1.19.6.tgz is version 1.19.6. Fix: remove cilium-version (a local chart carries its own version), or set it to 1.19.6`,
    );
    expect(parseConfig(reader({ chart: 'cilium' }), env).localChartVersion).toBeUndefined();
  });

  it('refuses a kubeconfig that is not one, without quoting it, and keys the comment by its context', () => {
    for (const kubeconfig of [
      'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2Vu',
      '/home/runner/.kube/config',
      'apiVersion: v1\nkind: Secret\ndata: {token: c2VjcmV0}',
      '{{{',
    ]) {
      try {
        parseConfig(reader({ kubeconfig }), env);
        throw new Error('no error');
      } catch (e) {
        expect((e as Error).message).toMatch(/^kubeconfig: is not a kubeconfig/);
        expect((e as Error).message).not.toContain(kubeconfig.slice(0, 12));
      }
    }
    const kubeconfig = 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\ncurrent-context: aks-prod-weu\n';
    expect(parseConfig(reader({ kubeconfig }), env).commentKey).toBe('aks-prod-weu');
    expect(parseConfig(reader({ kubeconfig, context: 'aks-dev' }), env).commentKey).toBe('aks-dev');
    expect(parseConfig(reader({ kubeconfig, 'comment-key': 'weu/prod' }), env).commentKey).toBe('weu/prod');
    expect(() => parseConfig(reader({ 'comment-key': 'a --> <b>' }), env)).toThrow(/^comment-key: "a --> <b>" is not a comment key/);
  });

  it('collects every problem into one InputError', () => {
    try {
      parseConfig(reader({ mode: 'x', namespace: 'Kube System', 'min-flows': 'many', 'fail-on-drift': 'maybe' }), env);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems.map((p) => p.input)).toEqual(['mode', 'namespace', 'min-flows', 'fail-on-drift']);
    }
  });

  it('refuses release and namespace names Helm or Kubernetes would refuse, at their length limits too', () => {
    const problems = (inputs: Record<string, string>): string[] => {
      try {
        parseConfig(reader(inputs), env);
        return [];
      } catch (e) {
        return (e as InputError).problems.map((p) => `${p.input}: ${p.problem}`);
      }
    };
    expect(problems({ release: 'a'.repeat(53), namespace: 'b'.repeat(63) })).toEqual([]);
    expect(problems({ release: 'my.cilium-1', namespace: 'kube-system' })).toEqual([]);
    expect(problems({ release: 'a'.repeat(54), namespace: 'b'.repeat(64) })).toEqual([
      `release: "${'a'.repeat(54)}" is not a valid Helm release name`,
      `namespace: "${'b'.repeat(64)}" is not a valid Kubernetes namespace name`,
    ]);
    // a dot is allowed in a release (a DNS subdomain), not in a namespace (a DNS label)
    expect(problems({ release: 'Cilium', namespace: 'kube.system' })).toEqual([
      'release: "Cilium" is not a valid Helm release name',
      'namespace: "kube.system" is not a valid Kubernetes namespace name',
    ]);
  });

  it('parses Go durations', () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('90s')).toBe(90_000);
    expect(parseGoDuration('1.5m')).toBe(90_000);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(parseGoDuration('10')).toBeUndefined();
    expect(parseGoDuration('10m ')).toBeUndefined();
  });
});
