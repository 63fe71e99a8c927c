// Pre-pull of the new agent image before agents restart on a new chart version: render the chart's
// pre-flight DaemonSet with the target values, apply it, wait until it runs on every node, delete it.
import * as core from '@actions/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { renderChart } from '../chart/render.js';
import type { ChartRef } from '../chart/chart-ref.js';
import { ActionError } from '../errors.js';
import { PREFLIGHT_DAEMONSET, preflightObjects, preflightValues } from '../migration/preflight.js';
import type { Values } from '../values/layers.js';
import type { Helm } from './helm.js';
import type { Kubectl } from './kubectl.js';
import { yamlDocs } from './probe-manifest.js';
import { waitRollout } from './restart.js';

export interface PrePull {
  chart: ChartRef;
  version: string | undefined;
  release: string;
  namespace: string;
  values: Values;
}

export async function prePullAgentImage(helm: Helm, kubectl: Kubectl, req: PrePull, deadline: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-preflight-'));
  try {
    const valuesFile = path.join(dir, 'values.yaml');
    writeFileSync(valuesFile, stringify(preflightValues(req.values), { lineWidth: 0 }), { mode: 0o600 });
    const objects = preflightObjects(await renderChart(helm, { ...req, valuesFile }), req.namespace);
    if (!objects.some((o) => o.kind === 'DaemonSet')) {
      core.warning(`The chart renders no ${PREFLIGHT_DAEMONSET} DaemonSet: the new agent image is pulled when the agents restart.`);
      return;
    }
    const file = path.join(dir, 'preflight.yaml');
    writeFileSync(file, yamlDocs(objects.map((o) => o.obj)));
    await kubectl.run(['apply', '--filename', file], `create ${PREFLIGHT_DAEMONSET}`);
    try {
      await waitRollout(kubectl, req.namespace, `daemonset/${PREFLIGHT_DAEMONSET}`, deadline);
    } catch (e) {
      throw new ActionError(
        `The new agent image could not be pulled on every node (${PREFLIGHT_DAEMONSET}): ${e instanceof Error ? e.message : String(e)}`,
        {
          hint: 'Nothing was upgraded yet. Check that the nodes can pull the image of the new chart version.',
        },
      );
    } finally {
      const del = await kubectl.exec(['delete', '--filename', file, '--ignore-not-found', '--wait=false']);
      if (del.code !== 0) core.warning(`Could not delete ${PREFLIGHT_DAEMONSET}: ${del.stderr.trim()}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
