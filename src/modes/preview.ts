// mode: preview — merge, validate, render, diff against the live release or base-values.
// Read-only: the only helm commands are list/get/template/show.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { ciliumConfigOf, configEncryption, configRouting, diffConfig } from '../chart/cilium-config.js';
import { diffManifests } from '../chart/manifest-diff.js';
import { renderChart } from '../chart/render.js';
import { NO_CLUSTER } from '../cluster/access.js';
import { Helm } from '../cluster/helm.js';
import { resolveAccess } from '../cluster/kubeconfig.js';
import { ActionError, errorMessage } from '../errors.js';
import { setVerdict } from '../steps/judgement.js';
import { postPreviewComment, whyNoComment } from '../steps/pr-comment.js';
import { workDir } from '../report/publish.js';
import { redactChange, redactConfigChange } from '../report/redact.js';
import { step } from '../report/steps.js';
import { legacyRemovals } from '../values/consistency.js';
import type { Values } from '../values/layers.js';
import { deletePath } from '../values/paths.js';
import type { RunContext } from '../steps/context.js';
import { desired, plan as planDesired, targetVersion } from './desired.js';
import { recordBgpResources } from './record.js';
import { acquireTools, toolsNeeded } from './tools.js';
import { BGP_WIREGUARD_NOTE } from '../bgp/expectation.js';
import { previewBgpChanges } from '../steps/bgp-drift.js';

/** After the report is published: the sticky pull-request comment carries it (or says why not). */
export function commentOnPullRequest(ctx: RunContext): Promise<void> {
  return postPreviewComment(ctx.report, ctx.config, ctx.redactor);
}

export async function preview(ctx: RunContext): Promise<void> {
  const { config, report } = ctx;
  const withCluster = config.baseValues === undefined;
  // Without a cluster everything about the values is known before any command runs: check it first.
  const early = withCluster ? undefined : desired(ctx, config.baseValues!.values);
  const tools = await step(report, 'Install tools', () => acquireTools(ctx, toolsNeeded(config)));
  const access = withCluster
    ? resolveAccess(config.kubeconfig, config.context, config.runnerTemp)
    : { ...NO_CLUSTER, cleanup: () => undefined };
  try {
    const helm = new Helm(tools.helm!, access);
    const baseline = await step(report, withCluster ? 'Read the live release' : 'Read base-values', async () => {
      if (!withCluster) return { values: config.baseValues!.values, installed: undefined, manifest: undefined as string | undefined };
      return readLiveRelease(ctx, helm);
    });
    const version = targetVersion(ctx, baseline.installed);
    report.baseline = withCluster ? 'live release' : 'base-values';

    // Without a cluster the baseline is base-values rendered by the same chart: render both at once.
    const baselineManifest =
      baseline.manifest !== undefined ? Promise.resolve(baseline.manifest) : renderBaseline(ctx, helm, baseline.values, version);
    const plan = await step(report, 'Merge values and render the chart', () =>
      planDesired(ctx, helm, early ?? desired(ctx, baseline.values), version),
    );

    await step(report, 'Diff desired against the baseline', async () => {
      const before = await baselineManifest;
      report.changes = plan.desired.changes.map(redactChange);
      report.configChanges = diffConfig(before === undefined ? undefined : ciliumConfigOf(before, config.namespace), plan.config).map(
        redactConfigChange,
      );
      if (before !== undefined) report.manifestDiff = diffManifests(before, plan.manifest, config.namespace);
    });
    report.routingMode = configRouting(plan.config);
    report.encryption = configEncryption(plan.config);
    const noComment = whyNoComment(config);
    if (noComment) report.notes.push(noComment);
    if (config.bgp) recordBgpResources(report, config.bgp);
    if (config.bgp && withCluster) {
      const changes = await step(report, 'Diff the BGP resources against the live ones', () =>
        previewBgpChanges(access, report, config.bgp!),
      );
      if (changes) report.bgp = { ...report.bgp, changes };
    }
    if (config.bgp && report.encryption === 'wireguard') report.notes.push(BGP_WIREGUARD_NOTE);
    setVerdict(report, {
      verdict: 'pass',
      reason: `the merged values render native routing with ${config.bgp ? 'BGP' : 'WireGuard'} on chart ${version ?? config.chart.kind}`,
    });
  } finally {
    access.cleanup();
  }
}

/** The live release: its user-supplied values, installed chart version and manifest. */
async function readLiveRelease(
  ctx: RunContext,
  helm: Helm,
): Promise<{ values: Values; installed: string | undefined; manifest: string | undefined }> {
  const { config } = ctx;
  const info = await helm.release(config.release, config.namespace);
  if (!info) {
    if (!config.ciliumVersion) {
      throw new ActionError(`There is no Helm release ${config.namespace}/${config.release}`, {
        hint: 'This action changes an existing Cilium installation. Check release/namespace (and the kube context), or set cilium-version to preview a fresh install.',
      });
    }
    return { values: {}, installed: undefined, manifest: '' };
  }
  ctx.report.revision = info.revision;
  const [values, manifest] = await Promise.all([
    helm.getValues(info.name, config.namespace),
    helm.getManifest(info.name, config.namespace),
  ]);
  return { values, installed: info.chartVersion, manifest };
}

/** base-values rendered by the chart; undefined (with a warning) when they do not render. */
async function renderBaseline(ctx: RunContext, helm: Helm, values: Values, version: string | undefined): Promise<string | undefined> {
  const { config, report } = ctx;
  const file = path.join(workDir(config.runnerTemp), `${config.release}-base-values.yaml`);
  // dropped from the baseline as from the desired values: the diff then shows the real change
  const baseline = structuredClone(values);
  for (const r of legacyRemovals(values)) deletePath(baseline, r.path);
  writeFileSync(file, stringify(baseline, { lineWidth: 0 }), { mode: 0o600 });
  try {
    return await renderChart(helm, {
      chart: config.chart,
      version,
      release: config.release,
      namespace: config.namespace,
      valuesFile: file,
    });
  } catch (e) {
    report.warnings.push(`base-values do not render with this chart, so there is no manifest diff: ${errorMessage(e)}`);
    return undefined;
  }
}
