// Which ipv4NativeRoutingCIDR to enforce: the input, else the user's values, else the IPAM pod pool;
// whichever it is must contain every pod CIDR of the pool.
import type { InputProblem } from '../errors.js';
import { cidrContains, parseCidr } from './cidr.js';
import type { Values, ValuesLayer } from './layers.js';
import { getPath } from './paths.js';

const LIST_PATH = ['ipam', 'operator', 'clusterPoolIPv4PodCIDRList'];
const LEGACY_PATH = ['ipam', 'operator', 'clusterPoolIPv4PodCIDR'];

/** The cluster-pool pod CIDRs as configured (the list, or the legacy single CIDR), unparsed. */
function podCidrs(values: Values): { cidrs: string[]; key: string } {
  const list = getPath(values, LIST_PATH);
  if (Array.isArray(list) && list.length > 0) return { cidrs: list.map(String), key: LIST_PATH.join('.') };
  if (typeof list === 'string' && list.trim()) return { cidrs: list.split(/[\s,]+/).filter(Boolean), key: LIST_PATH.join('.') };
  const legacy = getPath(values, LEGACY_PATH);
  if (typeof legacy === 'string' && legacy.trim()) return { cidrs: [legacy.trim()], key: LEGACY_PATH.join('.') };
  return { cidrs: [], key: LIST_PATH.join('.') };
}

export type NativeCidrResult = { ok: true; cidr: string; source: string; podCidrs: string[] } | { ok: false; problems: InputProblem[] };

/**
 * @param merged values after all layers (the pool the cluster will use)
 * @param input the native-routing-cidr input, already canonical, or undefined
 * @param userLayers to find an ipv4NativeRoutingCIDR the user set in values
 */
export function resolveNativeCidr(merged: Values, input: string | undefined, userLayers: readonly ValuesLayer[]): NativeCidrResult {
  const problems: InputProblem[] = [];
  const pool = podCidrs(merged);
  const pods: string[] = [];
  for (const c of pool.cidrs) {
    const p = parseCidr(c);
    if (p.ok) pods.push(p.cidr);
    else problems.push({ input: pool.key, problem: `pod CIDR ${p.problem}`, fix: p.fix });
  }
  const given = givenCidr(input, userLayers, problems);
  if (problems.length > 0) return { ok: false, problems };

  const chosen = given ?? derivedCidr(pods, pool.key);
  if ('problem' in chosen) return { ok: false, problems: [chosen] };
  const { cidr, source } = chosen;
  for (const pod of pods) {
    if (!cidrContains(cidr, pod)) {
      problems.push({
        input: source,
        problem: `${cidr} does not contain the pod CIDR ${pod} (${pool.key}); traffic to those pods would be masqueraded and not routed natively`,
        fix: `use a native routing CIDR that contains ${pod}`,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cidr, source, podCidrs: pods };
}

interface Chosen {
  cidr: string;
  /** where it was given: the input, a values layer, or the pod pool's key */
  source: string;
}

/** The input, else a CIDR the user put in values, which must agree with the input when both are given. */
function givenCidr(input: string | undefined, userLayers: readonly ValuesLayer[], problems: InputProblem[]): Chosen | undefined {
  let chosen: Chosen | undefined = input ? { cidr: input, source: 'native-routing-cidr' } : undefined;
  for (const layer of userLayers) {
    const v = getPath(layer.values, ['ipv4NativeRoutingCIDR']);
    if (v === undefined || v === null) continue;
    const p = parseCidr(String(v));
    if (!p.ok) {
      problems.push({ input: `${layer.source} (ipv4NativeRoutingCIDR)`, problem: p.problem, fix: p.fix });
    } else if (input && p.cidr !== input) {
      problems.push({
        input: layer.source,
        problem: `sets ipv4NativeRoutingCIDR: ${p.cidr}, but native-routing-cidr is ${input}`,
        fix: 'give the CIDR in one place only (native-routing-cidr)',
      });
    } else if (!input) {
      chosen = { cidr: p.cidr, source: layer.source };
    }
  }
  return chosen;
}

/** With nothing given: the pod pool's CIDR when it has exactly one. */
function derivedCidr(pods: readonly string[], poolKey: string): Chosen | InputProblem {
  if (pods.length === 1) return { cidr: pods[0]!, source: poolKey };
  if (pods.length === 0) {
    return {
      input: 'native-routing-cidr',
      problem: `is empty and cannot be derived: the release values set no IPAM pod pool (${LIST_PATH.join('.')})`,
      fix: 'set native-routing-cidr to the CIDR that contains every pod CIDR of the cluster, e.g. 100.64.0.0/10',
    };
  }
  return {
    input: 'native-routing-cidr',
    problem: `is empty and the pod pool has ${pods.length} CIDRs (${pods.join(', ')}), so no single one can be derived`,
    fix: 'set native-routing-cidr to a CIDR that contains all of them',
  };
}
