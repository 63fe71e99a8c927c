// `cilium-dbg status` (older images: `cilium status`) as text. The agent prints `Key:<tab>value` lines
// through a tabwriter (pkg/client FormatStatusResponse), indented detail lines under some of them.
// From 1.16:  Routing:      Network: Native   Host: BPF      (or `Network: Tunnel [vxlan]`)
// Before:     Host Routing: BPF                               (intra-host only: no inter-host mode)
//             Encryption:   Wireguard   [NodeEncryption: Enabled, cilium_wg0 (Pubkey: …, Port: 51871, Peers: 2)]
import type { AgentStatus, Encryption, WireguardInterface } from './types.js';

const VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)$/;
const UNHEALTHY = new Set(['warning', 'failure']);

export function parseStatusText(text: string): AgentStatus {
  const fields = topLevelFields(text);
  const problems: string[] = [];
  let healthy = true;
  const unhealthy = (p: string): void => {
    healthy = false;
    problems.push(p);
  };

  const s: AgentStatus = { format: 'text', routing: 'unknown', encryption: 'unknown', wireguardInterfaces: [], healthy, problems };

  // health: the agent itself, then what it depends on
  const cilium = fields.get('Cilium');
  if (cilium === undefined) {
    unhealthy('no "Cilium:" line: the output is not a complete agent status');
  } else {
    const [state = '', ...rest] = cilium.split(/\s+/);
    const version = VERSION.exec(rest[0] ?? '');
    if (version) s.version = version[1];
    if (state.toLowerCase() !== 'ok') unhealthy(`Cilium: ${cilium}`);
  }
  for (const key of ['KVStore', 'ContainerRuntime', 'Kubernetes', 'Cilium health daemon']) {
    const v = fields.get(key);
    const state = v?.split(/\s+/)[0]?.toLowerCase();
    if (state && UNHEALTHY.has(state)) unhealthy(`${key}: ${v}`);
  }
  const controllers = /^(\d+)\/(\d+) healthy/.exec(fields.get('Controller Status') ?? '');
  if (controllers && Number(controllers[1]) < Number(controllers[2])) {
    unhealthy(`${Number(controllers[2]) - Number(controllers[1])} of ${controllers[2]} controllers failing`);
  }
  const health = /^(\d+)\/(\d+) reachable/.exec(fields.get('Cluster health') ?? '');
  if (health) {
    s.clusterHealth = { reachable: Number(health[1]), total: Number(health[2]) };
    if (s.clusterHealth.reachable < s.clusterHealth.total) {
      unhealthy(`cluster health: ${health[1]} of ${health[2]} nodes reachable`);
    }
  }
  const stale = fields.get('Stale status');
  if (stale) unhealthy(`stale status probes: ${stale}`);

  // routing
  const routing = fields.get('Routing');
  const hostRouting = fields.get('Host Routing');
  if (routing !== undefined) {
    const net = /Network:\s*(Native|Tunnel)(?:\s*\[([^\]]*)\])?/i.exec(routing);
    const host = /Host:\s*(\S+)/.exec(routing);
    if (host) s.hostRouting = host[1];
    if (net) {
      s.routing = net[1]!.toLowerCase() === 'native' ? 'native' : 'tunnel';
      if (s.routing === 'tunnel' && net[2]) s.tunnelProtocol = net[2].trim();
    } else {
      problems.push(`unrecognised routing line: "Routing: ${routing}"`);
    }
  } else if (hostRouting !== undefined) {
    s.hostRouting = hostRouting.split(/\s+/)[0];
    problems.push('the status does not report the inter-host routing mode (Cilium before 1.16 prints only "Host Routing")');
  } else {
    problems.push('no "Routing:" line');
  }

  // encryption
  const enc = fields.get('Encryption');
  if (enc === undefined) {
    problems.push('no "Encryption:" line');
  } else {
    parseEncryption(enc, s, problems);
  }

  s.healthy = healthy;
  return s;
}

function parseEncryption(value: string, s: AgentStatus, problems: string[]): void {
  const mode = value.split(/\s+/)[0] ?? '';
  const detail = value.slice(mode.length).trim();
  const modes: Record<string, Encryption> = { wireguard: 'wireguard', ipsec: 'ipsec', disabled: 'none' };
  s.encryption = modes[mode.toLowerCase()] ?? 'unknown';
  if (s.encryption === 'unknown') {
    problems.push(`unrecognised encryption mode "${mode}"`);
    return;
  }
  if (s.encryption !== 'wireguard') return;
  const node = /NodeEncryption:\s*(Enabled|Disabled|OptedOut)/i.exec(detail);
  if (node?.[1]!.toLowerCase() === 'optedout') s.nodeEncryptionOptedOut = true;
  else if (node) s.nodeEncryption = node[1]!.toLowerCase() === 'enabled';
  const ifaces: WireguardInterface[] = [];
  for (const m of detail.matchAll(/([\w.-]+) \(Pubkey: [^,()]*, Port: (\d+), Peers: (\d+)\)/g)) {
    ifaces.push({ name: m[1]!, port: Number(m[2]), peers: Number(m[3]) });
  }
  s.wireguardInterfaces = ifaces;
  if (ifaces.length > 0) s.wireguardPeers = Math.min(...ifaces.map((i) => i.peers));
  // with an error the agent prints its message instead of the interface list
  if (!node && ifaces.length === 0) problems.push(`WireGuard reports no interface${detail ? `: ${detail}` : ''}`);
}

/**
 * `Key: value` lines that start in column 0, value with its column padding squeezed. Indented
 * detail lines, tables and the module-health tree are skipped. The first occurrence of a key wins.
 */
function topLevelFields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const m = /^([A-Za-z][A-Za-z0-9 /-]*?):(?:\s+(.*))?$/.exec(line);
    if (!m) continue;
    const key = m[1]!;
    if (!out.has(key)) out.set(key, (m[2] ?? '').trim().replace(/\s{2,}/g, '   '));
  }
  return out;
}
