// Decodes Kubernetes protobuf request bodies (`k8s\0` + runtime.Unknown{typeMeta, raw}) into the JSON
// form, for the kinds in protobuf/schema.json. kubectl's typed commands (create namespace, create secret,
// run) and Helm's release storage send these; client-go does not fall back to JSON when the server
// answers 415, so the server has to read them.
import { readFileSync } from 'node:fs';
import type { Obj } from './types.js';

interface FieldDef {
  name: string;
  type?: string;
  repeated?: boolean;
  map?: [string, string];
  /** an embedded Go struct (`json:",inline"`): its fields belong to the parent in JSON */
  inline?: boolean;
}
interface Schema {
  messages: Record<string, Record<string, FieldDef>>;
}

const schema = JSON.parse(readFileSync(new URL('./protobuf/schema.json', import.meta.url), 'utf8')) as Schema;

const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

const GROUP_PACKAGES: Record<string, string> = {
  v1: 'k8s.io.api.core.v1',
  'apps/v1': 'k8s.io.api.apps.v1',
  'batch/v1': 'k8s.io.api.batch.v1',
  'authorization.k8s.io/v1': 'k8s.io.api.authorization.v1',
  'meta.k8s.io/v1': 'k8s.io.apimachinery.pkg.apis.meta.v1',
};

class Reader {
  pos = 0;
  readonly buf: Buffer;
  constructor(buf: Buffer) {
    this.buf = buf;
  }
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('truncated varint');
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
  }
  bytes(): Buffer {
    const n = Number(this.varint());
    const out = this.buf.subarray(this.pos, this.pos + n);
    if (out.length !== n) throw new Error('truncated field');
    this.pos += n;
    return out;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
}

const toInt = (v: bigint, type: string): number =>
  Number(type === 'int32' ? BigInt.asIntN(32, v) : type === 'int64' ? BigInt.asIntN(64, v) : v);

function scalar(r: Reader, wire: number, type: string): unknown {
  switch (type) {
    case 'string':
      return r.bytes().toString('utf8');
    case 'bytes':
      return Buffer.from(r.bytes()).toString('base64');
    case 'bool':
      return r.varint() !== 0n;
    case 'double': {
      const v = r.buf.readDoubleLE(r.pos);
      r.pos += 8;
      return v;
    }
    case 'float': {
      const v = r.buf.readFloatLE(r.pos);
      r.pos += 4;
      return v;
    }
    default:
      if (wire !== 0) throw new Error(`unexpected wire type ${wire} for ${type}`);
      return toInt(r.varint(), type);
  }
}

const isZero = (v: unknown): boolean => v === '' || v === 0 || v === false;

/** Decodes one message to its JSON form. Zero scalars are dropped, as the JSON encoding omits them. */
function decodeMessage(buf: Buffer, type: string): unknown {
  const special = SPECIAL[type];
  if (special) return special(buf);
  const fields = schema.messages[type];
  if (!fields) throw new Error(`no protobuf schema for ${type}`);
  const out: Obj = {};
  const r = new Reader(buf);
  while (!r.done) {
    const tag = Number(r.varint());
    const num = tag >>> 3;
    const wire = tag & 7;
    const f = fields[String(num)];
    if (!f) {
      r.skip(wire);
      continue;
    }
    if (f.map) {
      const entry = new Reader(r.bytes());
      let key: unknown = '';
      let value: unknown = f.map[1] === 'string' || f.map[1] === 'bytes' ? '' : {};
      while (!entry.done) {
        const t = Number(entry.varint());
        const w = t & 7;
        const which = t >>> 3;
        const valueType = which === 1 ? f.map[0] : f.map[1];
        const v = isScalarType(valueType) ? scalar(entry, w, valueType) : decodeMessage(entry.bytes(), valueType);
        if (which === 1) key = v;
        else value = v;
      }
      (out[f.name] ??= {})[String(key)] = value;
      continue;
    }
    const t = f.type!;
    if (isScalarType(t)) {
      if (f.repeated && wire === 2 && t !== 'string' && t !== 'bytes') {
        // packed numbers
        const packed = new Reader(r.bytes());
        while (!packed.done) (out[f.name] ??= []).push(scalar(packed, 0, t));
        continue;
      }
      const v = scalar(r, wire, t);
      if (f.repeated) (out[f.name] ??= []).push(v);
      else if (!isZero(v)) out[f.name] = v;
      continue;
    }
    const v = decodeMessage(r.bytes(), t);
    if (f.inline) Object.assign(out, v);
    else if (f.repeated) (out[f.name] ??= []).push(v);
    else if (v !== undefined) out[f.name] = v;
  }
  return out;
}

const isScalarType = (t: string): boolean =>
  ['string', 'bytes', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'double', 'float'].includes(t);

function fieldsOf(buf: Buffer): Map<number, unknown[]> {
  const m = new Map<number, unknown[]>();
  const r = new Reader(buf);
  while (!r.done) {
    const tag = Number(r.varint());
    const wire = tag & 7;
    const v = wire === 0 ? r.varint() : wire === 2 ? r.bytes() : (r.skip(wire), undefined);
    const list = m.get(tag >>> 3) ?? [];
    list.push(v);
    m.set(tag >>> 3, list);
  }
  return m;
}

function time(buf: Buffer): string | undefined {
  const f = fieldsOf(buf);
  const seconds = Number(BigInt.asIntN(64, (f.get(1)?.[0] as bigint | undefined) ?? 0n));
  const nanos = Number((f.get(2)?.[0] as bigint | undefined) ?? 0n);
  if (seconds === 0 && nanos === 0) return undefined;
  return new Date(seconds * 1000 + Math.floor(nanos / 1e6)).toISOString().replace(/\.000Z$/, 'Z');
}

const SPECIAL: Record<string, (buf: Buffer) => unknown> = {
  'k8s.io.apimachinery.pkg.apis.meta.v1.Time': time,
  'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime': (buf) => {
    const f = fieldsOf(buf);
    const seconds = Number((f.get(1)?.[0] as bigint | undefined) ?? 0n);
    const nanos = Number((f.get(2)?.[0] as bigint | undefined) ?? 0n);
    if (seconds === 0 && nanos === 0) return undefined;
    const iso = new Date(seconds * 1000).toISOString().replace(/\.000Z$/, '');
    return `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z`;
  },
  'k8s.io.apimachinery.pkg.apis.meta.v1.Duration': (buf) => {
    const ns = Number((fieldsOf(buf).get(1)?.[0] as bigint | undefined) ?? 0n);
    return `${ns / 1e9}s`;
  },
  'k8s.io.apimachinery.pkg.api.resource.Quantity': (buf) =>
    ((fieldsOf(buf).get(1)?.[0] as Buffer | undefined) ?? Buffer.alloc(0)).toString('utf8'),
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': (buf) => {
    const f = fieldsOf(buf);
    const type = Number((f.get(1)?.[0] as bigint | undefined) ?? 0n);
    return type === 1
      ? ((f.get(3)?.[0] as Buffer | undefined) ?? Buffer.alloc(0)).toString('utf8')
      : Number(BigInt.asIntN(32, (f.get(2)?.[0] as bigint | undefined) ?? 0n));
  },
  'k8s.io.apimachinery.pkg.runtime.RawExtension': (buf) => rawJson(fieldsOf(buf).get(1)?.[0] as Buffer | undefined),
  'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1': (buf) => rawJson(fieldsOf(buf).get(1)?.[0] as Buffer | undefined),
};

function rawJson(b: Buffer | undefined): unknown {
  if (!b || b.length === 0) return undefined;
  return JSON.parse(b.toString('utf8'));
}

export const isProtobuf = (body: Buffer): boolean => body.length >= 4 && body.subarray(0, 4).equals(PROTOBUF_MAGIC);

/** Decodes a `k8s\0`-framed body. Throws for kinds without a schema (the server answers 415 then). */
export function decodeProtobuf(body: Buffer): Obj {
  if (!isProtobuf(body)) throw new Error('not a Kubernetes protobuf body');
  const unknown = fieldsOf(body.subarray(4));
  const typeMeta = fieldsOf((unknown.get(1)?.[0] as Buffer | undefined) ?? Buffer.alloc(0));
  const apiVersion = ((typeMeta.get(1)?.[0] as Buffer | undefined) ?? Buffer.alloc(0)).toString('utf8');
  const kind = ((typeMeta.get(2)?.[0] as Buffer | undefined) ?? Buffer.alloc(0)).toString('utf8');
  const raw = (unknown.get(2)?.[0] as Buffer | undefined) ?? Buffer.alloc(0);
  // DeleteOptions travels with the apiVersion of the resource it deletes.
  const pkg = kind === 'DeleteOptions' ? GROUP_PACKAGES['meta.k8s.io/v1'] : GROUP_PACKAGES[apiVersion];
  const type = `${pkg}.${kind}`;
  if (!pkg || !schema.messages[type]) throw new Error(`cannot decode protobuf for ${apiVersion} ${kind}`);
  return { apiVersion, kind, ...(decodeMessage(raw, type) as Obj) };
}
