// The native-routing BGP recipe (profile: bgp): no tunnel and no WireGuard requirement. Cilium's BGP
// control plane advertises each node's pod CIDR, Azure Route Server learns it, the VNet routes it.
import type { EnforcedKey } from '../values/enforced.js';

export function bgpEnforcedKeys(cidr: string, aksbyocniWhy: string): EnforcedKey[] {
  return [
    { path: ['aksbyocni', 'enabled'], value: false, why: aksbyocniWhy },
    { path: ['routingMode'], value: 'native', why: 'pod traffic between nodes leaves the node unencapsulated and the VNet routes it' },
    { path: ['ipv4NativeRoutingCIDR'], value: cidr, why: 'traffic to this range (the pod CIDRs) is routed natively and not masqueraded' },
    {
      path: ['autoDirectNodeRoutes'],
      value: false,
      why: 'AKS nodes do not share one L2 segment; the routes to the pod CIDRs come from Azure Route Server, learned over BGP',
    },
    {
      path: ['bgpControlPlane', 'enabled'],
      value: true,
      why: "the BGP control plane advertises each node's pod CIDR to Azure Route Server",
    },
  ];
}

/** What must hold in the rendered cilium-config for native routing over BGP. */
export function bgpRequiredConfig(cidr: string): Record<string, string> {
  return {
    'routing-mode': 'native',
    'auto-direct-node-routes': 'false',
    'ipv4-native-routing-cidr': cidr,
    'enable-bgp-control-plane': 'true',
  };
}
