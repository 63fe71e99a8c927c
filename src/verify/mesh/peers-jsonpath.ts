// WireGuard peers in a few bytes each: `cilium-dbg debuginfo --output jsonpath=…` prints one line per
// peer (endpoint, last handshake, allowed IPs) instead of the whole debuginfo (endpoints, policy,
// services and every peer's key and counters). Cilium runs the query with client-go's jsonpath over
// its Go structs: the handshake is a strfmt.DateTime, printed as JSON ("2025-04-24T11:13:49.102Z",
// quotes included); a list selected with [*] prints its items space-separated. debuginfo's --output
// is a list flag read as CSV, so the query holds no comma and no double quote. No line at all (no
// WireGuard, no peer yet) or a line not of that shape gives undefined: the caller reads the full
// JSON instead, which names the reason.
import type { PeerLinks } from './judge-peers.js';
import { everyLine, portColon } from './lines.js';
import { utcMillis } from './utc-time.js';
import { handshakeMs } from './wireguard-peers.js';

export const PEERS_JSONPATH =
  "{range .encryption.wireguard.interfaces[*]}{range .peers[*]}{.endpoint}{'\\t'}{.last-handshake-time}{'\\t'}{.allowed-ips[*]}{'\\n'}{end}{end}";

// quoted as Go prints a strfmt.DateTime; bare is read too
const TIME = /^"?(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d))"?$/;

const TAB = 9;
const SPACE = 32;

/**
 * The peers when every line is one; otherwise undefined. Scanned by hand: a fleet's agents print n²
 * lines in all.
 */
export function peersFromLines(text: string): PeerLinks | undefined {
  const peers: PeerLinks['interfaces'][number]['peers'] = [];
  const understood = everyLine(text, (at, end) => {
    // endpoint \t handshake \t allowed IPs (space-separated, no tab)
    const t1 = text.indexOf('\t', at);
    if (t1 < 0 || t1 >= end || !isEndpoint(text, at, t1)) return false;
    const t2 = text.indexOf('\t', t1 + 1);
    if (t2 < 0 || t2 >= end) return false;
    const time = handshakeAt(text, t1 + 1, t2);
    if (time === null) return false;
    // as split(' '), an empty field giving no IP
    const allowedIps: string[] = [];
    if (t2 + 1 < end)
      for (let from = t2 + 1, i = from; i <= end; i++) {
        const c = i < end ? text.charCodeAt(i) : SPACE;
        if (c === TAB) return false;
        if (c !== SPACE) continue;
        allowedIps.push(text.slice(from, i));
        from = i + 1;
      }
    const peer: (typeof peers)[number] = { endpoint: text.slice(at, t1), allowedIps };
    if (time !== undefined) peer.lastHandshakeMs = time;
    peers.push(peer);
    return true;
  });
  return understood && peers.length > 0 ? { interfaces: [{ peers }] } : undefined;
}

/** text[from, to) is `host:port` with no white space (as /^\S+:\d+$/) */
function isEndpoint(text: string, from: number, to: number): boolean {
  const colon = portColon(text, from, to);
  if (colon <= from) return false;
  for (let j = from; j < colon; j++) if (isSpace(text.charCodeAt(j))) return false;
  return true;
}

/** JavaScript's \s */
const isSpace = (c: number): boolean =>
  c === SPACE ||
  (c >= 9 && c <= 13) ||
  (c > 127 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff));

/** The handshake in text[from, to): epoch ms, undefined for none (Go's zero time), null when it is not a time */
function handshakeAt(text: string, from: number, to: number): number | undefined | null {
  const fast = utcMillis(text, from, to);
  if (fast !== undefined) return fast;
  const time = TIME.exec(text.slice(from, to))?.[1];
  return time === undefined ? null : handshakeMs(time);
}
