// The rendered cilium-config that YAML cannot read: a key extraConfig repeats is named (bounded: it
// comes from the user's values), another YAML error is passed on, a readable manifest gives nothing.
import { describe, expect, it } from 'vitest';
import { unreadableCiliumConfig } from '../../src/chart/config-duplicates.js';

const configMap = (data: string): string =>
  `---\n# Source: cilium/templates/cilium-configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${data}`;
const other = '---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: cilium\n';

describe('unreadableCiliumConfig', () => {
  it('names the key that appears twice', () => {
    const m = other + configMap('  routing-mode: "tunnel"\n  enable-wireguard: "true"\n  routing-mode: native\n');
    expect(unreadableCiliumConfig(m)).toBe('the key "routing-mode" appears twice in it');
  });

  it('prints a hostile key quoted and cut short', () => {
    const key = `::error::${'x'.repeat(300)}`;
    const got = unreadableCiliumConfig(configMap(`  ${key}: a\n  ${key}: b\n`))!;
    expect(got).toMatch(/^the key "::error::x+" appears twice in it$/);
    expect(got.length).toBeLessThan(140);
  });

  it('passes on another YAML error, and says nothing of a readable manifest or of other documents', () => {
    expect(unreadableCiliumConfig(configMap('  a: [1,\n  b: 2\n'))).toMatch(/^it is not valid YAML \(/);
    expect(unreadableCiliumConfig(other + configMap('  routing-mode: native\n'))).toBeUndefined();
    expect(unreadableCiliumConfig(`${other}  name: twice\n`)).toBeUndefined();
  });
});
