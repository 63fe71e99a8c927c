// Checks the chart does not make, on the merged values: combinations that render fine but leave
// a cluster broken after the switch to native routing.
import type { InputProblem } from '../errors.js';
import type { Values } from './layers.js';
import { getPath } from './paths.js';

export interface ConsistencyResult {
  problems: InputProblem[];
  /** things the user should know, not errors */
  notes: string[];
  /** keys to drop from the merged values, with why */
  removals: Array<{ path: string[]; why: string }>;
}

/** Keys the action drops from the release's values itself (the chart hint must not ask the user to). */
export const LEGACY_KEYS = ['tunnel'];

/**
 * Legacy keys in the release's values (or base-values) to drop, with why. `tunnel` was replaced by
 * routingMode/tunnelProtocol in 1.14 and is rejected by charts since 1.15.
 */
export function legacyRemovals(live: Values): Array<{ path: string[]; why: string }> {
  const tunnel = getPath(live, ['tunnel']);
  if (tunnel === undefined || tunnel === null) return [];
  return [
    {
      path: ['tunnel'],
      why: `the live release sets the legacy tunnel: ${JSON.stringify(tunnel)}, which contradicts native routing; it is removed (routingMode: native replaces it, and charts since 1.15 reject the key)`,
    },
  ];
}

const truthy = (v: unknown): boolean => v === true || (typeof v === 'string' && ['true', 'strict'].includes(v.toLowerCase()));

/**
 * @param merged values after every layer
 * @param live the live release values (what the user did not write themselves)
 * @param nativeCidrGiven whether native-routing-cidr was given explicitly
 */
export function checkConsistency(merged: Values, live: Values, nativeCidrGiven: boolean): ConsistencyResult {
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const removals: ConsistencyResult['removals'] = [];

  if (truthy(getPath(merged, ['ipv6', 'enabled'])) && !getPath(merged, ['ipv6NativeRoutingCIDR'])) {
    problems.push({
      input: 'values',
      problem:
        'ipv6.enabled is true but ipv6NativeRoutingCIDR is not set: with native routing, IPv6 pod traffic would have no native route',
      fix: 'set ipv6NativeRoutingCIDR to the IPv6 pod CIDR, or ipv6.enabled: false',
    });
  }

  const ipamMode = getPath(merged, ['ipam', 'mode']);
  if (ipamMode !== undefined && ipamMode !== 'cluster-pool') {
    const msg = `ipam.mode is ${JSON.stringify(ipamMode)}, not cluster-pool: this action derives and checks the native routing CIDR from the cluster pool`;
    if (nativeCidrGiven) notes.push(`${msg}; using native-routing-cidr as given, without checking it against the pod CIDRs.`);
    else
      problems.push({
        input: 'native-routing-cidr',
        problem: msg,
        fix: 'set native-routing-cidr to the CIDR that contains every pod CIDR, or use ipam.mode: cluster-pool (the AKS BYOCNI default)',
      });
  }

  if (
    truthy(getPath(merged, ['kubeProxyReplacement'])) &&
    !getPath(merged, ['k8sServiceHost']) &&
    !getPath(merged, ['k8sServiceHostRef'])
  ) {
    problems.push({
      input: 'values',
      problem:
        'kubeProxyReplacement is true but k8sServiceHost is not set: without kube-proxy the restarted agents cannot reach the API server',
      fix: 'set k8sServiceHost (the AKS API server FQDN) and k8sServicePort: 443, or kubeProxyReplacement: false',
    });
  }

  removals.push(...legacyRemovals(live));
  const protocol = getPath(merged, ['tunnelProtocol']);
  if (typeof protocol === 'string' && protocol !== '') {
    notes.push(`tunnelProtocol: ${protocol} is kept as it is, but is unused with routingMode: native (no pod traffic is encapsulated).`);
  }
  return { problems, notes, removals };
}
