// The object store: every object by type, namespace and name, one global resourceVersion counter, and
// a log of changes that watches replay from and follow.
import { randomUUID } from 'node:crypto';
import { apiVersionOf, type ResourceType } from './resources.js';
import type { Obj } from './types.js';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  rv: number;
  type: EventType;
  rt: ResourceType;
  object: Obj;
  /** the object before a MODIFIED event */
  old?: Obj;
}

const typeKey = (rt: ResourceType): string => `${rt.group}/${rt.plural}`;
const objKey = (ns: string | undefined, name: string): string => `${ns ?? ''}/${name}`;

// Kinds whose registry strategy keeps no metadata.generation (everything with a spec a controller acts on has one).
const NO_GENERATION = new Set([
  'Namespace',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Event',
  'Endpoints',
  'EndpointSlice',
  'Node',
  'Service',
  'Lease',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'ControllerRevision',
  'PersistentVolumeClaim',
]);
const usesGeneration = (rt: ResourceType): boolean => rt.custom === true || !NO_GENERATION.has(rt.kind);

export const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export class Store {
  private rv = 1000;
  private readonly objects = new Map<string, Map<string, Obj>>();
  readonly log: StoreEvent[] = [];
  private readonly listeners = new Set<(e: StoreEvent) => void>();

  get resourceVersion(): string {
    return String(this.rv);
  }

  /** the oldest resourceVersion a watch can resume from */
  get oldestRv(): number {
    return this.log[0]?.rv ?? this.rv;
  }

  subscribe(fn: (e: StoreEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private table(rt: ResourceType): Map<string, Obj> {
    let t = this.objects.get(typeKey(rt));
    if (!t) this.objects.set(typeKey(rt), (t = new Map()));
    return t;
  }

  get(rt: ResourceType, ns: string | undefined, name: string): Obj | undefined {
    const o = this.table(rt).get(objKey(rt.namespaced ? ns : undefined, name));
    return o ? structuredClone(o) : undefined;
  }

  /** The stored objects themselves (no copies, unsorted): for read-only scans; never mutate them. */
  scan(rt: ResourceType, ns?: string): readonly Obj[] {
    const out: Obj[] = [];
    for (const o of this.table(rt).values()) if (!rt.namespaced || !ns || o.metadata?.namespace === ns) out.push(o);
    return out;
  }

  list(rt: ResourceType, ns?: string): Obj[] {
    const out: Obj[] = [];
    for (const o of this.table(rt).values()) {
      if (rt.namespaced && ns && o.metadata?.namespace !== ns) continue;
      out.push(structuredClone(o));
    }
    return out.sort((a, b) =>
      `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name}`),
    );
  }

  private emit(type: EventType, rt: ResourceType, object: Obj, old?: Obj): void {
    const e: StoreEvent = { rv: this.rv, type, rt, object: structuredClone(object), old };
    this.log.push(e);
    for (const l of [...this.listeners]) l(e);
  }

  /** Stores a new object: fills uid, resourceVersion, creationTimestamp, generation. */
  create(rt: ResourceType, obj: Obj): Obj {
    const o = structuredClone(obj);
    o.apiVersion = apiVersionOf(rt);
    o.kind = rt.kind;
    o.metadata ??= {};
    if (!rt.namespaced) delete o.metadata.namespace;
    o.metadata.uid = randomUUID();
    o.metadata.creationTimestamp = nowIso();
    if (usesGeneration(rt)) o.metadata.generation = 1;
    else delete o.metadata.generation;
    o.metadata.resourceVersion = String(++this.rv);
    this.table(rt).set(objKey(o.metadata.namespace, o.metadata.name), o);
    this.emit('ADDED', rt, o);
    return structuredClone(o);
  }

  /**
   * Replaces an object. The generation goes up when anything but metadata and status changed.
   * Nothing is written (and no event is sent) when the object did not change.
   */
  update(rt: ResourceType, obj: Obj): Obj {
    const t = this.table(rt);
    const key = objKey(rt.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name);
    const old = t.get(key);
    if (!old) throw new Error(`update of missing ${rt.plural} ${key}`);
    const o = structuredClone(obj);
    o.apiVersion = apiVersionOf(rt);
    o.kind = rt.kind;
    o.metadata.uid = old.metadata.uid;
    o.metadata.creationTimestamp = old.metadata.creationTimestamp;
    o.metadata.resourceVersion = old.metadata.resourceVersion;
    o.metadata.generation = old.metadata.generation;
    if (o.metadata.deletionTimestamp === undefined && old.metadata.deletionTimestamp)
      o.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
    if (JSON.stringify(o) === JSON.stringify(old)) return structuredClone(old);
    const specOf = (x: Obj): string => {
      const { metadata: _m, status: _s, ...rest } = x;
      return JSON.stringify(rest);
    };
    if (usesGeneration(rt) && specOf(o) !== specOf(old)) o.metadata.generation = (old.metadata.generation ?? 1) + 1;
    o.metadata.resourceVersion = String(++this.rv);
    t.set(key, o);
    this.emit('MODIFIED', rt, o, structuredClone(old));
    return structuredClone(o);
  }

  /** update() unless the object is gone (a controller racing a deletion) */
  updateIfPresent(rt: ResourceType, obj: Obj): Obj | undefined {
    const key = objKey(rt.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name);
    return this.table(rt).has(key) ? this.update(rt, obj) : undefined;
  }

  remove(rt: ResourceType, ns: string | undefined, name: string): Obj | undefined {
    const t = this.table(rt);
    const key = objKey(rt.namespaced ? ns : undefined, name);
    const old = t.get(key);
    if (!old) return undefined;
    t.delete(key);
    old.metadata.resourceVersion = String(++this.rv);
    this.emit('DELETED', rt, old);
    return structuredClone(old);
  }
}
