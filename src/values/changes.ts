// The structured list of value changes (key, before, after, why) that the summary, the PR comment
// and drift all show.
import type { Values, ValuesLayer } from './layers.js';
import { formatPath, getPath, hasPath, isPlainObject, leaves } from './paths.js';

export interface ValueChange {
  key: string;
  path: string[];
  /** undefined when the key was not set */
  before: unknown;
  after: unknown;
  /** the input that caused it (`values`, `values-files: a.yaml`, `enforced`) and why */
  source: string;
  why: string;
  /** the target chart has no such key, so the live value does nothing: apply removes it, drift does not count it */
  inert?: true;
}

export interface Reason {
  path: readonly string[];
  source: string;
  why: string;
}

/**
 * Leaf-level differences between two values trees. `reasons` (enforced keys, removals) explain the
 * keys they name; any other change is attributed to the last user layer that sets the key.
 */
export function diffValues(before: Values, after: Values, layers: readonly ValuesLayer[], reasons: readonly Reason[] = []): ValueChange[] {
  const keys = new Map<string, string[]>();
  for (const [p] of [...leaves(before), ...leaves(after)]) if (p.length > 0) keys.set(JSON.stringify(p), p);
  const changes: ValueChange[] = [];
  for (const path of keys.values()) {
    const b = hasPath(before, path) ? getPath(before, path) : undefined;
    const a = hasPath(after, path) ? getPath(after, path) : undefined;
    if (equalValues(b, a)) continue;
    // A key that turned from a leaf into a map (or back) shows as its leaves; skip the map side.
    if (isPlainObject(a) && Object.keys(a).length > 0) continue;
    if (isPlainObject(b) && Object.keys(b).length > 0) continue;
    const reason = reasons.find((r) => startsWith(path, r.path));
    let source = 'live release';
    let why = 'kept from the live release';
    if (reason) {
      source = reason.source;
      why = reason.why;
    } else {
      const layer = [...layers].reverse().find((l) => hasPathOrAncestor(l.values, path));
      if (layer) {
        source = layer.source;
        why = a === undefined ? `removed by ${layer.source}` : `set by ${layer.source}`;
      }
    }
    changes.push({ key: formatPath(path), path, before: b, after: a, source, why });
  }
  return changes.sort((x, y) => x.key.localeCompare(y.key));
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => path[i] === k);
}

function hasPathOrAncestor(values: Values, path: readonly string[]): boolean {
  for (let i = path.length; i > 0; i--) {
    const p = path.slice(0, i);
    if (hasPath(values, p) && (i === path.length || !isPlainObject(getPath(values, p)))) return true;
  }
  return false;
}

export function equalValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equalValues(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && equalValues(a[k], b[k]));
  }
  return false;
}
