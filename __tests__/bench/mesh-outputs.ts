// What the per-pair reads print on an n-node fleet, for the fleet bench's stand-ins: every node in the
// health mesh and reachable, every other node a WireGuard peer with a fresh handshake, a config delta
// of 0, and the CiliumNodes and cilium-config the check lists. One text per read, shared by all agents
// (the judge ignores the agent's own entry), sized like a real n-node cluster's. The jsonpath queries
// the action sends are answered as Cilium would (__tests__/k8s/jsonpath.ts) over the same objects.
import { HEALTH_JSONPATH } from '../../src/verify/mesh/health-jsonpath.js';
import { PEERS_JSONPATH } from '../../src/verify/mesh/peers-jsonpath.js';
import { CILIUM_LEAVES, ciliumJsonpath } from '../k8s/jsonpath.js';

export const meshNodeName = (i: number): string => `aks-nodepool1-20941703-vmss${i.toString(36).padStart(6, '0')}`;
const nodeIp = (i: number): string => `10.224.${Math.floor(i / 250)}.${4 + (i % 250)}`;
const podCidr = (i: number): string => `100.${64 + Math.floor(i / 256)}.${i % 256}.0/24`;

export interface MeshTexts {
  health: string;
  debuginfo: string;
  /** `cilium-health status -o jsonpath=<query>`, keyed by the query */
  healthJsonpath: { query: string; text: string };
  /** `cilium-dbg debuginfo --output jsonpath=<query>` */
  debuginfoJsonpath: { query: string; text: string };
  metrics: string;
  ciliumNodes: string;
  configMap: string;
}

export function meshTexts(nodes: number, now = Date.now()): MeshTexts {
  const ids = Array.from({ length: nodes }, (_, i) => i);
  const probe = { lastProbed: new Date(now - 20_000).toISOString(), latency: 412_345 };
  const path = (ip: string): object => ({ 'primary-address': { ip, icmp: probe, http: probe }, 'secondary-addresses': [] });
  const health = {
    local: { name: `aks-byocni/${meshNodeName(0)}` },
    nodes: ids.map((i) => ({
      name: `aks-byocni/${meshNodeName(i)}`,
      host: path(nodeIp(i)),
      'health-endpoint': path(podCidr(i).replace('.0/24', '.2')),
    })),
    timestamp: new Date(now - 20_000).toISOString(),
    probeInterval: '1m14s',
  };
  const debuginfo = {
    'cilium-version': '1.19.6',
    encryption: {
      wireguard: {
        'node-encryption': 'Enabled',
        interfaces: [
          {
            name: 'cilium_wg0',
            'listen-port': 51871,
            'public-key': 'jikeOvVATORm/1GD0kZLxKhw1lofdsfdgiXWVyVIR3T0=',
            'peer-count': nodes,
            peers: ids.map((i) => ({
              'allowed-ips': [podCidr(i)],
              endpoint: `${nodeIp(i)}:51871`,
              'last-handshake-time': new Date(now - 30_000).toISOString(),
              'public-key': `peer${i}key`,
              'transfer-rx': 2457024,
              'transfer-tx': 15746568,
            })),
          },
        ],
      },
    },
  };
  const col = (a: string, b: string, c: string): string => `${a.padEnd(73)}${b.padEnd(105)}${c}`;
  const metrics = `${col('Metric', 'Labels', 'Value')}\n${col('cilium_drift_checker_config_delta', '', '0.000000')}\n`;
  const ciliumNodes = {
    apiVersion: 'v1',
    kind: 'List',
    items: ids.map((i) => ({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNode',
      metadata: { name: meshNodeName(i) },
      spec: { addresses: [{ type: 'InternalIP', ip: nodeIp(i) }], ipam: { podCIDRs: [podCidr(i)] } },
    })),
  };
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cilium-config', namespace: 'kube-system', creationTimestamp: new Date(now - 3_600_000).toISOString() },
    data: { 'routing-mode': 'native', 'enable-drift-checker': 'true' },
  };
  return {
    health: JSON.stringify(health),
    debuginfo: JSON.stringify(debuginfo),
    healthJsonpath: { query: HEALTH_JSONPATH, text: ciliumJsonpath(HEALTH_JSONPATH, health, CILIUM_LEAVES) },
    debuginfoJsonpath: { query: PEERS_JSONPATH, text: ciliumJsonpath(PEERS_JSONPATH, debuginfo, CILIUM_LEAVES) },
    metrics,
    ciliumNodes: JSON.stringify(ciliumNodes),
    configMap: JSON.stringify(configMap),
  };
}
