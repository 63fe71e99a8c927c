// The health mesh: from every agent, every node's host and health endpoint must be reachable.
// A pair is named `from → to`; a probe Cilium has not run yet (a node just started) is unknown and
// makes the check inconclusive rather than passing it.
import type { Verdict } from '../verdict.js';
import { bareNodeName, type HealthStatus } from './health.js';
import { type PairJudgement, judgement } from './pairs.js';

export interface HealthResult {
  node: string;
  status?: HealthStatus;
  /** the bare names of the nodes this agent reaches on every path (the jsonpath read of a healthy mesh) */
  reachable?: ReadonlySet<string>;
  error?: string;
}

export function judgeHealth(results: readonly HealthResult[], nodeNames: readonly string[]): PairJudgement {
  const broken: string[] = [];
  const unknown: string[] = [];
  for (const r of results) {
    if (r.reachable) {
      for (const to of nodeNames) if (!r.reachable.has(to)) broken.push(`${r.node} → ${to}: not in the agent's health mesh`);
      continue;
    }
    if (!r.status) {
      broken.push(`${r.node}: health status could not be read (${r.error ?? 'no output'})`);
      continue;
    }
    const seen = new Map(r.status.nodes.map((n) => [bareNodeName(n.name), n]));
    for (const to of nodeNames) {
      const n = seen.get(to);
      if (!n) {
        broken.push(`${r.node} → ${to}: not in the agent's health mesh`);
        continue;
      }
      for (const [what, path] of [
        ['node', n.host],
        ['health endpoint', n.endpoint],
      ] as const) {
        const where = `${r.node} → ${to} ${what}${path.ip ? ` ${path.ip}` : ''}`;
        if (path.state === 'unreachable' || path.state === 'absent')
          broken.push(`${where}: unreachable${path.detail ? ` (${path.detail})` : ''}`);
        else if (path.state === 'unknown') unknown.push(`${where}: not probed yet`);
      }
    }
  }
  const pairs = results.length * nodeNames.length;
  const verdict: Verdict = broken.length > 0 ? 'fail' : unknown.length > 0 || results.length === 0 ? 'inconclusive' : 'pass';
  const ok = `all ${pairs} node pairs (from ${results.length} agents) reach each other's node and health endpoint`;
  return judgement('health', verdict, broken.length > 0 ? broken : unknown, ok, results.length === 0 ? 'no agent answered' : undefined);
}
