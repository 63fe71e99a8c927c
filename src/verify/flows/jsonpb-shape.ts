// The token scan (jsonpb-scan.ts) finds keys by their bytes; this pass proves it found the right ones.
// It walks the line once as JSON (no allocation) and records where the keys a full parse reads
// actually are: `trace_observation_point` and `event_type` as members of the flow object, `pod_name`
// as a member of the flow's `source` or `destination`. The scan's answer stands only when its tokens
// are exactly these; a line that is not valid JSON, a key written with an escape, or a key given twice
// makes the scan give up, so a crafted line can never count differently from a full parse.

/** Where the full parse's keys are, as byte offsets of their opening quote (-1: absent). */
export interface JsonpbShape {
  /** the flow object's closing brace */
  flowEnd: number;
  point: number;
  event: number;
  /** `pod_name` members of flow.source and flow.destination, in order */
  pods: number[];
}

const Q = 0x22;
const BS = 0x5c;

const POINT = Buffer.from('trace_observation_point');
const EVENT = Buffer.from('event_type');
const POD = Buffer.from('pod_name');
const FLOW = Buffer.from('flow');
const SOURCE = Buffer.from('source');
const DESTINATION = Buffer.from('destination');

const K_FLOW = 1;
const K_POINT = 2;
const K_EVENT = 4;
const K_SOURCE = 8;
const K_DESTINATION = 16;
const K_POD = 32;

// Roles of objects: 0 any other, 1 the line, 2 the flow, 3 the flow's source or destination.
const MAX_DEPTH = 256;
const ROLE = new Uint8Array(MAX_DEPTH);
const ARRAY = new Uint8Array(MAX_DEPTH);
const SEEN = new Uint8Array(MAX_DEPTH);
/** readMember's results (no allocation per key) */
const MEMBER = { seen: 0, child: 0 };

const isWs = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');

/**
 * The line v[s, e) as one JSON object with a `flow` object; undefined when that is not certain.
 * One iterative pass (an explicit stack, no recursion, no allocation but the result).
 */
export function jsonpbShape(v: Buffer, s: number, e: number): JsonpbShape | undefined {
  if (v[s] !== 0x7b) return undefined;
  const shape: JsonpbShape = { flowEnd: -1, point: -1, event: -1, pods: [] };
  let depth = 0;
  let i = s;
  let role = 0;
  let isArray = false;
  let seen = 0;
  let childRole = 1;
  outer: for (;;) {
    while (isWs(v[i])) i++;
    const c = v[i];
    if (c === 0x7b || c === 0x5b) {
      if (depth >= MAX_DEPTH) return undefined;
      ROLE[depth] = role;
      ARRAY[depth] = isArray ? 1 : 0;
      SEEN[depth] = seen;
      depth++;
      isArray = c === 0x5b;
      role = isArray ? 0 : childRole;
      seen = 0;
      i++;
      while (isWs(v[i])) i++;
      if (v[i] !== (isArray ? 0x5d : 0x7d)) {
        if (isArray) {
          childRole = 0;
          continue outer;
        }
        i = readMember(v, i, e, role, seen, shape);
        if (i < 0) return undefined;
        seen = MEMBER.seen;
        childRole = MEMBER.child;
        continue outer;
      }
      // empty: the loop below closes it
    } else {
      i = c === 0x22 ? skipString(v, i, e) : c === 0x74 ? literal(v, i, TRUE) : c === 0x66 ? literal(v, i, FALSE) : c === 0x6e ? literal(v, i, NULL) : skipNumber(v, i, e);
      if (i < 0) return undefined;
    }
    // after a value: the next member or item, or the container's end
    for (;;) {
      while (i < e && isWs(v[i])) i++;
      if (depth === 0) return i === e && shape.flowEnd >= 0 ? shape : undefined;
      const d = v[i];
      if (d === 0x2c) {
        i++;
        if (isArray) {
          childRole = 0;
          continue outer;
        }
        while (isWs(v[i])) i++;
        i = readMember(v, i, e, role, seen, shape);
        if (i < 0) return undefined;
        seen = MEMBER.seen;
        childRole = MEMBER.child;
        continue outer;
      }
      if (i >= e || d !== (isArray ? 0x5d : 0x7d)) return undefined;
      if (role === 2) shape.flowEnd = i;
      i++;
      depth--;
      role = ROLE[depth]!;
      isArray = ARRAY[depth] === 1;
      seen = SEEN[depth]!;
    }
  }
}

/** `"key":` at i in an object of `role`; returns the offset after the colon, or -1. */
function readMember(v: Buffer, i: number, e: number, role: number, seen: number, shape: JsonpbShape): number {
  if (v[i] !== Q) return -1;
  const ks = i;
  let j = i + 1;
  // an escape can spell any key: only the full parse can tell which
  while (j < e && v[j] !== Q) {
    if (v[j] === BS || v[j]! < 0x20) return -1;
    j++;
  }
  if (j >= e) return -1;
  const ke = j;
  j++;
  while (isWs(v[j])) j++;
  if (v[j] !== 0x3a) return -1;
  MEMBER.seen = seen;
  MEMBER.child = 0;
  if (role !== 0) {
    const bit = keyBit(v, role, ks, ke);
    if (bit !== 0) {
      if (seen & bit) return -1; // JSON.parse keeps the last of a duplicate
      MEMBER.seen = seen | bit;
      if (bit === K_FLOW) MEMBER.child = 2;
      else if (bit === K_POINT) shape.point = ks;
      else if (bit === K_EVENT) shape.event = ks;
      else if (bit === K_SOURCE || bit === K_DESTINATION) MEMBER.child = 3;
      else shape.pods.push(ks);
    }
  }
  return j + 1;
}

/** Which key that matters this is in an object of the given role (0: none). */
function keyBit(v: Buffer, role: number, ks: number, ke: number): number {
  if (role === 1) return is(v, ks, ke, FLOW) ? K_FLOW : 0;
  if (role === 3) return is(v, ks, ke, POD) ? K_POD : 0;
  if (is(v, ks, ke, POINT)) return K_POINT;
  if (is(v, ks, ke, EVENT)) return K_EVENT;
  if (is(v, ks, ke, SOURCE)) return K_SOURCE;
  return is(v, ks, ke, DESTINATION) ? K_DESTINATION : 0;
}

function is(v: Buffer, ks: number, ke: number, name: Buffer): boolean {
  if (ke - ks - 1 !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (v[ks + 1 + k] !== name[k]) return false;
  return true;
}

/** A string at i (a quote); the offset after it, or -1 when JSON.parse would refuse it. */
function skipString(v: Buffer, i: number, e: number): number {
  for (let j = i + 1; j < e; j++) {
    const c = v[j]!;
    if (c === Q) return j + 1;
    if (c < 0x20) return -1;
    if (c === BS) {
      const n = v[j + 1];
      if (n === 0x75) {
        for (let k = 2; k < 6; k++) if (!isHex(v[j + k])) return -1;
        j += 5;
      } else if (n === Q || n === BS || n === 0x2f || n === 0x62 || n === 0x66 || n === 0x6e || n === 0x72 || n === 0x74) j++;
      else return -1;
    }
  }
  return -1;
}

function literal(v: Buffer, i: number, word: Buffer): number {
  for (let k = 0; k < word.length; k++) if (v[i + k] !== word[k]) return -1;
  return i + word.length;
}

/** JSON's number grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? */
function skipNumber(v: Buffer, i: number, e: number): number {
  if (v[i] === 0x2d) i++;
  if (v[i] === 0x30) i++;
  else if (isDigit(v[i])) while (isDigit(v[i])) i++;
  else return -1;
  if (v[i] === 0x2e) {
    i++;
    if (!isDigit(v[i])) return -1;
    while (isDigit(v[i])) i++;
  }
  if (v[i] === 0x65 || v[i] === 0x45) {
    i++;
    if (v[i] === 0x2b || v[i] === 0x2d) i++;
    if (!isDigit(v[i])) return -1;
    while (isDigit(v[i])) i++;
  }
  return i > e ? -1 : i;
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isHex = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));
