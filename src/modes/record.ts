// Where the checks' results enter the report: steps and checks return what they found, and the
// modes write it here, in one place. Only the checks that ran are written (a gate that checks the
// agents alone leaves the flows of an earlier run as they were).
import type { BgpConfig } from '../bgp/inputs.js';
import { bgpManifest, bgpObjects } from '../bgp/resources.js';
import type { Report } from '../report/report.js';
import type { AgentsChecked } from '../steps/agents.js';
import type { BgpChecked } from '../steps/bgp-check.js';
import type { Checked } from '../steps/checked.js';
import type { Judgement } from '../steps/judgement.js';

/** Every agent's row and the cluster-wide routing and encryption the agents report. */
export function recordAgents(report: Report, agents: AgentsChecked): Judgement {
  report.routingMode = agents.routingMode;
  report.encryption = agents.encryption;
  report.nodes = agents.rows;
  return agents.judgement;
}

/** profile bgp: the resources the inputs render (YAML). */
export function recordBgpResources(report: Report, bgp: BgpConfig): void {
  report.bgp = { ...(report.bgp ?? {}), resources: bgpManifest(bgpObjects(bgp)) };
}

function recordBgp(report: Report, { rows, established, expected, routeServer }: BgpChecked): void {
  report.bgp = { ...(report.bgp ?? {}), rows, established, expected, ...(routeServer !== undefined ? { routeServer } : {}) };
}

/** What the checks found; returns their combined judgement, for the mode to make the run's verdict. */
export function recordChecked(report: Report, checked: Checked): Judgement {
  if (checked.agents) recordAgents(report, checked.agents);
  if (checked.bgp) recordBgp(report, checked.bgp);
  if (checked.flows) report.flows = checked.flows;
  if (checked.pairs) report.pairs = checked.pairs;
  return checked.judgement;
}
