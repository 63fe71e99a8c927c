import { describe, expect, it } from 'vitest';
import { archiveLayout } from '../../src/tools/archive.js';
import { CILIUM_CLI_TOOL, HELM_TOOL } from '../../src/tools/descriptors.js';
import { platformKey, runnerPlatform } from '../../src/tools/platform.js';

describe('runnerPlatform', () => {
  it.each([
    ['linux', 'x64', 'linux-amd64'],
    ['linux', 'arm64', 'linux-arm64'],
    ['darwin', 'x64', 'darwin-amd64'],
    ['darwin', 'arm64', 'darwin-arm64'],
    ['win32', 'x64', 'windows-amd64'],
    ['win32', 'arm64', 'windows-arm64'],
  ])('maps %s/%s to %s', (p, a, key) => {
    expect(platformKey(runnerPlatform(p, a))).toBe(key);
  });

  it.each([
    ['linux', 'ia32'],
    ['freebsd', 'x64'],
    ['linux', 's390x'],
  ])('refuses %s/%s and says what is supported', (p, a) => {
    expect(() => runnerPlatform(p, a)).toThrow(
      /this runner is .* not installed by this action\nuse a Linux, macOS or Windows runner on x64 or arm64/,
    );
  });
});

describe('upstream file names', () => {
  const linux = { os: 'linux', arch: 'amd64' } as const;
  const mac = { os: 'darwin', arch: 'arm64' } as const;
  const win = { os: 'windows', arch: 'arm64' } as const;

  it('follows get.helm.sh: tar.gz, and zip on Windows', () => {
    expect(archiveLayout(HELM_TOOL, 'https://get.helm.sh/', '4.2.4', linux)).toEqual({
      file: 'helm-v4.2.4-linux-amd64.tar.gz',
      url: 'https://get.helm.sh/helm-v4.2.4-linux-amd64.tar.gz',
      type: 'tar.gz',
      exe: 'helm',
      binaryPath: 'linux-amd64/helm',
    });
    expect(archiveLayout(HELM_TOOL, 'https://get.helm.sh', '4.2.4', mac).url).toBe('https://get.helm.sh/helm-v4.2.4-darwin-arm64.tar.gz');
    expect(archiveLayout(HELM_TOOL, 'https://get.helm.sh', '3.19.0-rc.1', win)).toEqual({
      file: 'helm-v3.19.0-rc.1-windows-arm64.zip',
      url: 'https://get.helm.sh/helm-v3.19.0-rc.1-windows-arm64.zip',
      type: 'zip',
      exe: 'helm.exe',
      binaryPath: 'windows-arm64/helm.exe',
    });
  });

  it('follows the Cilium CLI releases: v{V}/cilium-{os}-{arch}, zip on Windows since 0.16.5', () => {
    const base = 'https://github.com/cilium/cilium-cli/releases/download';
    const layout = (version: string, p: typeof linux | typeof mac | typeof win) => archiveLayout(CILIUM_CLI_TOOL, base, version, p);
    expect(layout('0.20.0', linux)).toEqual({
      file: 'cilium-linux-amd64.tar.gz',
      url: `${base}/v0.20.0/cilium-linux-amd64.tar.gz`,
      type: 'tar.gz',
      exe: 'cilium',
      binaryPath: 'cilium',
    });
    expect(layout('0.20.0', win)).toEqual({
      file: 'cilium-windows-arm64.zip',
      url: `${base}/v0.20.0/cilium-windows-arm64.zip`,
      type: 'zip',
      exe: 'cilium.exe',
      binaryPath: 'cilium.exe',
    });
    expect(layout('0.16.4', win).file).toBe('cilium-windows-arm64.tar.gz');
    expect(layout('0.16.5', win).type).toBe('zip');
    expect(layout('0.20.0', mac).type).toBe('tar.gz');
  });
});
