// Step: make the desired values follow the target chart (see src/values/follow-chart.ts), record
// every adjustment as a value change with its reason, and the chart's deprecations as warnings.
// A value the chart's schema refuses stops the run here, named, before helm refuses the whole file.
import type { ChartKeys } from '../chart/chart-keys.js';
import { targetChartKeys } from '../chart/chart-values.js';
import type { Helm } from '../cluster/helm.js';
import { ActionError } from '../errors.js';
import { equalValues, type ValueChange } from '../values/changes.js';
import type { Desired } from '../values/desired.js';
import { followChart } from '../values/follow-chart.js';
import { formatPath } from '../values/paths.js';
import type { RunContext } from './context.js';

export interface ChartFollowed {
  /** what the target chart says about its keys (values.yaml and values.schema.json) */
  keys: ChartKeys;
  /** cilium-config keys the recipe can no longer require of this chart */
  notRequired: string[];
  /** the chart still has node encryption: every agent must report it */
  nodeEncryption: boolean;
}

export async function followTargetChart(
  ctx: RunContext,
  helm: Helm,
  desired: Desired,
  chartVersion: string | undefined,
): Promise<ChartFollowed> {
  const { keys, warnings } = await targetChartKeys(helm, ctx.config.chart, chartVersion);
  ctx.report.warnings.push(...warnings);
  const r = followChart(desired.values, {
    chart: keys,
    chartVersion,
    cidrFromPool: desired.cidrSource.startsWith('ipam.operator.') && desired.podCidrs.length === 1,
    profile: ctx.config.profile,
  });
  if (r.typeProblems.length > 0) {
    throw new ActionError(`The target chart's values.schema.json refuses values the recipe sets: ${r.typeProblems.join('; ')}`, {
      hint: 'If your values (values, values-files) set one of these keys, give it the type the schema names; otherwise this chart version changed the key and the action does not support it yet.',
    });
  }
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
      if (a.chartLacks) c.inert = true;
      desired.changes.push(c);
    }
    if (a.why.startsWith('not set:') || a.why.startsWith('renamed:')) ctx.report.notes.push(`${key}: ${a.why}`);
  }
  desired.changes.sort((x, y) => x.key.localeCompare(y.key));
  ctx.report.warnings.push(...r.warnings);
  return { keys, notRequired: r.notRequired, nodeEncryption: r.nodeEncryption };
}
