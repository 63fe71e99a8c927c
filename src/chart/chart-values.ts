// The target chart's own values.yaml (`helm show values`), for the recipe to follow the chart.
import type { ChartRef } from '../config.js';
import { ActionError } from '../errors.js';
import { helmMessage, type Helm } from '../cluster/helm.js';
import { chartArgs, describeChart } from './chart-ref.js';

export async function chartValuesYaml(helm: Helm, chart: ChartRef, version: string | undefined): Promise<string> {
  const r = await helm.exec(['show', 'values', ...chartArgs(chart, version)], { quiet: true });
  if (r.code !== 0 || r.timedOut) {
    throw new ActionError(`Could not read the values.yaml of ${describeChart(chart)}${version ? ` ${version}` : ''}: ${r.timedOut ? 'timed out' : helmMessage(r.stderr)}`);
  }
  return r.stdout;
}
