// `cilium-health status -o json`: the agent's own health mesh (HealthStatusResponse in
// api/v1/health). Every node the agent knows, with ICMP and HTTP probes to its host address and to its
// health endpoint. Chosen over the text form because the text form lists the nodes only with
// --verbose from 1.17 on, while the JSON has carried the same fields since 2018 (the health endpoint
// was `endpoint` before it became `health-endpoint`; both are read).
type PathState = 'reachable' | 'unreachable' | 'unknown' | 'absent';

interface HealthPath {
  ip?: string;
  state: PathState;
  /** the failing probe's message, e.g. "Connection timed out" */
  detail?: string;
}

interface HealthNode {
  /** as the agent names it: `cluster/node` from 1.9 on, bare before */
  name: string;
  host: HealthPath;
  endpoint: HealthPath;
}

export interface HealthStatus {
  local?: string;
  timestamp?: string;
  nodes: HealthNode[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Throws when the text is not a health status object. */
export function parseHealthJson(text: string): HealthStatus {
  const value: unknown = JSON.parse(text);
  if (!isObj(value) || !Array.isArray(value.nodes)) throw new Error('not a cilium-health status (no "nodes" list)');
  const nodes: HealthNode[] = [];
  for (const n of value.nodes) {
    if (!isObj(n) || !str(n.name)) continue;
    const endpoint = isObj(n['health-endpoint']) ? n['health-endpoint'] : isObj(n.endpoint) ? n.endpoint : undefined;
    nodes.push({ name: str(n.name)!, host: pathOf(isObj(n.host) ? n.host : undefined), endpoint: pathOf(endpoint) });
  }
  const out: HealthStatus = { nodes };
  if (isObj(value.local) && str(value.local.name)) out.local = str(value.local.name);
  if (str(value.timestamp)) out.timestamp = str(value.timestamp);
  return out;
}

/** The node name without the `cluster/` prefix. */
export function bareNodeName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

// Cilium's own rule (pkg/health/client): a probe with a non-empty status failed; a missing probe
// result is unknown (a node still starting); a missing path is unreachable.
function pathOf(parent: Obj | undefined): HealthPath {
  if (!parent) return { state: 'absent' };
  // the legacy `endpoint` is the path itself ({ip, icmp, http}), without primary-address
  const primary = isObj(parent['primary-address']) ? parent['primary-address'] : 'ip' in parent || 'icmp' in parent ? parent : undefined;
  if (!primary) return { state: 'unreachable', detail: 'no primary address' };
  const path: HealthPath = { state: 'reachable' };
  if (str(primary.ip)) path.ip = str(primary.ip);
  for (const [probe, label] of [
    [primary.icmp, 'ICMP'],
    [primary.http, 'HTTP'],
  ] as const) {
    if (!isObj(probe)) {
      if (path.state === 'reachable') path.state = 'unknown';
      continue;
    }
    const status = str(probe.status);
    if (status) {
      path.state = 'unreachable';
      path.detail = `${label}: ${status}`;
      break;
    }
  }
  return path;
}
