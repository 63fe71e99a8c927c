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

/** Parser state, reused between lines. */
class Walker {
  v: Buffer = Buffer.alloc(0);
  i = 0;
  e = 0;
  shape: JsonpbShape = { flowEnd: -1, point: -1, event: -1, pods: [] };
  ok = true;

  ws(): void {
    const v = this.v;
    while (this.i < this.e && (v[this.i] === 0x20 || v[this.i] === 0x09 || v[this.i] === 0x0a || v[this.i] === 0x0d)) this.i++;
  }

  /** A string at i (which is a quote); returns whether it had a backslash. Sets ok=false when invalid. */
  string(): boolean {
    const v = this.v;
    let escaped = false;
    for (let i = this.i + 1; i < this.e; i++) {
      const c = v[i]!;
      if (c === Q) {
        this.i = i + 1;
        return escaped;
      }
      if (c < 0x20) break;
      if (c === BS) {
        escaped = true;
        const n = v[i + 1];
        if (n === 0x75) {
          for (let k = 2; k < 6; k++) if (!isHex(v[i + k])) return this.fail();
          i += 5;
        } else if (n === Q || n === BS || n === 0x2f || n === 0x62 || n === 0x66 || n === 0x6e || n === 0x72 || n === 0x74) i++;
        else break;
      }
    }
    return this.fail();
  }

  fail(): false {
    this.ok = false;
    this.i = this.e;
    return false;
  }

  /** Any JSON value at i. `role` says which object this is: 0 other, 1 line, 2 flow, 3 flow endpoint. */
  value(role: number, depth: number): void {
    this.ws();
    const v = this.v;
    const c = v[this.i];
    if (depth > 512) this.fail();
    else if (c === 0x7b) this.object(role, depth);
    else if (c === 0x5b) this.array(depth);
    else if (c === Q) this.string();
    else if (c === 0x74) this.literal('true');
    else if (c === 0x66) this.literal('false');
    else if (c === 0x6e) this.literal('null');
    else this.number();
  }

  object(role: number, depth: number): void {
    const v = this.v;
    this.i++;
    this.ws();
    if (v[this.i] === 0x7d) {
      this.i++;
      return;
    }
    // keys this object already had, of those that matter (JSON.parse keeps the last of a duplicate)
    let seen = 0;
    for (;;) {
      this.ws();
      if (v[this.i] !== Q) return void this.fail();
      const ks = this.i;
      const escaped = this.string();
      if (!this.ok) return;
      // an escape can spell any key: only the full parse can tell which
      if (escaped) return void this.fail();
      const ke = this.i - 1;
      this.ws();
      if (v[this.i] !== 0x3a) return void this.fail();
      this.i++;
      let child = 0;
      if (role !== 0) {
        const bit = this.keyBit(role, ks, ke);
        if (bit !== 0) {
          if (seen & bit) return void this.fail();
          seen |= bit;
          if (bit === K_FLOW) child = 2;
          else if (bit === K_POINT) this.shape.point = ks;
          else if (bit === K_EVENT) this.shape.event = ks;
          else if (bit === K_SOURCE || bit === K_DESTINATION) child = 3;
          else if (bit === K_POD) this.shape.pods.push(ks);
        }
      }
      this.value(child, depth + 1);
      if (!this.ok) return;
      this.ws();
      if (v[this.i] === 0x2c) {
        this.i++;
        continue;
      }
      if (v[this.i] !== 0x7d) return void this.fail();
      if (role === 2) this.shape.flowEnd = this.i;
      this.i++;
      return;
    }
  }

  array(depth: number): void {
    const v = this.v;
    this.i++;
    this.ws();
    if (v[this.i] === 0x5d) {
      this.i++;
      return;
    }
    for (;;) {
      this.value(0, depth + 1);
      if (!this.ok) return;
      this.ws();
      if (v[this.i] === 0x2c) this.i++;
      else if (v[this.i] === 0x5d) return void this.i++;
      else return void this.fail();
    }
  }

  literal(word: string): void {
    for (let k = 0; k < word.length; k++) if (this.v[this.i + k] !== word.charCodeAt(k)) return void this.fail();
    this.i += word.length;
  }

  /** JSON's number grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? */
  number(): void {
    const v = this.v;
    let i = this.i;
    if (v[i] === 0x2d) i++;
    if (v[i] === 0x30) i++;
    else if (isDigit(v[i])) while (isDigit(v[i])) i++;
    else return void this.fail();
    if (v[i] === 0x2e) {
      i++;
      if (!isDigit(v[i])) return void this.fail();
      while (isDigit(v[i])) i++;
    }
    if (v[i] === 0x65 || v[i] === 0x45) {
      i++;
      if (v[i] === 0x2b || v[i] === 0x2d) i++;
      if (!isDigit(v[i])) return void this.fail();
      while (isDigit(v[i])) i++;
    }
    this.i = Math.min(i, this.e);
  }

  /** Which key that matters this is in an object of the given role (0: none). */
  keyBit(role: number, ks: number, ke: number): number {
    if (role === 1) return this.is(ks, ke, FLOW) ? K_FLOW : 0;
    if (role === 3) return this.is(ks, ke, POD) ? K_POD : 0;
    if (this.is(ks, ke, POINT)) return K_POINT;
    if (this.is(ks, ke, EVENT)) return K_EVENT;
    if (this.is(ks, ke, SOURCE)) return K_SOURCE;
    return this.is(ks, ke, DESTINATION) ? K_DESTINATION : 0;
  }

  is(ks: number, ke: number, name: Buffer): boolean {
    if (ke - ks - 1 !== name.length) return false;
    for (let k = 0; k < name.length; k++) if (this.v[ks + 1 + k] !== name[k]) return false;
    return true;
  }
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isHex = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));

const walker = new Walker();

/** The line v[s, e) as one JSON object with a `flow` object; undefined when that is not certain. */
export function jsonpbShape(v: Buffer, s: number, e: number): JsonpbShape | undefined {
  const w = walker;
  w.v = v;
  w.i = s;
  w.e = e;
  w.ok = true;
  w.shape = { flowEnd: -1, point: -1, event: -1, pods: [] };
  if (v[s] !== 0x7b) return undefined;
  w.object(1, 0);
  w.ws();
  if (!w.ok || w.i !== e || w.shape.flowEnd < 0) return undefined;
  return w.shape;
}
