// The desired state, computed the same way for preview, apply and drift:
// live values → merge → write the values file → render with the real chart → check cilium-config.
// Each part returns what it found (chart version, CIDR, values file, plan); modes/desired.ts records them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ChartKeys } from '../chart/chart-keys.js';
import {
  checkConfig,
  ciliumConfigObject,
  configDataOf,
  requiredConfig,
  type ConfigData,
  type ConfigMismatch,
} from '../chart/cilium-config.js';
import { renderChart } from '../chart/render.js';
import type { Helm } from '../cluster/helm.js';
import { ActionError, InputError } from '../errors.js';
import { workDir } from '../report/publish.js';
import { buildDesired, type Desired } from '../values/desired.js';
import type { Values } from '../values/layers.js';
import type { RunContext } from './context.js';
import { followTargetChart, type ChartFollowed } from './follow-chart.js';
import { skipMinorProblem } from '../values/upgrade-path.js';
import { agentApiServerProblem } from '../chart/agent-api-server.js';
import { notCiliumReason } from '../chart/is-cilium.js';
import { parseManifest, type ManifestObject } from '../chart/manifest.js';
import { repeatedConfigKeys, unreadableCiliumConfig } from '../chart/config-duplicates.js';

export interface Plan {
  desired: Desired;
  valuesFile: string;
  /** the chart version rendered (undefined for a local chart of unknown version) */
  chartVersion: string | undefined;
  manifest: string;
  config: ConfigData;
  /** what the target chart says about its keys */
  chart: ChartKeys;
}

/** The chart version to render and upgrade to: a local chart's own, else cilium-version, else the one installed. */
export function chartVersionFor(ctx: RunContext, installed: string | undefined): string | undefined {
  return ctx.config.localChartVersion ?? ctx.config.ciliumVersion ?? installed;
}

/** Refuses an upgrade that skips a minor version (drift only compares, so it is never refused). */
export function checkUpgradePath(ctx: RunContext, installed: string | undefined, version: string | undefined): void {
  const skip = ctx.config.mode === 'drift' || ctx.config.allowSkipMinor ? undefined : skipMinorProblem(installed, version);
  if (skip) throw new InputError([skip]);
}

/** The merged, checked values (pure; throws InputError before anything touches a cluster). */
export function desiredFor(ctx: RunContext, live: Values): Desired {
  const desired = buildDesired({
    live,
    userLayers: ctx.config.userLayers,
    nativeRoutingCidr: ctx.config.nativeRoutingCidr,
    profile: ctx.config.profile,
  });
  // notes and warnings are the run's running commentary, appended as found
  ctx.report.notes.push(...desired.notes);
  return desired;
}

/** What the target chart says about the desired values, and the values file written for it. */
export interface DesiredValues {
  desired: Desired;
  chartVersion: string | undefined;
  followed: ChartFollowed;
  valuesFile: string;
}

/** Fits the desired values to the target chart and writes them to the values file. */
export async function writeDesired(
  ctx: RunContext,
  helm: Helm,
  desired: Desired,
  chartVersion: string | undefined,
): Promise<DesiredValues> {
  const { config } = ctx;
  const followed = await followTargetChart(ctx, helm, desired, chartVersion);
  ctx.nodeEncryption = followed.nodeEncryption;
  const valuesFile = path.join(workDir(config.runnerTemp), `${config.release}-values.yaml`);
  writeFileSync(valuesFile, stringify(desired.values, { lineWidth: 0 }), { mode: 0o600 });
  return { desired, chartVersion, followed, valuesFile };
}

/** The rendered cilium-config; a manifest without one (or with one YAML cannot read) stops the run. */
function readRenderedConfig(manifest: string, objects: ReadonlyMap<string, ManifestObject>, namespace: string): ConfigData {
  const rendered = configDataOf(ciliumConfigObject(objects, namespace));
  if (rendered) return rendered;
  const unreadable = unreadableCiliumConfig(manifest);
  if (unreadable) {
    throw new ActionError(`The rendered ConfigMap ${namespace}/cilium-config cannot be read: ${unreadable}`, {
      hint: 'The chart copies extraConfig into cilium-config verbatim: check the keys and values under extraConfig in values and values-files.',
    });
  }
  throw new ActionError(`The rendered chart has no ConfigMap ${namespace}/cilium-config`, { hint: 'Is chart really the Cilium chart?' });
}

/** Renders the chart with the values file and checks the rendered cilium-config. */
export async function renderDesired(ctx: RunContext, helm: Helm, written: DesiredValues): Promise<Plan> {
  const { config } = ctx;
  const { desired, chartVersion, followed, valuesFile } = written;
  const manifest = await renderChart(helm, {
    chart: config.chart,
    version: chartVersion,
    release: config.release,
    namespace: config.namespace,
    valuesFile,
  });
  const objects = parseManifest(manifest, config.namespace);
  const notCilium = notCiliumReason(objects, config.namespace);
  if (notCilium) {
    throw new ActionError(`The chart is not the Cilium chart: ${notCilium}`, {
      hint: 'Give the Cilium chart (chart: cilium from https://helm.cilium.io, its .tgz, or a mirror of it).',
    });
  }
  const rendered = readRenderedConfig(manifest, objects, config.namespace);
  const apiServer = agentApiServerProblem(objects, rendered, config.namespace, desired.values.k8sServiceHost);
  if (apiServer) {
    throw new ActionError(`The chart rendered agents that could not reach the API server: ${apiServer}`, {
      hint: 'Set k8sServiceHost (the AKS API server FQDN) and k8sServicePort: 443, or kubeProxyReplacement: false.',
    });
  }
  const mismatches = checkConfig(rendered, requiredConfig(desired.cidr, config.profile)).filter(
    (m) => !followed.notRequired.includes(m.key),
  );
  const what = `native routing with ${config.profile === 'bgp' ? 'BGP' : 'WireGuard'}`;
  const said = (ms: readonly ConfigMismatch[]): string =>
    ms
      .map((m) => `${m.key} is ${m.actual === undefined ? 'missing' : JSON.stringify(m.actual)}, expected ${JSON.stringify(m.expected)}`)
      .join('; ');
  const repeated = repeatedConfigKeys(objects, config.namespace);
  const overridden = mismatches.filter((m) => repeated.includes(m.key));
  if (overridden.length > 0) {
    throw new ActionError(`values: extraConfig overrides what the chart writes into cilium-config for ${what}: ${said(overridden)}`, {
      hint: `Fix: remove ${overridden.map((m) => m.key).join(', ')} from extraConfig (in values or values-files); the action sets ${overridden.length > 1 ? 'them' : 'it'} through the chart's own values.`,
    });
  }
  if (mismatches.length > 0) {
    throw new ActionError(`The chart rendered a cilium-config that is not ${what}: ${said(mismatches)}`, {
      hint: 'This chart version may spell these settings differently; use a supported chart (1.16 or later).',
    });
  }
  for (const key of repeated)
    ctx.report.warnings.push(
      `cilium-config gets ${JSON.stringify(key)} twice, from the chart and from extraConfig: the agents read extraConfig's value (the later one).`,
    );
  return { desired, valuesFile, chartVersion, manifest, config: rendered, chart: followed.keys };
}
