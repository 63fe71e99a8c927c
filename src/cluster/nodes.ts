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
  /** when the cilium-agent container started (RFC 3339), while it runs */
  startedAt?: string;
}

const AGENT_SELECTOR = 'k8s-app=cilium';
export const AGENT_CONTAINER = 'cilium-agent';
/** Cilium's default `node-encryption-opt-out-labels` */
const NODE_ENCRYPTION_OPT_OUT_LABEL = 'node-role.kubernetes.io/control-plane';

/** The node carries Cilium's default node-encryption opt-out label: its agent reports NodeEncryption OptedOut. */
export function optsOutOfNodeEncryption(node: NodeInfo): boolean {
  return node.labels[NODE_ENCRYPTION_OPT_OUT_LABEL] !== undefined;
}

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
    .map((p) => {
      const a: AgentPod = {
        pod: p.metadata.name,
        node: String((p.spec as { nodeName?: string } | undefined)?.nodeName ?? ''),
        ready: conditionTrue(p, 'Ready'),
      };
      const startedAt = agentStartedAt(p);
      if (startedAt) a.startedAt = startedAt;
      return a;
    });
}

function agentStartedAt(p: KubeObject): string | undefined {
  const statuses =
    (p.status as { containerStatuses?: Array<{ name: string; state?: { running?: { startedAt?: string } } }> } | undefined)
      ?.containerStatuses ?? [];
  return statuses.find((c) => c.name === AGENT_CONTAINER)?.state?.running?.startedAt;
}

function conditionTrue(o: KubeObject, type: string): boolean {
  const conditions = (o.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === type && c.status === 'True');
}
