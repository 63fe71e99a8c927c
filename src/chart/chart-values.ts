// The target chart's own values.yaml (`helm show values`), for the recipe to follow the chart.
import type { ChartRef } from './chart-ref.js';
import { ActionError } from '../errors.js';
import { helmMessage, type Helm } from '../cluster/helm.js';
import { chartArgs, describeChart } from './chart-ref.js';
import { throwIfDownloadFailure } from './errors.js';

export async function chartValuesYaml(helm: Helm, chart: ChartRef, version: string | undefined): Promise<string> {
  const r = await helm.exec(['show', 'values', ...chartArgs(chart, version)], { quiet: true });
  if (r.code !== 0 || r.timedOut) {
    const msg = r.timedOut ? 'timed out' : helmMessage(r.stderr);
    const at = `${describeChart(chart)}${version && chart.kind !== 'local' ? ` ${version}` : ''}`;
    throwIfDownloadFailure(chart, at, r.timedOut, msg);
    throw new ActionError(`Could not read the values.yaml of ${at}: ${msg}`);
  }
  return r.stdout;
}
