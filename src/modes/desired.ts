// The desired state as the modes plan it (steps/plan.ts), recorded in the report as each part is
// known: a run that stops part-way (a refused upgrade path, a chart that does not render) still
// names the chart version, the CIDR and the values file it got to.
import type { Helm } from '../cluster/helm.js';
import type { RunContext } from '../steps/context.js';
import { chartVersionFor, checkUpgradePath, desiredFor, renderDesired, writeDesired, type Plan } from '../steps/plan.js';
import type { Desired } from '../values/desired.js';
import type { Values } from '../values/layers.js';

/** The chart version to deploy; recorded before the upgrade path is checked, so a refusal names it. */
export function targetVersion(ctx: RunContext, installed: string | undefined): string | undefined {
  const version = chartVersionFor(ctx, installed);
  ctx.report.chartVersion = version;
  checkUpgradePath(ctx, installed, version);
  return version;
}

/** The merged, checked values; their native routing CIDR recorded. */
export function desired(ctx: RunContext, live: Values): Desired {
  const d = desiredFor(ctx, live);
  ctx.report.cidr = d.cidr;
  return d;
}

/** The values file written and recorded (a render that fails still names it), then the chart rendered. */
export async function plan(ctx: RunContext, helm: Helm, wanted: Desired, version: string | undefined): Promise<Plan> {
  const written = await writeDesired(ctx, helm, wanted, version);
  ctx.report.valuesFile = written.valuesFile;
  return renderDesired(ctx, helm, written);
}
