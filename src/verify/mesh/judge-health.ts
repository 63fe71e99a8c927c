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
  const judge = healthJudge(nodeNames);
  results.forEach((r, i) => judge.add(r, i));
  return judge.result();
}

/**
 * The same judgement agent by agent, as their reads arrive: a fleet's agents print n² entries in
 * all, which need not be held at once. Problems are listed in the agents' order (index).
 */
export function healthJudge(nodeNames: readonly string[]): { add(r: HealthResult, index: number): void; result(): PairJudgement } {
  const broken: string[][] = [];
  const unknown: string[][] = [];
  let agents = 0;
  return {
    add(r, index) {
      agents++;
      const b: string[] = (broken[index] = []);
      const u: string[] = (unknown[index] = []);
      if (r.reachable) {
        for (const to of nodeNames) if (!r.reachable.has(to)) b.push(`${r.node} → ${to}: not in the agent's health mesh`);
        return;
      }
      if (!r.status) {
        b.push(`${r.node}: health status could not be read (${r.error ?? 'no output'})`);
        return;
      }
      const seen = new Map(r.status.nodes.map((n) => [bareNodeName(n.name), n]));
      for (const to of nodeNames) {
        const n = seen.get(to);
        if (!n) {
          b.push(`${r.node} → ${to}: not in the agent's health mesh`);
          continue;
        }
        for (const [what, path] of [
          ['node', n.host],
          ['health endpoint', n.endpoint],
        ] as const) {
          const where = `${r.node} → ${to} ${what}${path.ip ? ` ${path.ip}` : ''}`;
          if (path.state === 'unreachable' || path.state === 'absent')
            b.push(`${where}: unreachable${path.detail ? ` (${path.detail})` : ''}`);
          else if (path.state === 'unknown') u.push(`${where}: not probed yet`);
        }
      }
    },
    result() {
      const b = broken.flat();
      const u = unknown.flat();
      const pairs = agents * nodeNames.length;
      const verdict: Verdict = b.length > 0 ? 'fail' : u.length > 0 || agents === 0 ? 'inconclusive' : 'pass';
      const ok = `all ${pairs} node pairs (from ${agents} agents) reach each other's node and health endpoint`;
      return judgement('health', verdict, b.length > 0 ? b : u, ok, agents === 0 ? 'no agent answered' : undefined);
    },
  };
}
