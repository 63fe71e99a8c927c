// The runner's platform in upstream's words, and the file names helm and the Cilium CLI publish for it.
// Pure: the caller passes process.platform / process.arch (tests pass others).
import semver from 'semver';
import { ActionError } from '../errors.js';

export type ToolName = 'helm' | 'cilium';
type UpstreamOs = 'linux' | 'darwin' | 'windows';
type UpstreamArch = 'amd64' | 'arm64';
export type PlatformKey = `${UpstreamOs}-${UpstreamArch}`;
export type ArchiveType = 'tar.gz' | 'zip';

export interface ToolPlatform {
  os: UpstreamOs;
  arch: UpstreamArch;
}

export const PLATFORM_KEYS: readonly PlatformKey[] = [
  'linux-amd64',
  'linux-arm64',
  'darwin-amd64',
  'darwin-arm64',
  'windows-amd64',
  'windows-arm64',
];

const OS: Partial<Record<NodeJS.Platform, UpstreamOs>> = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const ARCH: Partial<Record<NodeJS.Architecture, UpstreamArch>> = { x64: 'amd64', arm64: 'arm64' };

/** Maps node's platform/arch to upstream's; anything else fails with what is supported. */
export function runnerPlatform(platform: string = process.platform, arch: string = process.arch): ToolPlatform {
  const os = OS[platform as NodeJS.Platform];
  const a = ARCH[arch as NodeJS.Architecture];
  if (!os || !a) {
    throw new ActionError(`this runner is ${platform}/${arch}, for which helm and the Cilium CLI are not installed by this action`, {
      hint: 'use a Linux, macOS or Windows runner on x64 or arm64, or give helm-version / cilium-cli-version as the path of an existing binary',
    });
  }
  return { os, arch: a };
}

export function platformKey(p: ToolPlatform): PlatformKey {
  return `${p.os}-${p.arch}`;
}

// The Cilium CLI publishes .zip for Windows since v0.16.5 (cilium-cli commit e8fbe72f8), .tar.gz before.
const CILIUM_WINDOWS_ZIP_SINCE = '0.16.5';

export function archiveType(tool: ToolName, version: string, p: ToolPlatform): ArchiveType {
  if (p.os !== 'windows') return 'tar.gz';
  if (tool === 'helm') return 'zip';
  return semver.valid(version) && semver.lt(version, CILIUM_WINDOWS_ZIP_SINCE) ? 'tar.gz' : 'zip';
}

/** `helm-v4.2.4-linux-amd64.tar.gz`, `cilium-windows-arm64.zip`. */
export function archiveFileName(tool: ToolName, version: string, p: ToolPlatform): string {
  const ext = archiveType(tool, version, p);
  return tool === 'helm' ? `helm-v${version}-${platformKey(p)}.${ext}` : `cilium-${platformKey(p)}.${ext}`;
}

/** Upstream layout: `{helm-mirror}/helm-v{V}-{os}-{arch}.tar.gz`, `{cilium-cli-mirror}/v{V}/cilium-{os}-{arch}.tar.gz`. */
export function archiveUrl(tool: ToolName, mirror: string, version: string, p: ToolPlatform): string {
  const base = mirror.replace(/\/+$/, '');
  const file = archiveFileName(tool, version, p);
  return tool === 'helm' ? `${base}/${file}` : `${base}/v${version}/${file}`;
}

export function binaryName(tool: ToolName, p: ToolPlatform): string {
  return p.os === 'windows' ? `${tool}.exe` : tool;
}

/** Where the binary sits inside the extracted archive: helm nests it in `{os}-{arch}/`, the Cilium CLI does not. */
export function binaryPathInArchive(tool: ToolName, p: ToolPlatform): string {
  return tool === 'helm' ? `${platformKey(p)}/${binaryName(tool, p)}` : binaryName(tool, p);
}
