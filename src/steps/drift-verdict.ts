// drift: the run's verdict from the checks' judgement, the differences found and fail-on-drift.
import type { Difference } from '../report/report.js';
import type { Judgement } from './judgement.js';

export interface DriftVerdict extends Judgement {
  /** drift found with fail-on-drift false: said, not failed */
  warning?: string;
}

export function driftVerdict(differences: readonly Difference[], checks: Judgement, failOnDrift: boolean): DriftVerdict {
  if (differences.length === 0) return { verdict: checks.verdict, reason: `no drift; ${checks.reason}`.trim() };
  const sources = [...new Set(differences.map((d) => d.source))].join(', ');
  const what = `${differences.length} difference${differences.length === 1 ? '' : 's'} (${sources})`;
  if (failOnDrift) return { verdict: 'fail', reason: `drift: ${what}` };
  return { ...checks, warning: `Drift found: ${what}` };
}
