// Pure helpers behind issue 11's inputs: the checks table, kubeconfig shape, helm's values header,
// the local chart's Chart.yaml, download failures, the comment marker key, rollout progress text.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartYamlInArchive } from '../../src/chart/local-version.js';
import { chartErrorHint, isDownloadFailure } from '../../src/chart/errors.js';
import { describeRollout } from '../../src/cluster/progress.js';
import { markerKey } from '../../src/github/comment-key.js';
import { stickyMarker } from '../../src/github/sticky-comment.js';
import { CHECK_TABLE, parseChecks } from '../../src/inputs/checks.js';
import { checkKubeconfig } from '../../src/inputs/kubeconfig.js';
import { stripHelmValuesHeader } from '../../src/values/helm-output.js';
import { chartPath, CHART_VERSIONS } from '../setup/env.js';

describe('parseChecks', () => {
  it('auto is every row marked auto; with a flows-file only the offline ones', () => {
    const auto = Object.entries(CHECK_TABLE)
      .filter(([, s]) => s.auto)
      .map(([n]) => n);
    // bgp applies only under profile bgp, wireguard-peers only under profile wireguard
    expect(parseChecks('auto', false, 'bgp')).toEqual({ ok: true, checks: new Set(auto.filter((n) => n !== 'wireguard-peers')) });
    expect(parseChecks('auto', false)).toEqual({ ok: true, checks: new Set(auto.filter((n) => n !== 'bgp')) });
    expect(parseChecks('auto', true)).toEqual({ ok: true, checks: new Set(['flows']) });
    expect(parseChecks(' none ', false)).toEqual({ ok: true, checks: new Set() });
    expect(parseChecks('agents\nflows', true)).toEqual({ ok: true, checks: new Set(['agents', 'flows']) });
    expect(parseChecks('', false)).toMatchObject({ ok: false, problem: 'is empty' });
    expect(parseChecks('agents,none', false)).toMatchObject({ ok: false, problem: '"none" cannot be combined with other checks' });
    expect(parseChecks('agents,"x\n"', false)).toMatchObject({ ok: false, problem: '"\\"x" is not a check' });
  });
});

describe('checkKubeconfig', () => {
  it('accepts kubeconfigs in YAML and JSON and reads current-context', () => {
    expect(checkKubeconfig('apiVersion: v1\nkind: Config\nclusters: []\ncurrent-context: aks\n')).toEqual({
      ok: true,
      currentContext: 'aks',
    });
    expect(checkKubeconfig('{"kind":"Config","contexts":[{"name":"x"}]}')).toEqual({ ok: true, currentContext: undefined });
  });
  it.each([
    ['a bearer token', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'],
    ['a path', '/home/runner/.kube/config'],
    ['base64 of a kubeconfig', Buffer.from('apiVersion: v1\nkind: Config\nclusters: []\n').toString('base64')],
    ['another object', 'apiVersion: v1\nkind: Secret\ndata: {token: abc}\nclusters: []\n'],
    ['broken YAML', 'clusters: [\n  - name: a\n'],
  ])('refuses %s without quoting it', (_what, content) => {
    const r = checkKubeconfig(content);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem + r.fix).not.toContain(content.slice(0, 10));
  });
});

describe('stripHelmValuesHeader', () => {
  it('drops the header helm get values prints without -o yaml, and reads null as no values', () => {
    expect(stripHelmValuesHeader('USER-SUPPLIED VALUES:\na: 1\n')).toBe('a: 1\n');
    expect(stripHelmValuesHeader('COMPUTED VALUES:\r\na: 1\n')).toBe('a: 1\n');
    expect(stripHelmValuesHeader('USER-SUPPLIED VALUES:\nnull\n')).toBe('');
    expect(stripHelmValuesHeader('a: 1\nUSER-SUPPLIED VALUES:\n')).toBe('a: 1\nUSER-SUPPLIED VALUES:\n');
  });
});

describe('chartYamlInArchive', () => {
  it.each(CHART_VERSIONS)('finds cilium/Chart.yaml in the real %s chart', (version) => {
    const yaml = chartYamlInArchive(gunzipSync(readFileSync(chartPath(version))));
    expect(parse(yaml!)).toMatchObject({ name: 'cilium', version });
  });
  it('returns undefined for an archive without one', () => {
    expect(chartYamlInArchive(Buffer.alloc(1024))).toBeUndefined();
  });
});

describe('chart errors', () => {
  it('tells a download failure from a chart that rejected the values', () => {
    expect(
      isDownloadFailure(
        'looks like "https://x" is not a valid chart repository or cannot be reached: Get "https://x/index.yaml": dial tcp: lookup x: no such host',
      ),
    ).toBe(true);
    expect(isDownloadFailure('failed to do request: Head "https://ghcr.io/v2/x/manifests/1.18.6": dial tcp 1.2.3.4:443: i/o timeout')).toBe(
      true,
    );
    expect(
      isDownloadFailure(
        'execution error at (cilium/templates/validate.yaml:3:4): tunnel was deprecated in v1.14 and has been removed in v1.15',
      ),
    ).toBe(false);
  });
  it('does not ask to drop a legacy key the action already drops from the release', () => {
    const hint = chartErrorHint('execution error: tunnel was deprecated in v1.14 and has been removed in v1.15. For details');
    expect(hint).toContain('the action already drops it');
    expect(hint).not.toContain('tunnel: null');
    expect(chartErrorHint('execution error: foo was deprecated in v1.14 and has been removed in v1.16.')).toContain('`foo: null`');
  });
});

describe('sticky comment key', () => {
  it('keys the marker by cluster and hashes what could break the HTML comment', () => {
    expect(stickyMarker('kube-system', 'cilium')).toBe('<!-- cilium-native-routing-action:kube-system/cilium -->');
    expect(stickyMarker('kube-system', 'cilium', 'aks-prod-weu')).toBe(
      '<!-- cilium-native-routing-action:kube-system/cilium@aks-prod-weu -->',
    );
    expect(markerKey('arn:aws:eks:eu-west-1:1:cluster/prod')).toBe('arn:aws:eks:eu-west-1:1:cluster/prod');
    const hashed = markerKey('prod --> <script>');
    expect(hashed).toMatch(/^sha256-[0-9a-f]{16}$/);
    expect(markerKey('prod --> <script>')).toBe(hashed);
    expect(markerKey('prod --> <script >')).not.toBe(hashed);
  });
});

describe('describeRollout', () => {
  it('says how far a rollout is', () => {
    expect(describeRollout('agents', 'daemonset', { desiredNumberScheduled: 50, updatedNumberScheduled: 37, numberReady: 35 })).toBe(
      'agents: 37/50 updated, 35 ready',
    );
    expect(describeRollout('operator', 'deployment', { replicas: 2, updatedReplicas: 1, readyReplicas: 2 })).toBe(
      'operator: 1/2 updated, 2 ready',
    );
    expect(describeRollout('operator', 'deployment', undefined)).toBe('operator: not found');
  });
});
