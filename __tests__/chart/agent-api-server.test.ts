// What helm really renders decides, not what the values say: the agent DaemonSet rendered by the real
// charts (helm template) must give the agents the API server's address when kube-proxy replacement is on.
import { describe, expect, it } from 'vitest';
import { agentApiServerProblem } from '../../src/chart/agent-api-server.js';
import { ciliumConfigOf } from '../../src/chart/cilium-config.js';
import { parseManifest } from '../../src/chart/manifest.js';
import { runProcess } from '../../src/process/run.js';
import { chartPath, helm4 } from '../setup/env.js';

async function judge(version: string, sets: string[], k8sServiceHost: unknown): Promise<string | undefined> {
  const args = ['template', 'cilium', chartPath(version), '--namespace', 'kube-system', ...sets.flatMap((s) => ['--set-string', s])];
  const r = await runProcess(helm4(), args, { quiet: true });
  if (r.code !== 0) throw new Error(r.stderr);
  const config = ciliumConfigOf(r.stdout, 'kube-system')!;
  return agentApiServerProblem(parseManifest(r.stdout, 'kube-system'), config, 'kube-system', k8sServiceHost);
}

describe('the rendered agents can reach the API server', () => {
  it('kube-proxy replacement with k8sServiceHost renders KUBERNETES_SERVICE_HOST (1.18.6, 1.20.0)', async () => {
    for (const v of ['1.18.6', '1.20.0']) {
      expect(
        await judge(v, ['kubeProxyReplacement=true', 'k8sServiceHost=aks-api.example.com', 'k8sServicePort=443'], 'aks-api.example.com'),
      ).toBeUndefined();
    }
  });

  it('kube-proxy replacement without an API server host is refused on what was rendered', async () => {
    expect(await judge('1.18.6', ['kubeProxyReplacement=true'], undefined)).toBe(
      'kube-proxy replacement is on, but the rendered cilium-agent container has no KUBERNETES_SERVICE_HOST',
    );
  });

  it('k8sServiceHost: auto leaves the address to the agents (no variable needed); no kube-proxy replacement needs none', async () => {
    // `helm template` cannot render auto itself (it looks up kube-public/cluster-info in the cluster)
    expect(await judge('1.18.6', ['kubeProxyReplacement=true'], 'auto')).toBeUndefined();
    expect(await judge('1.18.6', [], undefined)).toBeUndefined();
  });
});
