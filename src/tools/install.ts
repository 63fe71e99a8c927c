// Installs helm and the Cilium CLI: from the tool cache when a verified copy is there, else downloaded
// from the mirror, verified (pinned checksum for the default versions, the published .sha256sum for
// others) before anything is extracted, checked to report the version asked for, then cached and put
// on PATH. Nothing unverified is extracted, cached or run, and a failed install leaves nothing cached.
import * as core from '@actions/core';
import * as tc from '@actions/tool-cache';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { ActionError, errorMessage } from '../errors.js';
import { runProcess } from '../exec/process.js';
import { downloadFile, downloadText, type DownloadOptions } from './download.js';
import { PINS, pinnedSha256, type PinsTable } from './pins.js';
import {
  archiveFileName,
  archiveType,
  archiveUrl,
  binaryName,
  binaryPathInArchive,
  platformKey,
  runnerPlatform,
  type ToolName,
  type ToolPlatform,
} from './platform.js';
import { parseToolVersion, sameVersion, VERSION_COMMANDS } from './tool-version.js';
import { checkSha256, parseSha256File } from './checksum.js';
import { logInfo } from '../log/safe-log.js';

/** A tool to install at an exact version, or an existing binary to use as it is. */
export type ToolSpec = { kind: 'version'; version: string; pinned: boolean } | { kind: 'path'; path: string };

export const DEFAULT_HELM_MIRROR = 'https://get.helm.sh';
export const DEFAULT_CILIUM_CLI_MIRROR = 'https://github.com/cilium/cilium-cli/releases/download';

const DISPLAY: Record<ToolName, string> = { helm: 'helm', cilium: 'Cilium CLI' };
const INPUTS: Record<ToolName, { version: string; mirror: string }> = {
  helm: { version: 'helm-version', mirror: 'helm-mirror' },
  cilium: { version: 'cilium-cli-version', mirror: 'cilium-cli-mirror' },
};

interface ToolRequest {
  spec: ToolSpec;
  /** download base, without a trailing slash */
  mirror: string;
}

export interface ToolsWanted {
  helm?: ToolRequest;
  cilium?: ToolRequest;
}

interface InstalledTool {
  tool: ToolName;
  /** absolute path of the binary to run */
  path: string;
  /** as the binary reports it, e.g. 4.2.4 */
  version: string;
  source: 'path' | 'cache' | 'download';
}

export interface InstalledTools {
  helm?: InstalledTool;
  cilium?: InstalledTool;
}

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

/** Installs the wanted tools concurrently. When any fails, waits for the others and reports every failure. */
export async function installTools(wanted: ToolsWanted, options: InstallOptions = {}): Promise<InstalledTools> {
  const jobs = (['helm', 'cilium'] as const).flatMap((tool) => {
    const req = wanted[tool];
    return req ? [installTool(tool, req, options)] : [];
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
async function installTool(tool: ToolName, req: ToolRequest, options: InstallOptions = {}): Promise<InstalledTool> {
  const addPath = options.addPath ?? core.addPath;
  const versionTimeoutMs = options.versionTimeoutMs ?? 60_000;
  const name = DISPLAY[tool];

  if (req.spec.kind === 'path') {
    const bin = req.spec.path;
    const version = await reportedVersion(tool, bin, versionTimeoutMs);
    // Only a binary with the usual name is useful on PATH for later steps.
    const base = path.basename(bin).toLowerCase();
    if (base === tool || base === `${tool}.exe`) addPath(path.dirname(bin));
    logInfo(`${name} ${version}: using ${bin} as given`);
    return { tool, path: bin, version, source: 'path' };
  }

  const version = req.spec.version;
  const platform = options.platform ?? runnerPlatform();
  const cacheName = toolCacheName(tool, req.mirror);
  const exe = binaryName(tool, platform);
  if (!process.env.RUNNER_TOOL_CACHE) {
    throw new ActionError(`cannot install ${name}: RUNNER_TOOL_CACHE is not set`, {
      hint: 'run on a GitHub Actions runner, or set RUNNER_TOOL_CACHE to a writable directory',
    });
  }

  const cached = tc.find(cacheName, version, platform.arch);
  if (cached && (await isFile(path.join(cached, exe)))) {
    const bin = path.join(cached, exe);
    const reported = await reportedVersion(tool, bin, versionTimeoutMs);
    addPath(cached);
    logInfo(`${name} ${reported}: from the tool cache, ${bin}`);
    return { tool, path: bin, version: reported, source: 'cache' };
  }

  const tmpRoot = process.env.RUNNER_TEMP || os.tmpdir();
  await mkdir(tmpRoot, { recursive: true });
  const work = await mkdtemp(path.join(tmpRoot, `cnra-${tool}-`));
  try {
    const bin = await downloadAndVerify(tool, req, version, platform, work, options);
    const reported = await reportedVersion(tool, bin, versionTimeoutMs);
    if (!sameVersion(reported, version)) {
      throw new ActionError(`the ${name} downloaded for version ${version} reports version ${reported}`, {
        hint: `the mirror (${req.mirror}) serves a different version under this name; check ${INPUTS[tool].mirror}`,
      });
    }
    let dir: string;
    try {
      dir = await tc.cacheFile(bin, exe, cacheName, version, platform.arch);
    } catch (e) {
      await removeCacheEntry(cacheName, version, platform.arch);
      throw new ActionError(`could not store ${name} ${version} in the tool cache: ${errorMessage(e)}`, { cause: e });
    }
    addPath(dir);
    logInfo(`${name} ${reported}: downloaded, verified and cached, ${path.join(dir, exe)}`);
    return { tool, path: path.join(dir, exe), version: reported, source: 'download' };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Tool-cache name per tool and mirror: downloads from a mirror never share an entry with the default
 * download site, and neither collides with tools other actions or the runner image put in the cache.
 */
export function toolCacheName(tool: ToolName, mirror: string): string {
  const base = tool === 'helm' ? 'cnra-helm' : 'cnra-cilium-cli';
  const normalized = mirror.replace(/\/+$/, '');
  const fallback = tool === 'helm' ? DEFAULT_HELM_MIRROR : DEFAULT_CILIUM_CLI_MIRROR;
  if (normalized === fallback) return base;
  return `${base}-mirror-${createHash('sha256').update(normalized).digest('hex').slice(0, 12)}`;
}

/** Downloads the archive, verifies it, extracts it into `work`, and returns the binary's path there. */
async function downloadAndVerify(
  tool: ToolName,
  req: ToolRequest,
  version: string,
  platform: ToolPlatform,
  work: string,
  options: InstallOptions,
): Promise<string> {
  const name = DISPLAY[tool];
  const key = platformKey(platform);
  const file = archiveFileName(tool, version, platform);
  const url = archiveUrl(tool, req.mirror, version, platform);
  const download: DownloadOptions = {
    ...options.download,
    onRetry: (r) => {
      logInfo(`${r.url}: ${r.reason}; retrying in ${r.delayMs} ms (attempt ${r.attempt + 1})`);
      options.download?.onRetry?.(r);
    },
  };

  // The expected checksum comes first: without one, nothing is downloaded at all.
  let expected: string;
  let source: string;
  const pinned = pinnedSha256(options.pins ?? PINS, tool, version, key);
  if (pinned) {
    expected = pinned;
    source = `the checksum pinned in this action for ${name} ${version} ${key}`;
  } else if (req.spec.kind === 'version' && req.spec.pinned) {
    throw new ActionError(`${name} ${version} is the pinned default, but this action pins no checksum for ${key}`, {
      hint: `give ${INPUTS[tool].version} explicitly to verify against the mirror's .sha256sum instead`,
    });
  } else {
    const sumUrl = `${url}.sha256sum`;
    let text: string;
    try {
      text = await downloadText(sumUrl, download);
    } catch (e) {
      throw new ActionError(`cannot verify ${name} ${version}: ${errorMessage(e)}`, {
        cause: e,
        hint: `nothing unverified is installed; the mirror must publish ${file}.sha256sum next to ${file} (check ${INPUTS[tool].version} and ${INPUTS[tool].mirror})`,
      });
    }
    const parsed = parseSha256File(text, file);
    if (!parsed.ok) {
      throw new ActionError(`cannot verify ${name} ${version}: ${sumUrl}: ${parsed.problem}`, {
        hint: 'nothing unverified is installed; the mirror must publish the sha256sum output for the archive',
      });
    }
    expected = parsed.sha256;
    source = sumUrl;
  }

  const archive = path.join(work, file);
  logInfo(`Downloading ${url}`);
  let got: { bytes: number; sha256: string };
  try {
    got = await downloadFile(url, archive, download);
  } catch (e) {
    throw new ActionError(`cannot install ${name} ${version}: ${errorMessage(e)}`, {
      cause: e,
      hint: `check ${INPUTS[tool].version} (an exact released version such as ${tool === 'helm' ? '4.2.4' : '0.20.0'}) and ${INPUTS[tool].mirror}`,
    });
  }
  const verdict = checkSha256(got.sha256, expected, source);
  if (!verdict.ok) {
    await rm(archive, { force: true });
    throw new ActionError(`${file} from ${url} failed verification: ${verdict.problem}`, {
      hint: pinned
        ? 'the mirror serves a different file than the upstream release; it was not extracted or cached'
        : 'the archive does not match the checksum published next to it (a corrupted download or an inconsistent mirror); it was not extracted or cached',
    });
  }
  logInfo(`Verified ${file}: sha256 ${got.sha256} (${got.bytes} bytes) matches ${source}`);

  const dest = path.join(work, 'extracted');
  try {
    if (archiveType(tool, version, platform) === 'zip') await tc.extractZip(archive, dest);
    else await tc.extractTar(archive, dest);
  } catch (e) {
    throw new ActionError(`could not extract ${file}: ${errorMessage(e)}`, { cause: e });
  }
  const bin = path.join(dest, binaryPathInArchive(tool, platform));
  if (!(await isFile(bin))) {
    throw new ActionError(`${file} does not contain ${binaryPathInArchive(tool, platform)}`, {
      hint: `the archive passed verification but is not laid out like upstream's ${name} release`,
    });
  }
  // Archives made on Windows carry no Unix mode; the host decides whether a mode is needed.
  if (process.platform !== 'win32') await chmod(bin, 0o755);
  return bin;
}

/** Runs the tool's version command(s) and returns the version it reports. */
async function reportedVersion(tool: ToolName, bin: string, timeoutMs: number): Promise<string> {
  const problems: string[] = [];
  for (const args of VERSION_COMMANDS[tool]) {
    let out;
    try {
      out = await runProcess(bin, args, { timeoutMs });
    } catch (e) {
      problems.push(errorMessage(e));
      break; // the binary cannot be started at all
    }
    if (out.code === 0) {
      const v = parseToolVersion(tool, out.stdout);
      if (v) return v;
      problems.push(`\`${args.join(' ')}\` printed no version: "${out.stdout.trim().slice(0, 200)}"`);
    } else {
      const why = out.timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${out.code}`;
      problems.push(`\`${args.join(' ')}\` ${why}${out.stderr.trim() ? `: ${out.stderr.trim().slice(0, 300)}` : ''}`);
    }
  }
  throw new ActionError(`${bin} did not report a ${DISPLAY[tool]} version: ${problems.join('; ')}`, {
    hint: `give ${INPUTS[tool].version} as an exact version or the path of a working ${tool} binary`,
  });
}

async function removeCacheEntry(cacheName: string, version: string, arch: string): Promise<void> {
  const root = process.env.RUNNER_TOOL_CACHE;
  if (!root) return;
  const dir = path.join(root, cacheName, semver.clean(version) || version, arch);
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}.complete`, { force: true });
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
