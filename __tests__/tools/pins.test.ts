import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { CILIUM_CLI_PIN, HELM_PIN, PINS, pinnedSha256 } from '../../src/tools/pins.js';
import { PLATFORM_KEYS } from '../../src/tools/platform.js';

describe('pins', () => {
  it('pins a lower-case sha256 for every supported platform of each default, all different', () => {
    for (const pin of [HELM_PIN, CILIUM_CLI_PIN]) {
      expect(Object.keys(pin.sha256).sort()).toEqual([...PLATFORM_KEYS].sort());
      for (const v of Object.values(pin.sha256)) expect(v).toMatch(/^[0-9a-f]{64}$/);
      expect(new Set(Object.values(pin.sha256)).size).toBe(PLATFORM_KEYS.length);
    }
  });

  it('the config defaults are the pinned versions', () => {
    const c = parseConfig((name) => (name === 'checks' ? 'auto' : ''), { RUNNER_TEMP: '/tmp' });
    expect(c.helm).toEqual({ kind: 'version', version: HELM_PIN.version, pinned: true });
    expect(c.ciliumCli).toEqual({ kind: 'version', version: CILIUM_CLI_PIN.version, pinned: true });
    expect(HELM_PIN.version).toMatch(/^4\.\d+\.\d+$/);
  });

  it('answers only for the pinned version', () => {
    expect(pinnedSha256(PINS, 'helm', HELM_PIN.version, 'linux-amd64')).toBe(HELM_PIN.sha256['linux-amd64']);
    expect(pinnedSha256(PINS, 'helm', '3.19.0', 'linux-amd64')).toBeUndefined();
    expect(pinnedSha256(PINS, 'cilium', CILIUM_CLI_PIN.version, 'windows-arm64')).toBe(CILIUM_CLI_PIN.sha256['windows-arm64']);
  });
});
