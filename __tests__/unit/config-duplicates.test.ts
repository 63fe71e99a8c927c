// A rendered cilium-config with a key extraConfig repeats: the key is named (bounded: it comes from
// the user's values), the manifest reads as the API server keeps it (the later value), and a
// document YAML cannot read at all is passed on.
import { describe, expect, it } from 'vitest';
import { ciliumConfigOf } from '../../src/chart/cilium-config.js';
import { parseManifest } from '../../src/chart/manifest.js';
import { repeatedConfigKeys as repeatedIn, unreadableCiliumConfig } from '../../src/chart/config-duplicates.js';

const repeatedConfigKeys = (manifest: string): string[] => repeatedIn(parseManifest(manifest, 'kube-system'), 'kube-system');

const configMap = (data: string): string =>
  `---\n# Source: cilium/templates/cilium-configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${data}`;
const other = '---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: cilium\n  name: twice\n';

describe('repeated cilium-config keys', () => {
  it('names each key that appears twice, and reads the later value, as the API server does', () => {
    const m =
      other + configMap('  routing-mode: "tunnel"\n  cluster-name: a\n  routing-mode: native\n  cluster-name: b\n  cluster-name: c\n');
    expect(repeatedConfigKeys(m)).toEqual(['routing-mode', 'cluster-name']);
    expect(ciliumConfigOf(m, 'kube-system')).toEqual({ 'routing-mode': 'native', 'cluster-name': 'c' });
    expect(unreadableCiliumConfig(m)).toBeUndefined();
  });

  it('gives a hostile key whole but cut short', () => {
    const key = `::error::${'x'.repeat(300)}`;
    expect(repeatedConfigKeys(configMap(`  "${key}": a\n  "${key}": b\n`))).toEqual([key.slice(0, 100)]);
  });

  it('passes on a cilium-config YAML cannot read; nothing for a readable one', () => {
    expect(unreadableCiliumConfig(configMap('  a: [1,\n  b: 2\n'))).toMatch(/^it is not valid YAML \(/);
    expect(repeatedConfigKeys(other + configMap('  routing-mode: native\n'))).toEqual([]);
  });
});
