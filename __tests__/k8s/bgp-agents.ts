// Cilium's BGP control plane, simulated on the test cluster: the BGP CRDs (cilium.io/v2) registered
// as the operator registers them, and for every node whose agent runs with
// enable-bgp-control-plane=true, the CiliumBGPNodeConfig the operator derives from the
// CiliumBGPClusterConfig, with the status its agent writes (sessions, routes advertised).
// Faults say which sessions are down, which nodes advertise nothing and which write no status.
import type { TestCluster } from './cluster.js';
import { crdFor, type ResourceType } from './resources.js';
import type { Obj } from './types.js';

const BGP_KINDS: Array<[string, string, string]> = [
  ['CiliumBGPClusterConfig', 'ciliumbgpclusterconfigs', 'cbgpcluster'],
  ['CiliumBGPPeerConfig', 'ciliumbgppeerconfigs', 'cbgppeer'],
  ['CiliumBGPAdvertisement', 'ciliumbgpadvertisements', 'cbgpadvert'],
  ['CiliumBGPNodeConfig', 'ciliumbgpnodeconfigs', 'cbgpnode'],
  ['CiliumBGPNodeConfigOverride', 'ciliumbgpnodeconfigoverrides', 'cbgpnodeoverride'],
];

export interface BgpFaults {
  /** node → peer addresses whose session stays down (state `active`) */
  peerDown?: Record<string, string[]>;
  /** nodes whose sessions are up but advertise no route */
  notAdvertising?: string[];
  /** nodes whose agent writes no BGP status */
  silent?: string[];
}

export interface BgpAgents {
  faults: BgpFaults;
  stop(): void;
}

/** Registers the BGP CRDs (unless registered) and runs the simulated operator and agents until stop(). */
export function simulateBgpAgents(c: TestCluster, faults: BgpFaults = {}, registerCrds = true): BgpAgents {
  if (registerCrds) registerBgpCrds(c);
  const state: BgpAgents = { faults, stop: () => clearInterval(timer) };
  const timer = setInterval(() => tick(c, state.faults), 50);
  return state;
}

function registerBgpCrds(c: TestCluster): void {
  for (const [kind, plural, short] of BGP_KINDS) {
    const t: ResourceType = {
      group: 'cilium.io',
      version: 'v2',
      kind,
      plural,
      singular: kind.toLowerCase(),
      namespaced: false,
      shortNames: [short],
      categories: ['cilium', 'ciliumbgp'],
      subresources: ['status'],
      custom: true,
    };
    if (!c.api.registry.byResource('cilium.io', 'v2', plural)) c.api.create(c.api.crdType(), crdFor(t), undefined);
  }
}

function tick(c: TestCluster, faults: BgpFaults): void {
  const cluster = c.listObjects('cilium.io/v2', 'CiliumBGPClusterConfig')[0];
  const rt = c.api.typeFor('cilium.io/v2', 'CiliumBGPNodeConfig');
  for (const agent of c.agents()) {
    const existing = c.api.store.get(rt, undefined, agent.node);
    const enabled = agent.config['enable-bgp-control-plane'] === 'true' && agent.ready;
    if (!cluster || !enabled) continue;
    const instances = ((cluster.spec?.bgpInstances ?? []) as Obj[]).map((i) => ({
      name: i.name,
      localASN: i.localASN,
      peers: i.peers ?? [],
    }));
    const spec = {
      bgpInstances: instances.map((i) => ({
        name: i.name,
        localASN: i.localASN,
        peers: i.peers.map((p: Obj) => ({ name: p.name, peerAddress: p.peerAddress, peerASN: p.peerASN, peerConfigRef: p.peerConfigRef })),
      })),
    };
    const status = faults.silent?.includes(agent.node)
      ? undefined
      : {
          bgpInstances: instances.map((i) => ({
            name: i.name,
            localASN: i.localASN,
            peers: i.peers.map((p: Obj) => {
              const up = !faults.peerDown?.[agent.node]?.includes(p.peerAddress);
              return {
                name: p.name,
                peerAddress: p.peerAddress,
                peerASN: p.peerASN,
                peeringState: up ? 'established' : 'active',
                ...(up
                  ? {
                      routesAdvertised: faults.notAdvertising?.includes(agent.node) ? 0 : 1,
                      routesReceived: 0,
                      timers: { appliedHoldTimeSeconds: 180, appliedKeepaliveSeconds: 60 },
                    }
                  : {}),
              };
            }),
          })),
        };
    const body: Obj = {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumBGPNodeConfig',
      metadata: { name: agent.node },
      spec,
      ...(status ? { status } : {}),
    };
    if (!existing) c.api.create(rt, body, undefined);
    else if (JSON.stringify([existing.spec, existing.status]) !== JSON.stringify([body.spec, body.status])) {
      c.api.store.update(rt, { ...existing, spec: body.spec, status: body.status });
    }
  }
}
