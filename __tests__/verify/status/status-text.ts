// `cilium-dbg status` as Cilium 1.18 prints it (pkg/client FormatStatusResponse: tab-aligned
// `Key:` lines, `Routing: Network: … Host: …` since 1.16), with the parts a test wants to vary.
export interface StatusTextOptions {
  routing?: 'Native' | 'Tunnel';
  tunnel?: string;
  encryption?: 'Wireguard' | 'Disabled' | 'IPsec';
  nodeEncryption?: 'Enabled' | 'Disabled';
  peers?: number;
  cilium?: string;
  kubernetes?: string;
  controllers?: string;
  clusterHealth?: string;
  crlf?: boolean;
}

export function statusText118(o: StatusTextOptions = {}): string {
  const routing = o.routing ?? 'Native';
  const network = routing === 'Tunnel' ? `Tunnel [${o.tunnel ?? 'vxlan'}]` : 'Native';
  const host = routing === 'Tunnel' ? 'Legacy' : 'BPF';
  const enc = o.encryption ?? 'Wireguard';
  const encLine =
    enc === 'Wireguard'
      ? `Wireguard       [NodeEncryption: ${o.nodeEncryption ?? 'Enabled'}, cilium_wg0 (Pubkey: 3Q6qZr8vbO0y+1dC/2Wd1cX9mXhUQ1vJvC8y0v3o0kY=, Port: 51871, Peers: ${o.peers ?? 2})]`
      : enc === 'IPsec'
        ? 'IPsec           Keys in use: 1, Max Seq. Number: 0x1f/0xffffffff, Errors: 0'
        : 'Disabled        ';
  const lines = [
    'KVStore:                 Disabled   ',
    `Kubernetes:              ${o.kubernetes ?? 'Ok         1.32 (v1.32.6) [linux/amd64]'}`,
    'Kubernetes APIs:         ["EndpointSliceOrEndpoint", "cilium/v2::CiliumClusterwideNetworkPolicy", "cilium/v2::CiliumEndpoint", "cilium/v2::CiliumNetworkPolicy", "cilium/v2::CiliumNode", "cilium/v2alpha1::CiliumCIDRGroup", "core/v1::Namespace", "core/v1::Pods", "core/v1::Service", "networking.k8s.io/v1::NetworkPolicy"]',
    'KubeProxyReplacement:    False   ',
    'Host firewall:           Disabled',
    'SRv6:                    Disabled',
    'CNI Chaining:            none',
    'CNI Config file:         successfully wrote CNI configuration file to /host/etc/cni/net.d/05-cilium.conflist',
    `Cilium:                  ${o.cilium ?? 'Ok   1.18.6 (v1.18.6-3c0ff2d2)'}`,
    'NodeMonitor:             Listening for events on 4 CPUs with 64x4096 of shared memory',
    'Cilium health daemon:    Ok   ',
    'IPAM:                    IPv4: 12/254 allocated from 100.64.0.0/24, ',
    'IPv4 BIG TCP:            Disabled',
    'IPv6 BIG TCP:            Disabled',
    'BandwidthManager:        Disabled',
    `Routing:                 Network: ${network}   Host: ${host}`,
    'Attach Mode:             TCX',
    'Device Mode:             veth',
    'Masquerading:            IPTables [IPv4: Enabled, IPv6: Disabled]',
    `Controller Status:       ${o.controllers ?? '38/38 healthy'}`,
    'Proxy Status:            OK, ip 100.64.0.171, 0 redirects active on ports 10000-20000, Envoy: external',
    'Global Identity Range:   min 256, max 65535',
    'Hubble:                  Ok              Current/Max Flows: 4095/4095 (100.00%), Flows/s: 31.42   Metrics: Disabled',
    `Encryption:              ${encLine}`,
    `Cluster health:          ${o.clusterHealth ?? '3/3 reachable   (2025-06-02T10:14:58Z)'}`,
    'Name                     IP              Node   Endpoints',
    'Modules Health:          Stopped(0) Degraded(0) OK(61)',
    '',
  ];
  return lines.join(o.crlf ? '\r\n' : '\n');
}
