// Hostile input through dist/index.js: secrets planted in every input are found in no channel (log,
// summary, outputs, report.json, PR comment, child environments); data never becomes a runner
// command; the post step acts only on state it wrote; YAML tricks and bad durations are refused.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../github/fake-github.js';
import { errorOf, runAction, type ActionRun } from '../helpers/action.js';
import { workflowCommands } from '../helpers/workflow-commands.js';
import { chartPath, helm4, repoRoot } from '../setup/env.js';

const S = {
  token: 'ghs_hostileTokenThatMustNeverLeak0123456789',
  apiToken: 'apitok-Planted-7f3a9c1e',
  envValue: 'envval-Planted-2b8d4e6f',
  arg: 'argtok-Planted-9c1d3e5a',
  repoPassword: 'repopw-Planted-4a6c8e0b',
  mirrorPassword: 'mirrorpw-Planted-1f2e3d4c',
  kubeToken: 'kubetok-Planted-5e7a9b1c',
  execEnv: 'execenv-Planted-8d0f2a4b',
  runtime: 'runtime-Planted-3c5e7a9d',
};
const SECRETS = Object.values(S);

const kubeconfig = `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: 'https://127.0.0.1:9'}}]
users:
- name: u
  user:
    token: ${S.kubeToken}
- name: e
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin, env: [{name: AAD_SECRET, value: ${S.execEnv}}]}
contexts: [{name: c, context: {cluster: c, user: u}}]
current-context: c
`;

const values = `extraConfig:
  api-token: ${S.apiToken}
  custom-tls-cert-file: /var/lib/custom/tls/server.crt
extraEnv:
- {name: SERVICE_PASSWORD, value: ${S.envValue}}
extraArgs: ["--token=${S.arg}"]
`;

/** A helm that writes its environment to a file, then runs the real one. */
function envDumpingHelm(dir: string): { bin: string; envs: () => string } {
  mkdirSync(dir, { recursive: true });
  const bin = path.join(dir, 'helm');
  const out = path.join(dir, 'envs.txt');
  writeFileSync(bin, `#!/bin/sh\nenv >> ${JSON.stringify(out)}\nexec ${JSON.stringify(helm4())} "$@"\n`);
  chmodSync(bin, 0o755);
  return { bin, envs: () => (existsSync(out) ? readFileSync(out, 'utf8') : '') };
}

function channels(r: ActionRun): Record<string, string> {
  return {
    // ::add-mask:: hands a secret to the runner so that it masks it: the one place it must appear
    log: r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    stderr: r.stderr,
    summary: r.summary,
    outputs: JSON.stringify(r.outputs),
    report: JSON.stringify(r.report ?? {}),
  };
}

function expectNoSecret(where: Record<string, string>): void {
  for (const [channel, text] of Object.entries(where)) {
    for (const s of SECRETS) expect(text.includes(s), `${channel} holds ${s}`).toBe(false);
  }
}

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await new FakeGitHub({ token: S.token }).start();
});
afterEach(async () => {
  await gh.stop();
});

function prEnv(prNumber: number): Record<string, string> {
  const event = path.join(os.tmpdir(), `cnra-hostile-${process.pid}-${prNumber}.json`);
  writeFileSync(
    event,
    JSON.stringify({
      pull_request: {
        number: prNumber,
        head: { repo: { full_name: 'octo/cluster-config' } },
        base: { repo: { full_name: 'octo/cluster-config' } },
      },
    }),
  );
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/cluster-config',
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '7',
  };
}

describe('secrets planted in every input', () => {
  it('reach no channel: log, summary, outputs, report.json, PR comment, helm environment', async () => {
    const pr = gh.addPullRequest([]);
    const helm = envDumpingHelm(mkdtempSync(path.join(os.tmpdir(), 'cnra-hostile-helm-')));
    const r = await runAction(
      {
        mode: 'preview',
        chart: chartPath('1.18.6'),
        'cilium-version': '1.18.6',
        'base-values': path.join(repoRoot, 'examples', 'byocni-release-values.yaml'),
        'helm-version': helm.bin,
        'github-token': S.token,
        'chart-repository': `https://bob:${S.repoPassword}@charts.example.com`,
        'helm-mirror': `https://alice:${S.mirrorPassword}@mirror.example.com`,
        kubeconfig,
        values,
      },
      { env: { ...prEnv(pr.number), ACTIONS_RUNTIME_TOKEN: S.runtime, ACTIONS_ID_TOKEN_REQUEST_TOKEN: S.runtime } },
    );
    expect(errorOf(r)).toBe('');
    expect(r.outputs.verdict).toBe('pass');
    // report.json is still JSON after redaction (the helper parses it)
    expect(r.report).toMatchObject({ mode: 'preview' });
    const comment = pr.comments.map((c) => c.body).join('\n');
    expect(comment, r.stdout).toContain('extraConfig');
    expectNoSecret({ ...channels(r), comment, requests: gh.requests.map((q) => q.rawBody).join('\n'), helmEnv: helm.envs() });
    // harmless keys stay visible, and helm did run (its environment was recorded)
    expect(r.summary).toContain('/var/lib/custom/tls/server.crt');
    expect(helm.envs()).toMatch(/^PATH=/m);
    expect(helm.envs()).not.toMatch(/^INPUT_|^ACTIONS_|^GITHUB_TOKEN/m);
  });
});

describe('data never becomes a runner command', () => {
  it('a pod name holding ::save-state is printed, not executed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-hostile-flows-'));
    const seed = readFileSync(path.join(repoRoot, '__tests__', 'fixtures', 'flows', 'capture-before-vxlan.jsonl'), 'utf8')
      .trim()
      .split('\n')[2]!;
    const o = JSON.parse(seed) as { flow: { source: { pod_name: string } } };
    o.flow.source.pod_name = 'x\n::save-state name=probe-namespace::victim-ns\n::add-mask::x\n##[error]forged';
    const file = path.join(dir, 'flows.jsonl');
    writeFileSync(file, `${JSON.stringify(o)}\n`);
    const r = await runAction({ mode: 'verify', checks: 'flows', 'flows-file': file }, { env: { PATH: path.dirname(process.execPath) } });
    expect(r.outputs.verdict).toBe('fail');
    expect(r.stdout).toContain('::save-state name=probe-namespace::victim-ns');
    const cmds = workflowCommands(r.stdout);
    // only the action's own commands: its log groups and the failure annotation
    expect(cmds.filter((c) => !/^::(error|warning|debug|group|endgroup)::/.test(c))).toEqual([]);
    expect(r.state['probe-namespace'] ?? '').not.toBe('victim-ns');
  });

  it('the post step ignores state it did not write', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-hostile-post-'));
    const precious = path.join(dir, 'precious.txt');
    writeFileSync(precious, 'keep me');
    const r = await runAction({}, { entry: 'post', state: { 'probe-namespace': 'victim-ns', kubeconfig: precious } });
    expect(r.code).toBe(0);
    expect(existsSync(precious)).toBe(true);
    expect(r.stdout).not.toMatch(/\[command\]/);
    expect(r.stdout).toMatch(/ignoring a saved probe namespace/);
    expect(r.stdout).toMatch(/ignoring a saved kubeconfig path/);
  });
});

describe('refused before anything runs', () => {
  const base = (extra: Record<string, string>): Record<string, string> => ({
    mode: 'preview',
    chart: chartPath('1.18.6'),
    'cilium-version': '1.18.6',
    'base-values': path.join(repoRoot, 'examples', 'byocni-release-values.yaml'),
    'helm-version': helm4(),
    ...extra,
  });
  it.each([
    ['a merge key at the top', { values: '<<: {k8sServiceHost: ""}' }, /^values: uses the YAML merge key <</],
    ['a merge key inside ipam', { values: 'ipam: {<<: {mode: kubernetes}}' }, /^values: uses the YAML merge key << at ipam/],
    ['a !!binary tag', { values: 'k8sServiceHost: !!binary aGVsbG8=' }, /^values: uses the YAML tag !!binary at k8sServiceHost/],
    ['__proto__', { values: '__proto__: {x: 1}' }, /^values: has the key __proto__/],
    ['a timeout beyond Node timers', { timeout: '600h' }, /^timeout: 600h is longer than the 24h maximum/],
  ])('%s', async (_name, inputs, want) => {
    const r = await runAction(base(inputs));
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toMatch(want);
    expect(r.stdout).not.toMatch(/\[command\]/);
  });

  it('an unwritable RUNNER_TEMP gives one clear message, no stack trace', async () => {
    const r = await runAction(
      {
        mode: 'verify',
        checks: 'flows',
        'flows-file': path.join(repoRoot, '__tests__', 'fixtures', 'flows', 'capture-after-native.jsonl'),
      },
      { env: { RUNNER_TEMP: path.join(repoRoot, 'package.json', 'temp') } },
    );
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toMatch(
      /Cannot create the action's work folder .*package\.json\/temp\/cilium-native-routing: ENOTDIR\nRUNNER_TEMP must be a writable folder/,
    );
    expect(r.stderr).not.toMatch(/at .*\(.*:\d+:\d+\)/);
  });

  it('an unwritable GITHUB_STEP_SUMMARY is a warning, and the real result stays', async () => {
    const r = await runAction(
      {
        mode: 'verify',
        checks: 'flows',
        'flows-file': path.join(repoRoot, '__tests__', 'fixtures', 'flows', 'capture-before-vxlan.jsonl'),
      },
      { env: { GITHUB_STEP_SUMMARY: '/proc/cnra-no/summary.md' } },
    );
    expect(r.outputs.verdict).toBe('fail');
    expect(errorOf(r)).toMatch(/flows: 4 flows left a node through the overlay/);
    expect(r.stdout).toMatch(/::warning::Could not write the job summary/);
  });
});

describe('charts', () => {
  /** A chart that is not Cilium but renders a cilium-config that passes every ConfigMap check. */
  function impostorChart(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-impostor-'));
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: nginx\nversion: 1.18.6\n');
    writeFileSync(
      path.join(dir, 'templates', 'cm.yaml'),
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: cilium-config, namespace: kube-system}',
        'data:',
        '  routing-mode: native',
        '  enable-wireguard: "true"',
        '  encrypt-node: "true"',
        '  auto-direct-node-routes: "false"',
        '  ipv4-native-routing-cidr: 100.64.0.0/10',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: nginx, namespace: kube-system}',
        'spec: {template: {spec: {containers: [{name: nginx, image: nginx:1.27}]}}}',
        '',
      ].join('\n'),
    );
    return dir;
  }

  it('a chart that is not Cilium is refused, even with a passing cilium-config', async () => {
    const r = await runAction({
      mode: 'preview',
      chart: impostorChart(),
      'cilium-version': '1.18.6',
      'base-values': path.join(repoRoot, 'examples', 'byocni-release-values.yaml'),
      'helm-version': helm4(),
    });
    expect(r.code).not.toBe(0);
    expect(r.outputs.verdict).not.toBe('pass');
    expect(errorOf(r)).toMatch(/^The chart is not the Cilium chart: it renders no DaemonSet kube-system\/cilium/);
  });

  it('a chart directory linking outside itself (/proc/self/environ) is refused before anything runs', async () => {
    const dir = impostorChart();
    symlinkSync('/proc/self/environ', path.join(dir, 'environ'));
    const r = await runAction({
      mode: 'preview',
      chart: dir,
      'cilium-version': '1.18.6',
      'base-values': path.join(repoRoot, 'examples', 'byocni-release-values.yaml'),
      'helm-version': helm4(),
    });
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toMatch(/^chart: \S+ has a link that leaves the chart \(environ\)\. Fix: remove the link/);
    expect(r.stdout).not.toMatch(/\[command\]/);
  });
});
