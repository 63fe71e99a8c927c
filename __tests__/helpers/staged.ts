// What the staged-apply tests share: the inputs, the migration report's shape, and a fresh seeded
// cluster per describe block (the test cluster with Cilium 1.18.6 on aksbyocni, as AKS BYOCNI has it).
import { afterAll, beforeAll } from 'vitest';
import { seedByocniCluster, startTestCluster, type TestCluster } from '../k8s/index.js';
import type { ActionRun } from './action.js';
import { runProcess } from '../../src/process/run.js';
import { chartPath, helm4 } from '../setup/env.js';

export const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  mode: 'apply',
  chart: chartPath('1.18.6'),
  'helm-version': helm4(),
  timeout: '60s',
  ...extra,
});

export interface Phase {
  name: string;
  result: string;
  revision?: number;
  disruptionSeconds?: number;
  detail?: string;
}
export const migration = (r: ActionRun) =>
  (
    r.report as {
      migration: {
        phases: Phase[];
        disruptionSeconds: number;
        endState?: string;
        pairs: Array<{ client: string; server: string; attempts: number }>;
      };
    }
  ).migration;

export async function seeded(nodes: number, agentStartMs: number): Promise<TestCluster> {
  const c = await startTestCluster({ nodes, agentStartMs });
  await seedByocniCluster(c, { chartVersion: '1.18.6', helm: helm4() });
  c.clearRequests();
  return c;
}

export async function revision(c: TestCluster): Promise<number> {
  const r = await runProcess(helm4(), ['list', '-n', 'kube-system', '--filter', '^cilium$', '-o', 'json'], { env: c.env(), quiet: true });
  return Number((JSON.parse(r.stdout) as Array<{ revision: string }>)[0]!.revision);
}

/** A fresh seeded cluster for the describe block it is called in, stopped after its tests. */
export function onSeeded(nodes: number, agentStartMs: number, use: (c: TestCluster) => void): void {
  let c: TestCluster | undefined;
  beforeAll(async () => use((c = await seeded(nodes, agentStartMs))));
  afterAll(async () => {
    await c?.stop();
  });
}

export const states = (c: TestCluster) => c.nodeNames.map((n) => c.controller.datapaths.stateAt(n));
