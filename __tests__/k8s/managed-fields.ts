// metadata.managedFields in the FieldsV1 form (`f:spec: {f:replicas: {}}`, list items as
// `k:{"name":"x"}`), enough for clients that print or inspect field ownership.
import type { Obj } from './types.js';

const LIST_KEYS: Record<string, string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
  imagePullSecrets: ['name'],
  conditions: ['type'],
  ownerReferences: ['uid'],
};

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function fields(v: unknown, name: string): Obj {
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, child] of Object.entries(v)) out[`f:${k}`] = fields(child, k);
    return out;
  }
  if (Array.isArray(v)) {
    const keys = LIST_KEYS[name] ?? (name === 'ports' ? ['containerPort', 'protocol'] : undefined);
    const out: Obj = {};
    if (!keys) return out;
    for (const item of v) {
      if (!isObj(item)) continue;
      const id: Obj = {};
      for (const k of keys) if (item[k] !== undefined) id[k] = item[k];
      out[`k:${JSON.stringify(id)}`] = { '.': {}, ...fields(item, '') };
    }
    return out;
  }
  return {};
}

/** The fields an object (or a patch) sets, without the ones the server owns. */
export function fieldSet(obj: Obj, subresource?: string): Obj {
  const { apiVersion: _a, kind: _k, metadata, status, ...rest } = obj;
  const out: Obj = {};
  if (subresource === 'status') {
    if (status !== undefined) out['f:status'] = fields(status, 'status');
    return out;
  }
  const meta = { ...(metadata ?? {}) };
  for (const k of [
    'name',
    'namespace',
    'uid',
    'resourceVersion',
    'generation',
    'creationTimestamp',
    'managedFields',
    'deletionTimestamp',
    'generateName',
    'selfLink',
  ])
    delete meta[k];
  if (Object.keys(meta).length) out['f:metadata'] = fields(meta, 'metadata');
  Object.assign(out, fields(rest, ''));
  return out;
}

export interface ManagerUpdate {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
  fields: Obj;
}

/** Replaces this manager's entry (one per manager, operation and subresource). */
export function recordManager(obj: Obj, u: ManagerUpdate, time: string): void {
  const list = ((obj.metadata.managedFields ?? []) as Obj[]).filter(
    (e) => !(e.manager === u.manager && e.operation === u.operation && (e.subresource ?? '') === (u.subresource ?? '')),
  );
  list.push({
    manager: u.manager,
    operation: u.operation,
    apiVersion: u.apiVersion,
    time,
    fieldsType: 'FieldsV1',
    fieldsV1: u.fields,
    ...(u.subresource ? { subresource: u.subresource } : {}),
  });
  obj.metadata.managedFields = list;
}
