// Bad input through dist/index.js: one clear error naming the input and the fix, exit non-zero,
// and no external command runs.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartPath, helm4, repoRoot } from '../setup/env.js';
import { commandsRun, errorOf, runAction } from '../helpers/action.js';

const preview = (): Record<string, string> => ({
  mode: 'preview',
  chart: chartPath('1.18.6'),
  'cilium-version': '1.18.6',
  'base-values': path.join(repoRoot, 'examples', 'byocni-release-values.yaml'),
  'helm-version': helm4(),
});

const cases: Array<[string, Record<string, string>, RegExp]> = [
  ['routingMode: tunnel in values', { values: 'routingMode: tunnel' }, /^values: sets routingMode: "tunnel", but native routing with WireGuard needs routingMode: "native".*Fix: remove routingMode/],
  ['aksbyocni.enabled: true in values', { values: 'aksbyocni:\n  enabled: true' }, /^values: sets aksbyocni.enabled: true, and the chart then fails with "RoutingMode must be set to tunnel when aksbyocni.enabled=true"/],
  ['encryption.type: ipsec in a values file', { values: 'encryption:\n  type: ipsec' }, /^values: sets encryption.type: "ipsec".*Fix: remove encryption.type/],
  ['routingMode: tunnel in a values file', { 'values-files': '__tests__/fixtures/values/tunnel.yaml' }, /^values-files: __tests__\/fixtures\/values\/tunnel.yaml: sets routingMode/],
  ['a native CIDR missing a pod CIDR', { 'native-routing-cidr': '100.64.0.0/11' }, /^native-routing-cidr: 100.64.0.0\/11 does not contain the pod CIDR 100.64.0.0\/10/],
  ['a /33 CIDR', { 'native-routing-cidr': '10.0.0.0/33' }, /^native-routing-cidr: "10.0.0.0\/33" is not a valid IPv4 CIDR.*Fix:/],
  ['host bits set', { 'native-routing-cidr': '100.64.0.1/10' }, /^native-routing-cidr: "100.64.0.1\/10" has host bits set. Fix: use the network address: 100.64.0.0\/10/],
  ['trailing text after a CIDR', { 'native-routing-cidr': '100.64.0.0/10; echo pwned' }, /^native-routing-cidr: .* is not an IPv4 CIDR/],
  ['unparsable inline values', { values: 'a: [1,\nb: 2' }, /^values: is not valid YAML at line \d+, column \d+/],
  ['unparsable values file', { 'values-files': '__tests__/fixtures/values/broken.yaml' }, /^values-files: __tests__\/fixtures\/values\/broken.yaml is not valid YAML at line \d+, column \d+/],
  ['values that are not a map', { values: '- a\n- b' }, /^values: is YAML but not a map of values/],
  ['a missing values file', { 'values-files': 'nope/missing.yaml' }, /^values-files: nope\/missing.yaml does not exist or is not a file/],
  ['a release name with shell metacharacters', { release: 'cilium;rm -rf /' }, /^release: "cilium;rm -rf \/" is not a valid Helm release name/],
  ['a release name with $()', { release: '$(id)' }, /^release: "\$\(id\)" is not a valid Helm release name/],
  ['a namespace with a newline', { namespace: 'kube-system\nfoo' }, /^namespace: "kube-system\\nfoo" is not a valid Kubernetes namespace name/],
  ['an unknown mode', { mode: 'destroy' }, /^mode: "destroy" is not a mode. Fix: use one of apply, verify, drift, preview/],
  ['an unknown check', { checks: 'agents,telepathy' }, /^checks: "telepathy" is not a check/],
  ['a bad timeout', { timeout: '10 minutes' }, /^timeout: "10 minutes" is not a positive duration. Fix: use a Go duration/],
  ['a zero timeout', { timeout: '0s' }, /^timeout: "0s" is not a positive duration/],
  ['a bad helm-version', { 'helm-version': 'latest' }, /^helm-version: "latest" is neither an exact version nor a path/],
  ['a bad max-overlay-flows', { 'max-overlay-flows': '-1' }, /^max-overlay-flows: "-1" is not a whole number/],
  ['a bad on-verify-failure', { 'on-verify-failure': 'pray' }, /^on-verify-failure: "pray" is not an option. Fix: use fail or rollback/],
  ['a bad mirror URL', { 'helm-mirror': 'ftp://mirror' }, /^helm-mirror: "ftp:\/\/mirror" is not an http\(s\) URL/],
  ['a bad cilium-version', { 'cilium-version': 'one.eighteen' }, /^cilium-version: "one.eighteen" is not a chart version/],
  ['base-values with installed version', { 'cilium-version': 'installed' }, /^cilium-version: is "installed", but with base-values there is no release/],
  ['a missing flows-file', { 'flows-file': 'nope.jsonl' }, /^flows-file: nope.jsonl does not exist/],
  ['a KPR release without API server host', { values: 'k8sServiceHost: null' }, /^values: kubeProxyReplacement is true but k8sServiceHost is not set/],
  ['IPv6 without a native CIDR', { values: 'ipv6:\n  enabled: true' }, /^values: ipv6.enabled is true but ipv6NativeRoutingCIDR is not set/],
];

describe('bad input', () => {
  it.each(cases)('%s', async (_name, inputs, message) => {
    const r = await runAction({ ...preview(), ...inputs });
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toMatch(message);
    expect(commandsRun(r)).toEqual([]);
  });

  it('reports every problem at once', async () => {
    const r = await runAction({ ...preview(), mode: 'nope', timeout: 'soon', checks: 'x' });
    expect(errorOf(r)).toMatch(/^3 inputs need fixing:\n- mode: .*\n- timeout: .*\n- checks: /);
  });
});
