// The chart does not restart the agents when cilium-config changes (rollOutCiliumPods defaults to
// false): they keep the old datapath until restarted. So the action restarts them and waits.
import { ActionError } from '../errors.js';
import type { Kubectl } from './kubectl.js';
import { listAgents } from './nodes.js';
import { rolloutProgress, withProgress } from './progress.js';

export const AGENT_DAEMONSET = 'daemonset/cilium';
export const OPERATOR_DEPLOYMENT = 'deployment/cilium-operator';

export async function restartCilium(kubectl: Kubectl, namespace: string, deadline: number): Promise<void> {
  for (const workload of [AGENT_DAEMONSET, OPERATOR_DEPLOYMENT]) {
    await kubectl.run(['rollout', 'restart', workload, '--namespace', namespace], `restart ${workload}`);
  }
  for (const workload of [AGENT_DAEMONSET, OPERATOR_DEPLOYMENT]) await waitRollout(kubectl, namespace, workload, deadline);
}

/** Waits for a workload's rollout, with progress; names the agents that are not ready when it does not finish. */
export async function waitRollout(kubectl: Kubectl, namespace: string, workload: string, deadline: number): Promise<void> {
  const left = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
  const r = await withProgress(
    `kubectl rollout status ${workload}`,
    () => rolloutProgress(kubectl, namespace),
    () =>
      kubectl.exec(['rollout', 'status', workload, '--namespace', namespace, `--timeout=${left}s`], {
        timeoutMs: left * 1000 + 15_000,
        echo: true,
      }),
  );
  if (r.code !== 0 || r.timedOut) {
    const agents = await listAgents(kubectl, namespace).catch(() => []);
    const notReady = agents.filter((a) => !a.ready).map((a) => `${a.pod} on ${a.node}`);
    throw new ActionError(
      `${workload} did not finish rolling out: ${r.timedOut ? 'timed out' : r.stderr.trim() || r.stdout.trim()}${notReady.length ? `. Agents not ready: ${notReady.join(', ')}` : ''}`,
      {
        hint: 'Check the named pods (kubectl describe pod / kubectl logs -c cilium-agent). WireGuard needs UDP 51871 open between nodes (Azure NSG).',
      },
    );
  }
}

/** cilium-config as the cluster has it now (undefined when missing). */
export async function liveCiliumConfig(kubectl: Kubectl, namespace: string): Promise<Record<string, string> | undefined> {
  const cm = await kubectl.get('configmap', 'cilium-config', namespace);
  return cm ? (cm.data ?? {}) : undefined;
}
