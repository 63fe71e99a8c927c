// What a check, a gate or a whole run concludes, and how several checks combine into one verdict.
import type { Report, Verdict } from '../report/report.js';

export interface Judgement {
  verdict: Verdict;
  reason: string;
}

/** One check's judgement, named: the combined reason names the check that decided it. */
export interface Outcome extends Judgement {
  check: string;
}

/** The worst outcome decides (fail, then inconclusive); when all pass, every reason is listed. */
export function worstOf(outcomes: readonly Outcome[]): Judgement {
  const worst = outcomes.find((o) => o.verdict === 'fail') ?? outcomes.find((o) => o.verdict === 'inconclusive');
  if (worst) return { verdict: worst.verdict, reason: `${worst.check}: ${worst.reason}` };
  return { verdict: 'pass', reason: outcomes.map((o) => `${o.check}: ${o.reason}`).join('; ') };
}

/** The run so far, failed by one more judgement too: a pass gives way to it, a failure lists both reasons. */
export function alsoFailed(run: Partial<Judgement>, failure: Judgement): Judgement {
  return { verdict: 'fail', reason: run.verdict === 'pass' || !run.reason ? failure.reason : `${run.reason}; ${failure.reason}` };
}

export function setVerdict(report: Report, j: Judgement): void {
  report.verdict = j.verdict;
  report.reason = j.reason;
}
