// The HTTP side of the in-memory API server: routing, CRUD, patches, server-side apply, watches
// (including the WatchList protocol), discovery, OpenAPI, server-side printing, fault switches and
// the request record. Objects are also written in-process (by the controller) through the same
// create/replace/patch/delete methods, without being recorded.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import YAML from 'yaml';
import { ClusterIpAllocator, applyCreateDefaults, applyUpdateDefaults } from './defaults.js';
import { apiGroup, apiGroupList, apiResourceList, coreVersions, openApiDocument, openApiRoot, versionInfo } from './discovery.js';
import { fieldSet, recordManager } from './managed-fields.js';
import { PatchError, jsonMergePatch, jsonPatch, serverSideApply, strategicMerge } from './patch.js';
import { decodeProtobuf, isProtobuf } from './protobuf.js';
import { Registry, apiVersionOf, crdFor, typesFromCrd, type ResourceType } from './resources.js';
import { SelectorError, matchFields, matchLabels, parseFieldSelector, parseLabelSelector, type Requirement } from './selectors.js';
import { Store, nowIso, type StoreEvent } from './store.js';
import { toTable } from './table.js';
import type { Faults, Obj, Recorded } from './types.js';

class ApiError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly details?: Obj;
  constructor(code: number, reason: string, message: string, details?: Obj) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }
  toStatus(): Obj {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

const notFound = (rt: ResourceType, name: string): ApiError =>
  new ApiError(404, 'NotFound', `${rt.plural}${rt.group ? `.${rt.group}` : ''} "${name}" not found`, {
    name,
    ...(rt.group ? { group: rt.group } : {}),
    kind: rt.plural,
  });

export interface WriteOptions {
  fieldManager?: string;
  dryRun?: boolean;
  subresource?: string;
  /** set by server-side apply creating the object: the applied field set (recorded as operation Apply) */
  appliedFields?: Obj;
}

export interface ApiPath {
  group: string;
  version: string;
  rt: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  legacyWatch: boolean;
}

export interface UpgradeContext {
  req: http.IncomingMessage;
  socket: Duplex;
  head: Buffer;
  path: ApiPath;
  query: URLSearchParams;
  record: Recorded;
}

export class ApiServer {
  readonly registry = new Registry();
  readonly store = new Store();
  readonly requests: Recorded[] = [];
  faults: Faults = {};
  /** set by the exec module: handles `GET …/pods/NAME/exec` upgrades to WebSocket */
  onExecUpgrade?: (ctx: UpgradeContext) => void;
  /** test-only endpoints under /_test/ (the stand-in cilium CLI posts here) */
  readonly testEndpoints = new Map<string, (body: Obj, record: Recorded) => Promise<Obj>>();
  /** what `kubectl logs` shows for a pod (undefined: a one-line start message) */
  podLogs: ((pod: Obj) => string | undefined) | undefined;
  /** hooks run after a stored object changed (the controller subscribes to the store instead) */
  private readonly lastApplied = new Map<string, Obj>();
  private readonly ips = new ClusterIpAllocator();
  private readonly http: http.Server;
  private readonly sockets = new Set<Duplex>();
  private readonly closers = new Set<() => void>();
  private seq = 0;
  url = '';

  readonly kubernetesVersion: string;

  constructor(kubernetesVersion = 'v1.34.1') {
    this.kubernetesVersion = kubernetesVersion;
    this.http = http.createServer((req, res) => void this.handle(req, res));
    this.http.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.http.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    // Cilium's CRDs exist from the start (on a real cluster the operator registers them).
    for (const t of this.registry.all()) if (t.custom) this.create(this.crdType(), crdFor(t), undefined);
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(0, '127.0.0.1', () => resolve());
    });
    const addr = this.http.address();
    if (!addr || typeof addr === 'string') throw new Error('no address');
    this.url = `http://127.0.0.1:${addr.port}`;
    return this.url;
  }

  /** Ends every open watch and exec, then stops listening. */
  async close(): Promise<void> {
    for (const c of [...this.closers]) c();
    for (const s of [...this.sockets]) s.destroy();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** Registers something to end when the server stops (open exec sessions). */
  onClose(fn: () => void): () => void {
    this.closers.add(fn);
    return () => this.closers.delete(fn);
  }

  crdType(): ResourceType {
    return this.registry.byResource('apiextensions.k8s.io', 'v1', 'customresourcedefinitions')!;
  }

  typeFor(apiVersion: string, kind: string): ResourceType {
    const rt = this.registry.byKind(apiVersion, kind);
    if (!rt) throw new ApiError(404, 'NotFound', `the server could not find the requested resource (${apiVersion} ${kind})`);
    return rt;
  }

  // --- object operations (in-process API) --------------------------------------------------------

  get(rt: ResourceType, ns: string | undefined, name: string): Obj {
    const o = this.store.get(rt, ns, name);
    if (!o) throw notFound(rt, name);
    return o;
  }

  private checkNamespace(rt: ResourceType, ns: string | undefined, name: string): void {
    if (!rt.namespaced) return;
    if (!ns) throw new ApiError(400, 'BadRequest', 'the namespace of the object must be set');
    const nsObj = this.store.get(this.registry.byResource('', 'v1', 'namespaces')!, undefined, ns);
    if (!nsObj) throw new ApiError(404, 'NotFound', `namespaces "${ns}" not found`, { name: ns, kind: 'namespaces' });
    if (nsObj.status?.phase === 'Terminating')
      throw new ApiError(
        403,
        'Forbidden',
        `${rt.plural} "${name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
      );
  }

  create(rt: ResourceType, body: Obj, ns: string | undefined, opts: WriteOptions = {}): Obj {
    const obj = structuredClone(body);
    obj.metadata ??= {};
    if (rt.namespaced) obj.metadata.namespace = obj.metadata.namespace || ns || 'default';
    if (ns && rt.namespaced && obj.metadata.namespace !== ns)
      throw new ApiError(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = `${obj.metadata.generateName}${randomSuffix()}`;
    if (!obj.metadata.name)
      throw new ApiError(422, 'Invalid', `${rt.kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
    this.checkNamespace(rt, obj.metadata.namespace, obj.metadata.name);
    if (this.store.get(rt, obj.metadata.namespace, obj.metadata.name))
      throw new ApiError(409, 'AlreadyExists', `${rt.plural}${rt.group ? `.${rt.group}` : ''} "${obj.metadata.name}" already exists`, {
        name: obj.metadata.name,
        ...(rt.group ? { group: rt.group } : {}),
        kind: rt.plural,
      });
    applyCreateDefaults(rt.kind, obj, this.ips);
    if (opts.fieldManager)
      recordManager(
        obj,
        {
          manager: opts.fieldManager,
          operation: opts.appliedFields ? 'Apply' : 'Update',
          apiVersion: apiVersionOf(rt),
          fields: opts.appliedFields ?? fieldSet(body),
        },
        nowIso(),
      );
    if (opts.dryRun) return { ...obj, apiVersion: apiVersionOf(rt), kind: rt.kind };
    const created = this.store.create(rt, obj);
    this.afterWrite(rt, created);
    return created;
  }

  /** PUT: replaces the object (or only its status, for the status subresource). */
  replace(rt: ResourceType, body: Obj, ns: string | undefined, name: string, opts: WriteOptions = {}): Obj {
    const old = this.get(rt, ns, name);
    const rv = body.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion)
      throw new ApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${rt.plural}${rt.group ? `.${rt.group}` : ''} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        {
          name,
          kind: rt.plural,
        },
      );
    let next = structuredClone(body);
    next.metadata = { ...next.metadata, name, ...(rt.namespaced ? { namespace: old.metadata.namespace } : {}) };
    next = this.restrictToSubresource(rt, old, next, opts.subresource);
    next.metadata.managedFields ??= old.metadata.managedFields;
    if (opts.fieldManager)
      recordManager(
        next,
        {
          manager: opts.fieldManager,
          operation: 'Update',
          apiVersion: apiVersionOf(rt),
          subresource: opts.subresource,
          fields: fieldSet(body, opts.subresource),
        },
        nowIso(),
      );
    return this.commit(rt, old, next, opts);
  }

  /** Status writes change only status; writes to the object keep the stored status. */
  private restrictToSubresource(rt: ResourceType, old: Obj, next: Obj, sub: string | undefined): Obj {
    if (sub === 'status') return { ...old, status: next.status };
    if (rt.subresources?.includes('status') && rt.kind !== 'Namespace') return { ...next, status: old.status };
    if (rt.kind === 'Namespace') return { ...next, status: old.status };
    return next;
  }

  private commit(rt: ResourceType, old: Obj, next: Obj, opts: WriteOptions): Obj {
    applyUpdateDefaults(rt.kind, next, old);
    if (opts.dryRun) return next;
    if (next.metadata.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0 && rt.kind !== 'Namespace') {
      this.store.update(rt, next);
      return this.removeNow(rt, next.metadata.namespace, next.metadata.name) ?? next;
    }
    const updated = this.store.update(rt, next);
    this.afterWrite(rt, updated);
    return updated;
  }

  patch(
    rt: ResourceType,
    ns: string | undefined,
    name: string,
    contentType: string,
    raw: string,
    opts: WriteOptions & { force?: boolean },
  ): Obj {
    const type = contentType.split(';')[0]!.trim();
    if (type === 'application/apply-patch+yaml') return this.apply(rt, ns, name, raw, opts);
    const old = this.get(rt, ns, name);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch (e) {
      throw new ApiError(400, 'BadRequest', `error decoding patch: ${(e as Error).message}`);
    }
    let next: Obj;
    try {
      if (type === 'application/json-patch+json') next = jsonPatch(old, body);
      else if (type === 'application/merge-patch+json') next = jsonMergePatch(old, body) as Obj;
      else if (type === 'application/strategic-merge-patch+json') {
        if (rt.custom) throw new ApiError(415, 'UnsupportedMediaType', `strategic merge patch is not supported for ${rt.kind}`);
        next = strategicMerge(old, body) as Obj;
      } else
        throw new ApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
        );
    } catch (e) {
      if (e instanceof PatchError) throw new ApiError(e.code, e.code === 400 ? 'BadRequest' : 'Invalid', e.message);
      throw e;
    }
    next.metadata = { ...next.metadata, name: old.metadata.name, ...(rt.namespaced ? { namespace: old.metadata.namespace } : {}) };
    const rv = (body as Obj)?.metadata?.resourceVersion;
    if (typeof rv === 'string' && rv !== old.metadata.resourceVersion)
      throw new ApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${rt.plural} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    next = this.restrictToSubresource(rt, old, next, opts.subresource);
    if (opts.fieldManager && !Array.isArray(body))
      recordManager(
        next,
        {
          manager: opts.fieldManager,
          operation: 'Update',
          apiVersion: apiVersionOf(rt),
          subresource: opts.subresource,
          fields: fieldSet(body as Obj, opts.subresource),
        },
        nowIso(),
      );
    return this.commit(rt, old, next, opts);
  }

  private apply(rt: ResourceType, ns: string | undefined, name: string, raw: string, opts: WriteOptions & { force?: boolean }): Obj {
    if (!opts.fieldManager)
      throw new ApiError(
        422,
        'Invalid',
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      );
    let applied: Obj;
    try {
      applied = YAML.parse(raw) as Obj;
    } catch (e) {
      throw new ApiError(400, 'BadRequest', `error decoding YAML: ${(e as Error).message}`);
    }
    if (!applied || typeof applied !== 'object') throw new ApiError(400, 'BadRequest', 'apply patch must be an object');
    if (applied.kind && applied.kind !== rt.kind)
      throw new ApiError(400, 'BadRequest', `the kind of the applied object (${applied.kind}) does not match the URL (${rt.kind})`);
    if (applied.metadata?.name && applied.metadata.name !== name)
      throw new ApiError(400, 'BadRequest', 'the name of the object does not match the name on the URL');
    const key = `${rt.group}/${rt.plural}/${ns ?? ''}/${name}|${opts.fieldManager}|${opts.subresource ?? ''}`;
    const old = this.store.get(rt, ns, name);
    const fields = fieldSet(applied, opts.subresource);
    if (!old) {
      if (opts.subresource) throw notFound(rt, name);
      const body = {
        ...structuredClone(applied),
        metadata: { ...(applied.metadata ?? {}), name, ...(rt.namespaced ? { namespace: ns } : {}) },
      };
      const created = this.create(rt, body, ns, { ...opts, appliedFields: fields });
      if (!opts.dryRun) this.lastApplied.set(key, structuredClone(applied));
      return created;
    }
    const merged = serverSideApply(old, { ...applied, metadata: { ...(applied.metadata ?? {}) } }, this.lastApplied.get(key));
    merged.metadata.name = name;
    if (rt.namespaced) merged.metadata.namespace = old.metadata.namespace;
    const next = this.restrictToSubresource(rt, old, merged, opts.subresource);
    next.metadata.managedFields = old.metadata.managedFields;
    recordManager(
      next,
      { manager: opts.fieldManager, operation: 'Apply', apiVersion: apiVersionOf(rt), subresource: opts.subresource, fields },
      nowIso(),
    );
    const out = this.commit(rt, old, next, opts);
    if (!opts.dryRun) this.lastApplied.set(key, structuredClone(applied));
    return out;
  }

  /** DELETE: objects with finalizers (and namespaces) are marked; everything else goes at once. */
  delete(
    rt: ResourceType,
    ns: string | undefined,
    name: string,
    opts: WriteOptions & { propagationPolicy?: string; preconditions?: Obj } = {},
  ): Obj {
    const old = this.get(rt, ns, name);
    if (opts.preconditions?.uid && opts.preconditions.uid !== old.metadata.uid)
      throw new ApiError(
        409,
        'Conflict',
        `Precondition failed: UID in precondition: ${opts.preconditions.uid}, UID in object meta: ${old.metadata.uid}`,
      );
    if (opts.dryRun) return old;
    if (rt.kind === 'Namespace') {
      if (!old.metadata.deletionTimestamp) {
        old.metadata.deletionTimestamp = nowIso();
        old.status = { ...(old.status ?? {}), phase: 'Terminating' };
        const marked = this.store.update(rt, old);
        setTimeout(() => this.finalizeNamespace(name), 50);
        return marked;
      }
      return old;
    }
    if ((old.metadata.finalizers ?? []).length > 0) {
      if (old.metadata.deletionTimestamp) return old;
      old.metadata.deletionTimestamp = nowIso();
      return this.store.update(rt, old);
    }
    this.removeNow(rt, ns, name, opts.propagationPolicy);
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name, ...(rt.group ? { group: rt.group } : {}), kind: rt.plural, uid: old.metadata.uid },
    };
  }

  /** Removes an object now and, unless orphaned, everything it owns. */
  removeNow(rt: ResourceType, ns: string | undefined, name: string, propagation = 'Background'): Obj | undefined {
    const removed = this.store.remove(rt, ns, name);
    if (!removed) return undefined;
    for (const k of [...this.lastApplied.keys()])
      if (k.startsWith(`${rt.group}/${rt.plural}/${ns ?? ''}/${name}|`)) this.lastApplied.delete(k);
    if (rt.kind === 'CustomResourceDefinition') {
      const spec = removed.spec ?? {};
      this.registry.remove(spec.group, spec.names?.plural);
    }
    if (propagation !== 'Orphan') this.collectDependents(removed.metadata.uid as string);
    return removed;
  }

  private collectDependents(uid: string): void {
    const seen = new Set<string>();
    for (const t of this.registry.all()) {
      if (seen.has(`${t.group}/${t.plural}`)) continue;
      seen.add(`${t.group}/${t.plural}`);
      const owned = this.store.scan(t).filter((o) => ((o.metadata.ownerReferences ?? []) as Obj[]).some((r) => r.uid === uid));
      for (const o of owned) this.removeNow(t, o.metadata.namespace, o.metadata.name);
    }
  }

  private finalizeNamespace(name: string): void {
    const nsType = this.registry.byResource('', 'v1', 'namespaces')!;
    if (!this.store.get(nsType, undefined, name)) return;
    const seen = new Set<string>();
    for (const t of this.registry.all()) {
      if (!t.namespaced || seen.has(`${t.group}/${t.plural}`)) continue;
      seen.add(`${t.group}/${t.plural}`);
      for (const o of this.store.list(t, name)) this.removeNow(t, name, o.metadata.name);
    }
    this.removeNow(nsType, undefined, name);
  }

  private afterWrite(rt: ResourceType, obj: Obj): void {
    if (rt.kind === 'CustomResourceDefinition') {
      for (const t of typesFromCrd(obj)) this.registry.add(t);
      const established = [
        { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: nowIso() },
        {
          type: 'Established',
          status: 'True',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
          lastTransitionTime: nowIso(),
        },
      ];
      if (!((obj.status?.conditions ?? []) as Obj[]).some((c) => c.type === 'Established')) {
        const withStatus = {
          ...obj,
          status: {
            conditions: established,
            acceptedNames: obj.spec?.names ?? {},
            storedVersions: [(obj.spec?.versions ?? [])[0]?.name].filter(Boolean),
          },
        };
        this.store.update(rt, withStatus);
      }
    }
  }

  // --- HTTP ------------------------------------------------------------------------------------------

  private record(req: http.IncomingMessage, u: URL, extra: Partial<Recorded>): Recorded {
    const r: Recorded = {
      seq: ++this.seq,
      time: new Date().toISOString(),
      method: req.method ?? 'GET',
      verb: 'get',
      path: u.pathname,
      query: u.search,
      userAgent: req.headers['user-agent'],
      status: 0,
      mutating: false,
      ...extra,
    };
    this.requests.push(r);
    return r;
  }

  parsePath(pathname: string): ApiPath | 'discovery' | undefined {
    const segs = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    let group: string;
    let version: string;
    let rest: string[];
    if (segs[0] === 'api' && segs.length >= 2) {
      group = '';
      version = segs[1]!;
      rest = segs.slice(2);
    } else if (segs[0] === 'apis' && segs.length >= 3) {
      group = segs[1]!;
      version = segs[2]!;
      rest = segs.slice(3);
    } else return undefined;
    if (rest.length === 0) return 'discovery';
    let legacyWatch = false;
    if (rest[0] === 'watch') {
      legacyWatch = true;
      rest = rest.slice(1);
    }
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3 && this.registry.byResource(group, version, rest[2]!)?.namespaced) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const rt = this.registry.byResource(group, version, rest[0]!);
    if (!rt) return undefined;
    return { group, version, rt, namespace, name: rest[1], subresource: rest[2], legacyWatch };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (code: number, body: unknown, contentType = 'application/json'): void => {
      if (res.headersSent) return;
      res.writeHead(code, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    let record: Recorded | undefined;
    try {
      const body = await readBody(req);
      const p = u.pathname;
      if (p.startsWith('/_test/')) {
        const fn = this.testEndpoints.get(p.slice('/_test/'.length));
        if (!fn) throw new ApiError(404, 'NotFound', 'no such test endpoint');
        record = this.record(req, u, { verb: p.slice('/_test/'.length) });
        const out = await fn(body.length ? (JSON.parse(body.toString('utf8')) as Obj) : {}, record);
        record.status = 200;
        return send(200, out);
      }
      if (p === '/version' || p === '/version/') return send(200, versionInfo(this.kubernetesVersion));
      if (['/healthz', '/readyz', '/livez'].includes(p)) return send(200, 'ok', 'text/plain');
      if (p === '/api' || p === '/api/') return send(200, coreVersions());
      if (p === '/apis' || p === '/apis/') return send(200, apiGroupList(this.registry));
      if (p === '/openapi/v3' || p === '/openapi/v3/') return send(200, openApiRoot(this.registry));
      if (p.startsWith('/openapi/v3/')) {
        const segs = p.slice('/openapi/v3/'.length).split('/');
        const doc =
          segs[0] === 'api'
            ? openApiDocument(this.registry, '', segs[1] ?? '')
            : openApiDocument(this.registry, segs[1] ?? '', segs[2] ?? '');
        if (!doc) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
        return send(200, doc);
      }
      if (p === '/openapi/v2') throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      const segs = p.split('/').filter(Boolean);
      if (segs[0] === 'apis' && segs.length === 2) {
        const g = apiGroup(this.registry, segs[1]!);
        if (!g) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
        return send(200, g);
      }
      const parsed = this.parsePath(p);
      if (parsed === 'discovery') {
        const doc = segs[0] === 'api' ? apiResourceList(this.registry, '', segs[1]!) : apiResourceList(this.registry, segs[1]!, segs[2]!);
        if (!doc) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
        return send(200, doc);
      }
      if (!parsed) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      record = this.record(req, u, {
        group: parsed.group,
        version: parsed.version,
        resource: parsed.rt.plural,
        subresource: parsed.subresource,
        namespace: parsed.namespace,
        name: parsed.name,
        fieldManager: u.searchParams.get('fieldManager') ?? undefined,
        dryRun: u.searchParams.getAll('dryRun').includes('All') || undefined,
      });
      await this.serveResource(req, res, u, parsed, body, record, send);
    } catch (e) {
      const err =
        e instanceof ApiError
          ? e
          : e instanceof SelectorError
            ? new ApiError(400, 'BadRequest', e.message)
            : new ApiError(500, 'InternalError', `Internal error occurred: ${(e as Error).message}`);
      if (record) record.status = err.code;
      send(err.code, err.toStatus());
    }
  }

  private checkFault(verb: string, rt: ResourceType, ns: string | undefined, name: string | undefined): void {
    const list = this.faults.failWrites ?? [];
    for (const f of list) {
      const verbOk = !f.verb || f.verb === verb || (f.verb === 'patch' && verb === 'apply');
      if (!verbOk || (f.resource && f.resource !== rt.plural) || (f.namespace && f.namespace !== ns) || (f.name && f.name !== name))
        continue;
      if (f.times !== undefined) {
        if (f.times <= 0) continue;
        f.times--;
      }
      const code = f.code ?? 500;
      const reason =
        (
          {
            400: 'BadRequest',
            403: 'Forbidden',
            404: 'NotFound',
            409: 'Conflict',
            422: 'Invalid',
            429: 'TooManyRequests',
            503: 'ServiceUnavailable',
          } as Record<number, string>
        )[code] ?? 'InternalError';
      const message =
        f.message ??
        (code === 422
          ? `${rt.kind} "${name ?? ''}" is invalid: spec: Invalid value: "object": rejected by the test server's fault switch`
          : code === 500
            ? 'Internal error occurred: injected by the test server'
            : `${rt.plural} "${name ?? ''}" rejected by the test server's fault switch`);
      throw new ApiError(code, reason, message, { name, kind: rt.plural });
    }
  }

  private async serveResource(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    u: URL,
    p: ApiPath,
    body: Buffer,
    record: Recorded,
    send: (code: number, body: unknown) => void,
  ): Promise<void> {
    const q = u.searchParams;
    const method = req.method ?? 'GET';
    const watch = p.legacyWatch || q.get('watch') === 'true' || q.get('watch') === '1';
    const opts: WriteOptions & { force?: boolean } = {
      fieldManager: q.get('fieldManager') ?? undefined,
      dryRun: q.getAll('dryRun').includes('All'),
      subresource: p.subresource,
      force: q.get('force') === 'true',
    };
    const decode = (): Obj => decodeBody(body, req.headers['content-type']);
    const accept = String(req.headers.accept ?? '');
    const ok = (code: number, obj: unknown): void => {
      record.status = code;
      send(code, obj);
    };
    if (p.subresource === 'exec' || p.subresource === 'attach' || p.subresource === 'portforward') {
      record.verb = p.subresource;
      throw new ApiError(400, 'BadRequest', `Upgrade request required (this server speaks ${p.subresource} over WebSocket only)`);
    }
    if (p.subresource === 'log') {
      record.verb = 'get';
      const pod = this.get(p.rt, p.namespace, p.name!);
      record.status = 200;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(this.podLogs?.(pod) ?? `${pod.metadata.name} started\n`);
      return;
    }
    switch (method) {
      case 'GET': {
        if (watch) {
          record.verb = 'watch';
          return this.serveWatch(req, res, p, q, accept, record);
        }
        if (p.name) {
          record.verb = 'get';
          const o = this.get(p.rt, p.namespace, p.name);
          if (p.subresource === 'scale') return ok(200, scaleOf(p.rt, o));
          return ok(200, shapeForAccept(o, accept, p.rt, this.store.resourceVersion));
        }
        record.verb = 'list';
        const items = this.listMatching(
          p.rt,
          p.namespace,
          parseLabelSelector(q.get('labelSelector')),
          parseFieldSelector(q.get('fieldSelector')),
        );
        if (/as=Table/.test(accept)) return ok(200, toTable(p.rt.kind, items, q.get('includeObject'), this.store.resourceVersion));
        if (/as=PartialObjectMetadataList/.test(accept))
          return ok(200, {
            kind: 'PartialObjectMetadataList',
            apiVersion: 'meta.k8s.io/v1',
            metadata: { resourceVersion: this.store.resourceVersion },
            items: items.map((o) => ({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata })),
          });
        return ok(200, {
          kind: `${p.rt.kind}List`,
          apiVersion: apiVersionOf(p.rt),
          metadata: { resourceVersion: this.store.resourceVersion },
          items,
        });
      }
      case 'POST': {
        if (p.rt.kind === 'SelfSubjectAccessReview') {
          record.verb = 'create';
          const review = decode();
          return ok(201, {
            ...review,
            apiVersion: apiVersionOf(p.rt),
            kind: p.rt.kind,
            metadata: { creationTimestamp: null },
            status: { allowed: true },
          });
        }
        record.verb = 'create';
        record.contentType = req.headers['content-type'];
        record.mutating = !opts.dryRun;
        const obj = decode();
        this.checkFault('create', p.rt, p.namespace ?? obj.metadata?.namespace, obj.metadata?.name);
        record.name ??= obj.metadata?.name;
        const created = this.create(p.rt, obj, p.namespace, opts);
        record.name = created.metadata?.name;
        return ok(201, created);
      }
      case 'PUT': {
        record.verb = 'update';
        record.contentType = req.headers['content-type'];
        record.mutating = !opts.dryRun;
        this.checkFault('update', p.rt, p.namespace, p.name);
        if (!p.name) throw new ApiError(405, 'MethodNotAllowed', 'PUT needs a name');
        if (p.subresource === 'scale') {
          const scale = decode();
          const o = this.get(p.rt, p.namespace, p.name);
          o.spec.replicas = scale.spec?.replicas ?? o.spec.replicas;
          return ok(200, scaleOf(p.rt, this.replace(p.rt, o, p.namespace, p.name, { ...opts, subresource: undefined })));
        }
        if (p.subresource === 'finalize' && p.rt.kind === 'Namespace') {
          const o = decode();
          const cur = this.get(p.rt, undefined, p.name);
          cur.spec = o.spec;
          return ok(200, this.store.update(p.rt, cur));
        }
        return ok(200, this.replace(p.rt, decode(), p.namespace, p.name, opts));
      }
      case 'PATCH': {
        const ct = String(req.headers['content-type'] ?? '');
        const isApply = ct.startsWith('application/apply-patch');
        record.verb = isApply ? 'apply' : 'patch';
        record.contentType = ct;
        record.mutating = !opts.dryRun;
        this.checkFault(isApply ? 'apply' : 'patch', p.rt, p.namespace, p.name);
        if (!p.name) throw new ApiError(405, 'MethodNotAllowed', 'PATCH needs a name');
        if (p.subresource === 'scale') {
          const o = this.get(p.rt, p.namespace, p.name);
          const patched = (
            ct.includes('json-patch')
              ? jsonPatch(scaleOf(p.rt, o), JSON.parse(body.toString('utf8')))
              : jsonMergePatch(scaleOf(p.rt, o), JSON.parse(body.toString('utf8')))
          ) as Obj;
          o.spec.replicas = patched.spec?.replicas ?? o.spec.replicas;
          return ok(200, scaleOf(p.rt, this.replace(p.rt, o, p.namespace, p.name, { ...opts, subresource: undefined })));
        }
        const existed = !!this.store.get(p.rt, p.namespace, p.name);
        const out = this.patch(p.rt, p.namespace, p.name, ct, body.toString('utf8'), opts);
        return ok(isApply && !existed ? 201 : 200, out);
      }
      case 'DELETE': {
        record.mutating = !opts.dryRun;
        const delOpts = body.length ? decode() : {};
        const propagationPolicy = q.get('propagationPolicy') ?? delOpts.propagationPolicy ?? 'Background';
        if (!p.name) {
          record.verb = 'deletecollection';
          this.checkFault('delete', p.rt, p.namespace, undefined);
          const items = this.listMatching(
            p.rt,
            p.namespace,
            parseLabelSelector(q.get('labelSelector')),
            parseFieldSelector(q.get('fieldSelector')),
          );
          if (!opts.dryRun) for (const o of items) this.delete(p.rt, o.metadata.namespace, o.metadata.name, { propagationPolicy });
          return ok(200, {
            kind: `${p.rt.kind}List`,
            apiVersion: apiVersionOf(p.rt),
            metadata: { resourceVersion: this.store.resourceVersion },
            items,
          });
        }
        record.verb = 'delete';
        this.checkFault('delete', p.rt, p.namespace, p.name);
        const dryRun = opts.dryRun || (delOpts.dryRun ?? []).includes('All');
        record.mutating = !dryRun;
        return ok(200, this.delete(p.rt, p.namespace, p.name, { dryRun, propagationPolicy, preconditions: delOpts.preconditions }));
      }
      default:
        throw new ApiError(405, 'MethodNotAllowed', `method ${method} is not supported`);
    }
  }

  listMatching(rt: ResourceType, ns: string | undefined, labels: Requirement[], fields: Requirement[]): Obj[] {
    return this.store
      .scan(rt, ns)
      .filter((o) => matchLabels(labels, o.metadata.labels) && matchFields(fields, o))
      .map((o) => structuredClone(o))
      .sort((a, b) => `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name}`));
  }

  private serveWatch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    p: ApiPath,
    q: URLSearchParams,
    accept: string,
    record: Recorded,
  ): void {
    const labels = parseLabelSelector(q.get('labelSelector'));
    const fields = parseFieldSelector(q.get('fieldSelector'));
    if (p.name) fields.push({ key: 'metadata.name', op: '=', values: [p.name] });
    const matches = (o: Obj | undefined): boolean =>
      !!o &&
      (!p.rt.namespaced || !p.namespace || o.metadata?.namespace === p.namespace) &&
      matchLabels(labels, o.metadata?.labels) &&
      matchFields(fields, o);
    const partial = /as=PartialObjectMetadata/.test(accept);
    const shape = (o: Obj): Obj =>
      partial
        ? { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata }
        : { ...o, apiVersion: apiVersionOf(p.rt), kind: p.rt.kind };
    record.status = 200;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
    const write = (type: string, object: Obj): void => {
      if (!res.writableEnded) res.write(`${JSON.stringify({ type, object })}\n`);
    };
    const sameType = (e: StoreEvent): boolean => e.rt.group === p.rt.group && e.rt.plural === p.rt.plural;
    const relay = (e: StoreEvent): void => {
      if (!sameType(e)) return;
      const now = matches(e.object);
      const before = e.type === 'MODIFIED' ? matches(e.old) : now;
      if (e.type === 'MODIFIED' && now && !before) write('ADDED', shape(e.object));
      else if (e.type === 'MODIFIED' && !now && before) write('DELETED', shape(e.object));
      else if (now) write(e.type, shape(e.object));
    };
    const rv = q.get('resourceVersion');
    const sendInitial = q.get('sendInitialEvents') === 'true';
    if (sendInitial || !rv || rv === '0') {
      for (const o of this.listMatching(p.rt, p.namespace, labels, fields)) write('ADDED', shape(o));
      if (sendInitial)
        write('BOOKMARK', {
          kind: p.rt.kind,
          apiVersion: apiVersionOf(p.rt),
          metadata: { resourceVersion: this.store.resourceVersion, annotations: { 'k8s.io/initial-events-end': 'true' } },
        });
    } else {
      const from = Number(rv);
      if (from < this.store.oldestRv - 1) {
        write('ERROR', {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `too old resource version: ${rv}`,
          reason: 'Expired',
          code: 410,
        });
        res.end();
        return;
      }
      for (const e of this.store.log) if (e.rv > from) relay(e);
    }
    const unsubscribe = this.store.subscribe(relay);
    const timeout = Number(q.get('timeoutSeconds') ?? 0);
    const timer = timeout > 0 ? setTimeout(() => close(), timeout * 1000) : undefined;
    const close = (): void => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      this.closers.delete(close);
      if (!res.writableEnded) res.end();
    };
    this.closers.add(close);
    req.on('close', close);
    res.on('close', close);
  }

  private upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const p = this.parsePath(u.pathname);
    if (!p || p === 'discovery' || p.subresource !== 'exec' || !this.onExecUpgrade) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const record = this.record(req, u, {
      verb: 'exec',
      group: p.group,
      version: p.version,
      resource: p.rt.plural,
      subresource: 'exec',
      namespace: p.namespace,
      name: p.name,
      command: u.searchParams.getAll('command'),
      container: u.searchParams.get('container') ?? undefined,
    });
    this.onExecUpgrade({ req, socket, head, path: p, query: u.searchParams, record });
  }
}

function randomSuffix(): string {
  const chars = 'bcdfghjklmnpqrstvwxz2456789';
  return [...randomBytes(5)].map((b) => chars[b % chars.length]).join('');
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodeBody(body: Buffer, contentType: string | undefined): Obj {
  const ct = String(contentType ?? 'application/json')
    .split(';')[0]!
    .trim();
  if (ct === 'application/vnd.kubernetes.protobuf' || isProtobuf(body)) {
    try {
      return decodeProtobuf(body);
    } catch (e) {
      throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format: ${(e as Error).message}`);
    }
  }
  if (ct === 'application/yaml') return YAML.parse(body.toString('utf8')) as Obj;
  if (ct !== 'application/json' && ct !== '')
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`,
    );
  try {
    return JSON.parse(body.toString('utf8')) as Obj;
  } catch (e) {
    throw new ApiError(400, 'BadRequest', `error decoding request body: ${(e as Error).message}`);
  }
}

function shapeForAccept(o: Obj, accept: string, rt: ResourceType, rv: string): Obj {
  if (/as=Table/.test(accept)) return toTable(rt.kind, [o], 'Object', rv);
  if (/as=PartialObjectMetadata/.test(accept)) return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
  return o;
}

function scaleOf(rt: ResourceType, o: Obj): Obj {
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, selector: rt.kind ? labelSelectorString(o.spec?.selector) : '' },
  };
}

function labelSelectorString(sel: Obj | undefined): string {
  return Object.entries((sel?.matchLabels ?? {}) as Record<string, string>)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
