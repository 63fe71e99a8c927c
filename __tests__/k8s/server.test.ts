// Wire-level behaviour of the test API server that the clients depend on, checked over plain HTTP:
// discovery and OpenAPI, watches (WatchList, resume, selector transitions), conflicts, dry runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './index.js';

describe('test API server over HTTP', () => {
  let c: TestCluster;
  const get = async (path: string, accept = 'application/json') => {
    const r = await fetch(`${c.url}${path}`, { headers: { accept } });
    return { status: r.status, body: (await r.json()) as any };
  };
  const send = async (method: string, path: string, body: unknown, contentType = 'application/json') => {
    const r = await fetch(`${c.url}${path}`, {
      method,
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as any };
  };
  /** Reads watch events until `until` says stop (or 3 s pass). */
  const watch = async (path: string, until: (events: any[]) => boolean, during?: () => Promise<void>): Promise<any[]> => {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), 3000);
    const r = await fetch(`${c.url}${path}`, { signal: ac.signal });
    const events: any[] = [];
    const reader = r.body!.getReader();
    let buf = '';
    let started = false;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += Buffer.from(value).toString('utf8');
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          events.push(JSON.parse(buf.slice(0, i)));
          buf = buf.slice(i + 1);
        }
        if (!started && during) {
          started = true;
          await during();
        }
        if (until(events)) break;
      }
    } catch {
      // aborted by the timer: return what arrived
    } finally {
      clearTimeout(timer);
      ac.abort();
    }
    return events;
  };

  beforeAll(async () => {
    c = await startTestCluster({ nodes: 2 });
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('serves discovery with short names, verbs and pods/exec, and OpenAPI v3 with fieldValidation', async () => {
    const core = (await get('/api/v1')).body;
    const pods = core.resources.find((r: any) => r.name === 'pods');
    expect(pods).toMatchObject({ kind: 'Pod', namespaced: true, shortNames: ['po'] });
    expect(pods.verbs).toEqual(expect.arrayContaining(['create', 'get', 'list', 'watch', 'patch', 'delete']));
    expect(core.resources.find((r: any) => r.name === 'pods/exec')).toMatchObject({ kind: 'PodExecOptions', verbs: ['create', 'get'] });
    const groups = (await get('/apis')).body.groups.map((g: any) => g.name);
    expect(groups).toEqual(expect.arrayContaining(['apps', 'rbac.authorization.k8s.io', 'policy', 'cilium.io']));
    const root = (await get('/openapi/v3')).body;
    const appsUrl = root.paths['apis/apps/v1'].serverRelativeURL as string;
    const apps = (await get(appsUrl)).body;
    const patch = apps.paths['/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'DaemonSet' });
    expect(patch.parameters.map((p: any) => p.name)).toContain('fieldValidation');
  });

  it('WatchList: current objects as ADDED, a BOOKMARK marking the end, then changes', async () => {
    const early = await send('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'early' } });
    expect(early.status).toBe(201);
    const events = await watch(
      '/api/v1/namespaces/default/configmaps?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true',
      (ev) => ev.some((e) => e.type === 'ADDED' && e.object.metadata.name === 'late'),
      async () => {
        await send('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'late' }, data: { a: '1' } });
      },
    );
    expect(events.map((e) => `${e.type} ${e.object.metadata.name ?? ''}`)).toEqual(['ADDED early', 'BOOKMARK ', 'ADDED late']);
    expect(events[1].object.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
  });

  it('resumes a watch from a resourceVersion and turns label changes into ADDED/DELETED', async () => {
    const created = await send('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'sel', labels: { tier: 'a' } } });
    const rv = created.body.metadata.resourceVersion;
    await send(
      'PATCH',
      '/api/v1/namespaces/default/configmaps/sel',
      { metadata: { labels: { tier: 'b' } } },
      'application/merge-patch+json',
    );
    await send(
      'PATCH',
      '/api/v1/namespaces/default/configmaps/sel',
      { metadata: { labels: { tier: 'a' } } },
      'application/merge-patch+json',
    );
    const events = await watch(
      `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${Number(rv) - 1}&labelSelector=tier%3Da`,
      (ev) => ev.length >= 3,
    );
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'DELETED', 'ADDED']);
  });

  it('rejects stale updates, leaves dry runs unstored and unrecorded as mutations', async () => {
    const cm = (await send('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'rv' }, data: { a: '1' } })).body;
    await send('PATCH', '/api/v1/namespaces/default/configmaps/rv', { data: { a: '2' } }, 'application/merge-patch+json');
    const stale = await send('PUT', '/api/v1/namespaces/default/configmaps/rv', cm);
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe('Conflict');
    const before = c.mutations().length;
    const dry = await send('POST', '/api/v1/namespaces/default/configmaps?dryRun=All', { metadata: { name: 'dry' } });
    expect(dry.status).toBe(201);
    expect(c.getObject('v1', 'ConfigMap', 'default', 'dry')).toBeUndefined();
    expect(c.mutations().length).toBe(before);
    const missingNs = await send('POST', '/api/v1/namespaces/nope/configmaps', { metadata: { name: 'x' } });
    expect(missingNs).toMatchObject({ status: 404, body: { reason: 'NotFound', message: 'namespaces "nope" not found' } });
  });

  it('server-side apply creates, then removes the fields the manager no longer applies', async () => {
    const path = '/api/v1/namespaces/default/configmaps/ssa?fieldManager=helm&force=false';
    const first = await send(
      'PATCH',
      path,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {a: "1", b: "2"}\n',
      'application/apply-patch+yaml',
    );
    expect(first.status).toBe(201);
    await send(
      'PATCH',
      '/api/v1/namespaces/default/configmaps/ssa?fieldManager=kubectl-edit',
      { data: { other: 'x' } },
      'application/merge-patch+json',
    );
    const second = await send(
      'PATCH',
      path,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {a: "9"}\n',
      'application/apply-patch+yaml',
    );
    expect(second.status).toBe(200);
    expect(second.body.data).toEqual({ a: '9', other: 'x' });
    expect(second.body.metadata.managedFields.map((m: any) => [m.manager, m.operation])).toEqual([
      ['kubectl-edit', 'Update'],
      ['helm', 'Apply'],
    ]);
  });

  it('prints tables for kubectl and deletes namespaces with their content', async () => {
    const table = (await get('/api/v1/nodes', 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json')).body;
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((d: any) => d.name).slice(0, 5)).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version']);
    expect(table.rows.map((r: any) => r.cells[1])).toEqual(['Ready', 'Ready']);
    await send('POST', '/api/v1/namespaces', { metadata: { name: 'doomed' } });
    await send('POST', '/api/v1/namespaces/doomed/configmaps', { metadata: { name: 'x' } });
    const del = await send('DELETE', '/api/v1/namespaces/doomed', {});
    expect(del.body.status.phase).toBe('Terminating');
    await c.waitFor(() => !c.getObject('v1', 'Namespace', undefined, 'doomed'), 2000, 'namespace deletion');
    expect(c.getObject('v1', 'ConfigMap', 'doomed', 'x')).toBeUndefined();
  });

  it('runs Deployments through ReplicaSets and garbage-collects them', async () => {
    const dep = await send('POST', '/apis/apps/v1/namespaces/default/deployments', {
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } },
      },
    });
    expect(dep.status).toBe(201);
    await c.waitFor(
      () => c.getObject('apps/v1', 'Deployment', 'default', 'web')?.status?.availableReplicas === 2,
      5000,
      'deployment ready',
    );
    const d = c.getObject('apps/v1', 'Deployment', 'default', 'web')!;
    expect(d.status.conditions.find((x: any) => x.type === 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
    });
    expect(c.listObjects('apps/v1', 'ReplicaSet', 'default')).toHaveLength(1);
    expect(
      c
        .listObjects('v1', 'Pod', 'default', 'app=web')
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual([...c.nodeNames].sort());
    await send('DELETE', '/apis/apps/v1/namespaces/default/deployments/web', {});
    expect(c.listObjects('apps/v1', 'ReplicaSet', 'default')).toEqual([]);
    expect(c.listObjects('v1', 'Pod', 'default', 'app=web')).toEqual([]);
  });
});
