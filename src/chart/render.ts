// Renders the chart with the merged values before anything touches the cluster.
import type { ChartRef } from './chart-ref.js';
import { ActionError } from '../errors.js';
import type { Helm } from '../cluster/helm.js';
import { helmMessage } from '../cluster/helm.js';
import { chartArgs, chartAt } from './chart-ref.js';
import { chartErrorHint, throwIfDownloadFailure } from './errors.js';

export interface RenderRequest {
  chart: ChartRef;
  version: string | undefined;
  release: string;
  namespace: string;
  valuesFile: string;
}

export async function renderChart(helm: Helm, req: RenderRequest): Promise<string> {
  const r = await helm.exec([
    'template',
    req.release,
    ...chartArgs(req.chart, req.version),
    '--namespace',
    req.namespace,
    '--values',
    req.valuesFile,
  ]);
  if (r.code !== 0 || r.timedOut) {
    const msg = r.timedOut ? 'timed out' : helmMessage(r.stderr);
    const at = chartAt(req.chart, req.version);
    throwIfDownloadFailure(req.chart, at, r.timedOut, msg);
    throw new ActionError(`The chart (${at}) rejected the merged values: ${msg}`, { hint: chartErrorHint(msg) });
  }
  return r.stdout;
}
