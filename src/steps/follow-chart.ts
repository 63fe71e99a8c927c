// Step: make the desired values follow the target chart (see src/values/follow-chart.ts), record
// every adjustment as a value change with its reason, and the chart's deprecations as warnings.
import { chartKeys } from '../chart/chart-keys.js';
import { chartValuesYaml } from '../chart/chart-values.js';
import type { Helm } from '../cluster/helm.js';
import { equalValues, type ValueChange } from '../values/changes.js';
import type { Desired } from '../values/desired.js';
import { followChart } from '../values/follow-chart.js';
import { formatPath } from '../values/paths.js';
import type { RunContext } from './context.js';

/** @returns cilium-config keys the recipe can no longer require of this chart */
export async function followTargetChart(
  ctx: RunContext,
  helm: Helm,
  desired: Desired,
  chartVersion: string | undefined,
): Promise<string[]> {
  const chart = chartKeys(await chartValuesYaml(helm, ctx.config.chart, chartVersion));
  const r = followChart(desired.values, {
    chart,
    chartVersion,
    cidrFromPool: desired.cidrSource.startsWith('ipam.operator.') && desired.podCidrs.length === 1,
  });
  desired.values = r.values;
  const source = `chart ${chartVersion ?? '(local)'}`;
  for (const a of r.adjustments) {
    const key = formatPath(a.path);
    const i = desired.changes.findIndex((c) => c.key === key);
    // `before` of a change is the live value; a key not yet changed had the live value in desired
    const live = i >= 0 ? desired.changes[i]!.before : a.before;
    if (i >= 0) desired.changes.splice(i, 1);
    if (!equalValues(live, a.after)) {
      const c: ValueChange = { key, path: a.path, before: live, after: a.after, source, why: a.why };
      desired.changes.push(c);
    }
    if (a.why.startsWith('not set:') || a.why.startsWith('renamed:')) ctx.report.notes.push(`${key}: ${a.why}`);
  }
  desired.changes.sort((x, y) => x.key.localeCompare(y.key));
  ctx.report.warnings.push(...r.warnings);
  return r.notRequired;
}
