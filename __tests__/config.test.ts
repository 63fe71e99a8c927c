import { describe, expect, it } from 'vitest';
import { parseConfig, parseGoDuration } from '../src/config.js';
import { InputError } from '../src/errors.js';
import { repoRoot } from './setup/env.js';
// @ts-expect-error plain ESM helper
import { actionDefaults } from '../scripts/run-action.mjs';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
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
    expect([...c.checks]).toEqual(['agents', 'connectivity', 'flows']);
    expect(c.helm).toMatchObject({ kind: 'version', pinned: true });
  });

  it('reads chart references of each kind', () => {
    expect(parseConfig(reader({ chart: 'oci://ghcr.io/cilium/charts/cilium' }), env).chart).toEqual({ kind: 'oci', ref: 'oci://ghcr.io/cilium/charts/cilium' });
    expect(parseConfig(reader({ chart: 'examples' }), env).chart.kind).toBe('repo');
    expect(parseConfig(reader({ chart: './examples' }), env).chart).toEqual({ kind: 'local', path: `${repoRoot}/examples` });
  });

  it('accepts v-prefixed versions, paths to binaries, and empty checks', () => {
    const c = parseConfig(reader({ 'cilium-version': 'v1.18.6', 'helm-version': 'v3.19.0', 'cilium-cli-version': '/bin/sh', checks: '' }), env);
    expect(c.ciliumVersion).toBe('1.18.6');
    expect(c.helm).toEqual({ kind: 'version', version: '3.19.0', pinned: false });
    expect(c.ciliumCli).toEqual({ kind: 'path', path: '/bin/sh' });
    expect(c.checks.size).toBe(0);
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

  it('parses Go durations', () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('90s')).toBe(90_000);
    expect(parseGoDuration('1.5m')).toBe(90_000);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(parseGoDuration('10')).toBeUndefined();
    expect(parseGoDuration('10m ')).toBeUndefined();
  });
});
