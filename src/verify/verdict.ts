// What a check concludes. Pure types, shared by the judges (verify/) and the report that shows them.

/** `skipped`: `checks: none`, nothing was verified (never a pass) */
export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'skipped';

/** One per-pair check's outcome (health, wireguard-peers, config-delta). */
export interface PairCheck {
  check: string;
  verdict: Verdict;
  reason: string;
  problems: string[];
}
