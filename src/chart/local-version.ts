// The version a local chart carries (its Chart.yaml), read without running helm, so that a
// mismatch with cilium-version is an input error before any command runs.
import { parse } from 'yaml';
import { fileInChartArchive, readChartFile } from './chart-archive.js';

/** Cilium's Chart.yaml is about 7 KiB. */
const MAX_CHART_YAML_BYTES = 1024 * 1024;

/** The chart's version (without a leading v), or undefined when there is no readable Chart.yaml. */
export function readLocalChartVersion(chartPath: string): string | undefined {
  try {
    const text = readChartFile(chartPath, 'Chart.yaml', MAX_CHART_YAML_BYTES);
    if (text === undefined) return undefined;
    const doc = parse(text) as { version?: unknown } | null;
    return typeof doc?.version === 'string' || typeof doc?.version === 'number' ? String(doc.version).replace(/^v/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** Pure: the top-level `<chart>/Chart.yaml` of a tar archive. */
export function chartYamlInArchive(tar: Buffer): string | undefined {
  return fileInChartArchive(tar, 'Chart.yaml')?.toString('utf8');
}
