// What each tool's version command prints, and how to read the version from it. Pure.
import semver from 'semver';
import type { ToolName } from './platform.js';

/** argv for the version command, most precise first; the next one is tried when one fails. */
export const VERSION_COMMANDS: Record<ToolName, readonly (readonly string[])[]> = {
  // `--template` prints just "v4.2.4"; `--short` ("v4.2.4+g1234abc") also works on old helm 3 releases.
  helm: [
    ['version', '--template', '{{.Version}}'],
    ['version', '--short'],
  ],
  // "cilium-cli: v0.20.0 compiled with go1.25.1 on linux/amd64" is the first line.
  cilium: [['version', '--client']],
};

/** The semver the tool reports (without "v" or build metadata), or undefined when none is found. */
export function parseToolVersion(tool: ToolName, output: string): string | undefined {
  const text = output.trim();
  const m =
    tool === 'cilium'
      ? (/cilium-cli:\s*v?(\S+)/.exec(text) ?? /\bv?(\d+\.\d+\.\d+\S*)/.exec(text))
      : (/^v?(\d+\.\d+\.\d+\S*)/m.exec(text) ?? /\bv(\d+\.\d+\.\d+\S*)/.exec(text));
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
