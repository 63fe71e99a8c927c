// From the config's tool specs to installed, verified binaries, recorded in the report.
import type { Config } from '../config.js';
import { installTools, type ToolsWanted } from '../tools/install.js';
import type { RunContext } from '../steps/context.js';

export interface Tools {
  helm?: string;
  cilium?: string;
}

export async function acquireTools(ctx: RunContext, need: { helm: boolean; cilium: boolean }): Promise<Tools> {
  const installed = await installTools(toolsWanted(ctx.config, need));
  const out: Tools = {};
  for (const t of [installed.helm, installed.cilium]) {
    if (!t) continue;
    out[t.tool] = t.path;
    ctx.report.tools.push({ name: t.tool, version: t.version, source: t.source });
  }
  return out;
}

/**
 * Which tools a run needs: helm wherever a release or chart is read (not verify), the Cilium CLI only
 * for a `connectivity-tests` subset (the action's own checks use kubectl and the API server).
 */
export function toolsNeeded(config: Pick<Config, 'mode' | 'checks' | 'connectivityTests'>): { helm: boolean; cilium: boolean } {
  return {
    helm: config.mode !== 'verify',
    cilium: config.mode !== 'preview' && config.checks.has('connectivity') && config.connectivityTests !== undefined,
  };
}

/** The requests for `installTools` from the Config, for the tools that are needed. */
export function toolsWanted(
  config: Pick<Config, 'helm' | 'ciliumCli' | 'helmMirror' | 'ciliumCliMirror'>,
  needs: { helm: boolean; cilium: boolean },
): ToolsWanted {
  return {
    helm: needs.helm ? { spec: config.helm, mirror: config.helmMirror } : undefined,
    cilium: needs.cilium ? { spec: config.ciliumCli, mirror: config.ciliumCliMirror } : undefined,
  };
}
