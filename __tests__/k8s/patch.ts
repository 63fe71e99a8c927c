// The four ways a client can change an object in place: JSON merge patch (RFC 7386), JSON patch
// (RFC 6902), strategic merge patch (Kubernetes' merge keys and `$patch` directives) and server-side
// apply (modelled as a three-way merge against what the same field manager applied last time).
import type { Obj } from './types.js';

export class PatchError extends Error {
  readonly code: number;
  constructor(message: string, code = 422) {
    super(message);
    this.code = code;
  }
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  const out: Obj = isObj(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v);
  }
  return out;
}

function unescapePointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw new PatchError(`invalid JSON pointer ${JSON.stringify(p)}`);
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function jsonPatch(target: Obj, ops: unknown): Obj {
  if (!Array.isArray(ops)) throw new PatchError('a JSON patch must be an array of operations', 400);
  let doc: unknown = clone(target);
  const parentOf = (path: string[]): [Obj | unknown[], string] => {
    let cur: unknown = doc;
    for (const part of path.slice(0, -1)) {
      if (Array.isArray(cur)) cur = cur[Number(part)];
      else if (isObj(cur)) cur = cur[part];
      else cur = undefined;
      if (cur === undefined) throw new PatchError(`JSON patch path not found: /${path.join('/')}`);
    }
    if (!Array.isArray(cur) && !isObj(cur)) throw new PatchError(`JSON patch path not found: /${path.join('/')}`);
    return [cur, path[path.length - 1]!];
  };
  const get = (path: string[]): unknown => {
    if (path.length === 0) return doc;
    const [p, k] = parentOf(path);
    const v = Array.isArray(p) ? p[Number(k)] : p[k];
    if (v === undefined) throw new PatchError(`JSON patch path not found: /${path.join('/')}`);
    return v;
  };
  const remove = (path: string[]): unknown => {
    const [p, k] = parentOf(path);
    if (Array.isArray(p)) {
      const i = Number(k);
      if (!(i >= 0 && i < p.length)) throw new PatchError(`JSON patch index out of range: /${path.join('/')}`);
      return p.splice(i, 1)[0];
    }
    if (!(k in p)) throw new PatchError(`JSON patch path not found: /${path.join('/')}`);
    const v = p[k];
    delete p[k];
    return v;
  };
  const add = (path: string[], value: unknown): void => {
    if (path.length === 0) {
      doc = value;
      return;
    }
    const [p, k] = parentOf(path);
    if (Array.isArray(p)) {
      const i = k === '-' ? p.length : Number(k);
      if (!(i >= 0 && i <= p.length)) throw new PatchError(`JSON patch index out of range: /${path.join('/')}`);
      p.splice(i, 0, value);
    } else p[k] = value;
  };
  for (const op of ops as Obj[]) {
    const path = unescapePointer(op.path as string);
    switch (op.op) {
      case 'add':
        add(path, clone(op.value));
        break;
      case 'remove':
        remove(path);
        break;
      case 'replace':
        remove(path);
        add(path, clone(op.value));
        break;
      case 'move': {
        const v = remove(unescapePointer(op.from as string));
        add(path, v);
        break;
      }
      case 'copy':
        add(path, clone(get(unescapePointer(op.from as string))));
        break;
      case 'test':
        if (JSON.stringify(get(path)) !== JSON.stringify(op.value)) throw new PatchError(`JSON patch test failed at ${op.path}`);
        break;
      default:
        throw new PatchError(`unknown JSON patch operation ${JSON.stringify(op.op)}`, 400);
    }
  }
  if (!isObj(doc)) throw new PatchError('a JSON patch must leave an object');
  return doc;
}

// Merge keys of the list fields that Kubernetes merges item by item (patchMergeKey in the Go types).
// Lists not named here are atomic: a patch replaces them.
const MERGE_KEYS: Record<string, string | ((items: Obj[]) => string)> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  conditions: 'type',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  ports: (items) => (items.some((i) => isObj(i) && 'containerPort' in i) ? 'containerPort' : 'port'),
};
// Lists of scalars merged as sets.
const MERGED_SCALAR_LISTS = new Set(['finalizers']);

function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  const k = MERGE_KEYS[field];
  if (!k) return undefined;
  return typeof k === 'string' ? k : k(items.filter(isObj));
}

/** Applies a strategic merge patch (with `$patch`, `$retainKeys`, `$deleteFromPrimitiveList`, `$setElementOrder`). */
export function strategicMerge(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _, ...rest } = patch;
    return clone(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const out: Obj = isObj(target) ? clone(target) : {};
  const retain = patch.$retainKeys as string[] | undefined;
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$retainKeys' || k === '$patch' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field])) out[field] = (out[field] as unknown[]).filter((x) => !(v as unknown[]).includes(x));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    if (Array.isArray(v)) {
      out[k] = mergeList(k, out[k], v);
      continue;
    }
    const merged = isObj(v) ? strategicMerge(out[k], v) : clone(v);
    if (merged === undefined) delete out[k];
    else out[k] = merged;
  }
  if (retain) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}

function mergeList(field: string, current: unknown, patch: unknown[]): unknown[] {
  const cur = Array.isArray(current) ? clone(current) : [];
  if (patch.some((p) => isObj(p) && p.$patch === 'replace')) return clone(patch.filter((p) => !(isObj(p) && p.$patch === 'replace')));
  if (MERGED_SCALAR_LISTS.has(field)) return [...cur, ...patch.filter((p) => !cur.includes(p))];
  const key = mergeKeyFor(field, [...cur, ...patch]);
  if (!key) return clone(patch);
  const out = cur as Obj[];
  for (const item of patch) {
    if (!isObj(item)) continue;
    const i = out.findIndex((c) => isObj(c) && c[key] === item[key]);
    if (item.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = strategicMerge(out[i], item) as Obj;
    else out.push(strategicMerge(undefined, item) as Obj);
  }
  return out;
}

/**
 * Server-side apply, simplified: fields this manager applied before and no longer applies are removed
 * (unless another manager has set them since, which this model does not track), then the new
 * configuration is merged in with the strategic-merge rules.
 */
export function serverSideApply(live: Obj | undefined, applied: Obj, previouslyApplied: Obj | undefined): Obj {
  let base = live ? clone(live) : {};
  if (previouslyApplied) base = removeDropped(base, previouslyApplied, applied) as Obj;
  return strategicMerge(base, applied) as Obj;
}

function removeDropped(live: unknown, before: unknown, after: unknown, field = ''): unknown {
  if (isObj(before) && isObj(live)) {
    const out = live;
    for (const k of Object.keys(before)) {
      if (!isObj(after) || !(k in after)) delete out[k];
      else out[k] = removeDropped(out[k], before[k], after[k], k);
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(live) && Array.isArray(after)) {
    const key = mergeKeyFor(field, [...before, ...after]);
    if (!key) return live;
    const keep = (item: unknown): boolean =>
      !isObj(item) || !before.some((b) => isObj(b) && b[key] === item[key]) || after.some((a) => isObj(a) && a[key] === item[key]);
    return live.filter(keep).map((item) =>
      isObj(item)
        ? removeDropped(
            item,
            before.find((b) => isObj(b) && b[key] === item[key]),
            after.find((a) => isObj(a) && a[key] === item[key]),
          )
        : item,
    );
  }
  return live;
}
