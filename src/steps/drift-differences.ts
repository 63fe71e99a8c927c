// drift: every difference between the cluster and what it should be, by source. Each function
// returns its differences; the mode lists them in this order.
import { ciliumConfigOf, diffConfig, type ConfigData } from '../chart/cilium-config.js';
import type { Config } from '../config.js';
import { redactChange, redactConfigChange } from '../report/redact.js';
import type { Difference } from '../report/report.js';
import { strictModeProblems } from '../values/strict-mode.js';
import type { Checked } from './checked.js';
import type { DeployedRelease } from './live.js';
import type { Plan } from './plan.js';

const show = (v: unknown): string => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));

/** The desired values against the live release's, and the chart version to deploy against the installed one. */
export function valueDifferences(plan: Plan, version: string | undefined, installed: string): Difference[] {
  const out: Difference[] = plan.desired.changes
    .filter((c) => !c.inert)
    .map(redactChange)
    .map((c) => ({ source: 'values', key: c.key, expected: show(c.after), actual: show(c.before) }));
  // the version to deploy, from any chart reference (a local chart's own, cilium-version, or installed)
  if (version && version !== installed) out.push({ source: 'values', key: 'chart version', expected: version, actual: installed });
  return out;
}

/**
 * A key the target chart does not have does nothing in the live values, so it is no drift (apply
 * would remove it; the summary says so).
 */
export function inertValueNotes(plan: Plan): string[] {
  return plan.desired.changes
    .filter((c) => c.inert)
    .map(
      (c) =>
        `${redactChange(c).key}: the live release still sets it, but the target chart has no such key, so it does nothing: not counted as drift`,
    );
}

/** The live ConfigMap against what the live release renders: a hand edit. */
export function configDifferences(live: DeployedRelease, namespace: string): Difference[] {
  const rendered = ciliumConfigOf(live.manifest, namespace);
  return diffConfig(rendered, live.cm)
    .map(redactConfigChange)
    .map((c) => ({ source: 'cilium-config', key: c.key, expected: c.before ?? '(unset)', actual: c.after ?? '(unset)' }));
}

/** `strict-mode: egress`: the hardening apply would have switched on. */
export function strictModeDifferences(cm: ConfigData | undefined, cidr: string): Difference[] {
  return strictModeProblems(cm, cidr).map((p) => ({
    source: 'cilium-config',
    key: 'strict-mode: egress',
    expected: `on for ${cidr}`,
    actual: p,
  }));
}

/** After the checks: every agent whose status is not as desired, and a flow verdict that did not pass. */
export function checkedDifferences(
  checked: Pick<Checked, 'agents' | 'flows'>,
  config: Pick<Config, 'maxOverlayFlows' | 'minFlows'>,
  nodeEncryption: boolean | undefined,
): Difference[] {
  const out: Difference[] = (checked.agents?.rows ?? [])
    .filter((n) => !n.ok)
    .map((n) => ({
      source: 'agents',
      key: n.node,
      expected: `Native, WireGuard, ${nodeEncryption === false ? '' : 'node encryption, '}all peers`,
      actual: n.problems.join('; '),
    }));
  if (checked.flows && checked.flows.verdict !== 'pass') {
    out.push({
      source: 'flows',
      key: 'to-overlay',
      expected: `≤ ${config.maxOverlayFlows} to-overlay, ≥ ${config.minFlows} cross-node`,
      actual: checked.flows.reason,
    });
  }
  return out;
}
