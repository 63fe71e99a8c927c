// The target chart's own values.yaml (`helm show values`) and values.schema.json, for the recipe to
// follow the chart. helm has no `show` for the schema: a local chart (folder or .tgz) is read in
// place, a repository or OCI chart is pulled (`helm pull`, the same arguments as every other helm
// command) into a temporary folder and read from its archive.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChartRef } from './chart-ref.js';
import { ActionError, errorMessage } from '../errors.js';
import { helmMessage, type Helm } from '../cluster/helm.js';
import { chartArgs, chartAt } from './chart-ref.js';
import { readChartFile } from './chart-archive.js';
import { chartKeys, type ChartKeys } from './chart-keys.js';
import { schemaKeys, type SchemaKeys } from './chart-schema.js';
import { throwIfDownloadFailure } from './errors.js';

/** Cilium's schema is about 170 KiB; a schema past this is not read (helm still validates against it). */
const MAX_SCHEMA_BYTES = 4 * 1024 * 1024;

async function chartValuesYaml(helm: Helm, chart: ChartRef, version: string | undefined): Promise<string> {
  const r = await helm.exec(['show', 'values', ...chartArgs(chart, version)], { quiet: true });
  if (r.code !== 0 || r.timedOut) {
    const msg = r.timedOut ? 'timed out' : helmMessage(r.stderr);
    const at = chartAt(chart, version);
    throwIfDownloadFailure(chart, at, r.timedOut, msg);
    throw new ActionError(`Could not read the values.yaml of ${at}: ${msg}`);
  }
  return r.stdout;
}

/**
 * What the target chart says about its keys: values.yaml, and values.schema.json where the chart has
 * one. A schema that cannot be read is a warning, not a failure: helm validates against it anyway.
 */
export async function targetChartKeys(
  helm: Helm,
  chart: ChartRef,
  version: string | undefined,
): Promise<{ keys: ChartKeys; warnings: string[] }> {
  const valuesYaml = await chartValuesYaml(helm, chart, version);
  const warnings: string[] = [];
  let schema: SchemaKeys | undefined;
  try {
    const json = await chartSchemaJson(helm, chart, version);
    if (json !== undefined) schema = schemaKeys(json);
  } catch (e) {
    warnings.push(
      `The values.schema.json of ${chartAt(chart, version)} was not read (${errorMessage(e)}): the recipe follows its values.yaml alone`,
    );
  }
  return { keys: chartKeys(valuesYaml, schema), warnings };
}

/** The chart's values.schema.json text, undefined when it has none. */
async function chartSchemaJson(helm: Helm, chart: ChartRef, version: string | undefined): Promise<string | undefined> {
  if (chart.kind === 'local') return readChartFile(chart.path, 'values.schema.json', MAX_SCHEMA_BYTES);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-chart-'));
  try {
    const r = await helm.exec(['pull', ...chartArgs(chart, version), '--destination', dir], { quiet: true });
    if (r.code !== 0 || r.timedOut) throw new Error(`helm pull: ${r.timedOut ? 'timed out' : helmMessage(r.stderr)}`);
    const archive = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!archive) throw new Error('helm pull wrote no chart archive');
    return readChartFile(path.join(dir, archive), 'values.schema.json', MAX_SCHEMA_BYTES);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
