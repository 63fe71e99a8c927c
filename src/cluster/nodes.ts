// Nodes and Cilium agent pods, as the checks need them.
import type { KubeObject, Kubectl } from './kubectl.js';

export interface NodeInfo {
  name: string;
  ready: boolean;
  schedulable: boolean;
  labels: Record<string, string>;
}

export interface AgentPod {
  pod: string;
  node: string;
  ready: boolean;
}

export const AGENT_SELECTOR = 'k8s-app=cilium';
export const AGENT_CONTAINER = 'cilium-agent';

export async function listNodes(kubectl: Kubectl): Promise<NodeInfo[]> {
  const items = await kubectl.list('nodes', undefined);
  return items.map((n) => ({
    name: n.metadata.name,
    ready: conditionTrue(n, 'Ready'),
    schedulable: !(n.spec as { unschedulable?: boolean } | undefined)?.unschedulable,
    labels: n.metadata.labels ?? {},
  }));
}

export async function listAgents(kubectl: Kubectl, namespace: string): Promise<AgentPod[]> {
  const items = await kubectl.list('pods', namespace, AGENT_SELECTOR);
  return items
    .filter((p) => (p.metadata as { deletionTimestamp?: string }).deletionTimestamp === undefined)
    .map((p) => ({ pod: p.metadata.name, node: String((p.spec as { nodeName?: string } | undefined)?.nodeName ?? ''), ready: conditionTrue(p, 'Ready') }));
}

function conditionTrue(o: KubeObject, type: string): boolean {
  const conditions = ((o.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? []);
  return conditions.some((c) => c.type === type && c.status === 'True');
}
