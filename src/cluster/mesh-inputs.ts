// What the per-pair checks compare against: each node's InternalIP and pod CIDRs (from its
// CiliumNode: with cluster-pool IPAM the pod CIDRs live there, not on the Node), and when
// cilium-config last changed (the newest managedFields entry: every writer, helm included, leaves one).
import { parseCidr } from '../values/cidr.js';
import type { Kubectl } from './kubectl.js';
import type { MeshNode } from '../verify/mesh/judge-peers.js';

interface CiliumNodeSpec {
  addresses?: Array<{ type?: string; ip?: string }>;
  ipam?: { podCIDRs?: string[] };
}

export async function listMeshNodes(kubectl: Kubectl): Promise<MeshNode[]> {
  const items = await kubectl.list('ciliumnodes.cilium.io', undefined);
  return items.map((n) => {
    const spec = (n.spec ?? {}) as CiliumNodeSpec;
    const node: MeshNode = {
      name: n.metadata.name,
      podCidrs: (spec.ipam?.podCIDRs ?? []).flatMap((c) => {
        const p = parseCidr(String(c));
        return p.ok ? [p.cidr] : [];
      }),
    };
    const ip = spec.addresses?.find((a) => a.type === 'InternalIP')?.ip;
    if (ip) node.ip = ip;
    return node;
  });
}

/** epoch ms of the last write to cilium-config; undefined when it does not exist */
export async function configChangedAt(kubectl: Kubectl, namespace: string): Promise<number | undefined> {
  const cm = await kubectl.get('configmap', 'cilium-config', namespace);
  if (!cm) return undefined;
  const meta = cm.metadata as { managedFields?: Array<{ time?: string }>; creationTimestamp?: string };
  const times = [...(meta.managedFields ?? []).map((f) => f.time), meta.creationTimestamp].map((t) => Date.parse(t ?? '')).filter(Number.isFinite);
  return times.length > 0 ? Math.max(...times) : undefined;
}
