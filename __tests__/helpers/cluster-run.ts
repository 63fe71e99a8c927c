// Runs dist/index.js against a test cluster the way a workflow would after azure/aks-set-context:
// kubectl (real, 1.35.2) and the stand-in cilium CLI on PATH, the kubeconfig passed as the secret input.
import path from 'node:path';
import type { TestCluster } from '../k8s/index.js';
import { kubectl } from '../setup/env.js';
import { runAction, type ActionRun, type RunActionOptions } from './action.js';

export function clusterEnv(cluster: TestCluster): Record<string, string> {
  const env = cluster.env({ PATH: [path.dirname(kubectl()), path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter) });
  // the action gets the cluster from the kubeconfig input, not from the environment
  delete env.KUBECONFIG;
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export async function runOnCluster(cluster: TestCluster, inputs: Record<string, string>, opts: RunActionOptions = {}): Promise<ActionRun> {
  return runAction({ kubeconfig: cluster.kubeconfigYaml, ...inputs }, { ...opts, env: { ...clusterEnv(cluster), ...(opts.env ?? {}) } });
}
