// The version a local chart carries (its Chart.yaml), read without running helm, so that a
// mismatch with cilium-version is an input error before any command runs.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';

/** The chart's version (without a leading v), or undefined when there is no readable Chart.yaml. */
export function readLocalChartVersion(chartPath: string): string | undefined {
  try {
    const text = statSync(chartPath).isDirectory()
      ? readFileSync(path.join(chartPath, 'Chart.yaml'), 'utf8')
      : chartYamlInArchive(gunzipSync(readFileSync(chartPath)));
    if (text === undefined) return undefined;
    const doc = parse(text) as { version?: unknown } | null;
    return typeof doc?.version === 'string' || typeof doc?.version === 'number' ? String(doc.version).replace(/^v/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** Pure: the top-level `<chart>/Chart.yaml` of a tar archive (ustar headers, 512-byte blocks). */
export function chartYamlInArchive(tar: Buffer): string | undefined {
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return undefined;
    const field = (from: number, len: number): string =>
      header
        .subarray(from, from + len)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    if ((type === '0' || type === '') && /^[^/]+\/Chart\.yaml$/.test(name)) return tar.subarray(at + 512, at + 512 + size).toString('utf8');
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}
