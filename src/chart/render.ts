// Renders the chart with the merged values before anything touches the cluster.
import type { ChartRef } from '../config.js';
import { ActionError } from '../errors.js';
import type { Helm } from '../cluster/helm.js';
import { helmMessage } from '../cluster/helm.js';
import { chartArgs, describeChart } from './chart-ref.js';
import { chartErrorHint } from './errors.js';

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
    const at = `${describeChart(req.chart)}${req.version && req.chart.kind !== 'local' ? ` ${req.version}` : ''}`;
    throw new ActionError(`The chart (${at}) rejected the merged values: ${msg}`, { hint: chartErrorHint(msg) });
  }
  return r.stdout;
}

/** The version a local chart really is (from its Chart.yaml), or undefined when it can't be read. */
export async function localChartVersion(helm: Helm, chart: ChartRef): Promise<string | undefined> {
  if (chart.kind !== 'local') return undefined;
  const r = await helm.exec(['show', 'chart', chart.path], { quiet: true });
  const m = /^version:\s*(\S+)/m.exec(r.stdout);
  return r.code === 0 && m ? m[1]!.replace(/^v/, '') : undefined;
}
