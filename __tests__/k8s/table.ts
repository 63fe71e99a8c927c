// Server-side printing (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`), which `kubectl get`
// asks for: the usual columns for pods, workloads, nodes and namespaces, NAME and AGE for the rest.
import type { Obj } from './types.js';

interface Column {
  name: string;
  type?: string;
  priority?: number;
  cell: (o: Obj) => unknown;
}

function age(ts: string | undefined, now = Date.now()): string {
  if (!ts) return '<unknown>';
  const s = Math.max(0, Math.floor((now - Date.parse(ts)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

const name: Column = { name: 'Name', cell: (o) => o.metadata.name };
const ageCol: Column = { name: 'Age', cell: (o) => age(o.metadata.creationTimestamp) };
const n = (v: unknown): number => (typeof v === 'number' ? v : 0);

function podStatus(o: Obj): string {
  if (o.metadata.deletionTimestamp) return 'Terminating';
  const waiting = ((o.status?.containerStatuses ?? []) as Obj[]).find((c) => c.state?.waiting?.reason);
  return (waiting?.state?.waiting?.reason as string | undefined) ?? o.status?.reason ?? o.status?.phase ?? 'Unknown';
}

const COLUMNS: Record<string, Column[]> = {
  Pod: [
    name,
    {
      name: 'Ready',
      cell: (o) => {
        const cs = (o.status?.containerStatuses ?? []) as Obj[];
        return `${cs.filter((c) => c.ready).length}/${(o.spec?.containers ?? []).length}`;
      },
    },
    { name: 'Status', cell: podStatus },
    {
      name: 'Restarts',
      type: 'string',
      cell: (o) => String(((o.status?.containerStatuses ?? []) as Obj[]).reduce((a, c) => a + n(c.restartCount), 0)),
    },
    ageCol,
    { name: 'IP', priority: 1, cell: (o) => o.status?.podIP ?? '<none>' },
    { name: 'Node', priority: 1, cell: (o) => o.spec?.nodeName ?? '<none>' },
    { name: 'Nominated Node', priority: 1, cell: () => '<none>' },
    { name: 'Readiness Gates', priority: 1, cell: () => '<none>' },
  ],
  Deployment: [
    name,
    { name: 'Ready', cell: (o) => `${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}` },
    { name: 'Up-to-date', type: 'integer', cell: (o) => n(o.status?.updatedReplicas) },
    { name: 'Available', type: 'integer', cell: (o) => n(o.status?.availableReplicas) },
    ageCol,
    { name: 'Containers', priority: 1, cell: (o) => ((o.spec?.template?.spec?.containers ?? []) as Obj[]).map((c) => c.name).join(',') },
    { name: 'Images', priority: 1, cell: (o) => ((o.spec?.template?.spec?.containers ?? []) as Obj[]).map((c) => c.image).join(',') },
  ],
  DaemonSet: [
    name,
    { name: 'Desired', type: 'integer', cell: (o) => n(o.status?.desiredNumberScheduled) },
    { name: 'Current', type: 'integer', cell: (o) => n(o.status?.currentNumberScheduled) },
    { name: 'Ready', type: 'integer', cell: (o) => n(o.status?.numberReady) },
    { name: 'Up-to-date', type: 'integer', cell: (o) => n(o.status?.updatedNumberScheduled) },
    { name: 'Available', type: 'integer', cell: (o) => n(o.status?.numberAvailable) },
    {
      name: 'Node Selector',
      cell: (o) =>
        Object.entries((o.spec?.template?.spec?.nodeSelector ?? {}) as Record<string, string>)
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
    },
    ageCol,
  ],
  Node: [
    name,
    {
      name: 'Status',
      cell: (o) => (((o.status?.conditions ?? []) as Obj[]).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Ready' : 'NotReady'),
    },
    { name: 'Roles', cell: () => '<none>' },
    ageCol,
    { name: 'Version', cell: (o) => o.status?.nodeInfo?.kubeletVersion ?? '' },
    {
      name: 'Internal-IP',
      priority: 1,
      cell: (o) => ((o.status?.addresses ?? []) as Obj[]).find((a) => a.type === 'InternalIP')?.address ?? '<none>',
    },
  ],
  Namespace: [name, { name: 'Status', cell: (o) => o.status?.phase ?? '' }, ageCol],
  Service: [
    name,
    { name: 'Type', cell: (o) => o.spec?.type ?? 'ClusterIP' },
    { name: 'Cluster-IP', cell: (o) => o.spec?.clusterIP ?? '<none>' },
    { name: 'External-IP', cell: () => '<none>' },
    { name: 'Port(s)', cell: (o) => ((o.spec?.ports ?? []) as Obj[]).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',') || '<none>' },
    ageCol,
  ],
  Event: [
    { name: 'Last Seen', cell: (o) => age(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp) },
    { name: 'Type', cell: (o) => o.type ?? '' },
    { name: 'Reason', cell: (o) => o.reason ?? '' },
    { name: 'Object', cell: (o) => `${String(o.involvedObject?.kind ?? '').toLowerCase()}/${o.involvedObject?.name ?? ''}` },
    { name: 'Message', cell: (o) => o.message ?? '' },
  ],
  ConfigMap: [
    name,
    { name: 'Data', type: 'integer', cell: (o) => Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length },
    ageCol,
  ],
  Secret: [
    name,
    { name: 'Type', cell: (o) => o.type ?? 'Opaque' },
    { name: 'Data', type: 'integer', cell: (o) => Object.keys(o.data ?? {}).length },
    ageCol,
  ],
};

export function toTable(kind: string, objects: Obj[], includeObject: string | null, resourceVersion: string): Obj {
  const cols = COLUMNS[kind] ?? [name, ageCol];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: cols.map((c) => ({
      name: c.name,
      type: c.type ?? 'string',
      format: c.name === 'Name' ? 'name' : '',
      description: c.name,
      priority: c.priority ?? 0,
    })),
    rows: objects.map((o) => ({
      cells: cols.map((c) => c.cell(o)),
      object:
        includeObject === 'Object'
          ? o
          : includeObject === 'None'
            ? undefined
            : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}
