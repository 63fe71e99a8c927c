// The chart version is the chart's, on the test API server through dist/index.js: a 1.18.6 release
// with the native values already applied; drift with the local 1.19.6 chart reports the version;
// apply with it upgrades (revision 3, chart 1.19.6 deployed) although the values are the same.
// The long waits show their progress inside the step's log group.
import { copyFileSync, createReadStream, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../src/process/run.js';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import { errorOf, type ActionRun } from '../helpers/action.js';
import { runOnCluster } from '../helpers/cluster-run.js';
import { chartPath, helm4 } from '../setup/env.js';

let cluster: TestCluster;
let first: ActionRun;
const apply = (version: string, extra: Record<string, string> = {}): Promise<ActionRun> =>
  runOnCluster(cluster, {
    mode: 'apply',
    chart: chartPath(version),
    'helm-version': helm4(),
    timeout: '60s',
    checks: 'agents',
    strategy: 'direct',
    ...extra,
  });

async function deployed(): Promise<{ revision: number; chart: string }> {
  const r = await runProcess(helm4(), ['list', '--namespace', 'kube-system', '--output', 'json'], { env: cluster.env(), quiet: true });
  const [release] = JSON.parse(r.stdout) as Array<{ revision: string; chart: string }>;
  return { revision: Number(release!.revision), chart: release!.chart };
}

/** The log lines between `::group::NAME` and its `::endgroup::`. */
function group(r: ActionRun, name: string): string[] {
  const lines = r.stdout.split('\n');
  const start = lines.indexOf(`::group::${name}`);
  if (start < 0) return [];
  const end = lines.indexOf('::endgroup::', start);
  return lines.slice(start + 1, end);
}

beforeAll(async () => {
  cluster = await startTestCluster({ nodes: 3 });
  await seedByocniCluster(cluster, { chartVersion: '1.18.6', helm: helm4() });
  // the native values on 1.18.6 (revision 2); without cilium-version, the local chart's own version
  first = await apply('1.18.6');
  if (first.code !== 0) throw new Error(`first apply failed: ${errorOf(first)}`);
  cluster.clearRequests();
});
afterAll(async () => {
  await cluster?.stop();
});

describe('a new local chart version on a release with the desired values', () => {
  it('is the starting point: revision 2 on chart 1.18.6', async () => {
    expect(await deployed()).toEqual({ revision: 2, chart: 'cilium-1.18.6' });
    // the agents' restart streamed kubectl's output and said how far the rollout was, in its group
    const restart = group(first, 'Restart the agents and the operator');
    expect(
      restart.some((l) => /^kubectl rollout status daemonset\/cilium \(\d+ s\): agents: \d\/3 updated, \d ready; operator: /.test(l)),
    ).toBe(true);
    expect(restart.some((l) => /daemon set "cilium" successfully rolled out/.test(l))).toBe(true);
    const again = await apply('1.18.6');
    expect(again.stdout).toContain('already has the desired values (revision 2): no upgrade.');
  });

  it('drift says drift: true and names the chart version, without writing anything', async () => {
    const r = await runOnCluster(cluster, {
      mode: 'drift',
      chart: chartPath('1.19.6'),
      'helm-version': helm4(),
      timeout: '60s',
      checks: 'agents',
    });
    expect(r.outputs).toMatchObject({ drift: 'true', verdict: 'fail' });
    // 1.19 also has config drift detection, which the recipe turns on where the chart has it
    expect(r.report?.differences).toEqual([
      { source: 'values', key: 'configDriftDetection.driftChecker', expected: 'true', actual: '(unset)' },
      { source: 'values', key: 'configDriftDetection.enabled', expected: 'true', actual: '(unset)' },
      { source: 'values', key: 'chart version', expected: '1.19.6', actual: '1.18.6' },
    ]);
    expect(r.summary).toContain('| values | `chart version` | `1.19.6` | `1.18.6` |');
    expect(cluster.mutations()).toEqual([]);
    expect(await deployed()).toEqual({ revision: 2, chart: 'cilium-1.18.6' });
  });

  it('drift names the chart version for a chart from a repository too (cilium-version given)', async () => {
    // a real chart repository: helm's own index of the 1.19.6 chart, served over HTTP
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-chart-repo-'));
    copyFileSync(chartPath('1.19.6'), path.join(dir, 'cilium-1.19.6.tgz'));
    const server: Server = createServer((req, res) => {
      const file = path.join(dir, path.basename(req.url ?? '/'));
      createReadStream(file)
        .on('error', () => res.writeHead(404).end())
        .pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const indexed = await runProcess(helm4(), ['repo', 'index', dir, '--url', url], { quiet: true });
      expect(indexed.code).toBe(0);
      const common = { mode: 'drift', chart: 'cilium', 'chart-repository': url, 'helm-version': helm4(), timeout: '60s', checks: 'agents' };
      const r = await runOnCluster(cluster, { ...common, 'cilium-version': '1.19.6' });
      expect(r.outputs).toMatchObject({ drift: 'true' });
      // 1.19 also has config drift detection, which the recipe turns on where the chart has it
      expect(r.report?.differences).toEqual([
        { source: 'values', key: 'configDriftDetection.driftChecker', expected: 'true', actual: '(unset)' },
        { source: 'values', key: 'configDriftDetection.enabled', expected: 'true', actual: '(unset)' },
        { source: 'values', key: 'chart version', expected: '1.19.6', actual: '1.18.6' },
      ]);
      // a local chart at the deployed version: nothing to report
      const same = await runOnCluster(cluster, { ...common, 'cilium-version': 'installed', chart: chartPath('1.18.6') });
      expect(same.outputs).toMatchObject({ drift: 'false', verdict: 'pass' });
    } finally {
      server.close();
    }
  });

  it('apply upgrades to it: revision 3 with chart 1.19.6 deployed, and shows progress while helm waits', async () => {
    const r = await apply('1.19.6');
    expect(errorOf(r)).toBe('');
    expect(r.stdout).not.toContain('no upgrade');
    expect(r.outputs).toMatchObject({ verdict: 'pass', revision: '3', 'routing-mode': 'native', encryption: 'wireguard' });
    expect(r.report).toMatchObject({ chartVersion: '1.19.6', previousRevision: 2, upgraded: true });
    expect(await deployed()).toEqual({ revision: 3, chart: 'cilium-1.19.6' });
    // inside the step's group: the command, a progress line with what is pending, helm's own output
    const lines = group(r, 'helm upgrade');
    expect(lines.some((l) => /^\[command\].*helm upgrade cilium /.test(l))).toBe(true);
    expect(
      lines.some((l) =>
        /^helm upgrade --wait \(\d+ s\): agents: \d+\/3 updated, \d+ ready; operator: \d+\/\d+ updated, \d+ ready$/.test(l),
      ),
    ).toBe(true);
    expect(lines.some((l) => /STATUS: deployed|has been upgraded/.test(l))).toBe(true);
  });
});
