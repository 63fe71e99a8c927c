// What the per-pair checks compare against: each node's InternalIP and pod CIDRs (from its
// CiliumNode: with cluster-pool IPAM the pod CIDRs live there, not on the Node), and when
// cilium-config last changed (the newest managedFields entry: every writer, helm included, leaves one).
import { ActionError } from '../errors.js';
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
  // kubectl leaves managedFields out of its output unless asked
  const r = await kubectl.exec(
    ['get', 'configmap', 'cilium-config', '--namespace', namespace, '--show-managed-fields', '--output', 'json'],
    { quiet: true },
  );
  if (r.code !== 0) {
    if (/NotFound|not found/.test(r.stderr)) return undefined;
    throw new ActionError(`kubectl could not read configmap/cilium-config: ${r.stderr.trim()}`);
  }
  const meta = (JSON.parse(r.stdout) as { metadata: { managedFields?: Array<{ time?: string }>; creationTimestamp?: string } }).metadata;
  const times = [...(meta.managedFields ?? []).map((f) => f.time), meta.creationTimestamp]
    .map((t) => Date.parse(t ?? ''))
    .filter(Number.isFinite);
  return times.length > 0 ? Math.max(...times) : undefined;
}
