// WireGuard peers in a few bytes each: `cilium-dbg debuginfo --output jsonpath=…` prints one line per
// peer (endpoint, last handshake, allowed IPs) instead of the whole debuginfo (endpoints, policy,
// services and every peer's key and counters). Cilium runs the query with client-go's jsonpath over
// its Go structs: the handshake is a strfmt.DateTime, printed as JSON ("2025-04-24T11:13:49.102Z",
// quotes included); a list selected with [*] prints its items space-separated. debuginfo's --output
// is a list flag read as CSV, so the query holds no comma and no double quote. No line at all (no
// WireGuard, no peer yet) or a line not of that shape gives undefined: the caller reads the full
// JSON instead, which names the reason.
import type { PeerLinks } from './judge-peers.js';
import { handshakeMs } from './wireguard-peers.js';

export const PEERS_JSONPATH =
  "{range .encryption.wireguard.interfaces[*]}{range .peers[*]}{.endpoint}{'\\t'}{.last-handshake-time}{'\\t'}{.allowed-ips[*]}{'\\n'}{end}{end}";

const ENDPOINT = /^\S+:\d+$/;
// quoted as Go prints a strfmt.DateTime; bare is read too
const TIME = /^"?(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d))"?$/;

/** The peers when every line is one; otherwise undefined. */
export function peersFromLines(text: string): PeerLinks | undefined {
  const peers: PeerLinks['interfaces'][number]['peers'] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const f = line.split('\t');
    if (f.length !== 3 || !ENDPOINT.test(f[0]!)) return undefined;
    const time = TIME.exec(f[1]!)?.[1];
    if (time === undefined) return undefined;
    const peer: (typeof peers)[number] = { endpoint: f[0]!, allowedIps: f[2]!.split(' ').filter(Boolean) };
    const t = handshakeMs(time);
    if (t !== undefined) peer.lastHandshakeMs = t;
    peers.push(peer);
  }
  return peers.length > 0 ? { interfaces: [{ peers }] } : undefined;
}
