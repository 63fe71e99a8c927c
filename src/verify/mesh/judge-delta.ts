// Agents run the current config. From chart 1.19 each agent exports the drift checker's gauge: the
// number of cilium-config keys that differ from what it runs; it must be 0. An agent without the
// gauge (1.18, or configDriftDetection off) is judged by its start time instead: it must have
// started after cilium-config last changed, since the agent reads its config only at start.
import type { Verdict } from '../verdict.js';
import { type PairJudgement, judgement } from './pairs.js';

export interface DeltaResult {
  node: string;
  /** the gauge; undefined when the agent does not export it */
  delta?: number;
  /** the agent container's start, epoch ms */
  startedAtMs?: number;
  error?: string;
}

export function judgeDelta(results: readonly DeltaResult[], configChangedMs: number | undefined): PairJudgement {
  const problems: string[] = [];
  let unknown = 0;
  let byStart = 0;
  for (const r of results) {
    if (r.delta !== undefined) {
      if (r.delta !== 0) problems.push(`${r.node}: runs an older config (cilium_drift_checker_config_delta ${r.delta})`);
      continue;
    }
    if (r.startedAtMs === undefined || configChangedMs === undefined) {
      unknown++;
      problems.push(`${r.node}: no config-delta metric${r.error ? ` (${r.error})` : ''} and no start time to compare with cilium-config`);
      continue;
    }
    byStart++;
    if (r.startedAtMs < configChangedMs) {
      problems.push(
        `${r.node}: started ${new Date(r.startedAtMs).toISOString()}, before cilium-config last changed (${new Date(configChangedMs).toISOString()})`,
      );
    }
  }
  const failing = problems.length - unknown;
  const verdict: Verdict = failing > 0 ? 'fail' : unknown > 0 || results.length === 0 ? 'inconclusive' : 'pass';
  const how = byStart > 0 ? ` (${byStart} by start time, no drift metric)` : '';
  return judgement(
    'config-delta',
    verdict,
    problems,
    `all ${results.length} agents run the current cilium-config${how}`,
    'no agent answered',
  );
}
