// Shared types of the in-memory Kubernetes API server used by the tests.

/** A Kubernetes object or any other JSON value of arbitrary shape, as it travels on the wire. */
export type Obj = Record<string, any>;

/** One request the server received (or one exec / stand-in CLI call), in arrival order. */
export interface Recorded {
  seq: number;
  time: string;
  method: string;
  /** get, list, watch, create, update, patch, apply, delete, deletecollection, exec, cilium-cli, discovery */
  verb: string;
  path: string;
  /** the raw query string (`?…`), empty when there was none */
  query: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  fieldManager?: string;
  /** the Content-Type of a write (a patch type, application/json or the protobuf type) */
  contentType?: string;
  dryRun?: boolean;
  /** exec and the stand-in cilium CLI: the command line */
  command?: string[];
  container?: string;
  /** the node the exec'd pod runs on */
  node?: string;
  /** exec: the command's exit code once it finished (absent while running or hanging) */
  exitCode?: number;
  userAgent?: string;
  /** HTTP status answered (exec: 101; 0 while a watch or exec is still open) */
  status: number;
  /** true for create / update / patch / apply / delete / deletecollection that were not dry runs */
  mutating: boolean;
}

/** Names a workload (or any object). */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** A write that the server refuses while the fault is set. Unset fields match anything. */
interface WriteFailure {
  /** create, update, patch (any patch type, including apply), apply (server-side apply only), delete */
  verb?: 'create' | 'update' | 'patch' | 'apply' | 'delete';
  /** plural resource name, e.g. configmaps, daemonsets, secrets */
  resource?: string;
  namespace?: string;
  name?: string;
  /** HTTP status, default 500 */
  code?: number;
  message?: string;
  /** fail only this many times, then let the writes through (default: for ever) */
  times?: number;
}

/** Runtime fault switches. Every field is off when unset. */
export interface Faults {
  /** matching writes fail with the given status (500 InternalError, 422 Invalid, 409 Conflict, …) */
  failWrites?: WriteFailure[];
  /** pods of these workloads (Deployment, DaemonSet, Pod) start but never become Ready */
  neverReady?: ObjectRef[];
  /** the agent (and every DaemonSet pod) on this node is never replaced: it keeps the config it started with */
  agentNeverRestarts?: string;
  /** `kubectl exec` into any pod on this node never answers */
  execHangs?: string;
  /** `hubble observe` fails (all nodes when true, or only the listed nodes) */
  hubbleUnavailable?: boolean | string[];
  /** `hubble observe` output carries a lost-events record */
  lostEvents?: boolean;
  /** `agnhost connect` succeeds but no agent records a flow */
  noCrossNodeTraffic?: boolean;
  /** these node pairs (either order) cannot reach each other: cilium-health probes fail, the WireGuard peer never shakes hands */
  brokenPairs?: Array<[string, string]>;
  /** the WireGuard handshakes of these pairs are 10 minutes old */
  staleHandshakes?: Array<[string, string]>;
  /** the WireGuard handshakes of this node never complete (UDP 51871 blocked): it has no peers and is no one's peer */
  wireguardNoPeers?: string;
}

/** One packet event recorded by a node's agent (rendered by `hubble observe`). */
export interface FlowRecord {
  node: string;
  time: Date;
  flow: Obj;
}
