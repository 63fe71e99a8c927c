// The top-level files of a chart (`<chart>/Chart.yaml`, `<chart>/values.schema.json`), read without
// running helm from an unpacked chart folder or a packaged .tgz. A chart is untrusted input: the
// archive's decompressed size and the file's size are bounded.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Cilium's charts decompress to under 2 MiB; an archive that inflates past this is refused. */
export const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;

/**
 * The text of `file` at the chart's top level, undefined when the chart has none.
 * @throws when the archive is not gzip, inflates past the bound, or the file is larger than maxBytes
 */
export function readChartFile(chartPath: string, file: string, maxBytes: number): string | undefined {
  if (statSync(chartPath).isDirectory()) {
    const p = path.join(chartPath, file);
    let size: number;
    try {
      size = statSync(p).size;
    } catch {
      return undefined;
    }
    if (size > maxBytes) throw new Error(`${file} is ${size} bytes, more than the ${maxBytes} accepted`);
    return readFileSync(p, 'utf8');
  }
  const tar = gunzipSync(readFileSync(chartPath), { maxOutputLength: MAX_ARCHIVE_BYTES });
  const found = fileInChartArchive(tar, file);
  if (found && found.length > maxBytes) throw new Error(`${file} is ${found.length} bytes, more than the ${maxBytes} accepted`);
  return found?.toString('utf8');
}

/** Pure: the top-level `<chart>/<file>` of a tar archive (ustar headers, 512-byte blocks). */
export function fileInChartArchive(tar: Buffer, file: string): Buffer | undefined {
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
    if (!Number.isFinite(size) || size < 0) return undefined;
    const type = field(156, 1);
    const slash = name.indexOf('/');
    if ((type === '0' || type === '') && slash > 0 && name.slice(slash + 1) === file) return tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}
