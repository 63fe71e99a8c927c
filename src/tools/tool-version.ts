// How to read the version from what a tool's version command prints. Pure.
import semver from 'semver';
import type { ToolDescriptor } from './descriptors.js';

/** The semver the tool reports (without "v" or build metadata), or undefined when none is found. */
export function parseToolVersion(d: Pick<ToolDescriptor, 'versionPatterns'>, output: string): string | undefined {
  const text = output.trim();
  let m: RegExpExecArray | null = null;
  for (const pattern of d.versionPatterns) {
    m = pattern.exec(text);
    if (m) break;
  }
  if (!m) return undefined;
  const v = semver.valid(m[1]!.replace(/[",]+$/, ''));
  return v ? stripBuild(v) : undefined;
}

/** Whether the reported version is the one that was asked for (build metadata ignored). */
export function sameVersion(reported: string, wanted: string): boolean {
  const a = semver.valid(reported);
  const b = semver.valid(wanted.replace(/^v/, ''));
  return a !== null && b !== null && stripBuild(a) === stripBuild(b);
}

function stripBuild(v: string): string {
  return v.replace(/\+.*$/, '');
}
