// The recipe follows the target chart: every key the action sets or translates is checked against
// the chart's own values.yaml and values.schema.json. A key the chart does not have is not set (and
// the summary says why); a key it marks deprecated gets a warning naming the replacement; renamed keys
// are translated, never dropped without a word; a value the schema's type forbids is a problem named
// here, before helm refuses the whole values file. Pure: the chart comes in as ChartKeys.
import type { ChartKeys } from '../chart/chart-keys.js';
import { enforcedKeys } from './enforced.js';
import type { Profile } from '../bgp/inputs.js';
import type { Values } from './layers.js';
import { deletePath, formatPath, getPath, hasPath, isPlainObject, setPath, type KeyPath } from './paths.js';

interface Adjustment {
  path: string[];
  /** the desired value before, undefined when unset */
  before: unknown;
  after: unknown;
  why: string;
  /** the chart has no such key: a value left there does nothing */
  chartLacks?: true;
}

export interface FollowResult {
  values: Values;
  adjustments: Adjustment[];
  warnings: string[];
  /** cilium-config keys the recipe can no longer require (their chart key is gone) */
  notRequired: string[];
  /** the chart still has node encryption, so every agent must report it on */
  nodeEncryption: boolean;
  /** values the recipe needs that the chart's schema refuses: the chart cannot carry the recipe */
  typeProblems: string[];
}

export interface FollowInput {
  chart: ChartKeys;
  chartVersion: string | undefined;
  /** the native CIDR was derived from a single-CIDR cluster pool (no input, no values) */
  cidrFromPool: boolean;
  /** whose enforced keys are checked against the chart (default wireguard) */
  profile?: Profile;
}

const STRICT = ['encryption', 'strictMode'];
const STRICT_KEYS = ['enabled', 'cidr', 'allowRemoteNodeIdentities'];
const NODE_ENCRYPTION = ['encryption', 'nodeEncryption'];
/** the strict-mode keys in both spellings: whichever the values hold after translation is checked */
const STRICT_PATHS = STRICT_KEYS.flatMap((k) => [
  [...STRICT, k],
  [...STRICT, 'egress', k],
]);

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
  const r: FollowResult = { values: out, adjustments: [], warnings: [], notRequired: [], nodeEncryption: true, typeProblems: [] };
  const chartName = `chart ${input.chartVersion ?? '(local)'}`;
  const set = (path: KeyPath, value: unknown, why: string, chartLacks = false): void => {
    const before = hasPath(out, path) ? getPath(out, path) : undefined;
    if (before === value) return;
    if (value === undefined) deletePath(out, path);
    else setPath(out, path, value);
    r.adjustments.push({ path: [...path], before, after: value, why, ...(chartLacks ? { chartLacks: true as const } : {}) });
  };

  /** An optional setting the schema refuses is left out, with a warning. */
  const refused = (path: KeyPath, value: unknown): boolean => {
    const problem = input.chart.typeProblem(path, value);
    if (problem) r.warnings.push(`${chartName}: ${problem}; the action leaves ${formatPath(path)} unset`);
    return problem !== undefined;
  };

  translateStrictMode(out, input.chart, chartName, set);

  for (const k of CHART_OPTIONAL_KEYS) if (input.chart.has(k.path) && !refused(k.path, k.value)) set(k.path, k.value, k.why);

  const fromPool = ['nativeRoutingCIDRFromClusterPool'];
  if (input.cidrFromPool && input.chart.has(fromPool) && !refused(fromPool, true)) {
    const why = `${chartName} derives the native routing CIDR from the single cluster-pool CIDR itself`;
    set(fromPool, true, why);
    set(['ipv4NativeRoutingCIDR'], undefined, why);
  }

  const enforced = enforcedKeys('', input.profile);
  for (const key of enforced) {
    if (formatPath(key.path) === 'ipv4NativeRoutingCIDR') continue;
    if (!input.chart.has(key.path)) {
      set(key.path, undefined, missingWhy(key.path, chartName), true);
      if (formatPath(key.path) === formatPath(NODE_ENCRYPTION)) {
        r.notRequired.push('encrypt-node');
        r.nodeEncryption = false;
      }
      continue;
    }
    const dep = input.chart.deprecation(key.path);
    if (dep)
      r.warnings.push(
        `${chartName} marks ${formatPath(key.path)} deprecated${dep.replacement ? `; its replacement is ${dep.replacement}` : ''} (${dep.text}). The action still sets it while the chart has it.`,
      );
  }

  // what the recipe sets or translates, as it will reach helm
  for (const path of [...enforced.map((k) => k.path), ...STRICT_PATHS]) {
    if (!hasPath(out, path)) continue;
    const problem = input.chart.typeProblem(path, getPath(out, path));
    if (problem) r.typeProblems.push(`${chartName}: ${problem}`);
  }
  return r;
}

function missingWhy(path: KeyPath, chartName: string): string {
  const name = formatPath(path);
  if (name === formatPath(NODE_ENCRYPTION)) {
    // cilium#47219 deprecates WireGuard node encryption for removal in v1.22 with no successor ("please
    // reach out if you are interested to maintain this feature"); cilium#47365 removes it. Without it
    // WireGuard encrypts pod-to-remote-pod traffic only (Cilium's WireGuard guide, "Which traffic is
    // encrypted": pod↔remote node, node↔remote node and, with native routing, service traffic
    // forwarded from another node are node-to-node mode only).
    return `not set: ${chartName} has no ${name} (deprecated in cilium#47219, removed by cilium#47365). Pod-to-pod traffic between nodes stays encrypted by WireGuard; nothing replaces node encryption, so traffic from or to the nodes themselves (host network, pod-to-node, node-to-pod, and NodePort or LoadBalancer traffic forwarded between nodes) is no longer encrypted, and the agents are not required to report NodeEncryption: Enabled`;
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
