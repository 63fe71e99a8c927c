// What `cilium-dbg status` prints inside an agent pod, in the text format of Cilium 1.16+ (modelled on
// testdata/status), its `--verbose` and `-o json` forms, and `cilium-dbg encrypt status`.
// Everything is derived from the cilium-config data the agent started with.
import { nodeEncryptionValue } from './mesh-output.js';
import { stableHex, type NodeInfo } from './nodes.js';
import type { Obj } from './types.js';

export interface PeerNode {
  name: string;
  ip: string;
  /** an agent runs there */
  reachable: boolean;
  /** its cilium-health endpoint, 100.64.<index>.2 */
  healthIp: string;
  podCidr: string;
  /** pod IPs allocated there (health endpoint not included) */
  podIps: string[];
  publicKey: string;
}

export interface AgentState {
  node: NodeInfo;
  config: Record<string, string>;
  /** Cilium version, e.g. 1.18.6 */
  version: string;
  kubernetesVersion: string;
  clusterName: string;
  /** pod IPs allocated on the node (router and health endpoint not included) */
  podIps: string[];
  /** WireGuard peers: other nodes whose agents run with WireGuard */
  wireguardPeers: PeerNode[];
  nodes: PeerNode[];
  publicKey: string;
  flowsSeen: number;
  startedAt: string;
  /** the Node carries Cilium's default node-encryption opt-out label (control-plane) */
  optedOut: boolean;
}

export interface DatapathView {
  routing: 'Tunnel' | 'Native';
  tunnelProtocol: string;
  hostRouting: 'Legacy' | 'BPF';
  encryption: 'Disabled' | 'Wireguard' | 'IPsec';
  nodeEncryption: boolean;
  kubeProxyReplacement: boolean;
  bpfMasquerade: boolean;
  hubble: boolean;
}

/** How the agent interprets its configuration (the keys the Cilium chart writes into cilium-config). */
export function datapathOf(config: Record<string, string>): DatapathView {
  const routing = (config['routing-mode'] ?? (config.tunnel === 'disabled' ? 'native' : 'tunnel')) === 'native' ? 'Native' : 'Tunnel';
  const kpr = config['kube-proxy-replacement'] === 'true' || config['kube-proxy-replacement'] === 'strict';
  const bpfMasquerade = config['enable-bpf-masquerade'] === 'true';
  const legacyHost = config['enable-host-legacy-routing'] === 'true';
  return {
    routing,
    tunnelProtocol: config['tunnel-protocol'] || 'vxlan',
    hostRouting: kpr && bpfMasquerade && !legacyHost ? 'BPF' : 'Legacy',
    encryption: config['enable-wireguard'] === 'true' ? 'Wireguard' : config['enable-ipsec'] === 'true' ? 'IPsec' : 'Disabled',
    nodeEncryption: config['encrypt-node'] === 'true',
    kubeProxyReplacement: kpr,
    bpfMasquerade,
    hubble: config['enable-hubble'] === 'true',
  };
}

// 1.17.5 pads labels to 24 columns (see the fixture); older versions used 25.
const LABEL_WIDTH = 24;
const line = (label: string, value: string): string => `${`${label}:`.padEnd(LABEL_WIDTH)}${value}`;
const pad = (s: string, n: number): string => s.padEnd(n);

const K8S_APIS =
  '["EndpointSliceOrEndpoint", "cilium/v2::CiliumClusterwideNetworkPolicy", "cilium/v2::CiliumEndpoint", "cilium/v2::CiliumNetworkPolicy", "cilium/v2::CiliumNode", "cilium/v2alpha1::CiliumCIDRGroup", "core/v1::Namespace", "core/v1::Pods", "core/v1::Service", "networking.k8s.io/v1::NetworkPolicy"]';

const buildHash = (version: string): string => stableHex(`cilium-${version}`, 8);
const k8sShort = (v: string): string => v.replace(/^v/, '').split('.').slice(0, 2).join('.');
const routerIp = (s: AgentState): string => `100.64.${s.node.index}.1`;

function ipamLine(s: AgentState): string {
  return `IPv4: ${s.podIps.length + 2}/254 allocated from ${s.node.podCidr}, `;
}

function routingLine(d: DatapathView): string {
  return `Network: ${d.routing === 'Tunnel' ? `Tunnel [${d.tunnelProtocol}]` : 'Native'}   Host: ${d.hostRouting}`;
}

function masqueradingLine(s: AgentState, d: DatapathView): string {
  if (s.config['enable-ipv4-masquerade'] === 'false') return 'Disabled';
  const cidr = s.config['ipv4-native-routing-cidr'] || s.config['cluster-pool-ipv4-cidr'] || '100.64.0.0/10';
  return d.bpfMasquerade ? `BPF   [eth0]   ${cidr} [IPv4: Enabled, IPv6: Disabled]` : 'IPTables [IPv4: Enabled, IPv6: Disabled]';
}

function encryptionLine(s: AgentState, d: DatapathView): string {
  if (d.encryption === 'Wireguard')
    return `${pad('Wireguard', 16)}[NodeEncryption: ${nodeEncryptionValue(s)}, cilium_wg0 (Pubkey: ${s.publicKey}, Port: 51871, Peers: ${s.wireguardPeers.length})]`;
  if (d.encryption === 'IPsec') return `${pad('IPsec', 16)}[NodeEncryption: ${d.nodeEncryption ? 'Enabled' : 'Disabled'}]`;
  return pad('Disabled', 16);
}

function hubbleLine(s: AgentState, d: DatapathView): string {
  if (!d.hubble) return 'Disabled';
  const current = Math.min(4095, s.flowsSeen);
  return `${pad('Ok', 16)}Current/Max Flows: ${current}/4095 (${((current / 4095) * 100).toFixed(2)}%), Flows/s: ${(s.flowsSeen / 60).toFixed(2)}   Metrics: Disabled`;
}

function kprLine(s: AgentState, d: DatapathView): string {
  if (!d.kubeProxyReplacement) return 'False';
  return `True   [eth0   ${s.node.ip} fe80::7e1e:52ff:fe${stableHex(s.node.name, 2)}:${stableHex(s.node.name, 4)} (Direct Routing)]`;
}

function clusterHealth(s: AgentState): { summary: string; table: string[] } {
  const reachable = s.nodes.filter((n) => n.reachable).length;
  const summary = `${reachable}/${s.nodes.length} reachable   (${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')})`;
  const width = Math.max(...s.nodes.map((n) => `${s.clusterName}/${n.name} (localhost)`.length), 4) + 3;
  const table = [
    `  ${pad('Name', width)}${pad('IP', 16)}${pad('Node', 14)}Endpoints`,
    ...s.nodes.map((n) => {
      const self = n.name === s.node.name;
      const state = n.reachable ? 'reachable' : 'unreachable';
      return `  ${pad(`${s.clusterName}/${n.name}${self ? ' (localhost)' : ''}`, width)}${pad(n.ip, 16)}${pad(state, 14)}${state}`;
    }),
  ];
  return { summary, table };
}

/** `cilium-dbg status [--verbose]` */
export function renderStatus(s: AgentState, verbose = false): string {
  const d = datapathOf(s.config);
  const health = clusterHealth(s);
  const out: string[] = [
    line('KVStore', 'Disabled   '),
    line('Kubernetes', `Ok         ${k8sShort(s.kubernetesVersion)} (${s.kubernetesVersion}) [linux/amd64]`),
    line('Kubernetes APIs', K8S_APIS),
    line('KubeProxyReplacement', kprLine(s, d)),
    line('Host firewall', 'Disabled'),
    line('SRv6', 'Disabled'),
    line('CNI Chaining', 'none'),
    line('CNI Config file', 'successfully wrote CNI configuration file to /host/etc/cni/net.d/05-cilium.conflist'),
    line('Cilium', `Ok   ${s.version} (v${s.version}-${buildHash(s.version)})`),
    line('NodeMonitor', 'Listening for events on 4 CPUs with 64x4096 of shared memory'),
    line('Cilium health daemon', 'Ok   '),
    line('IPAM', ipamLine(s)),
  ];
  if (verbose) {
    out.push(
      'Allocated addresses:',
      `  ${routerIp(s)} (router)`,
      `  100.64.${s.node.index}.2 (health)`,
      ...s.podIps.map((ip) => `  ${ip} (pod)`),
    );
  }
  out.push(
    line('IPv4 BIG TCP', 'Disabled'),
    line('IPv6 BIG TCP', 'Disabled'),
    line('BandwidthManager', 'Disabled'),
    line('Routing', routingLine(d)),
    line('Attach Mode', s.config['enable-tcx'] === 'false' ? 'Legacy TC' : 'TCX'),
    line('Device Mode', s.config['datapath-mode'] || 'veth'),
    line('Masquerading', masqueradingLine(s, d)),
    line('Controller Status', '41/41 healthy'),
  );
  if (verbose) {
    out.push(`  ${pad('Name', 38)}${pad('Last success', 15)}${pad('Last error', 13)}${pad('Count', 8)}Message`);
    for (const c of [
      'cilium-health-ep',
      'endpoint-gc',
      'ipcache-inject-labels',
      'k8s-heartbeat',
      'link-cache',
      'sync-host-ips',
      'sync-utime',
      'write-cni-file',
    ])
      out.push(`  ${pad(c, 38)}${pad('10s ago', 15)}${pad('never', 13)}${pad('0', 8)}no error   `);
  }
  out.push(
    line(
      'Proxy Status',
      `OK, ip ${routerIp(s)}, 0 redirects active on ports 10000-20000, Envoy: ${s.config['external-envoy-proxy'] === 'true' ? 'external' : 'embedded'}`,
    ),
    line('Global Identity Range', 'min 256, max 65535'),
    line('Hubble', hubbleLine(s, d)),
  );
  if (verbose && d.kubeProxyReplacement) {
    out.push(
      'KubeProxyReplacement Details:',
      '  Status:                 True',
      `  Socket LB:              ${s.config['bpf-lb-sock'] === 'true' ? 'Enabled' : 'Disabled'}`,
      '  Socket LB Tracing:      Enabled',
      '  Socket LB Coverage:     Full',
      `  Devices:                eth0   ${s.node.ip} (Direct Routing)`,
      '  Mode:                   SNAT',
      '  Backend Selection:      Random',
      '  Session Affinity:       Enabled',
      '  Graceful Termination:   Enabled',
      '  NAT46/64 Support:       Disabled',
      '  XDP Acceleration:       Disabled',
      '  Services:',
      '  - ClusterIP:      Enabled',
      '  - NodePort:       Enabled (Range: 30000-32767) ',
      '  - LoadBalancer:   Enabled ',
      '  - externalIPs:    Enabled ',
      '  - HostPort:       Enabled',
    );
  }
  out.push(line('Encryption', encryptionLine(s, d)));
  out.push(line('Cluster health', health.summary));
  if (verbose) out.push(...health.table);
  out.push(line('Modules Health', 'Stopped(0) Degraded(0) OK(62)'));
  return `${out.join('\n')}\n`;
}

/** `cilium-dbg status -o json` (the StatusResponse fields the fixtures README lists, and their neighbours) */
export function statusJson(s: AgentState): Obj {
  const d = datapathOf(s.config);
  const health = s.nodes.filter((n) => n.reachable).length;
  return {
    kvstore: { state: 'Disabled', msg: '' },
    kubernetes: {
      state: 'Ok',
      msg: `${k8sShort(s.kubernetesVersion)} (${s.kubernetesVersion}) [linux/amd64]`,
      'k8s-api-versions': JSON.parse(K8S_APIS) as string[],
    },
    'kube-proxy-replacement': d.kubeProxyReplacement
      ? {
          mode: 'True',
          devices: [{ name: 'eth0', ip: [s.node.ip] }],
          directRoutingDevice: 'eth0',
          features: { socketLB: { enabled: s.config['bpf-lb-sock'] === 'true' } },
        }
      : { mode: 'False' },
    'host-firewall': { mode: 'Disabled' },
    cilium: { state: 'Ok', msg: `${s.version} (v${s.version}-${buildHash(s.version)})` },
    stale: {},
    ipam: {
      ipv4: [
        ipamLine(s)
          .replace(/^IPv4: /, '')
          .replace(/, $/, ''),
      ],
      allocations: Object.fromEntries([
        [routerIp(s), 'router'],
        [`100.64.${s.node.index}.2`, 'health'],
        ...s.podIps.map((ip) => [ip, 'pod']),
      ]),
    },
    'ipv4-big-tcp': { enabled: false },
    'ipv6-big-tcp': { enabled: false },
    'bandwidth-manager': { enabled: false },
    routing: {
      'intra-host-routing-mode': d.hostRouting,
      'inter-host-routing-mode': d.routing,
      'tunnel-protocol': d.routing === 'Tunnel' ? d.tunnelProtocol : '',
    },
    'attach-mode': s.config['enable-tcx'] === 'false' ? 'tc' : 'tcx',
    'datapath-mode': s.config['datapath-mode'] || 'veth',
    masquerading: {
      enabled: s.config['enable-ipv4-masquerade'] !== 'false',
      mode: d.bpfMasquerade ? 'BPF' : 'IPTables',
      enabledProtocols: { ipv4: s.config['enable-ipv4-masquerade'] !== 'false', ipv6: false },
      snatExclusionCidrV4: s.config['ipv4-native-routing-cidr'] || s.config['cluster-pool-ipv4-cidr'] || '',
    },
    controllers: [],
    proxy: {
      ip: routerIp(s),
      'port-range': '10000-20000',
      'envoy-deployment-mode': s.config['external-envoy-proxy'] === 'true' ? 'external' : 'embedded',
    },
    hubble: d.hubble
      ? {
          state: 'Ok',
          msg: '',
          observer: { 'current-flows': Math.min(4095, s.flowsSeen), 'max-flows': 4095, 'seen-flows': s.flowsSeen, uptime: '10m0s' },
          metrics: { state: 'Disabled' },
        }
      : { state: 'Disabled' },
    encryption:
      d.encryption === 'Wireguard'
        ? {
            mode: 'Wireguard',
            wireguard: {
              'node-encryption': nodeEncryptionValue(s),
              interfaces: [
                {
                  name: 'cilium_wg0',
                  'listen-port': 51871,
                  'public-key': s.publicKey,
                  'peer-count': s.wireguardPeers.length,
                  peers: s.wireguardPeers.map((p) => ({
                    'public-key': stableHex(`wg-${p.name}`, 43),
                    endpoint: `${p.ip}:51871`,
                    'allowed-ips': [p.ip],
                  })),
                },
              ],
            },
          }
        : { mode: d.encryption },
    cluster: {
      ciliumHealth: { state: 'Ok', msg: `${health}/${s.nodes.length} reachable` },
      self: `${s.clusterName}/${s.node.name}`,
      nodes: s.nodes.map((n) => ({ name: `${s.clusterName}/${n.name}`, 'primary-address': { ipv4: { ip: n.ip, enabled: true } } })),
    },
  };
}

/** `cilium-dbg encrypt status` */
export function renderEncryptStatus(s: AgentState): string {
  const d = datapathOf(s.config);
  if (d.encryption === 'Wireguard')
    return `Encryption: Wireguard                 \nInterface: cilium_wg0\n\tPublic key: ${s.publicKey}\n\tNumber of peers: ${s.wireguardPeers.length}\n`;
  if (d.encryption === 'IPsec') return 'Encryption: IPsec\n';
  return 'Encryption: Disabled\n';
}
