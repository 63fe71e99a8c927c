// The nodes and the Cilium agents on them, read together: what every check and gate judges.
import type { Kubectl } from '../cluster/kubectl.js';
import { listAgents, listNodes, type AgentPod, type NodeInfo } from '../cluster/nodes.js';

export interface Fleet {
  nodes: NodeInfo[];
  agents: AgentPod[];
}

export async function readFleet(kubectl: Kubectl, namespace: string): Promise<Fleet> {
  const [nodes, agents] = await Promise.all([listNodes(kubectl), listAgents(kubectl, namespace)]);
  return { nodes, agents };
}
