// The desired state, computed the same way for preview, apply and drift:
// live values → merge → write the values file → render with the real chart → check cilium-config.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { checkConfig, ciliumConfigOf, requiredConfig, type ConfigData } from '../chart/cilium-config.js';
import { renderChart } from '../chart/render.js';
import type { Helm } from '../cluster/helm.js';
import { ActionError } from '../errors.js';
import { workDir } from '../report/publish.js';
import { buildDesired, type Desired } from '../values/desired.js';
import type { Values } from '../values/layers.js';
import type { RunContext } from './context.js';

export interface Plan {
  desired: Desired;
  valuesFile: string;
  /** the chart version rendered (undefined for a local chart of unknown version) */
  chartVersion: string | undefined;
  manifest: string;
  config: ConfigData;
}

export async function planDesired(ctx: RunContext, helm: Helm, live: Values, chartVersion: string | undefined): Promise<Plan> {
  const { config, report } = ctx;
  const desired = buildDesired({ live, userLayers: config.userLayers, nativeRoutingCidr: config.nativeRoutingCidr });
  report.cidr = desired.cidr;
  report.notes.push(...desired.notes);
  const valuesFile = path.join(workDir(config.runnerTemp), `${config.release}-values.yaml`);
  writeFileSync(valuesFile, stringify(desired.values, { lineWidth: 0 }), { mode: 0o600 });
  report.valuesFile = valuesFile;

  const manifest = await renderChart(helm, {
    chart: config.chart,
    version: chartVersion,
    release: config.release,
    namespace: config.namespace,
    valuesFile,
  });
  const rendered = ciliumConfigOf(manifest, config.namespace);
  if (!rendered) {
    throw new ActionError(`The rendered chart has no ConfigMap ${config.namespace}/cilium-config`, {
      hint: 'Is chart really the Cilium chart?',
    });
  }
  const mismatches = checkConfig(rendered, requiredConfig(desired.cidr));
  if (mismatches.length > 0) {
    throw new ActionError(
      `The chart rendered a cilium-config that is not native routing with WireGuard: ${mismatches
        .map((m) => `${m.key} is ${m.actual === undefined ? 'missing' : JSON.stringify(m.actual)}, expected ${JSON.stringify(m.expected)}`)
        .join('; ')}`,
      { hint: 'This chart version may spell these settings differently; use a supported chart (1.16 or later).' },
    );
  }
  return { desired, valuesFile, chartVersion, manifest, config: rendered };
}
