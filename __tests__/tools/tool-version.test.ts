import { describe, expect, it } from 'vitest';
import { runProcess } from '../../src/process/run.js';
import { CILIUM_CLI_TOOL, HELM_TOOL } from '../../src/tools/descriptors.js';
import { parseToolVersion, sameVersion } from '../../src/tools/tool-version.js';
import { helm3, helm4 } from '../setup/env.js';

describe('parseToolVersion', () => {
  it('reads what the real helm 4 and helm 3 print for each version command', async () => {
    for (const [bin, want] of [
      [helm4(), '4.1.4'],
      [helm3(), '3.17.2'],
    ] as const) {
      for (const args of HELM_TOOL.versionCommands) {
        const out = await runProcess(bin, args, { quiet: true });
        expect(out.code).toBe(0);
        expect(parseToolVersion(HELM_TOOL, out.stdout)).toBe(want);
      }
    }
  });

  it('reads the Cilium CLI client line', () => {
    const out =
      'cilium-cli: v0.20.0 compiled with go1.25.1 on linux/amd64\ncilium image (default): v1.18.6\ncilium image (stable): v1.19.6\n';
    expect(parseToolVersion(CILIUM_CLI_TOOL, out)).toBe('0.20.0');
    expect(parseToolVersion(CILIUM_CLI_TOOL, 'cilium-cli: v0.21.0-pre.1 compiled with go1.26')).toBe('0.21.0-pre.1');
  });

  it('finds no version in other output', () => {
    expect(parseToolVersion(HELM_TOOL, 'Error: unknown flag: --template')).toBeUndefined();
    expect(parseToolVersion(CILIUM_CLI_TOOL, '')).toBeUndefined();
  });

  it('compares versions without v prefix or build metadata', () => {
    expect(sameVersion('4.1.4', 'v4.1.4')).toBe(true);
    expect(sameVersion('4.1.4', '4.1.5')).toBe(false);
    expect(sameVersion('4.0.0-rc.1', '4.0.0')).toBe(false);
  });
});
