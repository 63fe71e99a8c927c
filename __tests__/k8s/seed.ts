// seedByocniCluster(): installs Cilium into the test cluster with real helm, as a BYOCNI release on
// AKS looks before the action runs (VXLAN tunnel, cluster-pool 100.64.0.0/10), and waits for agents.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { type RunResult, runProcess } from '../../src/process/run.js';
import { chartPath, helm4, repoRoot } from '../setup/env.js';
import type { TestCluster } from './cluster.js';
import type { Obj } from './types.js';

/** The seed release's values file (shared with other tests). */
export const BYOCNI_VALUES_FILE = path.join(repoRoot, '__tests__', 'fixtures', 'byocni-values.yaml');

export const byocniValues = (): Obj => YAML.parse(readFileSync(BYOCNI_VALUES_FILE, 'utf8')) as Obj;

export interface SeedOptions {
  /** chart version from testdata/charts (default 1.18.6) */
  chartVersion?: string;
  /** helm binary (default helm4()) */
  helm?: string;
  releaseName?: string;
  namespace?: string;
  /** extra helm arguments, e.g. ['--set', 'hubble.enabled=false'] */
  extraArgs?: string[];
}

export interface SeedResult {
  helm: RunResult;
  chartVersion: string;
  release: string;
  namespace: string;
}

export async function seedByocniCluster(cluster: TestCluster, opts: SeedOptions = {}): Promise<SeedResult> {
  const chartVersion = opts.chartVersion ?? '1.18.6';
  const release = opts.releaseName ?? 'cilium';
  const namespace = opts.namespace ?? 'kube-system';
  const args = [
    'install',
    release,
    chartPath(chartVersion),
    '-n',
    namespace,
    '-f',
    BYOCNI_VALUES_FILE,
    '--wait',
    '--timeout',
    '2m',
    ...(opts.extraArgs ?? []),
  ];
  const res = await runProcess(opts.helm ?? helm4(), args, { env: cluster.env(), timeoutMs: 150_000, quiet: true });
  if (res.code !== 0) throw new Error(`seed: helm install failed (${res.code}): ${res.stderr || res.stdout}`);
  await cluster.waitForAgents(namespace);
  return { helm: res, chartVersion, release, namespace };
}
