// A rendered manifest as objects keyed by kind/namespace/name.
import { isScalar, parseAllDocuments, visit, type Document } from 'yaml';

export interface ManifestObject {
  id: string;
  kind: string;
  name: string;
  namespace: string;
  obj: Record<string, unknown>;
  /**
   * Keys the document holds twice (e.g. a key extraConfig repeats in cilium-config). helm applies
   * such a document and the API server keeps the later value; so does `obj`.
   */
  repeatedKeys: string[];
}

export function parseManifest(manifest: string, defaultNamespace: string): Map<string, ManifestObject> {
  const out = new Map<string, ManifestObject>();
  for (const doc of parseAllDocuments(manifest)) {
    // a repeated key is not an error to helm or the API server; any other YAML error is
    if ('errors' in doc && doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) continue;
    const obj = doc.toJS() as Record<string, unknown> | null;
    if (!obj || typeof obj !== 'object' || typeof obj.kind !== 'string') continue;
    const meta = (obj.metadata ?? {}) as Record<string, unknown>;
    const name = String(meta.name ?? '');
    const namespace = String(meta.namespace ?? (isClusterScoped(obj.kind) ? '' : defaultNamespace));
    const id = `${obj.kind}/${namespace ? `${namespace}/` : ''}${name}`;
    out.set(id, { id, kind: obj.kind, name, namespace, obj, repeatedKeys: repeatedKeys(doc) });
  }
  return out;
}

/** The keys of the document's DUPLICATE_KEY errors: each the key whose node starts where its error points. */
function repeatedKeys(doc: Document.Parsed): string[] {
  const at = new Set(doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]));
  if (at.size === 0) return [];
  const keys = new Set<string>();
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && at.has(pair.key.range?.[0] ?? -1)) keys.add(String(pair.key.value));
    },
  });
  return [...keys];
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
