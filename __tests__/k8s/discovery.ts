// Discovery documents (/api, /apis, /api/v1, /apis/{group}/{version}) and the OpenAPI v3 documents.
// The OpenAPI PATCH operations carry x-kubernetes-group-version-kind and a fieldValidation parameter:
// that is how kubectl and Helm decide to leave validation to the server instead of downloading schemas.
import { createHash } from 'node:crypto';
import { ALL_VERBS, apiVersionOf, type Registry, type ResourceType } from './resources.js';
import type { Obj } from './types.js';

export function versionInfo(gitVersion: string): Obj {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m?.[1] ?? '1',
    minor: m?.[2] ?? '34',
    emulationMajor: m?.[1] ?? '1',
    emulationMinor: m?.[2] ?? '34',
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-09-01T00:00:00Z',
    goVersion: 'go1.24.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export const coreVersions = (): Obj => ({
  kind: 'APIVersions',
  versions: ['v1'],
  serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
});

function groupDoc(name: string, versions: string[]): Obj {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: vs, preferredVersion: vs[0] };
}

export function apiGroupList(reg: Registry): Obj {
  const groups = [...reg.groups()].filter(([g]) => g !== '').map(([g, vs]) => groupDoc(g, vs));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function apiGroup(reg: Registry, group: string): Obj | undefined {
  const vs = reg.groups().get(group);
  return vs ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(group, vs) } : undefined;
}

function subresourceEntries(t: ResourceType): Obj[] {
  return (t.subresources ?? []).map((s) => {
    switch (s) {
      case 'exec':
        return { name: `${t.plural}/exec`, singularName: '', namespaced: t.namespaced, kind: 'PodExecOptions', verbs: ['create', 'get'] };
      case 'log':
        return { name: `${t.plural}/log`, singularName: '', namespaced: t.namespaced, kind: 'Pod', verbs: ['get'] };
      case 'scale':
        return {
          name: `${t.plural}/scale`,
          singularName: '',
          namespaced: t.namespaced,
          group: 'autoscaling',
          version: 'v1',
          kind: 'Scale',
          verbs: ['get', 'patch', 'update'],
        };
      case 'finalize':
        return { name: `${t.plural}/finalize`, singularName: '', namespaced: t.namespaced, kind: t.kind, verbs: ['update'] };
      default:
        return { name: `${t.plural}/${s}`, singularName: '', namespaced: t.namespaced, kind: t.kind, verbs: ['get', 'patch', 'update'] };
    }
  });
}

export function apiResourceList(reg: Registry, group: string, version: string): Obj | undefined {
  const types = reg.all().filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const resources: Obj[] = [];
  for (const t of types) {
    resources.push({
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs ?? ALL_VERBS,
      ...(t.shortNames?.length ? { shortNames: t.shortNames } : {}),
      ...(t.categories?.length ? { categories: t.categories } : {}),
      storageVersionHash: createHash('sha256').update(`${group}/${version}/${t.plural}`).digest('base64').slice(0, 11),
    });
    resources.push(...subresourceEntries(t));
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

// --- OpenAPI v3 -------------------------------------------------------------------------------------

const gvPath = (group: string, version: string): string => (group ? `apis/${group}/${version}` : `api/${version}`);

export function openApiRoot(reg: Registry): Obj {
  const paths: Obj = {};
  for (const [g, vs] of reg.groups()) {
    for (const v of vs) {
      const p = gvPath(g, v);
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${openApiHash(reg, g, v)}` };
    }
  }
  return { paths };
}

function openApiHash(reg: Registry, group: string, version: string): string {
  const names = reg
    .all()
    .filter((t) => t.group === group && t.version === version)
    .map((t) => `${t.plural}:${t.kind}`)
    .join(',');
  return createHash('sha512').update(names).digest('hex').slice(0, 64).toUpperCase();
}

const queryParam = (name: string): Obj => ({ name, in: 'query', uniqueItems: true, schema: { type: 'string', uniqueItems: true } });

function operation(t: ResourceType, action: string, id: string, extraParams: string[] = []): Obj {
  return {
    tags: [t.group ? `${t.group.replace(/\./g, '_')}_${t.version}` : `core_${t.version}`],
    operationId: `${action}${id}`,
    parameters: extraParams.map(queryParam),
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName(t)}` } } } },
    },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group: t.group, version: t.version, kind: t.kind },
  };
}

function schemaName(t: ResourceType): string {
  const g = t.group ? t.group.split('.').reverse().join('.') : 'io.k8s.api.core';
  return `${g}.${t.version}.${t.kind}`;
}

export function openApiDocument(reg: Registry, group: string, version: string): Obj | undefined {
  const types = reg.all().filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const prefix = `/${gvPath(group, version)}`;
  const paths: Obj = {};
  const schemas: Obj = {};
  for (const t of types) {
    const id = `${t.group ? t.group.split('.')[0] : 'Core'}${t.version[0]!.toUpperCase()}${t.version.slice(1)}${t.namespaced ? 'Namespaced' : ''}${t.kind}`;
    const collection = t.namespaced ? `${prefix}/namespaces/{namespace}/${t.plural}` : `${prefix}/${t.plural}`;
    const item = `${collection}/{name}`;
    const writeParams = ['dryRun', 'fieldManager', 'fieldValidation'];
    paths[collection] = {
      get: operation(t, 'list', `list`, ['labelSelector', 'fieldSelector', 'limit', 'continue', 'watch', 'resourceVersion']),
      post: operation(t, 'post', `create`, writeParams),
      delete: operation(t, 'deletecollection', `deleteCollection`, ['labelSelector', 'fieldSelector']),
      parameters: t.namespaced ? [{ name: 'namespace', in: 'path', required: true, schema: { type: 'string' } }] : [],
    };
    paths[item] = {
      get: operation(t, 'get', `read`),
      put: operation(t, 'put', `replace`, writeParams),
      patch: {
        ...operation(t, 'patch', `patch`, [...writeParams, 'force']),
        requestBody: {
          // Strategic merge is left out on purpose: kubectl apply would then compute the patch from these
          // (property-less) schemas and warn; without it, kubectl falls back to its compiled-in types.
          content: Object.fromEntries(
            ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json'].map((ct) => [
              ct,
              { schema: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } },
            ]),
          ),
          required: true,
        },
      },
      delete: operation(t, 'delete', `delete`, ['dryRun', 'gracePeriodSeconds', 'propagationPolicy']),
      parameters: [
        { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
        ...(t.namespaced ? [{ name: 'namespace', in: 'path', required: true, schema: { type: 'string' } }] : []),
      ],
    };
    for (const op of Object.values(paths[item]) as Obj[]) if (op.operationId) op.operationId += `${id}`;
    for (const op of Object.values(paths[collection]) as Obj[]) if (op.operationId) op.operationId += `${id}`;
    schemas[schemaName(t)] = {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      'x-kubernetes-group-version-kind': [{ group: t.group, version: t.version, kind: t.kind }],
    };
  }
  schemas['io.k8s.apimachinery.pkg.apis.meta.v1.Patch'] = { type: 'object' };
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: apiVersionOf(types[0]!) },
    paths,
    components: { schemas },
  };
}
