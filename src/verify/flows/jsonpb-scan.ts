// The hot path: classifies a `hubble observe -o jsonpb` flow line by exact key/value tokens, without
// parsing it. A token such as `"trace_observation_point":` is structural: inside a JSON string every
// quote is escaped, so an unescaped quote followed by that name and a colon can only be an object key.
// The scan accepts a line only when its shape is the one Hubble writes,
//   {"flow":{"time":"T",…},"node_name":"N","time":"T"}
// (same T at both ends, so a truncated line or two lines run together are not accepted), and only when
// every token it relies on is unambiguous. Anything else returns SCAN_FAILED and the caller parses the
// line in full (json-line.ts), so the counts are always those of a full parse.
// What this relies on from the Flow schema: `trace_observation_point`, `event_type` and `pod_name`
// occur only where Hubble puts them (the flow itself, its source and destination endpoints), and keys
// are written without \u escapes. A tokens-only answer is then confirmed by one walk over the line as
// JSON (jsonpb-shape.ts): the tokens used must be the very keys a full parse reads, otherwise the line
// goes to the full parse. So a crafted line (a nested object holding the key, a \u-escaped key, a
// duplicate key, invalid JSON) always counts as the full parse counts it.
import { Token } from './byte-token.js';
import { jsonpbShape } from './jsonpb-shape.js';
import { KNOWN_POINTS, LEAVES_NODE, POINT_ID, UNKNOWN_POINT_NAME, resolvePoint } from './points.js';

export const SCAN_FAILED = -1;

const HEAD = Buffer.from('{"flow":{"time":"');
const TIME_KEY = Buffer.from(',"time":');
const NODE_KEY = Buffer.from(',"node_name":');
const TYPE_KEY = Buffer.from('"type":');
const SUB_TYPE_KEY = Buffer.from('"sub_type":');

const Q = 0x22; // "
const BS = 0x5c; // backslash
const CLOSE = 0x7d; // }
const COMMA = 0x2c;

const POINT_KEY = new Token('"trace_observation_point":');
const EVENT_KEY = new Token('"event_type":{');
const POD_KEY = new Token('"pod_name":"');

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
  // leading time value: {"flow":{"time":"T"
  const t1s = s + HEAD.length;
  const t1e = nextQuote(v, t1s, Math.min(e, t1s + 65));
  if (t1e <= t1s || hasByte(v, t1s, t1e, BS)) return SCAN_FAILED;

  // tail: …},"node_name":"N","time":"T"}  (node_name optional)
  if (v[e - 1] !== CLOSE || v[e - 2] !== Q) return SCAN_FAILED;
  const t2q = prevQuote(v, e - 3, Math.max(t1e, e - 70));
  if (t2q < 0 || t2q - TIME_KEY.length < t1e || !at(v, t2q - TIME_KEY.length, TIME_KEY)) return SCAN_FAILED;
  if (!sameBytes(v, t1s, t1e, t2q + 1, e - 2)) return SCAN_FAILED;
  let before = t2q - TIME_KEY.length - 1; // the byte before `,"time":`
  if (v[before] === Q) {
    const nq = prevQuote(v, before - 1, Math.max(t1e, before - 300));
    if (nq < 0 || !at(v, nq - NODE_KEY.length, NODE_KEY)) return SCAN_FAILED;
    before = nq - NODE_KEY.length - 1;
  }
  if (v[before] !== CLOSE) return SCAN_FAILED;
  const flowEnd = before; // the flow object's closing brace

  // the observation point, by name
  let pointId = -1;
  out.pointName = undefined;
  const k = POINT_KEY.lastIndexIn(v, t1e, flowEnd);
  if (k >= 0) {
    if (v[k - 1] === BS) return SCAN_FAILED;
    const vs = k + POINT_KEY.bytes.length;
    if (v[vs] !== Q) return SCAN_FAILED; // a number or null: let the full parse decide
    const ve = nextQuote(v, vs + 1, Math.min(flowEnd, vs + 40));
    if (ve < 0) return SCAN_FAILED;
    for (let i = vs + 1; i < ve; i++) {
      const c = v[i]!;
      // enum names are A-Z, 0-9 and _; anything else (an escape, say) goes to the full parse
      if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f)) return SCAN_FAILED;
    }
    if (ve > vs + 1) {
      pointId = matchPoint(v, vs + 1, ve);
      if (pointId < 0) out.pointName = v.toString('latin1', vs + 1, ve);
    }
  }

  // no name (or the zero value's name): the trace event's sub-type decides
  let eventUsed = false;
  if ((pointId < 0 && out.pointName === undefined) || pointId === UNKNOWN_NAME_ID) {
    eventUsed = true;
    const ev = readEventType(v, t1e, flowEnd);
    if (ev === undefined) return SCAN_FAILED;
    // always a known key: a trace point, UNKNOWN or NONE
    pointId = POINT_ID.get(resolvePoint(undefined, ev.type, ev.sub))!;
    out.pointName = undefined;
  }
  out.pointId = pointId;

  // both ends pods? Only needed where a flow can count as cross-node.
  out.bothPods = false;
  const pods = POD_AT;
  pods.length = 0;
  const podsUsed = pointId >= 0 && LEAVES_NODE_IDS.has(pointId);
  if (podsUsed) {
    const m = POD_KEY.bytes.length;
    let named = 0;
    for (let p = POD_KEY.indexIn(v, t1e, flowEnd); p >= 0; p = POD_KEY.indexIn(v, p + m, flowEnd)) {
      if (v[p - 1] === BS || pods.push(p) > 2) return SCAN_FAILED;
      if (v[p + m] !== Q) named++;
    }
    out.bothPods = named === 2;
  }

  // the tokens must be the keys the full parse reads
  const shape = jsonpbShape(v, s, e);
  if (!shape || shape.flowEnd !== flowEnd || shape.point !== k) return SCAN_FAILED;
  if (eventUsed && shape.event !== EVENT_AT.key) return SCAN_FAILED;
  if (podsUsed && !samePositions(pods, shape.pods)) return SCAN_FAILED;
  return 0;
}

const POD_AT: number[] = [];
function samePositions(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `"event_type":{"type":N,"sub_type":M}` in either order; undefined when it has another shape. */
const EVENT: { type: number | undefined; sub: number | undefined } = { type: undefined, sub: undefined };
/** where readEventType found the key (-1: nowhere) */
const EVENT_AT = { key: -1 };
function readEventType(v: Buffer, from: number, to: number): typeof EVENT | undefined {
  EVENT.type = undefined;
  EVENT.sub = undefined;
  const k = EVENT_KEY.lastIndexIn(v, from, to);
  EVENT_AT.key = k;
  if (k < 0) return EVENT;
  if (v[k - 1] === BS) return undefined;
  let i = k + EVENT_KEY.bytes.length;
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

// Short searches are plain loops: for a few dozen bytes a native indexOf costs more in its call.
function nextQuote(v: Buffer, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (v[i] === Q) return i;
  return -1;
}

function prevQuote(v: Buffer, from: number, limit: number): number {
  for (let i = from; i >= limit; i--) if (v[i] === Q) return i;
  return -1;
}

function hasByte(v: Buffer, s: number, e: number, b: number): boolean {
  for (let i = s; i < e; i++) if (v[i] === b) return true;
  return false;
}

function sameBytes(v: Buffer, as: number, ae: number, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  for (let i = 0; i < ae - as; i++) if (v[as + i] !== v[bs + i]) return false;
  return true;
}
