// A rendered manifest as objects keyed by kind/namespace/name.
import { parseAllDocuments } from 'yaml';

export interface ManifestObject {
  id: string;
  kind: string;
  name: string;
  namespace: string;
  obj: Record<string, unknown>;
}

export function parseManifest(manifest: string, defaultNamespace: string): Map<string, ManifestObject> {
  const out = new Map<string, ManifestObject>();
  // a repeated key: the later value, as the API server keeps it (see config-duplicates.ts)
  for (const doc of parseAllDocuments(manifest, { uniqueKeys: false })) {
    if ('errors' in doc && doc.errors.length > 0) continue;
    const obj = doc.toJS() as Record<string, unknown> | null;
    if (!obj || typeof obj !== 'object' || typeof obj.kind !== 'string') continue;
    const meta = (obj.metadata ?? {}) as Record<string, unknown>;
    const name = String(meta.name ?? '');
    const namespace = String(meta.namespace ?? (isClusterScoped(obj.kind) ? '' : defaultNamespace));
    const id = `${obj.kind}/${namespace ? `${namespace}/` : ''}${name}`;
    out.set(id, { id, kind: obj.kind, name, namespace, obj });
  }
  return out;
}

const CLUSTER_SCOPED = new Set([
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'Namespace',
  'PriorityClass',
  'StorageClass',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'IngressClass',
  'GatewayClass',
  'CiliumClusterwideNetworkPolicy',
  'CiliumLoadBalancerIPPool',
  'CiliumBGPClusterConfig',
]);

function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}
