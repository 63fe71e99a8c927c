// WireGuard peers in a few bytes each: `cilium-dbg debuginfo --output jsonpath=…` prints one line per
// peer (endpoint, last handshake, allowed IPs) instead of the whole debuginfo (endpoints, policy,
// services and every peer's key and counters). Cilium runs the query with client-go's jsonpath over
// its Go structs: the handshake is a strfmt.DateTime, printed as JSON ("2025-04-24T11:13:49.102Z",
// quotes included); a list selected with [*] prints its items space-separated. debuginfo's --output
// is a list flag read as CSV, so the query holds no comma and no double quote. No line at all (no
// WireGuard, no peer yet) or a line not of that shape gives undefined: the caller reads the full
// JSON instead, which names the reason.
import type { PeerLinks } from './judge-peers.js';
import { everyLine } from './lines.js';
import { handshakeMs } from './wireguard-peers.js';

export const PEERS_JSONPATH =
  "{range .encryption.wireguard.interfaces[*]}{range .peers[*]}{.endpoint}{'\\t'}{.last-handshake-time}{'\\t'}{.allowed-ips[*]}{'\\n'}{end}{end}";

const ENDPOINT = /^\S+:\d+$/;
// quoted as Go prints a strfmt.DateTime; bare is read too
const TIME = /^"?(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d))"?$/;

/** The peers when every line is one; otherwise undefined. */
export function peersFromLines(text: string): PeerLinks | undefined {
  const peers: PeerLinks['interfaces'][number]['peers'] = [];
  const understood = everyLine(text, (at, end) => {
    const t1 = text.indexOf('\t', at);
    const t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
    if (t1 < 0 || t2 < 0 || t2 >= end) return false;
    const t3 = text.indexOf('\t', t2 + 1);
    if (t3 >= 0 && t3 < end) return false;
    const endpoint = text.slice(at, t1);
    const time = TIME.exec(text.slice(t1 + 1, t2))?.[1];
    if (!ENDPOINT.test(endpoint) || time === undefined) return false;
    const peer: (typeof peers)[number] = { endpoint, allowedIps: t2 + 1 < end ? text.slice(t2 + 1, end).split(' ') : [] };
    const t = handshakeMs(time);
    if (t !== undefined) peer.lastHandshakeMs = t;
    peers.push(peer);
    return true;
  });
  return understood && peers.length > 0 ? { interfaces: [{ peers }] } : undefined;
}
