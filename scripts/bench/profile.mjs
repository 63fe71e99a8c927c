// Where the analyser's time goes: runs the worker once under --cpu-prof and sums the V8 profile's
// self time per function.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runWorker } from './measure.mjs';

/**
 * @returns {Promise<{ totalMs: number, top: Array<{ fn: string, ms: number, share: number }> }>}
 */
export async function profileWorker(entry, args, topN = 10) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-bench-prof-'));
  try {
    await runWorker(entry, args, { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir] });
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('node wrote no .cpuprofile');
    return summarise(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), topN);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function summarise(profile, topN) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const n = byId.get(id);
    const cf = n?.callFrame ?? {};
    const where = cf.url ? `${path.basename(cf.url)}:${(cf.lineNumber ?? 0) + 1}` : '';
    const key = `${cf.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(([fn, ms]) => ({ fn, ms, share: total > 0 ? ms / total : 0 }));
  return { totalMs: total, top };
}
