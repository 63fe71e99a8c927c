// The resource types the test API server serves: every kind the Cilium chart renders, the workload
// kinds the controller manages, pods/nodes/namespaces/events, and Cilium's own CRDs. CRDs created at
// run time register their types here too.
import type { Obj } from './types.js';

export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** status, scale, exec, log, finalize, … */
  subresources?: string[];
  /** defined by a CustomResourceDefinition (served as application/json only) */
  custom?: boolean;
  /** verbs other than the full CRUD set */
  verbs?: string[];
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const apiVersionOf = (rt: ResourceType): string => (rt.group ? `${rt.group}/${rt.version}` : rt.version);

function rt(apiVersion: string, kind: string, plural: string, namespaced: boolean, extra: Partial<ResourceType> = {}): ResourceType {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return { group: group!, version: version!, kind, plural, singular: kind.toLowerCase(), namespaced, ...extra };
}

const ciliumCrds: Array<[string, string, string, boolean, string[]]> = [
  ['cilium.io/v2', 'CiliumNode', 'ciliumnodes', false, ['cn', 'ciliumn']],
  ['cilium.io/v2', 'CiliumEndpoint', 'ciliumendpoints', true, ['cep', 'ciliumep']],
  ['cilium.io/v2', 'CiliumIdentity', 'ciliumidentities', false, ['ciliumid']],
  ['cilium.io/v2', 'CiliumNetworkPolicy', 'ciliumnetworkpolicies', true, ['cnp', 'ciliumnp']],
  ['cilium.io/v2', 'CiliumClusterwideNetworkPolicy', 'ciliumclusterwidenetworkpolicies', false, ['ccnp']],
  ['cilium.io/v2', 'CiliumLoadBalancerIPPool', 'ciliumloadbalancerippools', false, ['ippools', 'ippool', 'lbippool', 'lbippools']],
  ['cilium.io/v2', 'CiliumCIDRGroup', 'ciliumcidrgroups', false, ['ccg']],
  ['cilium.io/v2', 'CiliumNodeConfig', 'ciliumnodeconfigs', true, []],
  ['cilium.io/v2', 'CiliumEgressGatewayPolicy', 'ciliumegressgatewaypolicies', false, ['cegp']],
  ['cilium.io/v2', 'CiliumLocalRedirectPolicy', 'ciliumlocalredirectpolicies', true, ['clrp']],
  ['cilium.io/v2', 'CiliumEnvoyConfig', 'ciliumenvoyconfigs', true, ['cec']],
  ['cilium.io/v2', 'CiliumClusterwideEnvoyConfig', 'ciliumclusterwideenvoyconfigs', false, ['ccec']],
  ['cilium.io/v2alpha1', 'CiliumL2AnnouncementPolicy', 'ciliuml2announcementpolicies', false, ['l2announcement']],
  ['cilium.io/v2alpha1', 'CiliumPodIPPool', 'ciliumpodippools', false, ['cpip']],
];

const BUILTIN_TYPES: ResourceType[] = [
  rt('v1', 'Pod', 'pods', true, { shortNames: ['po'], categories: ['all'], subresources: ['status', 'exec', 'log'] }),
  rt('v1', 'Node', 'nodes', false, { shortNames: ['no'], subresources: ['status'] }),
  rt('v1', 'Namespace', 'namespaces', false, { shortNames: ['ns'], subresources: ['status', 'finalize'] }),
  rt('v1', 'Event', 'events', true, { shortNames: ['ev'] }),
  rt('v1', 'ConfigMap', 'configmaps', true, { shortNames: ['cm'] }),
  rt('v1', 'Secret', 'secrets', true),
  rt('v1', 'Service', 'services', true, { shortNames: ['svc'], categories: ['all'], subresources: ['status'] }),
  rt('v1', 'ServiceAccount', 'serviceaccounts', true, { shortNames: ['sa'] }),
  rt('v1', 'Endpoints', 'endpoints', true, { shortNames: ['ep'], singular: 'endpoints' }),
  rt('v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, { shortNames: ['pvc'], subresources: ['status'] }),
  rt('apps/v1', 'Deployment', 'deployments', true, { shortNames: ['deploy'], categories: ['all'], subresources: ['status', 'scale'] }),
  rt('apps/v1', 'DaemonSet', 'daemonsets', true, { shortNames: ['ds'], categories: ['all'], subresources: ['status'] }),
  rt('apps/v1', 'ReplicaSet', 'replicasets', true, { shortNames: ['rs'], categories: ['all'], subresources: ['status', 'scale'] }),
  rt('apps/v1', 'StatefulSet', 'statefulsets', true, { shortNames: ['sts'], categories: ['all'], subresources: ['status', 'scale'] }),
  rt('apps/v1', 'ControllerRevision', 'controllerrevisions', true),
  rt('batch/v1', 'Job', 'jobs', true, { categories: ['all'], subresources: ['status'] }),
  rt('batch/v1', 'CronJob', 'cronjobs', true, { shortNames: ['cj'], categories: ['all'], subresources: ['status'] }),
  rt('policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, { shortNames: ['pdb'], subresources: ['status'] }),
  rt('rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', false),
  rt('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  rt('rbac.authorization.k8s.io/v1', 'Role', 'roles', true),
  rt('rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings', true),
  rt('networking.k8s.io/v1', 'Ingress', 'ingresses', true, { shortNames: ['ing'], subresources: ['status'] }),
  rt('networking.k8s.io/v1', 'IngressClass', 'ingressclasses', false),
  rt('networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies', true, { shortNames: ['netpol'] }),
  rt('discovery.k8s.io/v1', 'EndpointSlice', 'endpointslices', true),
  rt('coordination.k8s.io/v1', 'Lease', 'leases', true),
  // answered, never stored: everyone may do everything on the test cluster
  rt('authorization.k8s.io/v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, { verbs: ['create'] }),
  rt('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, {
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    subresources: ['status'],
  }),
  ...ciliumCrds.map(([av, kind, plural, ns, shortNames]) =>
    rt(av, kind, plural, ns, { shortNames, categories: ['cilium'], subresources: ['status'], custom: true }),
  ),
];

/** The CustomResourceDefinition object that declares a custom type (for `kubectl get crd`). */
export function crdFor(t: ResourceType): Obj {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${t.plural}.${t.group}`, labels: { 'io.cilium.k8s.crd.schema.version': '1.32.0' } },
    spec: {
      group: t.group,
      names: {
        kind: t.kind,
        listKind: `${t.kind}List`,
        plural: t.plural,
        singular: t.singular,
        shortNames: t.shortNames,
        categories: t.categories,
      },
      scope: t.namespaced ? 'Namespaced' : 'Cluster',
      versions: [
        {
          name: t.version,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          subresources: t.subresources?.includes('status') ? { status: {} } : undefined,
        },
      ],
    },
  };
}

/** The types a CustomResourceDefinition declares (one per served version). */
export function typesFromCrd(crd: Obj): ResourceType[] {
  const spec = crd.spec ?? {};
  const names = spec.names ?? {};
  if (!spec.group || !names.plural || !names.kind) return [];
  return ((spec.versions ?? []) as Obj[])
    .filter((v) => v.served !== false)
    .map((v) => ({
      group: spec.group as string,
      version: v.name as string,
      kind: names.kind as string,
      plural: names.plural as string,
      singular: (names.singular as string) || (names.kind as string).toLowerCase(),
      namespaced: spec.scope !== 'Cluster',
      shortNames: names.shortNames,
      categories: names.categories,
      subresources: v.subresources?.status ? ['status'] : [],
      custom: true,
    }));
}

export class Registry {
  private readonly types: ResourceType[] = [];

  constructor(initial: ResourceType[] = BUILTIN_TYPES) {
    initial.forEach((t) => this.add(t));
  }

  add(t: ResourceType): void {
    const i = this.types.findIndex((x) => x.group === t.group && x.version === t.version && x.plural === t.plural);
    if (i >= 0) this.types[i] = t;
    else this.types.push(t);
  }

  remove(group: string, plural: string): void {
    for (let i = this.types.length - 1; i >= 0; i--) {
      const t = this.types[i]!;
      if (t.group === group && t.plural === plural && t.custom) this.types.splice(i, 1);
    }
  }

  all(): readonly ResourceType[] {
    return this.types;
  }

  byResource(group: string, version: string, plural: string): ResourceType | undefined {
    return this.types.find((t) => t.group === group && t.version === version && t.plural === plural);
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.types.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind);
  }

  /** group → versions, in registration order (core group first) */
  groups(): Map<string, string[]> {
    const m = new Map<string, string[]>();
    for (const t of this.types) {
      const vs = m.get(t.group) ?? [];
      if (!vs.includes(t.version)) vs.push(t.version);
      m.set(t.group, vs);
    }
    return m;
  }
}
