// The pure parts of profile bgp: input parsing, the node-status judgement, the resource comparison,
// the learned-routes judgement and Azure's limits.
import { describe, expect, it } from 'vitest';
import { compareBgpObjects } from '../../src/bgp/compare.js';
import { parseBgpInputs, type BgpConfig } from '../../src/bgp/inputs.js';
import { judgeBgp } from '../../src/bgp/judge.js';
import { judgeLearnedRoutes, routesOf } from '../../src/bgp/learned-routes.js';
import { bgpObjects } from '../../src/bgp/resources.js';
import { limitWarnings } from '../../src/steps/bgp-check.js';
import { needsBgpPhaseOne } from '../../src/steps/bgp-apply.js';
import { bgpPhaseOneValues } from '../../src/steps/bgp-phase.js';

function parse(inputs: Record<string, string>, profile: 'bgp' | 'wireguard' = 'bgp') {
  const problems: string[] = [];
  const cfg = parseBgpInputs(
    profile,
    (n) => inputs[n] ?? '',
    (input, problem, fix) => {
      problems.push(`${input}: ${problem}. Fix: ${fix}`);
      return undefined;
    },
  );
  return { cfg, problems };
}

const BGP: BgpConfig = {
  localAsn: 65001,
  peers: [
    { address: '10.0.0.4', asn: 65515 },
    { address: '10.0.0.5', asn: 65515 },
  ],
  routeServer: undefined,
};

describe('BGP inputs', () => {
  it('reads the ASN, the peers and the Route Server id', () => {
    const { cfg, problems } = parse({
      'bgp-local-asn': '65001',
      'bgp-peers': '- {address: 10.0.0.4, asn: 65515}\n- address: fd00::5\n  asn: "65515"',
      'azure-route-server':
        '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-1/providers/Microsoft.Network/virtualHubs/rs',
    });
    expect(problems).toEqual([]);
    expect(cfg).toEqual({
      localAsn: 65001,
      peers: [
        { address: '10.0.0.4', asn: 65515 },
        { address: 'fd00::5', asn: 65515 },
      ],
      routeServer: { id: expect.any(String), subscription: '00000000-1111-2222-3333-444444444444', resourceGroup: 'rg-1', name: 'rs' },
    });
  });

  it.each([
    [
      { 'bgp-local-asn': '65515', 'bgp-peers': '[{address: 10.0.0.4, asn: 65515}]' },
      /bgp-local-asn: 65515 is reserved by Azure \(it is Route Server's own ASN\)/,
    ],
    [{ 'bgp-local-asn': '65517', 'bgp-peers': '[{address: 10.0.0.4, asn: 65515}]' }, /bgp-local-asn: 65517 is reserved by Azure/],
    [{ 'bgp-local-asn': '12076', 'bgp-peers': '[{address: 10.0.0.4, asn: 65515}]' }, /bgp-local-asn: 12076 is reserved by Azure/],
    [{ 'bgp-local-asn': '4294967296', 'bgp-peers': '[{address: 10.0.0.4, asn: 65515}]' }, /is not an AS number/],
    [{ 'bgp-peers': '[{address: 10.0.0.4, asn: 65515}]' }, /bgp-local-asn: is empty/],
    [{ 'bgp-local-asn': '65001' }, /bgp-peers: is empty/],
    [
      { 'bgp-local-asn': '65001', 'bgp-peers': '[{address: rs.example.com, asn: 65515}]' },
      /entry 1: "rs.example.com" is not an IP address/,
    ],
    [{ 'bgp-local-asn': '65001', 'bgp-peers': '[{address: 10.0.0.0/24, asn: 65515}]' }, /"10.0.0.0\/24" is not an IP address/],
    [{ 'bgp-local-asn': '65001', 'bgp-peers': '[{address: 10.0.0.4}]' }, /entry 1 \(10.0.0.4\): asn is not an AS number/],
    [
      { 'bgp-local-asn': '65001', 'bgp-peers': '[{address: 10.0.0.4, asn: 65515}, {address: 10.0.0.4, asn: 65515}]' },
      /10.0.0.4 is listed twice/,
    ],
    [{ 'bgp-local-asn': '65001', 'bgp-peers': 'address: 10.0.0.4' }, /is not a YAML list of peers/],
    [{ 'bgp-local-asn': '65001', 'bgp-peers': '[{address: 10.0.0.4' }, /is not valid YAML/],
    [
      { 'bgp-local-asn': '65001', 'bgp-peers': '[{address: 10.0.0.4, asn: 65515}]', 'azure-route-server': 'rs-prod' },
      /azure-route-server: "rs-prod" is not a Route Server resource id/,
    ],
  ])('refuses %j', (inputs, pattern) => {
    const { cfg, problems } = parse(inputs);
    expect(cfg).toBeUndefined();
    expect(problems.join('\n')).toMatch(pattern);
  });

  it('refuses more than 8 peers for Route Server and points to a route reflector', () => {
    const peers = `[${Array.from({ length: 9 }, (_, i) => `{address: 10.0.0.${i + 4}, asn: 65515}`).join(', ')}]`;
    const { problems } = parse({ 'bgp-local-asn': '65001', 'bgp-peers': peers });
    expect(problems).toEqual([
      expect.stringMatching(/lists 9 peers; Azure Route Server peers with at most 8 BGP neighbours. Fix: .*route reflector/),
    ]);
  });

  it('refuses BGP inputs with profile wireguard', () => {
    const { cfg, problems } = parse({ 'bgp-local-asn': '65001' }, 'wireguard');
    expect(cfg).toBeUndefined();
    expect(problems).toEqual([
      'bgp-local-asn: is set, but profile is wireguard, which uses no BGP. Fix: set profile: bgp, or remove the BGP inputs',
    ]);
  });
});

const status = (node: string, peers: Array<[string, string, number?]>) => ({
  metadata: { name: node },
  status: {
    bgpInstances: [
      {
        name: 'instance-65001',
        localASN: 65001,
        peers: peers.map(([peerAddress, peeringState, routesAdvertised]) => ({
          name: peerAddress,
          peerAddress,
          peeringState,
          routesAdvertised,
        })),
      },
    ],
  },
});

describe('judgeBgp', () => {
  it('passes when every node has every session established and advertises', () => {
    const j = judgeBgp(
      [
        status('a', [
          ['10.0.0.4', 'established', 1],
          ['10.0.0.5', 'established', 1],
        ]),
        status('b', [
          ['10.0.0.4', 'established', 1],
          ['10.0.0.5', 'established', 1],
        ]),
      ],
      ['b', 'a'],
      BGP,
    );
    expect(j).toMatchObject({ ok: true, established: 4, expected: 4 });
    expect(j.rows.map((r) => r.node)).toEqual(['a', 'b']);
  });

  it('names a session down, a node not advertising, a node without status and a node without config', () => {
    const j = judgeBgp(
      [
        status('a', [
          ['10.0.0.4', 'established', 1],
          ['10.0.0.5', 'idle'],
        ]),
        status('b', [
          ['10.0.0.4', 'established', 0],
          ['10.0.0.5', 'established', 0],
        ]),
        { metadata: { name: 'c' } },
      ],
      ['a', 'b', 'c', 'd'],
      BGP,
    );
    expect(j.ok).toBe(false);
    expect(j.established).toBe(3);
    expect(j.expected).toBe(8);
    expect(j.rows.find((r) => r.node === 'a')!.problems).toEqual(['peer 10.0.0.5: session idle']);
    expect(j.rows.find((r) => r.node === 'b')!.problems[0]).toMatch(/established but the node advertises no route/);
    expect(j.rows.find((r) => r.node === 'c')!.problems).toEqual(['its agent has written no BGP status yet']);
    expect(j.rows.find((r) => r.node === 'd')!.problems[0]).toMatch(/^no CiliumBGPNodeConfig/);
    expect(j.reason).toMatch(/^4 of 4 nodes fail, 3\/8 sessions established \(a: .* \| and 1 more\)$/);
  });

  it('a peer missing from the status is named', () => {
    const j = judgeBgp([status('a', [['10.0.0.4', 'established', 1]])], ['a'], BGP);
    expect(j.rows[0]!.problems).toEqual(['peer 10.0.0.5: no session']);
  });
});

describe('compareBgpObjects', () => {
  const desired = bgpObjects(BGP);
  const live = (mutate: (o: Record<string, any>) => void = () => undefined) =>
    new Map(
      desired.map((o) => {
        const copy = structuredClone(o) as Record<string, any>;
        if (o.kind === 'CiliumBGPPeerConfig') mutate(copy);
        return [o.kind, copy];
      }),
    );

  it('finds nothing when the live objects match, whatever the key order', () => {
    const reordered = live((o) => (o.spec = Object.fromEntries(Object.entries(o.spec).reverse())));
    expect(compareBgpObjects(desired, reordered)).toEqual([]);
  });

  it('names changed, added and missing keys and missing objects', () => {
    const m = live((o) => {
      o.spec.ebgpMultihop = 1;
      o.spec.authSecretRef = 'bgp-auth';
      delete o.spec.gracefulRestart;
    });
    m.set('CiliumBGPAdvertisement', undefined as never);
    const d = compareBgpObjects(desired, m);
    expect(d).toEqual(
      expect.arrayContaining([
        { key: 'CiliumBGPPeerConfig/cilium-native-routing spec.ebgpMultihop', expected: '2', actual: '1' },
        { key: 'CiliumBGPPeerConfig/cilium-native-routing spec.gracefulRestart.enabled', expected: 'true', actual: '(unset)' },
        { key: 'CiliumBGPPeerConfig/cilium-native-routing spec.authSecretRef', expected: '(unset)', actual: 'bgp-auth' },
        { key: 'CiliumBGPAdvertisement/cilium-native-routing', expected: 'present', actual: '(missing)' },
      ]),
    );
  });
});

describe('learned routes', () => {
  const nodes = [
    { node: 'a', ip: '10.224.0.4', podCidrs: ['100.64.0.0/24'] },
    { node: 'b', ip: '10.224.0.5', podCidrs: ['100.64.1.0/24'] },
  ];
  it('reads both Route Server instances and requires each pod CIDR with its node as next hop', () => {
    const routes = routesOf({
      RouteServiceRole_IN_0: [{ network: '100.64.0.0/24', nextHop: '10.224.0.4' }],
      RouteServiceRole_IN_1: [{ network: '100.64.1.0/24', nextHop: '10.224.0.5' }],
    });
    expect(judgeLearnedRoutes(nodes, routes, 'rs')).toMatchObject({ ok: true, missing: [] });
    const wrong = routesOf({ RouteServiceRole_IN_0: [{ network: '100.64.1.0/24', nextHop: '10.224.0.4' }] });
    expect(judgeLearnedRoutes(nodes, wrong, 'rs')).toMatchObject({
      ok: false,
      missing: ['a (100.64.0.0/24 not learned)', 'b (100.64.1.0/24 learned via 10.224.0.4, not 10.224.0.5)'],
    });
    expect(routesOf('nonsense')).toEqual([]);
  });
});

describe('Azure limits and phase 1', () => {
  it('warns when more than 8 nodes peer with Route Server directly, and near 1,000 routes', () => {
    expect(limitWarnings(8, BGP)).toEqual([]);
    expect(limitWarnings(9, BGP)[0]).toMatch(/9 nodes peer with Route Server directly, but it accepts at most 8 BGP peers/);
    const reflector: BgpConfig = { ...BGP, peers: [{ address: '10.0.9.9', asn: 65010 }] };
    expect(limitWarnings(9, reflector)).toEqual([]);
    expect(limitWarnings(950, reflector)).toEqual([
      expect.stringMatching(/950 pod CIDRs are advertised; Route Server drops a peering that advertises more than 1000 routes/),
    ]);
  });

  it('phase 1 turns BGP on and leaves routing, tunnel and encryption as they are', () => {
    const live = { aksbyocni: { enabled: true }, routingMode: 'tunnel', encryption: { enabled: false } };
    expect(bgpPhaseOneValues(live)).toEqual({ ...live, bgpControlPlane: { enabled: true } });
    expect(live).not.toHaveProperty('bgpControlPlane');
  });

  it('phase 1 runs unless BGP already runs natively', () => {
    expect(needsBgpPhaseOne({ 'routing-mode': 'tunnel' })).toBe(true);
    expect(needsBgpPhaseOne({ 'routing-mode': 'native', 'enable-wireguard': 'true' })).toBe(true);
    expect(needsBgpPhaseOne({ 'routing-mode': 'native', 'enable-bgp-control-plane': 'true' })).toBe(false);
    expect(needsBgpPhaseOne(undefined)).toBe(true);
  });
});
