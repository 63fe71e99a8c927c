// The hot path: classifies a `hubble observe -o jsonpb` flow line without building it as objects.
// One walk over the line as JSON (jsonpb-shape.ts) proves it valid, proves it is an object whose `flow`
// is an object (what makes it a flow to the full parse), and gives the offsets of the very keys a full
// parse reads: `trace_observation_point` and `event_type` of the flow, `pod_name` of its source and
// destination. Their values are read in place, and only in the compact forms Hubble writes (a key
// directly followed by its value, enum names as strings); anything else returns SCAN_FAILED and the
// caller parses the line in full (json-line.ts). So a crafted line (a nested object holding a key, a
// \u-escaped or duplicate key, invalid JSON anywhere) always counts as the full parse counts it.
// The walk has to read every byte (one raw control character anywhere makes JSON.parse refuse the
// line); it replaces the token searches and the head/tail checks that came before it, so each line
// is read once.
import { jsonpbShape } from './jsonpb-shape.js';
import { KNOWN_POINTS, LEAVES_NODE, POINT_ID, UNKNOWN_POINT_NAME, resolvePoint } from './points.js';

export const SCAN_FAILED = -1;

const HEAD = Buffer.from('{"flow":{"time":"');
const TYPE_KEY = Buffer.from('"type":');
const SUB_TYPE_KEY = Buffer.from('"sub_type":');

const Q = 0x22; // "
const CLOSE = 0x7d; // }
const COMMA = 0x2c;

const POINT_KEY = Buffer.from('"trace_observation_point":"');
const EVENT_KEY = Buffer.from('"event_type":{');
const POD_KEY = Buffer.from('"pod_name":"');

/** Known point names as bytes, grouped by length, for matching without making a string. */
const BY_LENGTH: Array<Array<{ id: number; bytes: Buffer }>> = [];
KNOWN_POINTS.forEach((name, id) => {
  (BY_LENGTH[name.length] ??= []).push({ id, bytes: Buffer.from(name) });
});
const UNKNOWN_NAME_ID = POINT_ID.get(UNKNOWN_POINT_NAME)!;
const LEAVES_NODE_IDS = new Set([...LEAVES_NODE].map((p) => POINT_ID.get(p)!));

/** The scan's result, reused between calls: the hot path allocates nothing per line. */
export interface ScanResult {
  /** id from POINT_ID, or -1 with `pointName` set for a name we do not know */
  pointId: number;
  pointName: string | undefined;
  bothPods: boolean;
}

/** Whether the line v[s, e) begins as Hubble's jsonpb flow lines do. */
export const startsLikeJsonpbFlow = (v: Buffer, s: number, e: number): boolean => e - s > HEAD.length + 20 && at(v, s, HEAD);

/** Classifies the line v[s, e) (trimmed); returns SCAN_FAILED or 0 with `out` filled in. */
export function scanJsonpbFlow(v: Buffer, s: number, e: number, out: ScanResult): number {
  // the walk: valid JSON, and where the keys the full parse reads are
  const shape = jsonpbShape(v, s, e);
  if (!shape) return SCAN_FAILED;
  const flowEnd = shape.flowEnd;

  // the observation point, by name
  let pointId = -1;
  out.pointName = undefined;
  const k = shape.point;
  if (k >= 0) {
    if (!at(v, k, POINT_KEY)) return SCAN_FAILED; // a number, null, blanks: let the full parse decide
    const vs = k + POINT_KEY.length;
    const ve = nextQuote(v, vs, Math.min(flowEnd, vs + 40));
    if (ve < 0) return SCAN_FAILED;
    for (let i = vs; i < ve; i++) {
      const c = v[i]!;
      // enum names are A-Z, 0-9 and _; anything else (an escape, say) goes to the full parse
      if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f)) return SCAN_FAILED;
    }
    if (ve > vs) {
      pointId = matchPoint(v, vs, ve);
      if (pointId < 0) out.pointName = v.toString('latin1', vs, ve);
    }
  }

  // no name (or the zero value's name): the trace event's sub-type decides
  if ((pointId < 0 && out.pointName === undefined) || pointId === UNKNOWN_NAME_ID) {
    const ev = readEventType(v, shape.event, flowEnd);
    if (ev === undefined) return SCAN_FAILED;
    // always a known key: a trace point, UNKNOWN or NONE
    pointId = POINT_ID.get(resolvePoint(undefined, ev.type, ev.sub))!;
    out.pointName = undefined;
  }
  out.pointId = pointId;

  // both ends pods (a non-empty name in source and in destination)? Only needed where a flow can count
  // as cross-node. The walk gives at most one pod_name per endpoint (a duplicate key fails it).
  out.bothPods = false;
  if (pointId >= 0 && LEAVES_NODE_IDS.has(pointId)) {
    let named = 0;
    for (const p of shape.pods) {
      if (!at(v, p, POD_KEY)) return SCAN_FAILED; // not a string: the full parse decides
      if (v[p + POD_KEY.length] !== Q) named++;
    }
    out.bothPods = named === 2;
  }
  return 0;
}

/**
 * `"event_type":{"type":N,"sub_type":M}` (either order, either absent) at k, the key's offset (-1: no
 * event_type); undefined when it has another shape.
 */
const EVENT: { type: number | undefined; sub: number | undefined } = { type: undefined, sub: undefined };
function readEventType(v: Buffer, k: number, to: number): typeof EVENT | undefined {
  EVENT.type = undefined;
  EVENT.sub = undefined;
  if (k < 0) return EVENT;
  if (!at(v, k, EVENT_KEY)) return undefined;
  let i = k + EVENT_KEY.length;
  for (;;) {
    if (v[i] === CLOSE) return EVENT;
    let isType: boolean;
    if (at(v, i, TYPE_KEY)) {
      isType = true;
      i += TYPE_KEY.length;
    } else if (at(v, i, SUB_TYPE_KEY)) {
      isType = false;
      i += SUB_TYPE_KEY.length;
    } else {
      return undefined;
    }
    let value = 0;
    const start = i;
    while (i < to && v[i]! >= 0x30 && v[i]! <= 0x39 && i - start < 10) value = value * 10 + (v[i++]! - 0x30);
    if (i === start) return undefined;
    if (isType) {
      if (EVENT.type !== undefined) return undefined;
      EVENT.type = value;
    } else {
      if (EVENT.sub !== undefined) return undefined;
      EVENT.sub = value;
    }
    if (v[i] === COMMA) i++;
    else if (v[i] !== CLOSE) return undefined;
  }
}

function matchPoint(v: Buffer, s: number, e: number): number {
  const candidates = BY_LENGTH[e - s];
  if (!candidates) return -1;
  for (const c of candidates) {
    let i = 0;
    while (i < c.bytes.length && c.bytes[i] === v[s + i]) i++;
    if (i === c.bytes.length) return c.id;
  }
  return -1;
}

function at(v: Buffer, i: number, token: Buffer): boolean {
  if (i < 0 || i + token.length > v.length) return false;
  for (let j = 0; j < token.length; j++) if (v[i + j] !== token[j]) return false;
  return true;
}

// A short search is a plain loop: for a few dozen bytes a native indexOf costs more in its call.
function nextQuote(v: Buffer, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (v[i] === Q) return i;
  return -1;
}
