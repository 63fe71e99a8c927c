// Bridge from the config's tool specs to installed binaries, recorded in the report.
import type { RunContext } from './context.js';

export interface Tools {
  helm?: string;
  cilium?: string;
}

export async function acquireTools(ctx: RunContext, need: { helm: boolean; cilium: boolean }): Promise<Tools> {
  const out: Tools = {};
  if (need.helm) {
    if (ctx.config.helm.kind !== 'path') throw new Error('TODO: tool installation is wired in when src/tools lands');
    out.helm = ctx.config.helm.path;
    ctx.report.tools.push({ name: 'helm', version: 'given', source: 'path' });
  }
  return out;
}
