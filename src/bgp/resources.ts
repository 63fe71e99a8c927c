// The BGP resources of profile bgp, rendered from the inputs (cilium.io/v2: v2alpha1 is deprecated,
// CiliumBGPPeeringPolicy is gone in 1.19). Pure: apply, preview and drift all use these objects.
import { stringify } from 'yaml';
import { ROUTE_SERVER_ASN, type BgpConfig } from './inputs.js';

const BGP_API_VERSION = 'cilium.io/v2';
/** one name for the three objects (they are of different kinds, all cluster-scoped) */
const BGP_OBJECT_NAME = 'cilium-native-routing';
export const FIELD_MANAGER = 'cilium-native-routing-action';
const MANAGED_BY = { 'app.kubernetes.io/managed-by': FIELD_MANAGER };
/** links the peer config's address family to the advertisement */
const ADVERTISE_LABEL = { 'cilium-native-routing-action/advertise': 'pod-cidr' };

export interface BgpObject {
  apiVersion: string;
  kind: 'CiliumBGPClusterConfig' | 'CiliumBGPPeerConfig' | 'CiliumBGPAdvertisement';
  metadata: { name: string; labels: Record<string, string> };
  spec: Record<string, unknown>;
}

/** kubectl's resource name for each kind (group-qualified, so no other API group can shadow it) */
export const RESOURCE_OF: Record<BgpObject['kind'], string> = {
  CiliumBGPClusterConfig: 'ciliumbgpclusterconfigs.cilium.io',
  CiliumBGPPeerConfig: 'ciliumbgppeerconfigs.cilium.io',
  CiliumBGPAdvertisement: 'ciliumbgpadvertisements.cilium.io',
};

const peerName = (address: string): string => `peer-${address.replace(/[.:]/g, '-')}`;

export function bgpObjects(bgp: BgpConfig): BgpObject[] {
  const meta = (labels: Record<string, string> = {}) => ({ name: BGP_OBJECT_NAME, labels: { ...MANAGED_BY, ...labels } });
  return [
    {
      apiVersion: BGP_API_VERSION,
      kind: 'CiliumBGPClusterConfig',
      metadata: meta(),
      spec: {
        nodeSelector: { matchLabels: { 'kubernetes.io/os': 'linux' } },
        bgpInstances: [
          {
            name: `instance-${bgp.localAsn}`,
            localASN: bgp.localAsn,
            peers: bgp.peers.map((p) => ({
              name: peerName(p.address),
              peerASN: p.asn,
              peerAddress: p.address,
              peerConfigRef: { name: BGP_OBJECT_NAME },
            })),
          },
        ],
      },
    },
    {
      apiVersion: BGP_API_VERSION,
      kind: 'CiliumBGPPeerConfig',
      metadata: meta(),
      spec: {
        // Route Server sits in its own subnet, one routed hop or more away from the nodes.
        ebgpMultihop: 2,
        // Route Server keeps 60 s keepalive / 180 s hold; matching them avoids a renegotiation.
        timers: { connectRetryTimeSeconds: 12, holdTimeSeconds: 180, keepAliveTimeSeconds: 60 },
        // an agent restart (upgrade, cutover) must not withdraw the node's routes
        gracefulRestart: { enabled: true, restartTimeSeconds: 120 },
        families: [{ afi: 'ipv4', safi: 'unicast', advertisements: { matchLabels: ADVERTISE_LABEL } }],
      },
    },
    {
      apiVersion: BGP_API_VERSION,
      kind: 'CiliumBGPAdvertisement',
      metadata: meta(ADVERTISE_LABEL),
      spec: { advertisements: [{ advertisementType: 'PodCIDR' }] },
    },
  ];
}

/** The objects as one multi-document YAML (kubectl apply -f, the summary). */
export function bgpManifest(objects: readonly BgpObject[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}

/** Peers at Route Server's ASN: the nodes peer with Route Server directly. */
export const peersWithRouteServer = (bgp: BgpConfig): boolean => bgp.peers.some((p) => p.asn === ROUTE_SERVER_ASN);
