// The in-process exec client against the test API server: same output and exit codes as kubectl
// exec, a time-out on a hanging exec, and a fallback to kubectl where it cannot take over.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kubectl } from '../../src/cluster/kubectl.js';
import { directExec, execFunction, execStatus, resolveCredentials } from '../../src/cluster/direct-exec.js';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { kubectl as kubectlPath } from '../setup/env.js';

let cluster: TestCluster;
let kubectl: Kubectl;
beforeAll(async () => {
  cluster = await startTestCluster({ nodes: 2 });
  await seedByocniCluster(cluster, { chartVersion: '1.18.6' });
  kubectl = new Kubectl(kubectlPath(), { env: cluster.env(), context: undefined });
});
afterAll(async () => {
  await cluster?.stop();
});

describe('direct exec', () => {
  it('reads the credentials of the current context', async () => {
    const creds = await resolveCredentials(kubectl, cluster.env());
    expect(creds).toMatchObject({ server: cluster.url, headers: { Authorization: `Bearer ${cluster.token}` } });
    expect(await resolveCredentials(kubectl, { ...cluster.env(), HTTPS_PROXY: 'http://proxy:3128' })).toBeUndefined();
  });

  it('prints what kubectl exec prints, with exit codes', async () => {
    const exec = directExec((await resolveCredentials(kubectl, cluster.env()))!);
    const agent = cluster.agents()[0]!;
    const direct = await exec('kube-system', agent.pod, 'cilium-agent', ['cilium-dbg', 'status'], { timeoutMs: 10_000 });
    const viaKubectl = await kubectl.execIn('kube-system', agent.pod, 'cilium-agent', ['cilium-dbg', 'status'], { quiet: true });
    expect(direct.code).toBe(0);
    // the status text carries the current time (cluster health): compare without it
    const untimed = (t: string): string => t.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'TIME');
    expect(untimed(direct.stdout)).toBe(untimed(viaKubectl.stdout));
    expect(direct.stdout).toMatch(/Routing:\s+Network: Tunnel/);
    const bad = await exec('kube-system', agent.pod, 'cilium-agent', ['cilium-dbg', 'status', '-o', 'yaml'], { timeoutMs: 10_000 });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unsupported output format');
    const viaUserAgent = cluster
      .execs()
      .slice(-3)
      .map((r) => (r.userAgent ?? '').startsWith('kubectl'));
    expect(viaUserAgent).toEqual([false, true, false]);
  });

  it('times out on an exec that hangs', async () => {
    const exec = directExec((await resolveCredentials(kubectl, cluster.env()))!);
    const agent = cluster.agents()[1]!;
    cluster.setFault('execHangs', agent.node);
    try {
      const r = await exec('kube-system', agent.pod, 'cilium-agent', ['cilium-dbg', 'status'], { timeoutMs: 500 });
      expect(r).toMatchObject({ timedOut: true });
    } finally {
      cluster.clearFaults();
    }
  });

  it('reports a refused exec (no such pod) and an unreachable server as failed execs, not throws', async () => {
    const creds = (await resolveCredentials(kubectl, cluster.env()))!;
    const missing = await directExec(creds)('kube-system', 'cilium-gone', 'cilium-agent', ['cilium-dbg', 'status'], {
      timeoutMs: 5_000,
    });
    expect(missing).toMatchObject({ code: 1, timedOut: false });
    expect(missing.stderr).toMatch(/exec refused by the API server: HTTP 404/);
    const down = await directExec({ ...creds, server: 'http://127.0.0.1:9' })('kube-system', 'x', undefined, ['true'], {
      timeoutMs: 5_000,
    });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/exec connection failed: .*ECONNREFUSED/);
  });

  it('falls back to kubectl when the kubeconfig goes through a proxy', async () => {
    const exec = await execFunction(
      new Kubectl(kubectlPath(), { env: { ...cluster.env(), HTTPS_PROXY: 'http://127.0.0.1:9' }, context: undefined }),
    );
    cluster.clearRequests();
    const r = await exec('kube-system', cluster.agents()[0]!.pod, 'cilium-agent', ['cilium-dbg', 'status'], { timeoutMs: 10_000 });
    expect(r.code).toBe(0);
    expect(cluster.execs()[0]?.userAgent ?? '').toMatch(/^kubectl/);
  });

  it("runs the kubeconfig's exec plugin once for several checks, and again once its token is near expiry", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-plugin-'));
    try {
      const runs = path.join(dir, 'runs');
      const expiry = path.join(dir, 'expiry');
      // kubelogin's part: an ExecCredential with the cluster's token (and the expiry in the file), each run counted
      const plugin = path.join(dir, 'plugin');
      writeFileSync(
        plugin,
        `#!/bin/sh\necho run >> '${runs}'\nprintf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"%s}}' '${cluster.token}' "$(cat '${expiry}' 2>/dev/null)"\n`,
      );
      chmodSync(plugin, 0o755);
      const config = path.join(dir, 'kubeconfig');
      writeFileSync(
        config,
        cluster.kubeconfigYaml.replace(
          `    token: ${cluster.token}`,
          `    exec: {apiVersion: client.authentication.k8s.io/v1, command: '${plugin}'}`,
        ),
      );
      const runsSoFar = (): number => (existsSync(runs) ? readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0);
      const agent = cluster.agents()[0]!;
      const status = async (k: Kubectl): Promise<number> =>
        (await (await execFunction(k))('kube-system', agent.pod, 'cilium-agent', ['cilium-dbg', 'status'], { timeoutMs: 10_000 })).code;
      const k = new Kubectl(kubectlPath(), { env: { ...cluster.env(), KUBECONFIG: config }, context: undefined });
      cluster.clearRequests();
      expect([await status(k), await status(k), await status(k)]).toEqual([0, 0, 0]);
      expect(runsSoFar()).toBe(1);
      // the execs went over the plugin's token, not through kubectl
      expect(cluster.execs().map((e) => (e.userAgent ?? '').startsWith('kubectl'))).toEqual([false, false, false]);
      // a token that expires within the minute is not reused
      writeFileSync(expiry, `,"expirationTimestamp":"${new Date(Date.now() + 30_000).toISOString()}"`);
      const soon = new Kubectl(kubectlPath(), { env: { ...cluster.env(), KUBECONFIG: config }, context: undefined });
      expect([await status(soon), await status(soon)]).toEqual([0, 0]);
      expect(runsSoFar()).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads exit codes from the status channel', () => {
    expect(execStatus('{"status":"Success"}')).toEqual({ code: 0 });
    expect(
      execStatus('{"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}'),
    ).toEqual({ code: 3 });
    expect(execStatus('{"status":"Failure","message":"executable file not found in $PATH"}')).toEqual({
      code: 1,
      message: 'executable file not found in $PATH',
    });
  });
});
