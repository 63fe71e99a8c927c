// What the JSON and the text status parsers share: the AgentStatus they fill in, how a problem does
// or does not make the agent unhealthy, and the readings both forms give in the same words (states,
// routing and encryption modes, WireGuard interfaces), so the two cannot drift apart in meaning.
import type { AgentStatus, Encryption, WireguardInterface } from './types.js';

/** What the agent depends on, by the name both forms print (JSON: kvstore, container-runtime, …). */
export const DEPENDENCIES = ['KVStore', 'ContainerRuntime', 'Kubernetes', 'Cilium health daemon'] as const;
const UNHEALTHY = new Set(['warning', 'failure']);
const ENCRYPTION_MODES = new Map<string, Encryption>([
  ['wireguard', 'wireguard'],
  ['ipsec', 'ipsec'],
  ['disabled', 'none'],
]);

export class StatusDraft {
  readonly status: AgentStatus;

  constructor(format: AgentStatus['format']) {
    this.status = { format, routing: 'unknown', encryption: 'unknown', wireguardInterfaces: [], healthy: true, problems: [] };
  }

  /** Something wrong with the agent or what it depends on. */
  unhealthy(problem: string): void {
    this.status.healthy = false;
    this.status.problems.push(problem);
  }

  /** Something the status does not say (or says in words not understood): health is left as it is. */
  missing(problem: string): void {
    this.status.problems.push(problem);
  }

  /** `state` is the dependency's first word; `shown` is what the problem quotes after its name. */
  dependency(name: string, state: string | undefined, shown: string): void {
    if (state && UNHEALTHY.has(state.toLowerCase())) this.unhealthy(`${name}: ${shown}`.trim());
  }

  controllers(failing: number, total: number | string): void {
    if (failing > 0) this.unhealthy(`${failing} of ${total} controllers failing`);
  }

  stale(probes: string): void {
    this.unhealthy(`stale status probes: ${probes}`);
  }

  /** Native or Tunnel (any case); false, and nothing set, for anything else. */
  routing(mode: string | undefined, tunnelProtocol: string | undefined): boolean {
    const m = mode?.toLowerCase();
    if (m !== 'native' && m !== 'tunnel') return false;
    this.status.routing = m;
    if (m === 'tunnel' && tunnelProtocol) this.status.tunnelProtocol = tunnelProtocol;
    return true;
  }

  /** Wireguard, IPsec or Disabled (any case); an unrecognised mode is recorded as a problem. */
  encryption(mode: string): Encryption {
    this.status.encryption = ENCRYPTION_MODES.get(mode.toLowerCase()) ?? 'unknown';
    if (this.status.encryption === 'unknown') this.missing(`unrecognised encryption mode "${mode}"`);
    return this.status.encryption;
  }

  /** WireGuard's NodeEncryption: Enabled, Disabled or OptedOut (any case); anything else says nothing. */
  nodeEncryption(value: string | undefined): void {
    const v = value?.toLowerCase();
    if (v === 'enabled' || v === 'disabled') this.status.nodeEncryption = v === 'enabled';
    else if (v === 'optedout') this.status.nodeEncryptionOptedOut = true;
  }

  /** The WireGuard interfaces and their smallest peer count. */
  wireguard(ifaces: WireguardInterface[]): void {
    this.status.wireguardInterfaces = ifaces;
    if (ifaces.length > 0) this.status.wireguardPeers = Math.min(...ifaces.map((i) => i.peers));
  }

  /** With an error the agent reports its message instead of the interface list. */
  noWireguardInterface(message: string | undefined): void {
    this.missing(`WireGuard reports no interface${message ? `: ${message}` : ''}`);
  }
}
