// WireGuard strict mode for the pod CIDR (`strict-mode: egress`): no unencrypted pod traffic may
// leave a node for the native routing CIDR. The chart spells it encryption.strictMode.egress.* from
// 1.19 and encryption.strictMode.* before; the agents read enable-encryption-strict-mode-egress /
// encryption-strict-egress-cidr (1.19+) or enable-encryption-strict-mode / encryption-strict-mode-cidr.
import type { ChartKeys } from '../chart/chart-keys.js';
import type { ConfigData } from '../chart/cilium-config.js';
import { CONFIG_RENAMES } from '../chart/config-renames.js';
import type { Values } from './layers.js';
import { getPath, setPath } from './paths.js';

/** The values with strict egress mode on for cidr, in the chart's spelling. */
export function strictModeValues(values: Values, cidr: string, chart: ChartKeys): Values {
  const out = structuredClone(values);
  const base = chart.has(['encryption', 'strictMode', 'egress', 'enabled'])
    ? ['encryption', 'strictMode', 'egress']
    : ['encryption', 'strictMode'];
  setPath(out, [...base, 'enabled'], true);
  setPath(out, [...base, 'cidr'], cidr);
  // AKS node IPs lie outside the pod CIDR, so remote node identities need no dynamic lookup
  if (getPath(out, [...base, 'allowRemoteNodeIdentities']) === undefined) setPath(out, [...base, 'allowRemoteNodeIdentities'], false);
  return out;
}

/** What is wrong with strict mode in a (live or rendered) cilium-config; empty when it is on for cidr. */
export function strictModeProblems(config: ConfigData | undefined, cidr: string): string[] {
  if (!config) return ['cilium-config could not be read'];
  const [enabledKeys, cidrKeys] = [CONFIG_RENAMES[0]!, CONFIG_RENAMES[1]!];
  const enabled = config[enabledKeys[1]] ?? config[enabledKeys[0]];
  const got = config[cidrKeys[1]] ?? config[cidrKeys[0]];
  const problems: string[] = [];
  if (enabled !== 'true')
    problems.push(`${enabledKeys[1]} is ${enabled === undefined ? 'unset' : JSON.stringify(enabled)}, expected "true"`);
  if (got !== cidr)
    problems.push(`${cidrKeys[1]} is ${got === undefined ? 'unset' : JSON.stringify(got)}, expected ${JSON.stringify(cidr)}`);
  return problems;
}
