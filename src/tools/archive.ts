// Where a tool's release archive for one version and platform is, and where its binary sits inside,
// from the tool's descriptor. Pure.
import type { ArchiveType, ToolDescriptor } from './descriptors.js';
import type { DownloadOptions } from './download.js';
import type { PinsTable } from './pins.js';
import { platformKey, type PlatformKey, type ToolPlatform } from './platform.js';

export interface ArchiveLayout {
  /** e.g. `helm-v4.2.4-linux-amd64.tar.gz`, `cilium-windows-arm64.zip` */
  file: string;
  url: string;
  type: ArchiveType;
  /** the binary's file name: `helm`, `cilium.exe` */
  exe: string;
  /** the binary's path inside the extracted archive */
  binaryPath: string;
}

/** The archive of `version` for platform `p` on `mirror` (a trailing slash on the mirror is ignored). */
export function archiveLayout(d: ToolDescriptor, mirror: string, version: string, p: ToolPlatform): ArchiveLayout {
  const key = platformKey(p);
  const type = d.archiveType(version, p);
  const file = d.archiveFileName(version, key, type);
  const exe = p.os === 'windows' ? `${d.name}.exe` : d.name;
  const url = `${trimMirror(mirror)}/${d.archivePath(version, file)}`;
  return { file, url, type, exe, binaryPath: d.binaryPathInArchive(key, exe) };
}

/** The mirror without trailing slashes: the form URLs are built from and mirrors are compared in. */
export function trimMirror(mirror: string): string {
  return mirror.replace(/\/+$/, '');
}

/** One archive to fetch and verify, and what decides where its expected checksum comes from. */
export interface ArchiveFetch {
  d: ToolDescriptor;
  version: string;
  /** the version is the action's pinned default: only a pinned checksum will do */
  pinnedDefault: boolean;
  mirror: string;
  key: PlatformKey;
  layout: ArchiveLayout;
  pins: PinsTable;
  download: DownloadOptions;
}
