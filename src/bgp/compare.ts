// Desired BGP objects against the live ones: every spec key that differs, and objects that are
// missing. Pure; drift reports these, preview shows them.
import { equalValues } from '../values/changes.js';
import { formatPath, getPath, leaves } from '../values/paths.js';
import type { BgpObject } from './resources.js';

export interface BgpDifference {
  /** Kind/name and the spec key, e.g. CiliumBGPPeerConfig/cilium-native-routing spec.ebgpMultihop */
  key: string;
  expected: string;
  actual: string;
}

const show = (v: unknown): string => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));

/** live: the live object of each kind, undefined when it does not exist */
export function compareBgpObjects(
  desired: readonly BgpObject[],
  live: ReadonlyMap<string, { spec?: unknown } | undefined>,
): BgpDifference[] {
  const out: BgpDifference[] = [];
  for (const want of desired) {
    const id = `${want.kind}/${want.metadata.name}`;
    const have = live.get(want.kind);
    if (!have) {
      out.push({ key: id, expected: 'present', actual: '(missing)' });
      continue;
    }
    const wanted = new Set<string>();
    for (const [path, value] of leaves(want.spec, ['spec'])) {
      wanted.add(formatPath(path));
      const actual = getPath(have, path);
      if (!equalValues(actual, value)) out.push({ key: `${id} ${formatPath(path)}`, expected: show(value), actual: show(actual) });
    }
    // keys someone added by hand (e.g. a second peer config ref) change the behaviour too
    for (const [path, value] of leaves(have.spec ?? {}, ['spec'])) {
      const k = formatPath(path);
      if (!wanted.has(k) && getPath(want, path) === undefined && value !== undefined)
        out.push({ key: `${id} ${k}`, expected: '(unset)', actual: show(value) });
    }
  }
  return out;
}
