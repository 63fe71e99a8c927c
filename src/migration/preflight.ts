// The chart's own pre-pull DaemonSet (pure part): the target values with `preflight.enabled` and the
// agent and operator off render only the cilium-pre-flight-check DaemonSet (with its service account
// and RBAC), which pulls the new agent image on every node. Only the pre-flight objects are kept.
import { parseManifest, type ManifestObject } from '../chart/manifest.js';
import { mergeValues } from '../values/merge.js';
import type { Values } from '../values/layers.js';

export const PREFLIGHT_DAEMONSET = 'cilium-pre-flight-check';

export function preflightValues(target: Values): Values {
  return mergeValues(target, { preflight: { enabled: true, validateCNPs: false }, agent: false, operator: { enabled: false } });
}

const KINDS = new Set(['DaemonSet', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);

export function preflightObjects(manifest: string, namespace: string): ManifestObject[] {
  return [...parseManifest(manifest, namespace).values()].filter((o) => KINDS.has(o.kind) && o.name.includes('pre-flight'));
}
