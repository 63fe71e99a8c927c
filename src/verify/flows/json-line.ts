// Classifies a fully parsed JSON line. This is the reference meaning of a JSON line: the token scan in
// jsonpb-scan.ts must reach the same counts, and falls back to this whenever it cannot be sure.
import { pointOfEnum, resolvePoint } from './points.js';
import type { FlowExample } from './types.js';

export type JsonLine =
  | { kind: 'flow'; format: 'jsonpb' | 'json'; point: string; bothPods: boolean; flow: Obj; node?: string }
  | { kind: 'lost'; format: 'jsonpb' | 'json'; count: number }
  | { kind: 'other'; format: 'jsonpb' | 'json' }
  | { kind: 'malformed' };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** GetFlowsResponse members that are not flows (node status from Relay, agent and debug events). */
const NON_FLOW_EVENTS = ['node_status', 'agent_event', 'debug_event'];
/** Fields only a Flow has: a bare object with one of them is a legacy `hubble observe -o json` flow. */
const FLOW_FIELDS = ['event_type', 'trace_observation_point', 'verdict', 'Type', 'IP', 'l4'];

export function classifyJson(value: unknown): JsonLine {
  if (!isObj(value)) return { kind: 'malformed' };
  if ('flow' in value) {
    const flow = value.flow;
    if (!isObj(flow)) return { kind: 'malformed' };
    return {
      kind: 'flow',
      format: 'jsonpb',
      point: flowPoint(flow),
      bothPods: isPod(flow.source) && isPod(flow.destination),
      flow,
      node: str(value.node_name) ?? str(flow.node_name),
    };
  }
  if ('lost_events' in value) {
    if (!isObj(value.lost_events)) return { kind: 'malformed' };
    return { kind: 'lost', format: 'jsonpb', count: lostCount(value.lost_events.num_events_lost) };
  }
  if (NON_FLOW_EVENTS.some((k) => k in value)) return { kind: 'other', format: 'jsonpb' };
  if (FLOW_FIELDS.some((k) => k in value)) {
    return {
      kind: 'flow',
      format: 'json',
      point: flowPoint(value),
      bothPods: isPod(value.source) && isPod(value.destination),
      flow: value,
      node: str(value.node_name),
    };
  }
  // `hubble observe -o json` prints a lost event as the bare LostEvent message
  if ('num_events_lost' in value) return { kind: 'lost', format: 'json', count: lostCount(value.num_events_lost) };
  return { kind: 'other', format: 'json' };
}

function flowPoint(flow: Obj): string {
  const raw = flow.trace_observation_point;
  const name = typeof raw === 'number' ? pointOfEnum(raw) : str(raw);
  const ev = isObj(flow.event_type) ? flow.event_type : undefined;
  return resolvePoint(name, num(ev?.type), num(ev?.sub_type));
}

function isPod(ep: unknown): boolean {
  return isObj(ep) && typeof ep.pod_name === 'string' && ep.pod_name !== '';
}

/** uint64 values are JSON strings in protojson; zero is omitted. */
function lostCount(v: unknown): number {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\d{1,15}$/.test(v)) return Number(v);
  return 0;
}

function endpointName(ep: unknown, ip: unknown): string {
  if (isObj(ep)) {
    const pod = str(ep.pod_name);
    if (pod) {
      const ns = str(ep.namespace);
      return ns ? `${ns}/${pod}` : pod;
    }
  }
  const addr = str(ip);
  if (addr) return addr;
  if (isObj(ep) && Array.isArray(ep.labels) && ep.labels.length > 0) return ep.labels.filter((l) => typeof l === 'string').join(',');
  return '?';
}

export function exampleOf(flow: Obj, node: string | undefined): FlowExample {
  const ip = isObj(flow.IP) ? flow.IP : {};
  const e: FlowExample = {
    source: endpointName(flow.source, ip.source),
    destination: endpointName(flow.destination, ip.destination),
  };
  if (node) e.node = node;
  const time = str(flow.time);
  if (time) e.time = time;
  const iface = isObj(flow.interface) ? str(flow.interface.name) : undefined;
  if (iface) e.interface = iface;
  return e;
}
