// profile / bgp-local-asn / bgp-peers / azure-route-server → one validated BgpConfig. Pure; the
// problems go through the caller's `bad` so they are reported with every other input problem.
import type { Bad } from '../errors.js';
import { isIPv4, isIPv6 } from 'node:net';
import { parse } from 'yaml';

const PROFILES = ['wireguard', 'bgp'] as const;
export type Profile = (typeof PROFILES)[number];

/** Azure Route Server's own ASN: every Route Server instance speaks it. */
export const ROUTE_SERVER_ASN = 65515;
/** Route Server peers with at most this many BGP neighbours (Azure limit). */
export const ROUTE_SERVER_MAX_PEERS = 8;
/** Route Server drops a peering that advertises more than this many routes (Azure limit). */
export const ROUTE_SERVER_MAX_ROUTES = 1000;
// ASNs Azure keeps for itself (Route Server, VPN/ExpressRoute gateways, Microsoft's public ASNs),
// plus 0 and AS_TRANS, which no BGP speaker may use as its own.
const AZURE_RESERVED = new Set([0, 8074, 8075, 12076, 23456, 65515, 65516, 65517, 65518, 65519, 65520]);
const MAX_ASN = 4294967295;

interface BgpPeer {
  address: string;
  asn: number;
}

export interface AzureRouteServer {
  id: string;
  subscription: string;
  resourceGroup: string;
  name: string;
}

export interface BgpConfig {
  localAsn: number;
  peers: BgpPeer[];
  routeServer: AzureRouteServer | undefined;
}

const printable = (s: string): string => JSON.stringify(s).slice(1, -1);

// /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Network/virtualHubs/<name>:
// a Route Server is a virtual hub resource. Names are kept to Azure's own character sets.
const ROUTE_SERVER_RE =
  /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([-\w.()]{1,90})\/providers\/Microsoft\.Network\/virtualHubs\/([A-Za-z0-9][-\w.]{0,79})$/;

/** value is the input with action.yml's default already filled in (config/reader.ts). */
export function parseProfile(value: string, bad: Bad): Profile | undefined {
  if ((PROFILES as readonly string[]).includes(value)) return value as Profile;
  return bad('profile', `"${printable(value)}" is not a profile`, `use ${PROFILES.join(' or ')}`);
}

/** undefined for profile wireguard (and then none of the BGP inputs may be set). */
export function parseBgpInputs(profile: Profile | undefined, read: (name: string) => string, bad: Bad): BgpConfig | undefined {
  const asnInput = read('bgp-local-asn').trim();
  const peersInput = read('bgp-peers');
  const rsInput = read('azure-route-server').trim();
  if (profile !== 'bgp') {
    if (profile === 'wireguard') {
      for (const [name, v] of [
        ['bgp-local-asn', asnInput],
        ['bgp-peers', peersInput.trim()],
        ['azure-route-server', rsInput],
      ] as const) {
        if (v) bad(name, 'is set, but profile is wireguard, which uses no BGP', 'set profile: bgp, or remove the BGP inputs');
      }
    }
    return undefined;
  }
  const localAsn = parseLocalAsn(asnInput, bad);
  const peers = parsePeers(peersInput, bad);
  const routeServer = rsInput ? parseRouteServer(rsInput, bad) : undefined;
  if (localAsn === undefined || peers === undefined || (rsInput && !routeServer)) return undefined;
  return { localAsn, peers, routeServer };
}

function asnProblem(v: unknown): string | undefined {
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) v = Number(v.trim());
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_ASN)
    return 'is not an AS number (a whole number from 1 to 4294967295)';
  return undefined;
}

function parseLocalAsn(value: string, bad: Bad): number | undefined {
  if (!value)
    return bad(
      'bgp-local-asn',
      "is empty, but profile bgp needs the cluster's own AS number",
      'set bgp-local-asn to a private ASN such as 65001',
    );
  const problem = asnProblem(value);
  if (problem) return bad('bgp-local-asn', `"${printable(value)}" ${problem}`, 'use a private ASN such as 65001 (64512-65514)');
  const asn = Number(value);
  if (AZURE_RESERVED.has(asn)) {
    return bad(
      'bgp-local-asn',
      `${asn} is reserved by Azure${asn === ROUTE_SERVER_ASN ? " (it is Route Server's own ASN)" : ''}, so Route Server refuses the peering`,
      'use a private ASN that Azure does not reserve, e.g. 65001 (not 65515-65520, 8074, 8075, 12076)',
    );
  }
  return asn;
}

function parsePeers(text: string, bad: Bad): BgpPeer[] | undefined {
  const example = 'list Route Server\'s two instance IPs, e.g. "[{address: 10.1.2.4, asn: 65515}, {address: 10.1.2.5, asn: 65515}]"';
  if (!text.trim()) return bad('bgp-peers', 'is empty, but profile bgp needs at least one BGP peer', example);
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return bad('bgp-peers', `is not valid YAML (${(e as Error).message.split('\n')[0]})`, example);
  }
  if (!Array.isArray(doc) || doc.length === 0) return bad('bgp-peers', 'is not a YAML list of peers', example);
  const peers: BgpPeer[] = [];
  let ok = true;
  doc.forEach((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const address = typeof e.address === 'string' ? e.address.trim() : '';
    if (typeof entry !== 'object' || Array.isArray(entry)) {
      ok = !!bad('bgp-peers', `entry ${i + 1} is not a map with address and asn`, example);
    } else if (!isIPv4(address) && !isIPv6(address)) {
      ok = !!bad(
        'bgp-peers',
        `entry ${i + 1}: "${printable(String(e.address ?? ''))}" is not an IP address`,
        "give each peer's IP address (Route Server instance IPs are shown on its overview page), not a name or CIDR",
      );
    } else if (asnProblem(e.asn)) {
      ok = !!bad(
        'bgp-peers',
        `entry ${i + 1} (${address}): asn ${asnProblem(e.asn)}`,
        `use ${ROUTE_SERVER_ASN} for Route Server, or the route reflector's ASN`,
      );
    } else if (peers.some((p) => p.address === address)) {
      ok = !!bad('bgp-peers', `${address} is listed twice`, 'list each peer once');
    } else {
      peers.push({ address, asn: Number(e.asn) });
    }
  });
  if (ok && peers.length > ROUTE_SERVER_MAX_PEERS) {
    return bad(
      'bgp-peers',
      `lists ${peers.length} peers; Azure Route Server peers with at most ${ROUTE_SERVER_MAX_PEERS} BGP neighbours`,
      "peer with Route Server's two instance IPs, and for more nodes than that peer the nodes with a route reflector and list only the reflector",
    );
  }
  return ok ? peers : undefined;
}

function parseRouteServer(value: string, bad: Bad): AzureRouteServer | undefined {
  const m = ROUTE_SERVER_RE.exec(value);
  if (!m) {
    return bad(
      'azure-route-server',
      `"${printable(value)}" is not a Route Server resource id`,
      'give the id as az network routeserver show --query id prints it: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualHubs/<name>',
    );
  }
  return { id: value, subscription: m[1]!, resourceGroup: m[2]!, name: m[3]! };
}
