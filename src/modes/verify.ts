// mode: verify — the checks alone, on the cluster as it is. Read-only (the probe namespace aside).
import type { Config } from '../config.js';
import { step } from '../report/steps.js';
import { runChecks } from './checks.js';
import { openCluster } from '../steps/cluster.js';
import { MESH_CHECKS } from '../steps/mesh.js';
import type { RunContext } from '../steps/context.js';
import { setVerdict } from '../steps/judgement.js';
import { recordChecked } from './record.js';
import { acquireTools, toolsNeeded } from './tools.js';

/** A flows-file alone needs no cluster, no kubectl and no download. */
export function needsCluster(config: Config): boolean {
  return (
    config.checks.has('agents') ||
    config.checks.has('bgp') ||
    config.checks.has('connectivity') ||
    (config.checks.has('flows') && !config.flowsFile) ||
    MESH_CHECKS.some((c) => config.checks.has(c))
  );
}

export async function verify(ctx: RunContext): Promise<void> {
  const { config, report } = ctx;
  if (!needsCluster(config)) {
    setVerdict(report, recordChecked(report, await runChecks(ctx, undefined)));
    return;
  }
  const tools = await step(report, 'Install tools', () => acquireTools(ctx, toolsNeeded(config)));
  const session = await openCluster(ctx, tools);
  try {
    setVerdict(report, recordChecked(report, await runChecks(ctx, session)));
  } finally {
    session.close();
  }
}
