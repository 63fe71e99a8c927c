// The runner's tool cache, holding only verified binaries: one entry per tool, mirror, version and arch.
// A failed store removes what it left, so a later run never finds a half-written entry.
import * as tc from '@actions/tool-cache';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { ActionError, errorMessage } from '../errors.js';
import { trimMirror } from './archive.js';
import type { ToolDescriptor } from './descriptors.js';
import { isRegularFile } from './regular-file.js';

/** One tool-cache entry and the binary's file name in it. */
export interface CacheEntry {
  name: string;
  version: string;
  arch: string;
  exe: string;
}

/**
 * Tool-cache name per tool and mirror: downloads from a mirror never share an entry with the default
 * download site, and neither collides with tools other actions or the runner image put in the cache.
 */
export function toolCacheName(d: ToolDescriptor, mirror: string): string {
  const normalized = trimMirror(mirror);
  if (normalized === d.defaultMirror) return d.cacheName;
  return `${d.cacheName}-mirror-${createHash('sha256').update(normalized).digest('hex').slice(0, 12)}`;
}

/** Fails unless the runner says where its tool cache is: nothing is installed outside it. */
export function requireToolCache(d: ToolDescriptor): void {
  if (!process.env.RUNNER_TOOL_CACHE) {
    throw new ActionError(`cannot install ${d.display}: RUNNER_TOOL_CACHE is not set`, {
      hint: 'run on a GitHub Actions runner, or set RUNNER_TOOL_CACHE to a writable directory',
    });
  }
}

/** The cached binary's path, or undefined when the entry or the binary in it is missing. */
export async function findCached(entry: CacheEntry): Promise<string | undefined> {
  const dir = tc.find(entry.name, entry.version, entry.arch);
  if (!dir) return undefined;
  const bin = path.join(dir, entry.exe);
  return (await isRegularFile(bin)) ? bin : undefined;
}

/** Copies the verified binary into the cache and returns the entry's directory. */
export async function storeInCache(d: ToolDescriptor, entry: CacheEntry, bin: string): Promise<string> {
  try {
    return await tc.cacheFile(bin, entry.exe, entry.name, entry.version, entry.arch);
  } catch (e) {
    await removeCacheEntry(entry);
    throw new ActionError(`could not store ${d.display} ${entry.version} in the tool cache: ${errorMessage(e)}`, { cause: e });
  }
}

async function removeCacheEntry(entry: CacheEntry): Promise<void> {
  const root = process.env.RUNNER_TOOL_CACHE;
  if (!root) return;
  const dir = path.join(root, entry.name, semver.clean(entry.version) || entry.version, entry.arch);
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}.complete`, { force: true });
}
