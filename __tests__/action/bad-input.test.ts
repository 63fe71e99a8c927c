// Bad input through dist/index.js: one clear error naming the input and the fix, exit non-zero,
// and no external command runs. The cases are the rows of the README's "Bad input" table, so the
// README shows exactly what users see: each row's message must be what dist/index.js prints.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUT_FILES, BAD_INPUT_LINKS, badInputBase, messageMatches, parseBadInputTable } from '../../scripts/docs-readme.mjs';
import { chartPath, helm4, repoRoot } from '../setup/env.js';
import { commandsRun, errorOf, runAction } from '../helpers/action.js';

const rows = parseBadInputTable(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'));

// The original cases of this file, each with its assertion: every one must stay a README row
// (same inputs), and its pattern is checked on that row's run besides the README's message.
// Paths of values files are relative to the workspace the rows run in (see BAD_INPUT_FILES).
const original: Array<[string, Record<string, string>, RegExp]> = [
  [
    'routingMode: tunnel in values',
    { values: 'routingMode: tunnel' },
    /^values: sets routingMode: "tunnel", but native routing with WireGuard needs routingMode: "native".*Fix: remove routingMode/,
  ],
  [
    'aksbyocni.enabled: true in values',
    { values: 'aksbyocni: {enabled: true}' },
    /^values: sets aksbyocni.enabled: true, and the chart then fails with "RoutingMode must be set to tunnel when aksbyocni.enabled=true"/,
  ],
  [
    'encryption.type: ipsec in a values file',
    { values: 'encryption: {type: ipsec}' },
    /^values: sets encryption.type: "ipsec".*Fix: remove encryption.type/,
  ],
  [
    'routingMode: tunnel in a values file',
    { 'values-files': 'cilium/tunnel.yaml' },
    /^values-files: cilium\/tunnel.yaml: sets routingMode/,
  ],
  [
    'a native CIDR missing a pod CIDR',
    { 'native-routing-cidr': '100.64.0.0/11' },
    /^native-routing-cidr: 100.64.0.0\/11 does not contain the pod CIDR 100.64.0.0\/10/,
  ],
  ['a /33 CIDR', { 'native-routing-cidr': '10.0.0.0/33' }, /^native-routing-cidr: "10.0.0.0\/33" is not a valid IPv4 CIDR.*Fix:/],
  [
    'host bits set',
    { 'native-routing-cidr': '100.64.0.1/10' },
    /^native-routing-cidr: "100.64.0.1\/10" has host bits set. Fix: use the network address: 100.64.0.0\/10/,
  ],
  ['trailing text after a CIDR', { 'native-routing-cidr': '100.64.0.0/10; echo pwned' }, /^native-routing-cidr: .* is not an IPv4 CIDR/],
  ['unparsable inline values', { values: 'a: [1,\nb: 2' }, /^values: is not valid YAML at line \d+, column \d+/],
  [
    'unparsable values file',
    { 'values-files': 'cilium/broken.yaml' },
    /^values-files: cilium\/broken.yaml is not valid YAML at line \d+, column \d+/,
  ],
  ['values that are not a map', { values: '- a\n- b' }, /^values: is YAML but not a map of values/],
  ['a missing values file', { 'values-files': 'nope/missing.yaml' }, /^values-files: nope\/missing.yaml does not exist or is not a file/],
  [
    'a release name with shell metacharacters',
    { release: 'cilium;rm -rf /' },
    /^release: "cilium;rm -rf \/" is not a valid Helm release name/,
  ],
  ['a release name with $()', { release: '$(id)' }, /^release: "\$\(id\)" is not a valid Helm release name/],
  [
    'a namespace with a newline',
    { namespace: 'kube-system\nfoo' },
    /^namespace: "kube-system\\nfoo" is not a valid Kubernetes namespace name/,
  ],
  ['an unknown mode', { mode: 'destroy' }, /^mode: "destroy" is not a mode. Fix: use one of apply, verify, drift, preview/],
  ['an unknown check', { checks: 'agents,telepathy' }, /^checks: "telepathy" is not a check/],
  ['a bad timeout', { timeout: '10 minutes' }, /^timeout: "10 minutes" is not a Go duration. Fix: use a Go duration/],
  ['a zero timeout', { timeout: '0s' }, /^timeout: "0s" is not a positive duration/],
  ['a bad helm-version', { 'helm-version': 'latest' }, /^helm-version: "latest" is neither an exact version nor a path/],
  ['a bad max-overlay-flows', { 'max-overlay-flows': '-1' }, /^max-overlay-flows: "-1" is not a whole number/],
  ['a bad on-verify-failure', { 'on-verify-failure': 'pray' }, /^on-verify-failure: "pray" is not an option. Fix: use fail or rollback/],
  ['a bad mirror URL', { 'helm-mirror': 'ftp://mirror' }, /^helm-mirror: "ftp:\/\/mirror" is not an http\(s\) URL/],
  ['a bad cilium-version', { 'cilium-version': 'one.eighteen' }, /^cilium-version: "one.eighteen" is not a chart version/],
  [
    'base-values with installed version',
    { chart: 'cilium', 'cilium-version': 'installed' },
    /^cilium-version: is "installed", but with base-values there is no release/,
  ],
  ['empty checks', { checks: '' }, /^checks: is empty. Fix: use auto, none, or /],
  [
    "cilium-version not the local chart's",
    { 'cilium-version': '1.19.6' },
    /^cilium-version: is 1.19.6, but the local chart .*cilium-1.18.6.tgz is version 1.18.6/,
  ],
  ['a kubeconfig that is not one', { kubeconfig: 'eyJhbGciOiJSUzI1NiJ9.not-a-kubeconfig' }, /^kubeconfig: is not a kubeconfig/],
  ['a missing flows-file', { 'flows-file': 'nope.jsonl' }, /^flows-file: nope.jsonl does not exist/],
  [
    'a KPR release without API server host',
    { values: 'k8sServiceHost: null' },
    /^values: kubeProxyReplacement is true but k8sServiceHost is not set/,
  ],
  ['IPv6 without a native CIDR', { values: 'ipv6: {enabled: true}' }, /^values: ipv6.enabled is true but ipv6NativeRoutingCIDR is not set/],
  [
    'reports every problem at once',
    { mode: 'nope', timeout: 'soon', checks: 'x' },
    /^3 inputs need fixing:\n- mode: .*\n- timeout: .*\n- checks: /,
  ],
];

const sameInputs = (a: Record<string, string>, b: Record<string, string>): boolean =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

let workspace = '';
beforeAll(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'cnra-bad-input-'));
  for (const [file, text] of Object.entries(BAD_INPUT_FILES)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text);
  }
  for (const [link, target] of Object.entries(BAD_INPUT_LINKS)) symlinkSync(target, path.join(workspace, link));
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('the README bad-input table', () => {
  it('has at least 25 rows, no two with the same inputs', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
    const keys = rows.map((r) => JSON.stringify(Object.entries(r.inputs).sort()));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('records calls with its stand-in helm (so an empty record means nothing ran)', () => {
    const helm = recordingHelm(path.join(workspace, '.helm', 'self-check'));
    execFileSync(helm.bin, ['version', '--short'], { stdio: 'ignore' });
    expect(helm.calls()).toEqual(['version --short']);
  });

  it.each(original)('keeps the original case: %s', (_name, inputs) => {
    expect(rows.some((r) => sameInputs(r.inputs, inputs))).toBe(true);
  });
});

/**
 * A helm that records every call before running the real one: commands run quietly are not in the
 * log, so the log alone cannot show that nothing ran.
 */
function recordingHelm(dir: string): { bin: string; calls: () => string[] } {
  mkdirSync(dir, { recursive: true });
  const bin = path.join(dir, 'helm');
  const log = path.join(dir, 'calls.log');
  writeFileSync(bin, `#!/bin/sh\nprintf '%s\\n' "$*" >> ${JSON.stringify(log)}\nexec ${JSON.stringify(helm4())} "$@"\n`);
  chmodSync(bin, 0o755);
  return { bin, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []) };
}

// Concurrent: each row is a ~0.4 s node process; the default concurrency keeps both cores busy.
describe.concurrent('bad input through dist/index.js', () => {
  it.each(rows.map((row) => [row.what, row] as const))('%s', async (_what, row) => {
    const helm = recordingHelm(path.join(workspace, '.helm', String(rows.indexOf(row))));
    const base = badInputBase({
      helm: helm.bin,
      chart: chartPath('1.18.6'),
      baseValues: path.join(repoRoot, 'examples', 'byocni-release-values.yaml'),
    });
    const r = await runAction({ ...base, ...row.inputs }, { env: { GITHUB_WORKSPACE: workspace } });
    const message = errorOf(r);
    expect(r.code).not.toBe(0);
    expect(
      messageMatches(row.message, message),
      `README shows:\n${row.message.join('\n')}\n\ndist/index.js prints:\n${message}\n\n(npm run docs:bad-input rewrites the README from dist/index.js)`,
    ).toBe(true);
    for (const [, inputs, pattern] of original.filter(([, inputs]) => sameInputs(inputs, row.inputs))) {
      expect(message, JSON.stringify(inputs)).toMatch(pattern);
    }
    expect(commandsRun(r)).toEqual([]);
    expect(helm.calls()).toEqual([]);
  });
});
