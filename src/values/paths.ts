// Path helpers over plain values objects. A path is an array of keys; shown as `a.b.c`, with keys
// that contain dots or odd characters quoted (`podAnnotations["a.b/c"]`).
import type { Values } from './layers.js';

export type KeyPath = readonly string[];

export function isPlainObject(v: unknown): v is Values {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function getPath(obj: unknown, path: KeyPath): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (!isPlainObject(cur) || !Object.hasOwn(cur, k)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Whether the path is defined (also when its value is null). */
export function hasPath(obj: unknown, path: KeyPath): boolean {
  if (path.length === 0) return true;
  const parent = getPath(obj, path.slice(0, -1));
  return isPlainObject(parent) && Object.hasOwn(parent, path[path.length - 1]!);
}

/** Sets a value, creating (or replacing non-map) parents. Mutates `obj`. */
export function setPath(obj: Values, path: KeyPath, value: unknown): void {
  let cur = obj;
  for (const k of path.slice(0, -1)) {
    const next = cur[k];
    if (!isPlainObject(next)) cur[k] = {};
    cur = cur[k] as Values;
  }
  cur[path[path.length - 1]!] = value;
}

export function deletePath(obj: Values, path: KeyPath): void {
  const parent = getPath(obj, path.slice(0, -1));
  if (isPlainObject(parent)) delete parent[path[path.length - 1]!];
}

export function formatPath(path: KeyPath): string {
  let out = '';
  for (const k of path) {
    if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k)) out += out ? `.${k}` : k;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}

/** Every leaf (scalar, list, null or empty map) with its path, in key order. */
export function leaves(obj: unknown, prefix: string[] = []): Array<[string[], unknown]> {
  if (!isPlainObject(obj) || (Object.keys(obj).length === 0 && prefix.length > 0)) return [[prefix, obj]];
  const out: Array<[string[], unknown]> = [];
  for (const k of Object.keys(obj)) out.push(...leaves(obj[k], [...prefix, k]));
  return out;
}
