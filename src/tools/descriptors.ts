// One descriptor per tool the action installs: everything that differs between helm and the Cilium CLI
// (names, inputs, where upstream publishes which archive and how it is laid out, how the binary reports
// its version), so the code that resolves, downloads, verifies, caches and runs them is the same for both.
import semver from 'semver';
import type { PlatformKey, ToolPlatform } from './platform.js';
import { INPUT_DEFAULTS } from '../inputs/defaults.js';

export type ToolName = 'helm' | 'cilium';
export type ArchiveType = 'tar.gz' | 'zip';

export interface ToolDescriptor {
  /** the binary's base name, and the tool's key in requests, pins and the report */
  name: ToolName;
  /** the tool in messages */
  display: string;
  /** the action inputs that choose it: hints name them */
  inputs: { version: string; mirror: string };
  /** upstream's download site, the mirror input's default */
  defaultMirror: string;
  /** tool-cache name for downloads from `defaultMirror`; other mirrors get a suffix (see tool-cache.ts) */
  cacheName: string;
  /** argv for the version command, most precise first; the next one is tried when one fails */
  versionCommands: readonly (readonly string[])[];
  /** where the version sits in that output, tried in order; group 1 is the version */
  versionPatterns: readonly RegExp[];
  archiveType(version: string, p: ToolPlatform): ArchiveType;
  /** the archive's file name upstream */
  archiveFileName(version: string, key: PlatformKey, type: ArchiveType): string;
  /** the archive's path below the mirror */
  archivePath(version: string, file: string): string;
  /** where the binary (`exe`) sits inside the extracted archive */
  binaryPathInArchive(key: PlatformKey, exe: string): string;
  /**
   * Where the checksum of a version this action does not pin comes from: a file published next to the
   * archive, named like it plus this suffix, holding `sha256sum` output.
   */
  checksumSuffix: string;
}

/** The action's names for a tool follow one word for it: inputs `<word>-version`, `<word>-mirror`, cache `cnra-<word>`. */
function actionNames(word: string): Pick<ToolDescriptor, 'inputs' | 'cacheName'> {
  return { inputs: { version: `${word}-version`, mirror: `${word}-mirror` }, cacheName: `cnra-${word}` };
}

export const HELM_TOOL: ToolDescriptor = {
  name: 'helm',
  display: 'helm',
  ...actionNames('helm'),
  defaultMirror: INPUT_DEFAULTS['helm-mirror'],
  // `--template` prints just "v4.2.4"; `--short` ("v4.2.4+g1234abc") also works on old helm 3 releases.
  versionCommands: [
    ['version', '--template', '{{.Version}}'],
    ['version', '--short'],
  ],
  versionPatterns: [/^v?(\d+\.\d+\.\d+\S*)/m, /\bv(\d+\.\d+\.\d+\S*)/],
  archiveType: (_version, p) => (p.os === 'windows' ? 'zip' : 'tar.gz'),
  // get.helm.sh/helm-v4.2.4-linux-amd64.tar.gz, with the binary in linux-amd64/
  archiveFileName: (version, key, type) => `helm-v${version}-${key}.${type}`,
  archivePath: (_version, file) => file,
  binaryPathInArchive: (key, exe) => `${key}/${exe}`,
  checksumSuffix: '.sha256sum',
};

// The Cilium CLI publishes .zip for Windows since v0.16.5 (cilium-cli commit e8fbe72f8), .tar.gz before.
const CILIUM_WINDOWS_ZIP_SINCE = '0.16.5';

export const CILIUM_CLI_TOOL: ToolDescriptor = {
  name: 'cilium',
  display: 'Cilium CLI',
  ...actionNames('cilium-cli'),
  defaultMirror: INPUT_DEFAULTS['cilium-cli-mirror'],
  // "cilium-cli: v0.20.0 compiled with go1.25.1 on linux/amd64" is the first line.
  versionCommands: [['version', '--client']],
  versionPatterns: [/cilium-cli:\s*v?(\S+)/, /\bv?(\d+\.\d+\.\d+\S*)/],
  archiveType: (version, p) => {
    if (p.os !== 'windows') return 'tar.gz';
    return semver.valid(version) && semver.lt(version, CILIUM_WINDOWS_ZIP_SINCE) ? 'tar.gz' : 'zip';
  },
  // {mirror}/v0.20.0/cilium-linux-amd64.tar.gz, with the binary at the top
  archiveFileName: (_version, key, type) => `cilium-${key}.${type}`,
  archivePath: (version, file) => `v${version}/${file}`,
  binaryPathInArchive: (_key, exe) => exe,
  checksumSuffix: '.sha256sum',
};

/** The descriptors in install order. */
export const TOOL_DESCRIPTORS: readonly ToolDescriptor[] = [HELM_TOOL, CILIUM_CLI_TOOL];
