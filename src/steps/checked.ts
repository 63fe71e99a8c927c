// What one run of the checks found, check by check: returned by runChecks for the mode to record
// in the report and for drift to turn into differences.
import type { FlowSummary, PairCheck } from '../report/report.js';
import type { AgentsChecked } from './agents.js';
import type { BgpChecked } from './bgp-check.js';
import type { Judgement } from './judgement.js';

export interface Checked {
  /** the combined verdict: the worst check decides */
  judgement: Judgement;
  agents?: AgentsChecked;
  bgp?: BgpChecked;
  flows?: FlowSummary;
  pairs?: PairCheck[];
}
