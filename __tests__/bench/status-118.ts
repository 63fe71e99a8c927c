// `cilium-dbg status` as a Cilium 1.18 agent prints it on an AKS BYOCNI node with native routing and
// WireGuard (labels padded to 24 columns, `Routing: Network: Native   Host: BPF`), for the fleet bench's
// stand-in kubectl. Every agent of an n-node cluster has n - 1 WireGuard peers.
export function status118(nodes: number): string {
  const lines: Array<[string, string]> = [
    ['KVStore', 'Disabled   '],
    ['Kubernetes', 'Ok         1.33 (v1.33.2) [linux/amd64]'],
    [
      'Kubernetes APIs',
      '["EndpointSliceOrEndpoint", "cilium/v2::CiliumClusterwideNetworkPolicy", "cilium/v2::CiliumEndpoint", "cilium/v2::CiliumNetworkPolicy", "cilium/v2::CiliumNode", "cilium/v2alpha1::CiliumCIDRGroup", "core/v1::Namespace", "core/v1::Pods", "core/v1::Service", "networking.k8s.io/v1::NetworkPolicy"]',
    ],
    ['KubeProxyReplacement', 'True   [eth0   10.224.0.4 fe80::7e1e:52ff:fe4d:9c1a (Direct Routing)]'],
    ['Host firewall', 'Disabled'],
    ['SRv6', 'Disabled'],
    ['CNI Chaining', 'none'],
    ['CNI Config file', 'successfully wrote CNI configuration file to /host/etc/cni/net.d/05-cilium.conflist'],
    ['Cilium', 'Ok   1.18.6 (v1.18.6-8c1ea0a9)'],
    ['NodeMonitor', 'Listening for events on 4 CPUs with 64x4096 of shared memory'],
    ['Cilium health daemon', 'Ok   '],
    ['IPAM', 'IPv4: 14/254 allocated from 100.64.0.0/24, '],
    ['IPv4 BIG TCP', 'Disabled'],
    ['IPv6 BIG TCP', 'Disabled'],
    ['BandwidthManager', 'Disabled'],
    ['Routing', 'Network: Native   Host: BPF'],
    ['Attach Mode', 'TCX'],
    ['Device Mode', 'veth'],
    ['Masquerading', 'BPF   [eth0]   100.64.0.0/10 [IPv4: Enabled, IPv6: Disabled]'],
    ['Controller Status', '41/41 healthy'],
    ['Proxy Status', 'OK, ip 100.64.0.1, 0 redirects active on ports 10000-20000, Envoy: external'],
    ['Global Identity Range', 'min 256, max 65535'],
    ['Hubble', 'Ok              Current/Max Flows: 4095/4095 (100.00%), Flows/s: 38.12   Metrics: Disabled'],
    [
      'Encryption',
      `Wireguard       [NodeEncryption: Enabled, cilium_wg0 (Pubkey: 3Nh2pD5mP7k0yq8b1m5sS0S0w2Yk4r1aV6qg0o9tXn4=, Port: 51871, Peers: ${nodes - 1})]`,
    ],
    ['Cluster health', `${nodes}/${nodes} reachable   (2025-06-02T10:00:00Z)`],
    ['Modules Health', 'Stopped(0) Degraded(0) OK(62)'],
  ];
  return `${lines.map(([k, v]) => `${`${k}:`.padEnd(24)}${v}`).join('\n')}\n`;
}
