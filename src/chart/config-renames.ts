// cilium-config keys the chart renamed between versions. A key present only under its old name on
// one side and only under its new name on the other is one key, not two differences.
import type { ConfigChange, ConfigData } from './cilium-config.js';

/** [old, new]: strict mode became strict egress mode in 1.19 (encryption.strictMode.egress.*) */
export const CONFIG_RENAMES: ReadonlyArray<readonly [string, string]> = [
  ['enable-encryption-strict-mode', 'enable-encryption-strict-mode-egress'],
  ['encryption-strict-mode-cidr', 'encryption-strict-egress-cidr'],
  ['encryption-strict-mode-allow-remote-node-identities', 'encryption-strict-egress-allow-remote-node-identities'],
];

/** Folds the pairs of changes that are renames into one change (none when the value is equal). */
export function foldRenames(changes: ConfigChange[], before: ConfigData, after: ConfigData): ConfigChange[] {
  let out = changes;
  for (const [oldKey, newKey] of CONFIG_RENAMES) {
    for (const [from, to] of [
      [oldKey, newKey],
      [newKey, oldKey],
    ] as const) {
      const renamed = from in before && !(to in before) && to in after && !(from in after);
      if (!renamed) continue;
      out = out.filter((c) => c.key !== from && c.key !== to);
      if (before[from] !== after[to]) out.push({ key: `${from} → ${to}`, before: before[from], after: after[to] });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
