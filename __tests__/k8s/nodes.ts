// The simulated AKS nodes: names, labels and addresses like an AKS node pool, each with a pod CIDR
// carved from Cilium's cluster pool 100.64.0.0/10 (100.64.<n>.0/24, as cluster-pool IPAM hands out).
import { createHash } from 'node:crypto';
import type { Obj } from './types.js';

export interface NodeInfo {
  name: string;
  index: number;
  /** the node's InternalIP (hostNetwork pods use it) */
  ip: string;
  /** the node's pod CIDR, 100.64.<index>.0/24 */
  podCidr: string;
}

export const AKS_CLUSTER_NAME = 'aks-byocni';

export function nodeInfos(count: number): NodeInfo[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `aks-nodepool1-31415926-vmss${i.toString(36).padStart(6, '0')}`,
    index: i,
    ip: `10.224.0.${4 + i}`,
    podCidr: `100.64.${i}.0/24`,
  }));
}

export function nodeObject(n: NodeInfo, kubeletVersion: string): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        agentpool: 'nodepool1',
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/instance-type': 'Standard_D4s_v5',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.azure.com/agentpool': 'nodepool1',
        'kubernetes.azure.com/cluster': `MC_rg-${AKS_CLUSTER_NAME}_${AKS_CLUSTER_NAME}_westeurope`,
        'kubernetes.azure.com/mode': 'system',
        'kubernetes.azure.com/os-sku': 'Ubuntu',
        'kubernetes.azure.com/role': 'agent',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': 'Standard_D4s_v5',
        'topology.kubernetes.io/region': 'westeurope',
        'topology.kubernetes.io/zone': '0',
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: {
      providerID: `azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/mc_rg-${AKS_CLUSTER_NAME}_${AKS_CLUSTER_NAME}_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-31415926-vmss/virtualMachines/${n.index}`,
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: n.ip },
        { type: 'Hostname', address: n.name },
      ],
      capacity: { cpu: '4', memory: '16375356Ki', pods: '110', 'ephemeral-storage': '129886128Ki' },
      allocatable: { cpu: '3860m', memory: '12880444Ki', pods: '110', 'ephemeral-storage': '119703055367' },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: createHash('md5').update(`boot-${n.name}`).digest('hex'),
        containerRuntimeVersion: 'containerd://1.7.27-1',
        kernelVersion: '5.15.0-1089-azure',
        kubeProxyVersion: '',
        kubeletVersion,
        machineID: createHash('md5').update(`machine-${n.name}`).digest('hex'),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.5 LTS',
        systemUUID: createHash('md5').update(`uuid-${n.name}`).digest('hex'),
      },
    },
  };
}

/** Hands out pod IPs per node: .0 is the network, .1 Cilium's router (cilium_host), .2 the health endpoint. */
export class PodIpam {
  private readonly used = new Map<string, Set<number>>();

  allocate(n: NodeInfo): string {
    const set = this.used.get(n.name) ?? new Set<number>();
    this.used.set(n.name, set);
    for (let i = 10; i < 255; i++) {
      if (!set.has(i)) {
        set.add(i);
        return `100.64.${n.index}.${i}`;
      }
    }
    throw new Error(`pod CIDR of ${n.name} exhausted`);
  }

  release(n: NodeInfo, ip: string): void {
    this.used.get(n.name)?.delete(Number(ip.split('.')[3]));
  }

  allocated(n: NodeInfo): number {
    return this.used.get(n.name)?.size ?? 0;
  }
}

/** Stable, realistic-looking identifiers derived from a seed. */
export function stableHex(seed: string, len: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, len);
}

/** Kubernetes' pod-template-hash alphabet (no vowels, no ambiguous characters). */
export function safeHash(seed: string, len = 10): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return [...createHash('sha256').update(seed).digest()]
    .slice(0, len)
    .map((b) => alphabet[b % alphabet.length])
    .join('');
}

export function wireguardPublicKey(node: string): string {
  return createHash('sha256').update(`wg-${node}`).digest('base64');
}
