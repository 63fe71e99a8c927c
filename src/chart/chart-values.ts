// The target chart's own values.yaml and values.schema.json, for the recipe to follow the chart.
// helm has no `show` for the schema: a local chart (folder or .tgz) is read in place (values.yaml
// with `helm show values`), a repository or OCI chart is pulled once (`helm pull`, the same
// arguments as every other helm command) into a temporary folder and both files read from its archive.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChartRef } from './chart-ref.js';
import { ActionError, errorMessage } from '../errors.js';
import { helmMessage, type Helm } from '../cluster/helm.js';
import { chartArgs, chartAt } from './chart-ref.js';
import { MAX_ARCHIVE_BYTES, readChartFile } from './chart-archive.js';
import { chartKeys, type ChartKeys } from './chart-keys.js';
import { schemaKeys, type SchemaKeys } from './chart-schema.js';
import { throwIfDownloadFailure } from './errors.js';

/** Cilium's schema is about 170 KiB; a schema past this is not read (helm still validates against it). */
const MAX_SCHEMA_BYTES = 4 * 1024 * 1024;

/** The chart's values.yaml for a local chart: helm reads it in place. */
async function localValuesYaml(helm: Helm, chart: ChartRef, version: string | undefined): Promise<string> {
  const r = await helm.exec(['show', 'values', ...chartArgs(chart, version)], { quiet: true });
  if (r.code !== 0 || r.timedOut) throw valuesUnread(chart, version, r.timedOut ? 'timed out' : helmMessage(r.stderr), r.timedOut);
  return r.stdout;
}

/** values.yaml could not be read: a download failure says so, anything else names the chart. */
function valuesUnread(chart: ChartRef, version: string | undefined, msg: string, timedOut = false): ActionError {
  const at = chartAt(chart, version);
  throwIfDownloadFailure(chart, at, timedOut, msg);
  return new ActionError(`Could not read the values.yaml of ${at}: ${msg}`);
}

/**
 * What the target chart says about its keys: values.yaml, and values.schema.json where the chart has
 * one. A schema that cannot be read is a warning, not a failure: helm validates against it anyway.
 * A repository or OCI chart is pulled once and both files are read from its archive.
 */
export async function targetChartKeys(
  helm: Helm,
  chart: ChartRef,
  version: string | undefined,
): Promise<{ keys: ChartKeys; warnings: string[] }> {
  if (chart.kind === 'local') {
    return followable(
      await localValuesYaml(helm, chart, version),
      () => readChartFile(chart.path, SCHEMA, MAX_SCHEMA_BYTES),
      chart,
      version,
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-chart-'));
  try {
    const r = await helm.exec(['pull', ...chartArgs(chart, version), '--destination', dir], { quiet: true });
    if (r.code !== 0 || r.timedOut) throw valuesUnread(chart, version, r.timedOut ? 'timed out' : helmMessage(r.stderr), r.timedOut);
    const file = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!file) throw valuesUnread(chart, version, 'helm pull wrote no chart archive');
    const archive = path.join(dir, file);
    let valuesYaml: string;
    try {
      // a chart without values.yaml has none to follow, as `helm show values` prints nothing for it
      valuesYaml = readChartFile(archive, 'values.yaml', MAX_ARCHIVE_BYTES) ?? '';
    } catch (e) {
      throw valuesUnread(chart, version, errorMessage(e));
    }
    return followable(valuesYaml, () => readChartFile(archive, SCHEMA, MAX_SCHEMA_BYTES), chart, version);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SCHEMA = 'values.schema.json';

function followable(
  valuesYaml: string,
  readSchema: () => string | undefined,
  chart: ChartRef,
  version: string | undefined,
): { keys: ChartKeys; warnings: string[] } {
  const warnings: string[] = [];
  let schema: SchemaKeys | undefined;
  try {
    const json = readSchema();
    if (json !== undefined) schema = schemaKeys(json);
  } catch (e) {
    warnings.push(
      `The values.schema.json of ${chartAt(chart, version)} was not read (${errorMessage(e)}): the recipe follows its values.yaml alone`,
    );
  }
  return { keys: chartKeys(valuesYaml, schema), warnings };
}
