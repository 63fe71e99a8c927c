// The runner's platform in upstream's words. Pure: the caller passes process.platform / process.arch
// (tests pass others). What each tool publishes for a platform is in descriptors.ts and archive.ts.
import { ActionError } from '../errors.js';

type UpstreamOs = 'linux' | 'darwin' | 'windows';
type UpstreamArch = 'amd64' | 'arm64';
export type PlatformKey = `${UpstreamOs}-${UpstreamArch}`;

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
