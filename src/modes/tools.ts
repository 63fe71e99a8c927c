// From the config's tool specs to installed, verified binaries, recorded in the report.
import { installTools, toolsWanted } from '../tools/install.js';
import type { RunContext } from './context.js';

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
