// Types for flows.mjs, for the bench's smoke test.
export interface Counts {
  flowsObserved: number;
  overlayFlows: number;
  crossNodeFlows: number;
  lostEvents: number;
  malformedLines?: number;
}
export interface SizeForCheck {
  flows: number;
  truth: Counts;
  readline: { counts: Counts };
}
export interface RunsForCheck {
  analyse: Array<{ counts: Counts }>;
  readline: Array<{ counts: Counts }>;
  jq: Array<{ overlay: number }>;
}
/** Every difference between the runs' counts and the capture's (an empty list when there is none). */
export function checkCounts(size: SizeForCheck, runs: RunsForCheck, haveJq: boolean): string[];
export function fmtFlows(n: number): string;
export const JQ_FILTER: string;
export const GREP_PATTERN: string;
