// Checksum logic, pure: parse a published `.sha256sum` file and decide whether an archive matches.
import { createHash } from 'node:crypto';

const HEX64 = /^[0-9a-fA-F]{64}$/;

export type ChecksumParse = { ok: true; sha256: string } | { ok: false; problem: string };

/**
 * Reads a `sha256sum` output file: lines of `<hex>  <file>` (or `<hex> *<file>` in binary mode),
 * or a single bare `<hex>`. With several lines, the one naming `fileName` is used; a file that names
 * only other files is rejected, since it does not vouch for this archive.
 */
export function parseSha256File(text: string, fileName: string): ChecksumParse {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return { ok: false, problem: 'the checksum file is empty' };

  const entries: { hex: string; name: string | undefined }[] = [];
  for (const line of lines) {
    const m = /^([0-9a-fA-F]+)(?:\s+\*?(.+))?$/.exec(line);
    if (!m || !HEX64.test(m[1]!)) {
      return { ok: false, problem: `the checksum file does not hold a sha256 (64 hex digits): "${printable(line)}"` };
    }
    entries.push({ hex: m[1]!.toLowerCase(), name: m[2]?.trim() });
  }

  const named = entries.filter((e) => e.name !== undefined && baseName(e.name) === fileName);
  if (named.length > 0) {
    const distinct = new Set(named.map((e) => e.hex));
    if (distinct.size > 1) return { ok: false, problem: `the checksum file lists ${fileName} with different checksums` };
    return { ok: true, sha256: named[0]!.hex };
  }
  if (entries.length === 1 && entries[0]!.name === undefined) return { ok: true, sha256: entries[0]!.hex };
  const others = entries.map((e) => e.name ?? '(no file name)').join(', ');
  return { ok: false, problem: `the checksum file is for ${printable(others)}, not ${fileName}` };
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export type ChecksumVerdict = { ok: true } | { ok: false; problem: string };

/** Compares the computed checksum with the expected one; `source` says where the expected one came from. */
export function checkSha256(actual: string, expected: string, source: string): ChecksumVerdict {
  if (actual.toLowerCase() === expected.toLowerCase()) return { ok: true };
  return { ok: false, problem: `its sha256 is ${actual.toLowerCase()}, but ${source} says ${expected.toLowerCase()}` };
}

function baseName(p: string): string {
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1]!;
}

function printable(s: string): string {
  return JSON.stringify(s.length > 120 ? `${s.slice(0, 120)}…` : s).slice(1, -1);
}
