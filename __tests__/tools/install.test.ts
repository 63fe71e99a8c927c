// installTools against a real HTTP mirror on 127.0.0.1 serving real archives: the real helm 4.1.4 binary
// and a shell script standing in for the Cilium CLI. Each test has its own RUNNER_TOOL_CACHE / RUNNER_TEMP.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ToolSpec } from '../../src/config.js';
import { runProcess } from '../../src/process/run.js';
import type { DownloadOptions } from '../../src/tools/download.js';
import { CILIUM_CLI_TOOL, HELM_TOOL } from '../../src/tools/descriptors.js';
import { installTools, type InstallOptions } from '../../src/tools/install.js';
import { toolsNeeded, toolsWanted } from '../../src/modes/tools.js';
import type { PinsTable } from '../../src/tools/pins.js';
import { toolCacheName } from '../../src/tools/tool-cache.js';
import { platformKey, runnerPlatform, type PlatformKey } from '../../src/tools/platform.js';
import { helm4 } from '../setup/env.js';
import { ciliumScript, fakeHelmScript, filesUnder, MirrorServer, runnerDirs, sha256, tarGz, zipOf } from './helpers.js';

const platform = runnerPlatform();
const key = platformKey(platform);
const HELM = '4.1.4'; // what the real test binary is
const CILIUM = '0.20.0';
const helmFile = `helm-v${HELM}-${key}.tar.gz`;
const ciliumFile = `cilium-${key}.tar.gz`;
const fast: DownloadOptions = { idleTimeoutMs: 400, retryDelaysMs: [20, 20] };

let helmTgz: Buffer;
let ciliumTgz: Buffer;
let server: MirrorServer;
let dirs: ReturnType<typeof runnerDirs>;
let added: string[];

const version = (v: string, pinned = false): ToolSpec => ({ kind: 'version', version: v, pinned });
/** A pins table for other versions than the ones under test, so the .sha256sum path is taken. */
const otherPins: PinsTable = {
  helm: { version: '9.9.9', sha256: allKeys('0'.repeat(64)) },
  cilium: { version: '9.9.9', sha256: allKeys('0'.repeat(64)) },
};

function allKeys(v: string): Record<PlatformKey, string> {
  return {
    'linux-amd64': v,
    'linux-arm64': v,
    'darwin-amd64': v,
    'darwin-arm64': v,
    'windows-amd64': v,
    'windows-arm64': v,
  };
}

function options(extra: Partial<InstallOptions> = {}): InstallOptions {
  return { platform, pins: otherPins, download: fast, addPath: (d) => added.push(d), ...extra };
}

const helmMirror = (): string => `${server.url}/helm`;
const ciliumMirror = (): string => `${server.url}/cilium`;
const helmPath = `/helm/${helmFile}`;
const ciliumPath = `/cilium/v${CILIUM}/${ciliumFile}`;

function serveHelm(sum: string = `${sha256(helmTgz)}  ${helmFile}\n`): void {
  server.set(helmPath, { kind: 'body', data: helmTgz });
  server.set(`${helmPath}.sha256sum`, { kind: 'body', data: sum });
}

function serveCilium(archive: Buffer = ciliumTgz): void {
  server.set(ciliumPath, { kind: 'body', data: archive });
  server.set(`${ciliumPath}.sha256sum`, { kind: 'body', data: `${sha256(archive)}  ${ciliumFile}\n` });
}

function expectNothingLeft(): void {
  expect(filesUnder(dirs.cache)).toEqual([]);
  expect(filesUnder(dirs.temp)).toEqual([]);
}

beforeAll(async () => {
  const dir = key;
  helmTgz = tarGz([
    { name: `${dir}/` },
    { name: `${dir}/helm`, data: readFileSync(helm4()), mode: 0o755 },
    { name: `${dir}/LICENSE`, data: Buffer.from('Apache License 2.0\n') },
  ]);
  ciliumTgz = tarGz([{ name: 'cilium', data: ciliumScript(CILIUM), mode: 0o755 }]);
  server = await new MirrorServer().start();
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  dirs = runnerDirs();
  added = [];
  await server.close();
  server = await new MirrorServer().start();
});

afterEach(() => {
  dirs.restore();
});

describe('installTools: downloads, verifies, caches', () => {
  it('installs helm verified by its .sha256sum, caches it, and a second run downloads nothing', async () => {
    serveHelm();
    const first = await installTools({ helm: { spec: version(HELM), mirror: helmMirror() } }, options());
    expect(first.cilium).toBeUndefined();
    expect(first.helm).toMatchObject({ tool: 'helm', version: HELM, source: 'download' });
    const bin = first.helm!.path;
    expect(bin.startsWith(path.join(dirs.cache, toolCacheName(HELM_TOOL, helmMirror())))).toBe(true);
    expect(added).toEqual([path.dirname(bin)]);
    // the installed helm really runs
    const run = await runProcess(bin, ['version', '--template', '{{.Version}}']);
    expect(run.stdout.trim()).toBe(`v${HELM}`);
    expect(server.count(helmPath)).toBe(1);
    expect(server.count(`${helmPath}.sha256sum`)).toBe(1);
    expect(filesUnder(dirs.temp)).toEqual([]);

    const second = await installTools({ helm: { spec: version(HELM), mirror: helmMirror() } }, options());
    expect(second.helm).toMatchObject({ path: bin, version: HELM, source: 'cache' });
    expect(server.count()).toBe(2);
  });

  it('fetches helm and the Cilium CLI concurrently and caches both', async () => {
    // Neither archive is answered until both were requested: a sequential install would stall and fail.
    let arrived = 0;
    let release!: () => void;
    const both = new Promise<void>((r) => (release = r));
    const gate = (): Promise<void> => {
      arrived += 1;
      if (arrived === 2) release();
      return both;
    };
    server.set(`${helmPath}.sha256sum`, { kind: 'body', data: `${sha256(helmTgz)}  ${helmFile}\n` });
    server.set(`${ciliumPath}.sha256sum`, { kind: 'body', data: `${sha256(ciliumTgz)}  ${ciliumFile}\n` });
    server.set(helmPath, { kind: 'body', data: helmTgz, gate });
    server.set(ciliumPath, { kind: 'body', data: ciliumTgz, gate });
    const wanted = {
      helm: { spec: version(HELM), mirror: helmMirror() },
      cilium: { spec: version(CILIUM), mirror: ciliumMirror() },
    };
    const got = await installTools(wanted, options());
    expect(got.helm).toMatchObject({ version: HELM, source: 'download' });
    expect(got.cilium).toMatchObject({ version: CILIUM, source: 'download' });
    const cilium = await runProcess(got.cilium!.path, ['version', '--client']);
    expect(cilium.stdout).toContain(`cilium-cli: v${CILIUM}`);
    expect(added.sort()).toEqual([path.dirname(got.helm!.path), path.dirname(got.cilium!.path)].sort());

    const again = await installTools(wanted, options());
    expect(again.helm!.source).toBe('cache');
    expect(again.cilium!.source).toBe('cache');
    expect(server.count()).toBe(4);
  });

  it('checks a pinned version against the pinned checksum and never asks the mirror for one', async () => {
    server.set(helmPath, { kind: 'body', data: helmTgz });
    const pins: PinsTable = { ...otherPins, helm: { version: HELM, sha256: allKeys(sha256(helmTgz)) } };
    const got = await installTools({ helm: { spec: version(HELM, true), mirror: helmMirror() } }, options({ pins }));
    expect(got.helm).toMatchObject({ version: HELM, source: 'download' });
    expect(server.count(`${helmPath}.sha256sum`)).toBe(0);
    expect(server.count(helmPath)).toBe(1);
  });

  it('refuses a pinned version when the mirror swapped archive and checksum together', async () => {
    serveHelm(); // the mirror's .sha256sum matches the archive it serves ...
    const pins: PinsTable = { ...otherPins, helm: { version: HELM, sha256: allKeys('ab'.repeat(32)) } }; // ... the pin does not
    const err = await installTools({ helm: { spec: version(HELM, true), mirror: helmMirror() } }, options({ pins })).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(`${helmFile} from ${server.url}${helmPath} failed verification`);
    expect((err as Error).message).toContain(`its sha256 is ${sha256(helmTgz)}`);
    expect((err as Error).message).toContain('ab'.repeat(32));
    expect(server.count(`${helmPath}.sha256sum`)).toBe(0);
    expectNothingLeft();
  });

  it('fails, names both checksums and caches nothing when the .sha256sum is wrong', async () => {
    const wrong = 'cd'.repeat(32);
    serveHelm(`${wrong}  ${helmFile}\n`);
    const err = (await installTools({ helm: { spec: version(HELM), mirror: helmMirror() } }, options()).catch((e: Error) => e)) as Error;
    expect(err.message).toContain(`${server.url}${helmPath} failed verification`);
    expect(err.message).toContain(`but ${server.url}${helmPath}.sha256sum says ${wrong}`);
    expect(added).toEqual([]);
    expectNothingLeft();
  });

  it('downloads no archive when its .sha256sum is missing', async () => {
    server.set(helmPath, { kind: 'body', data: helmTgz });
    const err = (await installTools({ helm: { spec: version(HELM), mirror: helmMirror() } }, options()).catch((e: Error) => e)) as Error;
    expect(err.message).toContain(`cannot verify helm ${HELM}`);
    expect(err.message).toContain(`${server.url}${helmPath}.sha256sum failed: HTTP 404`);
    expect(server.count(helmPath)).toBe(0);
    expectNothingLeft();
  });

  it('refuses a .sha256sum that is for another file', async () => {
    serveHelm(`${sha256(helmTgz)}  helm-v${HELM}-linux-s390x.tar.gz\n`);
    const err = (await installTools({ helm: { spec: version(HELM), mirror: helmMirror() } }, options()).catch((e: Error) => e)) as Error;
    expect(err.message).toContain(`is for helm-v${HELM}-linux-s390x.tar.gz, not ${helmFile}`);
    expect(server.count(helmPath)).toBe(0);
    expectNothingLeft();
  });

  it('retries a 500 and succeeds when the mirror recovers', async () => {
    serveCilium();
    server.set(ciliumPath, { kind: 'status', code: 500 }, { kind: 'status', code: 503 }, { kind: 'body', data: ciliumTgz });
    const got = await installTools({ cilium: { spec: version(CILIUM), mirror: ciliumMirror() } }, options());
    expect(got.cilium).toMatchObject({ version: CILIUM, source: 'download' });
    expect(server.count(ciliumPath)).toBe(3);
  });

  it('fails a 404 at once with "no such version/platform on this mirror"', async () => {
    server.set(`${ciliumPath}.sha256sum`, { kind: 'body', data: `${sha256(ciliumTgz)}  ${ciliumFile}\n` });
    const err = (await installTools({ cilium: { spec: version(CILIUM), mirror: ciliumMirror() } }, options()).catch(
      (e: Error) => e,
    )) as Error;
    expect(err.message).toContain(
      `download of ${server.url}${ciliumPath} failed: HTTP 404 Not Found: no such version/platform on this mirror`,
    );
    expect(err.message).toContain('cilium-cli-version');
    expect(server.count(ciliumPath)).toBe(1);
    expectNothingLeft();
  });

  it('fails a connection that hangs after bounded retries, and caches nothing', async () => {
    serveCilium();
    server.set(ciliumPath, { kind: 'hang' });
    const err = (await installTools({ cilium: { spec: version(CILIUM), mirror: ciliumMirror() } }, options()).catch(
      (e: Error) => e,
    )) as Error;
    expect(err.message).toContain(
      `download of ${server.url}${ciliumPath} failed: the connection stalled: no data for 400 ms (gave up after 3 attempts)`,
    );
    expect(server.count(ciliumPath)).toBe(3);
    expectNothingLeft();
  });

  it('fails a body cut short, and caches nothing', async () => {
    serveHelm();
    server.set(helmPath, { kind: 'cut', data: helmTgz, after: 1_000_000 });
    const err = (await installTools({ helm: { spec: version(HELM), mirror: helmMirror() } }, options()).catch((e: Error) => e)) as Error;
    expect(err.message).toMatch(
      new RegExp(
        `download of ${escape(server.url + helmPath)} failed: the connection closed after \\d+ of ${helmTgz.length} bytes \\(body cut short\\) \\(gave up after 3 attempts\\)`,
      ),
    );
    expect(server.count(helmPath)).toBe(3);
    expectNothingLeft();
  });

  it('recovers from a body cut short once', async () => {
    serveCilium();
    server.set(ciliumPath, { kind: 'cut', data: ciliumTgz, after: 10 }, { kind: 'body', data: ciliumTgz });
    const got = await installTools({ cilium: { spec: version(CILIUM), mirror: ciliumMirror() } }, options());
    expect(got.cilium!.source).toBe('download');
    expect(server.count(ciliumPath)).toBe(2);
  });

  it('refuses a verified archive whose binary reports another version, and caches nothing', async () => {
    serveCilium(tarGz([{ name: 'cilium', data: ciliumScript('0.19.0'), mode: 0o755 }]));
    const err = (await installTools({ cilium: { spec: version(CILIUM), mirror: ciliumMirror() } }, options()).catch(
      (e: Error) => e,
    )) as Error;
    expect(err.message).toContain(`the Cilium CLI downloaded for version ${CILIUM} reports version 0.19.0`);
    expectNothingLeft();
  });

  it('refuses a verified archive without the binary where upstream puts it', async () => {
    serveCilium(tarGz([{ name: 'bin/cilium', data: ciliumScript(CILIUM), mode: 0o755 }]));
    const err = (await installTools({ cilium: { spec: version(CILIUM), mirror: ciliumMirror() } }, options()).catch(
      (e: Error) => e,
    )) as Error;
    expect(err.message).toContain(`${ciliumFile} does not contain cilium`);
    expectNothingLeft();
  });

  it('reports every failure when both tools fail, after both finished', async () => {
    server.set(`${helmPath}.sha256sum`, { kind: 'status', code: 403 });
    server.set(`${ciliumPath}.sha256sum`, { kind: 'body', data: `${sha256(ciliumTgz)}  ${ciliumFile}\n` });
    const err = (await installTools(
      { helm: { spec: version(HELM), mirror: helmMirror() }, cilium: { spec: version(CILIUM), mirror: ciliumMirror() } },
      options(),
    ).catch((e: Error) => e)) as Error;
    expect(err.message).toMatch(/^2 tools could not be installed:/);
    expect(err.message).toContain('HTTP 403');
    expect(err.message).toContain('no such version/platform on this mirror');
    expect(server.count(`${helmPath}.sha256sum`)).toBe(1); // a 403 is not retried
    expectNothingLeft();
  });

  it('fails a pinned default whose platform has no pinned checksum, before any request', async () => {
    const pins: PinsTable = { ...otherPins };
    const err = (await installTools({ helm: { spec: version(HELM, true), mirror: helmMirror() } }, options({ pins })).catch(
      (e: Error) => e,
    )) as Error;
    expect(err.message).toContain(`helm ${HELM} is the pinned default, but this action pins no checksum for ${key}`);
    expect(server.count()).toBe(0);
  });

  it('keeps downloads from different mirrors apart in the cache', async () => {
    serveCilium();
    const other = `${server.url}/cilium-other`;
    server.set(`/cilium-other/v${CILIUM}/${ciliumFile}`, { kind: 'body', data: ciliumTgz });
    server.set(`/cilium-other/v${CILIUM}/${ciliumFile}.sha256sum`, { kind: 'body', data: `${sha256(ciliumTgz)}  ${ciliumFile}\n` });
    const a = await installTools({ cilium: { spec: version(CILIUM), mirror: ciliumMirror() } }, options());
    const b = await installTools({ cilium: { spec: version(CILIUM), mirror: other } }, options());
    expect(a.cilium!.source).toBe('download');
    expect(b.cilium!.source).toBe('download');
    expect(a.cilium!.path).not.toBe(b.cilium!.path);
  });

  it('installs the Windows layout from .zip archives', async () => {
    const win = { os: 'windows' as const, arch: platform.arch };
    const wkey = platformKey(win);
    const helmZip = zipOf([{ name: `${wkey}/helm.exe`, data: fakeHelmScript(HELM), mode: 0o755 }]);
    const ciliumZip = zipOf([{ name: 'cilium.exe', data: ciliumScript(CILIUM), mode: 0o755 }]);
    const hz = `/helm/helm-v${HELM}-${wkey}.zip`;
    const cz = `/cilium/v${CILIUM}/cilium-${wkey}.zip`;
    server.set(hz, { kind: 'body', data: helmZip });
    server.set(`${hz}.sha256sum`, { kind: 'body', data: `${sha256(helmZip)}  helm-v${HELM}-${wkey}.zip\n` });
    server.set(cz, { kind: 'body', data: ciliumZip });
    server.set(`${cz}.sha256sum`, { kind: 'body', data: `${sha256(ciliumZip)}  cilium-${wkey}.zip\n` });
    const got = await installTools(
      { helm: { spec: version(HELM), mirror: helmMirror() }, cilium: { spec: version(CILIUM), mirror: ciliumMirror() } },
      options({ platform: win }),
    );
    expect(path.basename(got.helm!.path)).toBe('helm.exe');
    expect(path.basename(got.cilium!.path)).toBe('cilium.exe');
    expect(got.helm!.version).toBe(HELM);
    expect(got.cilium!.version).toBe(CILIUM);
  });
});

describe('installTools: an existing binary', () => {
  it('uses a given helm path as it is, after running its version command', async () => {
    const got = await installTools({ helm: { spec: { kind: 'path', path: helm4() }, mirror: helmMirror() } }, options());
    expect(got.helm).toEqual({ tool: 'helm', path: helm4(), version: HELM, source: 'path' });
    expect(added).toEqual([path.dirname(helm4())]);
    expect(server.count()).toBe(0);
    expect(filesUnder(dirs.cache)).toEqual([]);
  });

  it('fails for a given binary whose version command fails', async () => {
    const broken = path.join(dirs.root, 'cilium');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(broken, '#!/bin/sh\necho "no cluster" >&2\nexit 3\n', { mode: 0o755 });
    const err = (await installTools({ cilium: { spec: { kind: 'path', path: broken }, mirror: ciliumMirror() } }, options()).catch(
      (e: Error) => e,
    )) as Error;
    expect(err.message).toContain(`${broken} did not report a Cilium CLI version: \`version --client\` exited with 3: no cluster`);
    expect(existsSync(broken)).toBe(true);
  });
});

describe('which tools and cache names', () => {
  it('preview needs only helm; verify no helm; the Cilium CLI only for a connectivity-tests subset', () => {
    const all = new Set(['agents', 'connectivity', 'flows'] as const);
    const subset = 'pod-to-pod';
    expect(toolsNeeded({ mode: 'preview', checks: all, connectivityTests: subset })).toEqual({ helm: true, cilium: false });
    expect(toolsNeeded({ mode: 'apply', checks: all, connectivityTests: subset })).toEqual({ helm: true, cilium: true });
    expect(toolsNeeded({ mode: 'apply', checks: all, connectivityTests: undefined })).toEqual({ helm: true, cilium: false });
    expect(toolsNeeded({ mode: 'drift', checks: new Set(), connectivityTests: subset })).toEqual({ helm: true, cilium: false });
    expect(toolsNeeded({ mode: 'verify', checks: all, connectivityTests: subset })).toEqual({ helm: false, cilium: true });
    const w = toolsWanted(
      { helm: version(HELM), ciliumCli: version(CILIUM), helmMirror: 'https://h', ciliumCliMirror: 'https://c' },
      { helm: true, cilium: false },
    );
    expect(w).toEqual({ helm: { spec: version(HELM), mirror: 'https://h' }, cilium: undefined });
  });

  it('gives each mirror its own cache name, distinct from the plain tool names', () => {
    expect(toolCacheName(HELM_TOOL, HELM_TOOL.defaultMirror)).toBe('cnra-helm');
    expect(toolCacheName(CILIUM_CLI_TOOL, `${CILIUM_CLI_TOOL.defaultMirror}/`)).toBe('cnra-cilium-cli');
    const m = toolCacheName(HELM_TOOL, 'https://mirror.example.com/helm');
    expect(m).toMatch(/^cnra-helm-mirror-[0-9a-f]{12}$/);
    expect(toolCacheName(HELM_TOOL, 'https://other.example.com/helm')).not.toBe(m);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
