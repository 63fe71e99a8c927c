// Installs helm and the Cilium CLI: from the tool cache when a verified copy is there, else downloaded
// from the mirror, verified (pinned checksum for the default versions, the published .sha256sum for
// others) before anything is extracted, checked to report the version asked for, then cached and put
// on PATH. Nothing unverified is extracted, cached or run, and a failed install leaves nothing cached.
// What differs between the tools is in their descriptors (descriptors.ts); this code is the same for both.
import * as core from '@actions/core';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ActionError, errorMessage } from '../errors.js';
import { logInfo } from '../log/safe-log.js';
import { archiveLayout, type ArchiveFetch } from './archive.js';
import { TOOL_DESCRIPTORS, type ToolDescriptor, type ToolName } from './descriptors.js';
import type { DownloadOptions } from './download.js';
import { downloadAndVerify } from './fetch-archive.js';
import { PINS, type PinsTable } from './pins.js';
import { platformKey, runnerPlatform, type ToolPlatform } from './platform.js';
import { reportedVersion } from './reported-version.js';
import { findCached, requireToolCache, storeInCache, toolCacheName, type CacheEntry } from './tool-cache.js';
import { sameVersion } from './tool-version.js';

/** A tool to install at an exact version, or an existing binary to use as it is. */
export type ToolSpec = { kind: 'version'; version: string; pinned: boolean } | { kind: 'path'; path: string };
type VersionSpec = Extract<ToolSpec, { kind: 'version' }>;

interface ToolRequest {
  spec: ToolSpec;
  /** download base, without a trailing slash */
  mirror: string;
}

export type ToolsWanted = Partial<Record<ToolName, ToolRequest>>;

interface InstalledTool {
  tool: ToolName;
  /** absolute path of the binary to run */
  path: string;
  /** as the binary reports it, e.g. 4.2.4 */
  version: string;
  source: 'path' | 'cache' | 'download';
}

export type InstalledTools = Partial<Record<ToolName, InstalledTool>>;

export interface InstallOptions {
  /** default: the runner's */
  platform?: ToolPlatform;
  /** default: PINS */
  pins?: PinsTable;
  download?: DownloadOptions;
  /** default: core.addPath (PATH for this process and later steps) */
  addPath?: (dir: string) => void;
  /** limit for each `version` command; default 60 s */
  versionTimeoutMs?: number;
}

/** One tool being installed, and the options every step of it reads. */
interface Installing {
  d: ToolDescriptor;
  addPath: (dir: string) => void;
  versionTimeoutMs: number;
}

/** Installs the wanted tools concurrently. When any fails, waits for the others and reports every failure. */
export async function installTools(wanted: ToolsWanted, options: InstallOptions = {}): Promise<InstalledTools> {
  const jobs = TOOL_DESCRIPTORS.flatMap((d) => {
    const req = wanted[d.name];
    return req ? [installTool(d, req, options)] : [];
  });
  const settled = await Promise.allSettled(jobs);
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    throw new ActionError(`${failures.length} tools could not be installed:\n${failures.map((f) => `- ${errorMessage(f)}`).join('\n')}`, {
      cause: new AggregateError(failures),
    });
  }
  const result: InstalledTools = {};
  for (const s of settled) if (s.status === 'fulfilled') result[s.value.tool] = s.value;
  return result;
}

/** Installs one tool (or checks the given binary) and puts it on PATH. */
async function installTool(d: ToolDescriptor, req: ToolRequest, options: InstallOptions): Promise<InstalledTool> {
  const ctx: Installing = { d, addPath: options.addPath ?? core.addPath, versionTimeoutMs: options.versionTimeoutMs ?? 60_000 };
  if (req.spec.kind === 'path') return useGivenBinary(ctx, req.spec.path);

  const { version } = req.spec;
  const platform = options.platform ?? runnerPlatform();
  const fetch = archiveFetch(d, req.spec, req.mirror, platform, options);
  const entry: CacheEntry = { name: toolCacheName(d, req.mirror), version, arch: platform.arch, exe: fetch.layout.exe };
  requireToolCache(d);

  const cached = await findCached(entry);
  if (cached) {
    const reported = await reportedVersion(d, cached, ctx.versionTimeoutMs);
    ctx.addPath(path.dirname(cached));
    logInfo(`${d.display} ${reported}: from the tool cache, ${cached}`);
    return { tool: d.name, path: cached, version: reported, source: 'cache' };
  }
  return installDownloaded(ctx, fetch, entry);
}

async function useGivenBinary({ d, addPath, versionTimeoutMs }: Installing, bin: string): Promise<InstalledTool> {
  const version = await reportedVersion(d, bin, versionTimeoutMs);
  // Only a binary with the usual name is useful on PATH for later steps.
  const base = path.basename(bin).toLowerCase();
  if (base === d.name || base === `${d.name}.exe`) addPath(path.dirname(bin));
  logInfo(`${d.display} ${version}: using ${bin} as given`);
  return { tool: d.name, path: bin, version, source: 'path' };
}

function archiveFetch(d: ToolDescriptor, spec: VersionSpec, mirror: string, platform: ToolPlatform, options: InstallOptions): ArchiveFetch {
  const download: DownloadOptions = {
    ...options.download,
    onRetry: (r) => {
      logInfo(`${r.url}: ${r.reason}; retrying in ${r.delayMs} ms (attempt ${r.attempt + 1})`);
      options.download?.onRetry?.(r);
    },
  };
  return {
    d,
    version: spec.version,
    pinnedDefault: spec.pinned,
    mirror,
    key: platformKey(platform),
    layout: archiveLayout(d, mirror, spec.version, platform),
    pins: options.pins ?? PINS,
    download,
  };
}

/** Downloads and verifies into a scratch directory, checks the version, caches, and puts it on PATH. */
async function installDownloaded({ d, addPath, versionTimeoutMs }: Installing, f: ArchiveFetch, entry: CacheEntry): Promise<InstalledTool> {
  const tmpRoot = process.env.RUNNER_TEMP || os.tmpdir();
  await mkdir(tmpRoot, { recursive: true });
  const work = await mkdtemp(path.join(tmpRoot, `cnra-${d.name}-`));
  try {
    const bin = await downloadAndVerify(f, work);
    const reported = await reportedVersion(d, bin, versionTimeoutMs);
    if (!sameVersion(reported, f.version)) {
      throw new ActionError(`the ${d.display} downloaded for version ${f.version} reports version ${reported}`, {
        hint: `the mirror (${f.mirror}) serves a different version under this name; check ${d.inputs.mirror}`,
      });
    }
    const dir = await storeInCache(d, entry, bin);
    addPath(dir);
    const installed = path.join(dir, entry.exe);
    logInfo(`${d.display} ${reported}: downloaded, verified and cached, ${installed}`);
    return { tool: d.name, path: installed, version: reported, source: 'download' };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
