// Hubble's trace observation points, by name, by enum number and by trace event sub-type
// (Cilium api/v1/flow/flow.proto and pkg/monitor/api/types.go).

/** `event_type.type` of a trace event; its `sub_type` is the observation point. */
const TRACE_EVENT = 4;

/** Trace sub-type → observation point name. TO_ENDPOINT is sub-type 0 in the event but 101 as an enum. */
const BY_SUB_TYPE: readonly string[] = [
  'TO_ENDPOINT',
  'TO_PROXY',
  'TO_HOST',
  'TO_STACK',
  'TO_OVERLAY',
  'FROM_ENDPOINT',
  'FROM_PROXY',
  'FROM_HOST',
  'FROM_STACK',
  'FROM_OVERLAY',
  'FROM_NETWORK',
  'TO_NETWORK',
  'FROM_CRYPTO',
  'TO_CRYPTO',
];

/** Key for flows that carry no observation point (L7, policy verdicts, drops, socket traces). */
const NO_POINT = 'NONE';
/** Key for trace flows whose sub-type is not one we know. */
const UNKNOWN_POINT = 'UNKNOWN';
/** The enum's zero value: protojson omits it, other encoders may print it; it means "no name". */
export const UNKNOWN_POINT_NAME = 'UNKNOWN_POINT';

export const OVERLAY_POINT = 'TO_OVERLAY';
/** Where traffic leaves a node: the points at which a cross-node flow is counted. */
export const LEAVES_NODE: ReadonlySet<string> = new Set(['TO_NETWORK', 'TO_OVERLAY', 'TO_CRYPTO']);

function pointOfSubType(sub: number): string {
  return BY_SUB_TYPE[sub] ?? UNKNOWN_POINT;
}

/** The enum number of `trace_observation_point` (when printed as a number) → its name. */
export function pointOfEnum(n: number): string | undefined {
  if (n === 0) return undefined;
  if (n === 101) return 'TO_ENDPOINT';
  return n > 0 && n < BY_SUB_TYPE.length ? BY_SUB_TYPE[n] : UNKNOWN_POINT;
}

/**
 * The observation point of a flow: its name when present, else (trace events only) the name of its
 * sub-type, else NO_POINT. This is the single rule both the token scan and the full parse apply.
 */
export function resolvePoint(name: string | undefined, type: number | undefined, sub: number | undefined): string {
  if (name !== undefined && name !== '' && name !== UNKNOWN_POINT_NAME) return name;
  if (type === TRACE_EVENT) return pointOfSubType(sub ?? 0);
  return NO_POINT;
}

/** Compact/table text prints the point as e.g. `to-overlay`; anything else in that column is not a point. */
const BY_TEXT = new Map(BY_SUB_TYPE.map((p) => [p.toLowerCase().replace('_', '-'), p]));
export function pointOfText(type: string): string {
  return BY_TEXT.get(type) ?? NO_POINT;
}

/** Every name the scanner matches by bytes; an index into this list is a point id. */
export const KNOWN_POINTS: readonly string[] = [...BY_SUB_TYPE, NO_POINT, UNKNOWN_POINT, UNKNOWN_POINT_NAME];
export const POINT_ID: ReadonlyMap<string, number> = new Map(KNOWN_POINTS.map((p, i) => [p, i]));
