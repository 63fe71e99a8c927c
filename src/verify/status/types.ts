export type Routing = 'native' | 'tunnel' | 'unknown';
export type Encryption = 'wireguard' | 'ipsec' | 'none' | 'unknown';

export interface WireguardInterface {
  name: string;
  peers: number;
  port?: number;
}

/** What one agent's `cilium-dbg status` (text or `-o json`) says. */
export interface AgentStatus {
  format: 'text' | 'json';
  /** e.g. 1.14.5, 1.15.0-rc.1; absent when the agent does not print it (1.9) */
  version?: string;
  /** inter-host routing; `unknown` when the output does not say (before 1.16 it never does) */
  routing: Routing;
  /** vxlan or geneve, in tunnel mode */
  tunnelProtocol?: string;
  /** intra-host routing: BPF or Legacy */
  hostRouting?: string;
  encryption: Encryption;
  /** WireGuard's node-to-node encryption */
  nodeEncryption?: boolean;
  /** `NodeEncryption: OptedOut`: the node carries an opt-out label (control-plane by default, cilium#24239) */
  nodeEncryptionOptedOut?: boolean;
  wireguardInterfaces: WireguardInterface[];
  /** the smallest peer count over the WireGuard interfaces */
  wireguardPeers?: number;
  /** `Cluster health: R/T reachable` */
  clusterHealth?: { reachable: number; total: number };
  /** the agent and what it depends on report no warning or failure */
  healthy: boolean;
  /** everything wrong or missing, in words; health problems make `healthy` false */
  problems: string[];
}
