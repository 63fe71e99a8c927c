// One pass over a jsonpb line as JSON (no allocation) that proves it valid, as JSON.parse would, and
// records where the keys a full parse reads are: `trace_observation_point` and `event_type` as members
// of the flow object, `pod_name` as a member of the flow's `source` or `destination`. The token scan
// (jsonpb-scan.ts) reads its values at these offsets. A line that is not valid JSON, a key written
// with an escape, or a key given twice makes the walk give up (the line is then parsed in full), so a
// crafted line can never count differently from a full parse.
// Every byte is looked at (one raw control character anywhere makes JSON.parse refuse the line), so
// the walk is built for speed: string contents are skipped four bytes at a time (special-byte.ts),
// and nothing is allocated per line (the result object is reused).
import { plainRun, viewOfBuffer } from './special-byte.js';

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

// Roles of objects: 0 any other, 1 the line, 2 the flow, 3 the flow's source or destination. An open
// container is one int: its role, whether it is an array, and which of the keys above it has seen.
const ROLE_MASK = 3;
const ARRAY_BIT = 4;
const SEEN_SHIFT = 3;
const MAX_DEPTH = 256;
const STACK = new Int32Array(MAX_DEPTH);
/** the line's memory for plainRun, and where v starts in it (set per line) */
let VIEW = viewOfBuffer(Buffer.alloc(0));
let OFF = 0;
/** readMember's results (no allocation per key) */
const MEMBER = { frame: 0, child: 0 };

/** the result, reused: the caller reads it before the next call */
const SHAPE: JsonpbShape = { flowEnd: -1, point: -1, event: -1, pods: [] };
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');

/**
 * The line v[s, e) as one JSON object with a `flow` object; undefined when that is not certain.
 * One iterative pass (an explicit stack, no recursion, no allocation). The result is shared between
 * calls: read it before the next one. Hubble writes compact JSON, so blanks are checked for only where
 * a byte is at most 0x20 (one comparison on the usual path).
 */
export function jsonpbShape(v: Buffer, s: number, e: number): JsonpbShape | undefined {
  if (v[s] !== 0x7b) return undefined;
  const shape = begin(v);
  let depth = 0;
  let i = s;
  let frame = 0; // the open container: role | ARRAY_BIT | seen << SEEN_SHIFT
  let childRole = 1;
  for (;;) {
    // one block per value; leaving it (break value) means a member or item starts at i
    value: {
      let c = v[i]!;
      if (c <= 0x20) c = v[(i = skipWs(v, i))]!;
      if (c === Q) {
        i = skipString(v, i, e);
      } else if (c === 0x7b || c === 0x5b) {
        if (depth >= MAX_DEPTH) return undefined;
        STACK[depth++] = frame;
        frame = c === 0x5b ? ARRAY_BIT : childRole;
        c = v[++i]!;
        if (c <= 0x20) c = v[(i = skipWs(v, i))]!;
        if (c !== (frame === ARRAY_BIT ? 0x5d : 0x7d)) break value;
        // empty: the loop below closes it
      } else {
        // a number, or true, false or null (any other byte fails null's match)
        i = (c >= 0x30 && c <= 0x39) || c === 0x2d ? skipNumber(v, i, e) : literal(v, i, c === 0x74 ? TRUE : c === 0x66 ? FALSE : NULL);
      }
      if (i < 0) return undefined;
      // after a value: the next member or item, or the container's end (perhaps several)
      for (;;) {
        c = v[i]!;
        if (c <= 0x20 && i < e) c = v[(i = skipWs(v, i))]!;
        if (depth === 0) return i === e && shape.flowEnd >= 0 ? shape : undefined;
        if (i >= e) return undefined;
        if (c === 0x2c) {
          i++;
          break value;
        }
        if (c !== ((frame & ARRAY_BIT) !== 0 ? 0x5d : 0x7d)) return undefined;
        if ((frame & ROLE_MASK) === 2) shape.flowEnd = i;
        i++;
        frame = STACK[--depth]!;
      }
    }
    // a member (its key read here) or an item starts at i
    if ((frame & ARRAY_BIT) !== 0) childRole = 0;
    else {
      i = readMember(v, i, e, frame, shape);
      if (i < 0) return undefined;
      frame = MEMBER.frame;
      childRole = MEMBER.child;
    }
  }
}

/** Points the module's view at the line's memory and clears the shared result. */
function begin(v: Buffer): JsonpbShape {
  VIEW = viewOfBuffer(v);
  OFF = v.byteOffset;
  SHAPE.flowEnd = SHAPE.point = SHAPE.event = -1;
  SHAPE.pods.length = 0;
  return SHAPE;
}

function skipWs(v: Buffer, i: number): number {
  for (let c = v[i]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = v[++i]);
  return i;
}

/** `"key":` at i (blanks allowed before it) in an object `frame`; the offset after the colon, or -1. */
function readMember(v: Buffer, i: number, e: number, frame: number, shape: JsonpbShape): number {
  if (v[i]! <= 0x20) i = skipWs(v, i);
  if (v[i] !== Q) return -1;
  const ks = i;
  // an escape can spell any key: only the full parse can tell which
  let ke = plainRun(VIEW, OFF + i + 1, OFF + e);
  if (ke < 0 || v[(ke -= OFF)] !== Q) return -1;
  let j = ke + 1;
  if (v[j]! <= 0x20) j = skipWs(v, j);
  if (v[j] !== 0x3a) return -1;
  MEMBER.frame = frame;
  MEMBER.child = 0;
  const role = frame & ROLE_MASK;
  if (role !== 0) {
    const bit = keyBit(v, role, ks, ke);
    if (bit !== 0) {
      if ((frame >> SEEN_SHIFT) & bit) return -1; // JSON.parse keeps the last of a duplicate
      MEMBER.frame = frame | (bit << SEEN_SHIFT);
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
  for (let j = i + 1; ;) {
    j = plainRun(VIEW, OFF + j, OFF + e);
    if (j < 0) return -1;
    j -= OFF;
    const c = v[j]!;
    if (c === Q) return j + 1;
    if (c !== BS) return -1; // a control character
    const n = v[j + 1];
    if (n === 0x75) {
      for (let k = 2; k < 6; k++) if (!isHex(v[j + k])) return -1;
      j += 6;
    } else if (n === Q || n === BS || n === 0x2f || n === 0x62 || n === 0x66 || n === 0x6e || n === 0x72 || n === 0x74) j += 2;
    else return -1;
  }
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
