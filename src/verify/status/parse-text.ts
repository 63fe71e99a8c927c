// `cilium-dbg status` (older images: `cilium status`) as text. The agent prints `Key:<tab>value` lines
// through a tabwriter (pkg/client FormatStatusResponse), indented detail lines under some of them.
// From 1.16:  Routing:      Network: Native   Host: BPF      (or `Network: Tunnel [vxlan]`)
// Before:     Host Routing: BPF                               (intra-host only: no inter-host mode)
//             Encryption:   Wireguard   [NodeEncryption: Enabled, cilium_wg0 (Pubkey: …, Port: 51871, Peers: 2)]
import { DEPENDENCIES, StatusDraft } from './draft.js';
import type { AgentStatus, WireguardInterface } from './types.js';

const VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)$/;

export function parseStatusText(text: string): AgentStatus {
  const fields = topLevelFields(text);
  const d = new StatusDraft('text');
  health(fields, d);
  routing(fields, d);
  const enc = fields.get('Encryption');
  if (enc === undefined) d.missing('no "Encryption:" line');
  else encryption(enc, d);
  return d.status;
}

/** The agent itself, then what it depends on, its controllers, the cluster's health and the status probes. */
function health(fields: Map<string, string>, d: StatusDraft): void {
  const cilium = fields.get('Cilium');
  if (cilium === undefined) {
    d.unhealthy('no "Cilium:" line: the output is not a complete agent status');
  } else {
    const [state = '', ...rest] = cilium.split(/\s+/);
    const version = VERSION.exec(rest[0] ?? '');
    if (version) d.status.version = version[1];
    if (state.toLowerCase() !== 'ok') d.unhealthy(`Cilium: ${cilium}`);
  }
  for (const key of DEPENDENCIES) {
    const v = fields.get(key);
    d.dependency(key, v?.split(/\s+/)[0], v ?? '');
  }
  const controllers = /^(\d+)\/(\d+) healthy/.exec(fields.get('Controller Status') ?? '');
  if (controllers) d.controllers(Number(controllers[2]) - Number(controllers[1]), controllers[2]!);
  const health = /^(\d+)\/(\d+) reachable/.exec(fields.get('Cluster health') ?? '');
  if (health) {
    d.status.clusterHealth = { reachable: Number(health[1]), total: Number(health[2]) };
    if (d.status.clusterHealth.reachable < d.status.clusterHealth.total) {
      d.unhealthy(`cluster health: ${health[1]} of ${health[2]} nodes reachable`);
    }
  }
  const stale = fields.get('Stale status');
  if (stale) d.stale(stale);
}

function routing(fields: Map<string, string>, d: StatusDraft): void {
  const routing = fields.get('Routing');
  const hostRouting = fields.get('Host Routing');
  if (routing !== undefined) {
    const net = /Network:\s*(Native|Tunnel)(?:\s*\[([^\]]*)\])?/i.exec(routing);
    const host = /Host:\s*(\S+)/.exec(routing);
    if (host) d.status.hostRouting = host[1];
    if (!d.routing(net?.[1], net?.[2]?.trim())) d.missing(`unrecognised routing line: "Routing: ${routing}"`);
  } else if (hostRouting !== undefined) {
    d.status.hostRouting = hostRouting.split(/\s+/)[0];
    d.missing('the status does not report the inter-host routing mode (Cilium before 1.16 prints only "Host Routing")');
  } else {
    d.missing('no "Routing:" line');
  }
}

function encryption(value: string, d: StatusDraft): void {
  const mode = value.split(/\s+/)[0] ?? '';
  const detail = value.slice(mode.length).trim();
  if (d.encryption(mode) !== 'wireguard') return;
  const node = /NodeEncryption:\s*(Enabled|Disabled|OptedOut)/i.exec(detail);
  d.nodeEncryption(node?.[1]);
  const ifaces: WireguardInterface[] = [];
  for (const m of detail.matchAll(/([\w.-]+) \(Pubkey: [^,()]*, Port: (\d+), Peers: (\d+)\)/g)) {
    ifaces.push({ name: m[1]!, port: Number(m[2]), peers: Number(m[3]) });
  }
  d.wireguard(ifaces);
  // with an error the agent prints its message instead of the interface list
  if (!node && ifaces.length === 0) d.noWireguardInterface(detail);
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
