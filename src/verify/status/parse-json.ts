// `cilium-dbg status -o json`: the agent's StatusResponse model (api/v1/models).
//   routing["inter-host-routing-mode"] Native|Tunnel, routing["tunnel-protocol"], encryption.mode
//   Disabled|IPsec|Wireguard, encryption.wireguard["node-encryption"], …interfaces[]["peer-count"]
import { DEPENDENCIES, StatusDraft } from './draft.js';
import type { AgentStatus, WireguardInterface } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)(?:\s|$)/;

/** Parses the JSON text (or an already parsed value); throws when it is not a status object. */
export function parseStatusJson(input: string | unknown): AgentStatus {
  const value: unknown = typeof input === 'string' ? JSON.parse(input) : input;
  if (!isObj(value)) throw new Error('cilium status JSON is not an object');
  const d = new StatusDraft('json');
  health(value, d);
  routing(value, d);
  encryption(value, d);
  return d.status;
}

/** The agent itself, then what it depends on, its controllers and its status probes. */
function health(value: Obj, d: StatusDraft): void {
  const cilium = isObj(value.cilium) ? value.cilium : undefined;
  if (!cilium) {
    d.unhealthy('no "cilium" state: the output is not a complete agent status');
  } else {
    const version = VERSION.exec(str(cilium.msg) ?? '');
    if (version) d.status.version = version[1];
    if (str(cilium.state)?.toLowerCase() !== 'ok') d.unhealthy(`Cilium: ${str(cilium.state) ?? '?'} ${str(cilium.msg) ?? ''}`.trim());
  }
  const deps: Record<(typeof DEPENDENCIES)[number], unknown> = {
    KVStore: value.kvstore,
    ContainerRuntime: value['container-runtime'],
    Kubernetes: value.kubernetes,
    'Cilium health daemon': isObj(value.cluster) ? value.cluster.ciliumHealth : undefined,
  };
  for (const name of DEPENDENCIES) {
    const dep = deps[name];
    if (isObj(dep)) d.dependency(name, str(dep.state), `${str(dep.state)} ${str(dep.msg) ?? ''}`);
  }
  if (Array.isArray(value.controllers)) {
    const failing = value.controllers.filter(
      (c) =>
        isObj(c) &&
        isObj(c.status) &&
        typeof c.status['consecutive-failure-count'] === 'number' &&
        c.status['consecutive-failure-count'] > 0,
    ).length;
    d.controllers(failing, value.controllers.length);
  }
  if (isObj(value.stale) && Object.keys(value.stale).length > 0) d.stale(Object.keys(value.stale).sort().join(', '));
}

function routing(value: Obj, d: StatusDraft): void {
  const routing = isObj(value.routing) ? value.routing : undefined;
  if (!routing) {
    d.missing('the status does not report the inter-host routing mode (no "routing": Cilium before 1.16)');
    return;
  }
  const mode = str(routing['inter-host-routing-mode']);
  if (!d.routing(mode, str(routing['tunnel-protocol']))) d.missing(`unrecognised inter-host routing mode "${mode ?? ''}"`);
  const host = str(routing['intra-host-routing-mode']);
  if (host) d.status.hostRouting = host;
}

function encryption(value: Obj, d: StatusDraft): void {
  const enc = isObj(value.encryption) ? value.encryption : undefined;
  if (!enc) {
    d.missing('no "encryption" in the status');
    return;
  }
  if (d.encryption(str(enc.mode) ?? '') !== 'wireguard') return;
  const wg = isObj(enc.wireguard) ? enc.wireguard : undefined;
  d.nodeEncryption(str(wg?.['node-encryption']));
  const ifaces: WireguardInterface[] = [];
  for (const i of Array.isArray(wg?.interfaces) ? wg.interfaces : []) {
    if (!isObj(i)) continue;
    const iface: WireguardInterface = { name: str(i.name) ?? '?', peers: typeof i['peer-count'] === 'number' ? i['peer-count'] : 0 };
    if (typeof i['listen-port'] === 'number') iface.port = i['listen-port'];
    ifaces.push(iface);
  }
  d.wireguard(ifaces);
  if (ifaces.length === 0) d.noWireguardInterface(str(enc.msg));
}
