// The native-routing WireGuard recipe: the keys this action always sets, and why each must be so.
import { bgpEnforcedKeys } from '../bgp/enforced.js';
import type { Profile } from '../bgp/inputs.js';
import type { InputProblem } from '../errors.js';
import type { ValuesLayer } from './layers.js';
import { formatPath, getPath, hasPath, type KeyPath } from './paths.js';

export const CHART_AKSBYOCNI_MESSAGE = 'RoutingMode must be set to tunnel when aksbyocni.enabled=true';

export interface EnforcedKey {
  path: KeyPath;
  /** undefined for ipv4NativeRoutingCIDR, whose value is the resolved CIDR */
  value: unknown;
  why: string;
}

const AKSBYOCNI_WHY = `the chart refuses native routing while it is true ("${CHART_AKSBYOCNI_MESSAGE}"); the flag only exists to keep BYOCNI clusters on VXLAN`;

export function enforcedKeys(cidr: string, profile: Profile = 'wireguard'): EnforcedKey[] {
  if (profile === 'bgp') return bgpEnforcedKeys(cidr, AKSBYOCNI_WHY);
  return [
    { path: ['aksbyocni', 'enabled'], value: false, why: AKSBYOCNI_WHY },
    { path: ['routingMode'], value: 'native', why: 'pod traffic between nodes leaves the node unencapsulated instead of over VXLAN' },
    {
      path: ['ipv4NativeRoutingCIDR'],
      value: cidr,
      why: 'traffic to this range (the pod CIDRs) is routed natively and not masqueraded',
    },
    {
      path: ['autoDirectNodeRoutes'],
      value: false,
      why: 'AKS nodes do not share one L2 segment; WireGuard peers carry the pod CIDRs in their AllowedIPs, so no direct routes or Azure route table are needed',
    },
    { path: ['encryption', 'enabled'], value: true, why: 'transparent encryption is what carries pod traffic between nodes' },
    { path: ['encryption', 'type'], value: 'wireguard', why: 'WireGuard peers route the pod CIDRs between nodes (IPsec does not)' },
    { path: ['encryption', 'nodeEncryption'], value: true, why: 'encrypts node-to-node traffic too, not only pod traffic' },
  ];
}

/**
 * A user layer (values-files, values) that sets an enforced key to something else is an error:
 * the action never silently overwrites what the user asked for.
 */
export function enforcedConflicts(
  layers: readonly ValuesLayer[],
  cidr: string | undefined,
  profile: Profile = 'wireguard',
): InputProblem[] {
  const problems: InputProblem[] = [];
  const recipe = profile === 'bgp' ? 'native routing with BGP' : 'native routing with WireGuard';
  for (const layer of layers) {
    for (const key of enforcedKeys(cidr ?? '', profile)) {
      if (!hasPath(layer.values, key.path)) continue;
      const given = getPath(layer.values, key.path);
      const name = formatPath(key.path);
      if (key.path[0] === 'ipv4NativeRoutingCIDR') continue; // resolved with native-routing-cidr, see native-cidr.ts
      if (sameValue(given, key.value)) continue;
      if (name === 'aksbyocni.enabled') {
        problems.push({
          input: layer.source,
          problem: `sets aksbyocni.enabled: ${show(given)}, and the chart then fails with "${CHART_AKSBYOCNI_MESSAGE}". The flag only exists to keep AKS BYOCNI clusters on VXLAN tunnelling; Cilium itself runs the same without it`,
          fix: 'remove aksbyocni.enabled from your values (the action sets it to false)',
        });
        continue;
      }
      problems.push({
        input: layer.source,
        problem: `sets ${name}: ${show(given)}, but ${recipe} needs ${name}: ${show(key.value)} (${key.why})`,
        fix: `remove ${name} from your values; the action sets it`,
      });
    }
  }
  return problems;
}

/** Values as the user wrote them compare equal to the enforced ones also when quoted ("true", "native"). */
function sameValue(given: unknown, want: unknown): boolean {
  if (given === want) return true;
  return typeof given === 'string' && String(want) === given.trim().toLowerCase();
}

function show(v: unknown): string {
  return v === undefined ? '(unset)' : JSON.stringify(v);
}
