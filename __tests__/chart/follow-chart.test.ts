// The recipe follows the chart, on the real values.yaml of all three charts (read with the real helm):
// a key the chart lacks, a deprecated key, the strictMode translation both ways, the derived CIDR.
import { beforeAll, describe, expect, it } from 'vitest';
import { chartKeys, type ChartKeys } from '../../src/chart/chart-keys.js';
import { diffConfig } from '../../src/chart/cilium-config.js';
import { runProcess } from '../../src/process/run.js';
import { followChart } from '../../src/values/follow-chart.js';
import { strictModeProblems, strictModeValues } from '../../src/values/strict-mode.js';
import { skipMinorProblem } from '../../src/values/upgrade-path.js';
import { CHART_VERSIONS, chartPath, helm4 } from '../setup/env.js';

const text: Record<string, string> = {};
const keys: Record<string, ChartKeys> = {};
beforeAll(async () => {
  for (const v of CHART_VERSIONS) {
    const r = await runProcess(helm4(), ['show', 'values', chartPath(v)], { quiet: true });
    if (r.code !== 0) throw new Error(r.stderr);
    text[v] = r.stdout;
    keys[v] = chartKeys(r.stdout);
  }
});

const oldStrict = { encryption: { strictMode: { enabled: true, cidr: '100.64.0.0/10', allowRemoteNodeIdentities: false } } };
const newStrict = { encryption: { strictMode: { egress: { enabled: true, cidr: '100.64.0.0/10', allowRemoteNodeIdentities: false } } } };

describe('followChart on the real charts', () => {
  it('1.18.6: no configDriftDetection (not set), egress keys translated back to the old names', () => {
    const r = followChart(structuredClone(newStrict), { chart: keys['1.18.6']!, chartVersion: '1.18.6', cidrFromPool: true });
    expect(r.values).toEqual(oldStrict);
    expect(r.values).not.toHaveProperty('configDriftDetection');
    expect(r.values).not.toHaveProperty('nativeRoutingCIDRFromClusterPool');
    expect(r.adjustments.map((a) => a.why)).toContain(
      'renamed: chart 1.18.6 spells encryption.strictMode.egress.cidr as encryption.strictMode.cidr (before 1.19)',
    );
    expect(r.warnings).toEqual([]);
  });

  it('1.19.6: old strictMode keys (deprecated there) move to egress; drift detection turned on', () => {
    const dep = keys['1.19.6']!.deprecation(['encryption', 'strictMode', 'cidr']);
    expect(dep).toEqual({
      text: expect.stringContaining('deprecated: please use encryption.strictMode.egress.cidr'),
      replacement: 'encryption.strictMode.egress.cidr',
    });
    const r = followChart(structuredClone(oldStrict), { chart: keys['1.19.6']!, chartVersion: '1.19.6', cidrFromPool: true });
    expect(r.values).toEqual({ ...newStrict, configDriftDetection: { enabled: true, driftChecker: true } });
    expect(r.adjustments.find((a) => a.path.join('.') === 'encryption.strictMode.enabled')!.why).toMatch(
      /1.20 ignores the old key, cilium#45452/,
    );
  });

  it('1.20.0: old keys translated, never dropped; the native CIDR derived by the chart from a one-CIDR pool', () => {
    const r = followChart(
      { ...structuredClone(oldStrict), ipv4NativeRoutingCIDR: '100.64.0.0/10' },
      { chart: keys['1.20.0']!, chartVersion: '1.20.0', cidrFromPool: true },
    );
    expect(r.values).toMatchObject({ ...newStrict, nativeRoutingCIDRFromClusterPool: true });
    expect(r.values).not.toHaveProperty('ipv4NativeRoutingCIDR');
    // a CIDR the user gave is kept as it is
    const given = followChart(
      { ipv4NativeRoutingCIDR: '100.64.0.0/10' },
      { chart: keys['1.20.0']!, chartVersion: '1.20.0', cidrFromPool: false },
    );
    expect(given.values).toMatchObject({ ipv4NativeRoutingCIDR: '100.64.0.0/10' });
    expect(given.values).not.toHaveProperty('nativeRoutingCIDRFromClusterPool');
  });

  it('a chart without encryption.nodeEncryption (its planned removal): not set, the reason given, encrypt-node no longer required', () => {
    const without = text['1.20.0']!.replace(/^ {2}nodeEncryption: false\n/m, '');
    expect(without).not.toBe(text['1.20.0']);
    const r = followChart(
      { encryption: { enabled: true, type: 'wireguard', nodeEncryption: true } },
      { chart: chartKeys(without), chartVersion: '1.22.0', cidrFromPool: false },
    );
    expect(r.values).toEqual({
      encryption: { enabled: true, type: 'wireguard' },
      configDriftDetection: { enabled: true, driftChecker: true },
    });
    expect(r.notRequired).toEqual(['encrypt-node']);
    expect(r.adjustments.find((a) => a.path.join('.') === 'encryption.nodeEncryption')!.why).toMatch(
      /^not set: chart 1.22.0 has no encryption.nodeEncryption \(deprecated in cilium#47219, removed by cilium#47365\)\. Pod-to-pod traffic between nodes stays encrypted by WireGuard/,
    );
  });

  it('a chart that marks an enforced key deprecated: a warning naming the replacement', () => {
    const deprecated = text['1.20.0']!.replace(
      /^ {2}nodeEncryption: false$/m,
      '  # -- Enable node encryption for node-to-node traffic. (deprecated: please use encryption.wireguard.nodeEncryption)\n  nodeEncryption: false',
    );
    const r = followChart({}, { chart: chartKeys(deprecated), chartVersion: '1.21.0', cidrFromPool: false });
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^chart 1.21.0 marks encryption.nodeEncryption deprecated; its replacement is encryption.wireguard.nodeEncryption/,
      ),
    ]);
  });
});

describe('strict mode and renamed cilium-config keys', () => {
  it('sets strict egress mode in each chart spelling, and checks cilium-config by either name', () => {
    expect(strictModeValues({}, '100.64.0.0/10', keys['1.18.6']!)).toEqual(oldStrict);
    expect(strictModeValues({}, '100.64.0.0/10', keys['1.20.0']!)).toEqual(newStrict);
    expect(
      strictModeProblems({ 'enable-encryption-strict-mode': 'true', 'encryption-strict-mode-cidr': '100.64.0.0/10' }, '100.64.0.0/10'),
    ).toEqual([]);
    expect(
      strictModeProblems(
        { 'enable-encryption-strict-mode-egress': 'true', 'encryption-strict-egress-cidr': '10.0.0.0/8' },
        '100.64.0.0/10',
      ),
    ).toEqual(['encryption-strict-egress-cidr is "10.0.0.0/8", expected "100.64.0.0/10"']);
    expect(strictModeProblems({}, '100.64.0.0/10')).toHaveLength(2);
  });

  it('a renamed key is one difference, or none when its value is the same', () => {
    const before = { 'enable-encryption-strict-mode': 'true', 'encryption-strict-mode-cidr': '100.64.0.0/10', 'routing-mode': 'native' };
    const after = {
      'enable-encryption-strict-mode-egress': 'true',
      'encryption-strict-egress-cidr': '100.64.0.0/11',
      'routing-mode': 'native',
    };
    expect(diffConfig(before, after)).toEqual([
      { key: 'encryption-strict-mode-cidr → encryption-strict-egress-cidr', before: '100.64.0.0/10', after: '100.64.0.0/11' },
    ]);
  });
});

describe('upgrade path', () => {
  it('refuses more than one minor at a time', () => {
    expect(skipMinorProblem('1.18.6', '1.19.6')).toBeUndefined();
    expect(skipMinorProblem('1.18.6', '1.18.2')).toBeUndefined();
    expect(skipMinorProblem(undefined, '1.20.0')).toBeUndefined();
    expect(skipMinorProblem('1.18.6', '1.20.0')).toEqual({
      input: 'cilium-version',
      problem: '1.20.0 is 2 minor versions ahead of the installed 1.18.6, and Cilium upgrades one minor version at a time',
      fix: 'upgrade to the latest 1.19.x first (run the action with cilium-version set to it), then to 1.20.0; or set allow-skip-minor: true to take the risk',
    });
  });
});
