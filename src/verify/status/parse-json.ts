// `cilium-dbg status -o json`: the agent's StatusResponse model (api/v1/models).
//   routing["inter-host-routing-mode"] Native|Tunnel, routing["tunnel-protocol"], encryption.mode
//   Disabled|IPsec|Wireguard, encryption.wireguard["node-encryption"], …interfaces[]["peer-count"]
import type { AgentStatus, Encryption, WireguardInterface } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const UNHEALTHY = new Set(['warning', 'failure']);
const VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)(?:\s|$)/;

/** Parses the JSON text (or an already parsed value); throws when it is not a status object. */
export function parseStatusJson(input: string | unknown): AgentStatus {
  const value: unknown = typeof input === 'string' ? JSON.parse(input) : input;
  if (!isObj(value)) throw new Error('cilium status JSON is not an object');
  const problems: string[] = [];
  let healthy = true;
  const unhealthy = (p: string): void => {
    healthy = false;
    problems.push(p);
  };
  const s: AgentStatus = { format: 'json', routing: 'unknown', encryption: 'unknown', wireguardInterfaces: [], healthy, problems };

  const cilium = isObj(value.cilium) ? value.cilium : undefined;
  if (!cilium) {
    unhealthy('no "cilium" state: the output is not a complete agent status');
  } else {
    const version = VERSION.exec(str(cilium.msg) ?? '');
    if (version) s.version = version[1];
    if (str(cilium.state)?.toLowerCase() !== 'ok') unhealthy(`Cilium: ${str(cilium.state) ?? '?'} ${str(cilium.msg) ?? ''}`.trim());
  }
  const deps: Array<[string, unknown]> = [
    ['KVStore', value.kvstore],
    ['ContainerRuntime', value['container-runtime']],
    ['Kubernetes', value.kubernetes],
    ['Cilium health daemon', isObj(value.cluster) ? value.cluster.ciliumHealth : undefined],
  ];
  for (const [name, dep] of deps) {
    if (!isObj(dep)) continue;
    const state = str(dep.state);
    if (state && UNHEALTHY.has(state.toLowerCase())) unhealthy(`${name}: ${state} ${str(dep.msg) ?? ''}`.trim());
  }
  if (Array.isArray(value.controllers)) {
    const failing = value.controllers.filter(
      (c) =>
        isObj(c) &&
        isObj(c.status) &&
        typeof c.status['consecutive-failure-count'] === 'number' &&
        c.status['consecutive-failure-count'] > 0,
    ).length;
    if (failing > 0) unhealthy(`${failing} of ${value.controllers.length} controllers failing`);
  }
  if (isObj(value.stale) && Object.keys(value.stale).length > 0) {
    unhealthy(`stale status probes: ${Object.keys(value.stale).sort().join(', ')}`);
  }

  const routing = isObj(value.routing) ? value.routing : undefined;
  if (routing) {
    const mode = str(routing['inter-host-routing-mode'])?.toLowerCase();
    if (mode === 'native' || mode === 'tunnel') s.routing = mode;
    else problems.push(`unrecognised inter-host routing mode "${str(routing['inter-host-routing-mode']) ?? ''}"`);
    const proto = str(routing['tunnel-protocol']);
    if (s.routing === 'tunnel' && proto) s.tunnelProtocol = proto;
    const host = str(routing['intra-host-routing-mode']);
    if (host) s.hostRouting = host;
  } else {
    problems.push('the status does not report the inter-host routing mode (no "routing": Cilium before 1.16)');
  }

  const enc = isObj(value.encryption) ? value.encryption : undefined;
  if (!enc) {
    problems.push('no "encryption" in the status');
  } else {
    const modes: Record<string, Encryption> = { wireguard: 'wireguard', ipsec: 'ipsec', disabled: 'none' };
    s.encryption = modes[str(enc.mode)?.toLowerCase() ?? ''] ?? 'unknown';
    if (s.encryption === 'unknown') problems.push(`unrecognised encryption mode "${str(enc.mode) ?? ''}"`);
    const wg = isObj(enc.wireguard) ? enc.wireguard : undefined;
    if (s.encryption === 'wireguard') {
      const node = str(wg?.['node-encryption'])?.toLowerCase();
      if (node === 'enabled' || node === 'disabled') s.nodeEncryption = node === 'enabled';
      else if (node === 'optedout') s.nodeEncryptionOptedOut = true;
      const ifaces: WireguardInterface[] = [];
      for (const i of Array.isArray(wg?.interfaces) ? wg.interfaces : []) {
        if (!isObj(i)) continue;
        const iface: WireguardInterface = { name: str(i.name) ?? '?', peers: typeof i['peer-count'] === 'number' ? i['peer-count'] : 0 };
        if (typeof i['listen-port'] === 'number') iface.port = i['listen-port'];
        ifaces.push(iface);
      }
      s.wireguardInterfaces = ifaces;
      if (ifaces.length > 0) s.wireguardPeers = Math.min(...ifaces.map((i) => i.peers));
      else problems.push(`WireGuard reports no interface${str(enc.msg) ? `: ${str(enc.msg)}` : ''}`);
    }
  }

  s.healthy = healthy;
  return s;
}
