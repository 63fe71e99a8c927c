// The common shape of the per-pair checks (health, wireguard-peers, config-delta): a verdict, a
// one-line reason naming the first few problems, and every problem for the summary.
import type { PairCheck, Verdict } from '../verdict.js';

export type PairJudgement = PairCheck;

const SHOWN_IN_REASON = 3;

export function judgement(check: string, verdict: Verdict, problems: string[], passReason: string, emptyReason?: string): PairJudgement {
  if (verdict === 'pass') return { check, verdict, reason: passReason, problems: [] };
  const shown = problems.slice(0, SHOWN_IN_REASON).join('; ');
  const more = problems.length > SHOWN_IN_REASON ? ` and ${problems.length - SHOWN_IN_REASON} more` : '';
  const reason =
    problems.length === 0
      ? (emptyReason ?? 'nothing could be checked')
      : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: ${shown}${more}`;
  return { check, verdict, reason, problems };
}
