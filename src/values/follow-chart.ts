// The recipe follows the target chart: every key the action sets or translates is checked against
// the chart's own values.yaml. A key the chart does not have is not set (and the summary says why);
// a key it marks deprecated gets a warning naming the replacement; renamed keys are translated, never
// dropped without a word. Pure: the chart's keys come in as ChartKeys.
import type { ChartKeys } from '../chart/chart-keys.js';
import { enforcedKeys } from './enforced.js';
import type { Values } from './layers.js';
import { deletePath, formatPath, getPath, hasPath, isPlainObject, setPath, type KeyPath } from './paths.js';

interface Adjustment {
  path: string[];
  /** the desired value before, undefined when unset */
  before: unknown;
  after: unknown;
  why: string;
}

export interface FollowResult {
  values: Values;
  adjustments: Adjustment[];
  warnings: string[];
  /** cilium-config keys the recipe can no longer require (their chart key is gone) */
  notRequired: string[];
}

export interface FollowInput {
  chart: ChartKeys;
  chartVersion: string | undefined;
  /** the native CIDR was derived from a single-CIDR cluster pool (no input, no values) */
  cidrFromPool: boolean;
}

const STRICT = ['encryption', 'strictMode'];
const STRICT_KEYS = ['enabled', 'cidr', 'allowRemoteNodeIdentities'];
const NODE_ENCRYPTION = ['encryption', 'nodeEncryption'];

/** Keys the recipe sets only where the chart has them. */
const CHART_OPTIONAL_KEYS: ReadonlyArray<{ path: KeyPath; value: unknown; why: string }> = [
  {
    path: ['configDriftDetection', 'enabled'],
    value: true,
    why: 'agents reflect cilium-config, so the drift checker can tell which agent runs an older config',
  },
  {
    path: ['configDriftDetection', 'driftChecker'],
    value: true,
    why: 'exports cilium_drift_checker_config_delta, which the config-delta check reads',
  },
];

export function followChart(values: Values, input: FollowInput): FollowResult {
  const out = structuredClone(values);
  const r: FollowResult = { values: out, adjustments: [], warnings: [], notRequired: [] };
  const chartName = `chart ${input.chartVersion ?? '(local)'}`;
  const set = (path: KeyPath, value: unknown, why: string): void => {
    const before = hasPath(out, path) ? getPath(out, path) : undefined;
    if (before === value) return;
    if (value === undefined) deletePath(out, path);
    else setPath(out, path, value);
    r.adjustments.push({ path: [...path], before, after: value, why });
  };

  translateStrictMode(out, input.chart, chartName, set);

  for (const k of CHART_OPTIONAL_KEYS) if (input.chart.has(k.path)) set(k.path, k.value, k.why);

  if (input.cidrFromPool && input.chart.has(['nativeRoutingCIDRFromClusterPool'])) {
    const why = `${chartName} derives the native routing CIDR from the single cluster-pool CIDR itself`;
    set(['nativeRoutingCIDRFromClusterPool'], true, why);
    set(['ipv4NativeRoutingCIDR'], undefined, why);
  }

  for (const key of enforcedKeys('')) {
    if (formatPath(key.path) === 'ipv4NativeRoutingCIDR') continue;
    if (!input.chart.has(key.path)) {
      set(key.path, undefined, missingWhy(key.path, chartName));
      if (formatPath(key.path) === formatPath(NODE_ENCRYPTION)) r.notRequired.push('encrypt-node');
      continue;
    }
    const dep = input.chart.deprecation(key.path);
    if (dep)
      r.warnings.push(
        `${chartName} marks ${formatPath(key.path)} deprecated${dep.replacement ? `; its replacement is ${dep.replacement}` : ''} (${dep.text}). The action still sets it while the chart has it.`,
      );
  }
  return r;
}

function missingWhy(path: KeyPath, chartName: string): string {
  const name = formatPath(path);
  if (name === formatPath(NODE_ENCRYPTION)) {
    return `not set: ${chartName} has no ${name} (deprecated in cilium#47219, removed by cilium#47365). Pod-to-pod traffic between nodes stays encrypted by WireGuard; traffic from the nodes themselves (host network) is no longer encrypted by this recipe`;
  }
  return `not set: ${chartName} has no ${name}`;
}

/**
 * encryption.strictMode.{enabled,cidr,allowRemoteNodeIdentities} became strictMode.egress.* in 1.19;
 * 1.20 silently ignores the old keys (cilium#45452). Whichever side the chart has, values given on
 * the other side are moved to it.
 */
function translateStrictMode(out: Values, chart: ChartKeys, chartName: string, set: (p: KeyPath, v: unknown, why: string) => void): void {
  const chartHasEgress = chart.has([...STRICT, 'egress', 'enabled']);
  const chartHasOld = chart.has([...STRICT, 'enabled']);
  if (chartHasEgress === chartHasOld && chartHasEgress) {
    // 1.19 has both: the old ones are deprecated aliases; move them anyway so 1.20 will not ignore them
  } else if (!chartHasEgress && !chartHasOld) return;
  const toEgress = chartHasEgress;
  for (const k of STRICT_KEYS) {
    const from = toEgress ? [...STRICT, k] : [...STRICT, 'egress', k];
    const to = toEgress ? [...STRICT, 'egress', k] : [...STRICT, k];
    if (!hasPath(out, from)) continue;
    const value = getPath(out, from);
    const why = `renamed: ${chartName} spells ${formatPath(from)} as ${formatPath(to)}${toEgress ? ' (1.19 renamed it; 1.20 ignores the old key, cilium#45452)' : ' (before 1.19)'}`;
    set(from, undefined, why);
    if (!hasPath(out, to)) set(to, value, why);
  }
  for (const p of [[...STRICT, 'egress'], STRICT]) {
    const v = getPath(out, p);
    if (isPlainObject(v) && Object.keys(v).length === 0) deletePath(out, p);
  }
}
