// WireGuard peers from `cilium-dbg debuginfo -o json`: encryption.wireguard.interfaces[].peers[]
// (public-key, endpoint, allowed-ips, last-handshake-time, transfer-rx/tx). The same object is what
// `… | jq .encryption` prints, so both the whole debuginfo and its encryption part are accepted.
interface WireguardPeer {
  publicKey: string;
  /** host:port */
  endpoint: string;
  allowedIps: string[];
  /** epoch ms; undefined when there was never a handshake (Go's zero time) */
  lastHandshakeMs?: number;
  rxBytes?: number;
  txBytes?: number;
}

interface WireguardInterfacePeers {
  name: string;
  port?: number;
  peers: WireguardPeer[];
}

export interface WireguardDebug {
  /** Enabled, Disabled or OptedOut, as the agent prints it */
  nodeEncryption?: string;
  interfaces: WireguardInterfacePeers[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Throws when the text carries no WireGuard section. */
export function parseWireguardDebug(text: string): WireguardDebug {
  const value: unknown = JSON.parse(text);
  if (!isObj(value)) throw new Error('debuginfo JSON is not an object');
  const enc = isObj(value.encryption) ? value.encryption : value;
  const wg = isObj(enc.wireguard) ? enc.wireguard : undefined;
  if (!wg) throw new Error('the debuginfo has no encryption.wireguard section (WireGuard is not enabled on this agent)');
  const out: WireguardDebug = { interfaces: [] };
  if (str(wg['node-encryption'])) out.nodeEncryption = str(wg['node-encryption']);
  for (const i of Array.isArray(wg.interfaces) ? wg.interfaces : []) {
    if (!isObj(i)) continue;
    const iface: WireguardInterfacePeers = { name: str(i.name) ?? '?', peers: [] };
    if (num(i['listen-port']) !== undefined) iface.port = num(i['listen-port']);
    for (const p of Array.isArray(i.peers) ? i.peers : []) if (isObj(p)) iface.peers.push(peerOf(p));
    out.interfaces.push(iface);
  }
  return out;
}

function peerOf(p: Obj): WireguardPeer {
  const peer: WireguardPeer = {
    publicKey: str(p['public-key']) ?? '',
    endpoint: str(p.endpoint) ?? '',
    allowedIps: Array.isArray(p['allowed-ips']) ? p['allowed-ips'].filter((a): a is string => typeof a === 'string') : [],
  };
  const t = handshakeMs(str(p['last-handshake-time']) ?? '');
  if (t !== undefined) peer.lastHandshakeMs = t;
  if (num(p['transfer-rx']) !== undefined) peer.rxBytes = num(p['transfer-rx']);
  if (num(p['transfer-tx']) !== undefined) peer.txBytes = num(p['transfer-tx']);
  return peer;
}

/** epoch ms of a handshake time; undefined for none (Go prints a peer that never shook hands as 0001-01-01T00:00:00Z) */
export function handshakeMs(time: string): number | undefined {
  const t = Date.parse(time);
  return Number.isFinite(t) && t > 0 ? t : undefined;
}
