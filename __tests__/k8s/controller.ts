// A tiny kube-controller-manager + scheduler + kubelet: Deployments (through ReplicaSets, rolling
// update with maxSurge/maxUnavailable), DaemonSets (one pod per eligible node, rolling replacement on
// template change), Jobs (complete at once), PodDisruptionBudgets (status), pod scheduling (nodeName,
// nodeSelector, required node affinity and pod anti-affinity), and pod start-up (Running/Ready after
// podStartMs, with an IP from the node's pod CIDR). Cilium agent pods remember the cilium-config data
// they started with, as the real agent reads its configuration only at start.
import { randomBytes } from 'node:crypto';
import { Datapaths } from './datapath.js';
import type { ApiServer } from './server.js';
import { type NodeInfo, PodIpam, safeHash, stableHex, wireguardPublicKey } from './nodes.js';
import type { ResourceType } from './resources.js';
import { matchLabelSelectorObject, matchNodeSelectorTerm } from './selectors.js';
import { nowIso } from './store.js';
import type { Obj, ObjectRef } from './types.js';

export interface AgentRecord {
  pod: string;
  namespace: string;
  uid: string;
  node: string;
  image: string;
  /** the cilium-config ConfigMap data when the agent started */
  config: Record<string, string>;
  startedAt: string;
}

export interface ControllerOptions {
  /** how long a pod takes from scheduled to Running/Ready */
  podStartMs: number;
  /** how long an agent pod takes instead (a restart's length), spread ±10% per pod; default podStartMs */
  agentStartMs?: number;
}

const stableStringify = (v: unknown): string =>
  v === null || typeof v !== 'object'
    ? JSON.stringify(v)
    : Array.isArray(v)
      ? `[${v.map(stableStringify).join(',')}]`
      : `{${Object.keys(v as Obj)
          .sort()
          .filter((k) => (v as Obj)[k] !== undefined)
          .map((k) => `${JSON.stringify(k)}:${stableStringify((v as Obj)[k])}`)
          .join(',')}}`;

const templateHash = (template: unknown): string => safeHash(stableStringify(template), 10);

function podSuffix(): string {
  const chars = 'bcdfghjklmnpqrstvwxz2456789';
  return [...randomBytes(5)].map((b) => chars[b % chars.length]).join('');
}

const isReady = (p: Obj): boolean => ((p.status?.conditions ?? []) as Obj[]).some((c) => c.type === 'Ready' && c.status === 'True');
const isTerminating = (p: Obj): boolean => !!p.metadata.deletionTimestamp;
export const isAgentPod = (p: Obj): boolean => ((p.spec?.containers ?? []) as Obj[]).some((c) => c.name === 'cilium-agent');

function scaled(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) {
    const x = (Number(v.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return 0;
}

/** Keeps the old lastTransitionTime when a condition did not change. */
function mergeConditions(old: Obj[] | undefined, next: Obj[]): Obj[] {
  const now = nowIso();
  return next.map((c) => {
    const prev = (old ?? []).find((o) => o.type === c.type);
    const same = prev && prev.status === c.status && prev.reason === c.reason;
    return {
      ...c,
      lastTransitionTime: same ? prev.lastTransitionTime : now,
      ...(c.lastUpdateTime !== undefined || prev?.lastUpdateTime !== undefined
        ? { lastUpdateTime: same && prev.message === c.message ? prev.lastUpdateTime : now }
        : {}),
    };
  });
}

export class Controller {
  readonly agents = new Map<string, AgentRecord>();
  readonly ipam = new PodIpam();
  /** each node's routing mode and WireGuard state, following its agent's restarts */
  readonly datapaths = new Datapaths();
  private readonly startAt = new Map<string, number>();
  /** when each running pod started (ms), by uid */
  readonly startedAtMs = new Map<string, number>();
  private scheduled: NodeJS.Timeout | undefined;
  private scheduledAt = 0;
  private unsubscribe: (() => void) | undefined;
  private stopped = false;
  private readonly api: ApiServer;
  readonly nodes: NodeInfo[];
  private readonly opts: ControllerOptions;
  private readonly t: Record<string, ResourceType>;

  constructor(api: ApiServer, nodes: NodeInfo[], opts: ControllerOptions) {
    this.api = api;
    this.nodes = nodes;
    this.opts = opts;
    const r = (g: string, p: string): ResourceType => api.registry.byResource(g, 'v1', p)!;
    this.t = {
      pods: r('', 'pods'),
      configmaps: r('', 'configmaps'),
      events: r('', 'events'),
      nodes: r('', 'nodes'),
      deployments: r('apps', 'deployments'),
      daemonsets: r('apps', 'daemonsets'),
      replicasets: r('apps', 'replicasets'),
      jobs: r('batch', 'jobs'),
      pdbs: r('policy', 'poddisruptionbudgets'),
      ciliumnodes: api.registry.byResource('cilium.io', 'v2', 'ciliumnodes')!,
    };
  }

  start(): void {
    this.unsubscribe = this.api.store.subscribe((e) => {
      if (e.rt.plural === 'events' || e.rt.plural === 'leases') return;
      if (e.type === 'DELETED' && e.rt.plural === 'pods') this.forgetPod(e.object);
      this.kick();
    });
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.scheduled) clearTimeout(this.scheduled);
  }

  /** Runs a reconcile soon (after the current burst of writes). */
  kick(delayMs = 5): void {
    if (this.stopped) return;
    const at = Date.now() + delayMs;
    if (this.scheduled) {
      if (this.scheduledAt <= at) return;
      clearTimeout(this.scheduled);
    }
    this.scheduledAt = at;
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      try {
        this.reconcile();
      } catch (e) {
        // A reconcile error must not kill the test process; the next event retries.
        console.error('test cluster controller:', e);
      }
    }, delayMs);
  }

  node(name: string | undefined): NodeInfo | undefined {
    return this.nodes.find((n) => n.name === name);
  }

  agentOnNode(node: string): AgentRecord | undefined {
    const pods = this.api.store
      .scan(this.t.pods!)
      .filter((p) => p.spec?.nodeName === node && isAgentPod(p) && p.status?.phase === 'Running' && !isTerminating(p));
    for (const p of pods) {
      const a = this.agents.get(p.metadata.uid as string);
      if (a) return a;
    }
    return undefined;
  }

  private forgetPod(p: Obj): void {
    const n = this.node(p.spec?.nodeName);
    if (n && p.status?.podIP && !p.spec?.hostNetwork) this.ipam.release(n, p.status.podIP as string);
    this.agents.delete(p.metadata.uid as string);
    this.startAt.delete(p.metadata.uid as string);
    this.startedAtMs.delete(p.metadata.uid as string);
  }

  reconcile(): void {
    if (this.stopped) return;
    const s = this.api.store;
    for (const d of s.list(this.t.deployments!)) this.reconcileDeployment(d);
    for (const rs of s.list(this.t.replicasets!)) this.reconcileReplicaSet(rs);
    for (const ds of s.list(this.t.daemonsets!)) this.reconcileDaemonSet(ds);
    for (const j of s.list(this.t.jobs!)) this.reconcileJob(j);
    let nextWake = Infinity;
    for (const p of s.list(this.t.pods!)) nextWake = Math.min(nextWake, this.reconcilePod(p));
    // statuses again, now that pods moved on
    for (const rs of s.list(this.t.replicasets!)) this.replicaSetStatus(rs);
    for (const d of s.list(this.t.deployments!)) this.deploymentStatus(d);
    for (const ds of s.list(this.t.daemonsets!)) this.daemonSetStatus(ds);
    for (const pdb of s.list(this.t.pdbs!)) this.pdbStatus(pdb);
    if (nextWake !== Infinity) this.kick(Math.max(2, nextWake - Date.now()));
  }

  // --- fault helpers -------------------------------------------------------------------------------

  private workloadRefs(p: Obj): ObjectRef[] {
    const ns = p.metadata.namespace as string;
    const refs: ObjectRef[] = [{ kind: 'Pod', namespace: ns, name: p.metadata.name }];
    for (const o of (p.metadata.ownerReferences ?? []) as Obj[]) {
      refs.push({ kind: o.kind, namespace: ns, name: o.name });
      if (o.kind === 'ReplicaSet') {
        const rs = this.api.store.get(this.t.replicasets!, ns, o.name as string);
        for (const oo of (rs?.metadata.ownerReferences ?? []) as Obj[]) refs.push({ kind: oo.kind, namespace: ns, name: oo.name });
      }
    }
    return refs;
  }

  private neverReady(p: Obj): boolean {
    const faults = this.api.faults.neverReady ?? [];
    return this.workloadRefs(p).some((r) =>
      faults.some((f) => f.kind === r.kind && f.name === r.name && (!f.namespace || f.namespace === r.namespace)),
    );
  }

  // --- pods ----------------------------------------------------------------------------------------

  private podFromTemplate(owner: Obj, ownerType: ResourceType, template: Obj, extraLabels: Record<string, string>, nodeName?: string): Obj {
    const tpl = structuredClone(template ?? {});
    const meta = tpl.metadata ?? {};
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${owner.metadata.name}-${podSuffix()}`,
        generateName: `${owner.metadata.name}-`,
        namespace: owner.metadata.namespace,
        labels: { ...(meta.labels ?? {}), ...extraLabels },
        ...(meta.annotations ? { annotations: meta.annotations } : {}),
        ownerReferences: [
          {
            apiVersion: ownerType.group ? `${ownerType.group}/${ownerType.version}` : ownerType.version,
            kind: ownerType.kind,
            name: owner.metadata.name,
            uid: owner.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { ...(tpl.spec ?? {}), ...(nodeName ? { nodeName } : {}) },
    };
  }

  private createPod(pod: Obj): void {
    this.api.create(this.t.pods!, pod, pod.metadata.namespace as string);
  }

  private deletePod(p: Obj): void {
    this.api.removeNow(this.t.pods!, p.metadata.namespace as string, p.metadata.name as string);
  }

  /** read-only: the stored pods themselves */
  private podsOwnedBy(owner: Obj): readonly Obj[] {
    return this.api.store
      .scan(this.t.pods!, owner.metadata.namespace as string)
      .filter((p) => ((p.metadata.ownerReferences ?? []) as Obj[]).some((r) => r.uid === owner.metadata.uid));
  }

  private nodeEligible(spec: Obj, node: Obj): boolean {
    const labels = (node.metadata.labels ?? {}) as Record<string, string>;
    for (const [k, v] of Object.entries((spec.nodeSelector ?? {}) as Record<string, string>)) if (labels[k] !== v) return false;
    const terms = (spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) as Obj[];
    if (terms.length && !terms.some((t) => matchNodeSelectorTerm(t, node))) return false;
    return true;
  }

  private choosePodNode(p: Obj): string | undefined {
    const pods = this.api.store
      .scan(this.t.pods!)
      .filter((x) => x.spec?.nodeName && !isTerminating(x) && x.metadata.uid !== p.metadata.uid);
    const candidates = this.api.store.scan(this.t.nodes!).filter((node) => {
      if (!this.nodeEligible(p.spec ?? {}, node)) return false;
      const onNode = pods.filter((x) => x.spec.nodeName === node.metadata.name);
      const anti = (p.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as Obj[];
      for (const term of anti) {
        const nss = (term.namespaces as string[] | undefined) ?? [p.metadata.namespace];
        if (onNode.some((x) => nss.includes(x.metadata.namespace) && matchLabelSelectorObject(term.labelSelector ?? {}, x.metadata.labels)))
          return false;
      }
      const aff = (p.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as Obj[];
      for (const term of aff) {
        const nss = (term.namespaces as string[] | undefined) ?? [p.metadata.namespace];
        if (
          !onNode.some((x) => nss.includes(x.metadata.namespace) && matchLabelSelectorObject(term.labelSelector ?? {}, x.metadata.labels))
        )
          return false;
      }
      return true;
    });
    candidates.sort(
      (a, b) =>
        pods.filter((x) => x.spec.nodeName === a.metadata.name).length - pods.filter((x) => x.spec.nodeName === b.metadata.name).length ||
        (this.node(a.metadata.name)?.index ?? 0) - (this.node(b.metadata.name)?.index ?? 0),
    );
    return candidates[0]?.metadata.name as string | undefined;
  }

  /** Moves one pod along Pending → scheduled → Running/Ready. Returns when it next needs a look. */
  private reconcilePod(p: Obj): number {
    if (isTerminating(p)) return Infinity;
    const uid = p.metadata.uid as string;
    const phase = p.status?.phase ?? 'Pending';
    if (phase === 'Pending' && !p.spec?.nodeName) {
      const node = this.choosePodNode(p);
      if (!node) {
        const cond = {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: `0/${this.nodes.length} nodes are available: no node matches the pod's scheduling constraints.`,
        };
        const next = { ...p, status: { ...p.status, phase: 'Pending', conditions: mergeConditions(p.status?.conditions, [cond]) } };
        this.api.store.updateIfPresent(this.t.pods!, next);
        return Infinity;
      }
      p.spec.nodeName = node;
      this.event(p, node, 'Normal', 'Scheduled', `Successfully assigned ${p.metadata.namespace}/${p.metadata.name} to ${node}`);
      p.status = {
        ...p.status,
        phase: 'Pending',
        conditions: mergeConditions(p.status?.conditions, [{ type: 'PodScheduled', status: 'True' }]),
      };
      const bound = this.api.store.updateIfPresent(this.t.pods!, p);
      if (!bound) return Infinity;
      p = bound;
    }
    if (phase === 'Pending') {
      let at = this.startAt.get(uid);
      if (at === undefined) this.startAt.set(uid, (at = Date.now() + this.startDelay(p)));
      if (Date.now() < at) return at;
      this.startPod(p);
      return Infinity;
    }
    if (phase === 'Running') {
      // a pod held back by the neverReady fault becomes ready once the fault is cleared
      if (!isReady(p) && !this.neverReady(p)) this.setRunningStatus(p, true);
    }
    return Infinity;
  }

  private startDelay(p: Obj): number {
    if (!isAgentPod(p) || this.opts.agentStartMs === undefined) return this.opts.podStartMs;
    // agents do not all take the same time: a stable ±10% per pod
    const u = parseInt(stableHex(String(p.metadata.uid), 4), 16) / 0xffff;
    return Math.round(this.opts.agentStartMs * (0.9 + 0.2 * u));
  }

  private startPod(p: Obj): void {
    const node = this.node(p.spec.nodeName as string);
    if (!node) return;
    this.startedAtMs.set(p.metadata.uid as string, Date.now());
    const ip = p.spec.hostNetwork ? node.ip : this.ipam.allocate(node);
    p.status = { ...p.status, podIP: ip, podIPs: [{ ip }], hostIP: node.ip, hostIPs: [{ ip: node.ip }], startTime: nowIso() };
    if (isAgentPod(p)) {
      const cm = this.api.store.get(this.t.configmaps!, p.metadata.namespace as string, 'cilium-config');
      this.agents.set(p.metadata.uid as string, {
        pod: p.metadata.name,
        namespace: p.metadata.namespace,
        uid: p.metadata.uid,
        node: node.name,
        image: ((p.spec.containers as Obj[]).find((c) => c.name === 'cilium-agent')?.image as string) ?? '',
        config: { ...((cm?.data ?? {}) as Record<string, string>) },
        startedAt: nowIso(),
      });
      this.datapaths.record(node.name, (cm?.data ?? {}) as Record<string, string>);
    }
    const ready = !this.neverReady(p);
    this.setRunningStatus(p, ready);
    if (isAgentPod(p)) this.publishCiliumNode(node, this.agents.get(p.metadata.uid as string)!);
    for (const c of (p.spec.containers ?? []) as Obj[]) {
      this.event(p, node.name, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
      this.event(p, node.name, 'Normal', 'Started', `Started container ${c.name}`);
      if (!ready)
        this.event(
          p,
          node.name,
          'Warning',
          'BackOff',
          `Back-off restarting failed container ${c.name} in pod ${p.metadata.name}_${p.metadata.namespace}(${p.metadata.uid})`,
        );
    }
  }

  /** A core/v1 Event about a pod, as the kubelet reports it. */
  private event(p: Obj, node: string, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const now = nowIso();
    // best effort, like the kubelet's: a terminating namespace or a duplicate just drops the event
    try {
      this.api.create(
        this.t.events!,
        {
          metadata: {
            name: `${p.metadata.name}.${stableHex(`${p.metadata.uid}/${reason}/${message}`, 16)}`,
            namespace: p.metadata.namespace,
          },
          involvedObject: { apiVersion: 'v1', kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid },
          reason,
          message,
          type,
          source: { component: 'kubelet', host: node },
          reportingComponent: 'kubelet',
          reportingInstance: node,
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
        },
        p.metadata.namespace as string,
      );
    } catch {
      // see above
    }
  }

  private setRunningStatus(p: Obj, ready: boolean): void {
    const started = (p.status?.startTime as string | undefined) ?? nowIso();
    const containerStatus = (c: Obj): Obj => ({
      name: c.name,
      image: c.image,
      imageID: `${String(c.image ?? '').split('@')[0]}@sha256:${stableHex(String(c.image), 64)}`,
      containerID: `containerd://${stableHex(`${p.metadata.uid}/${c.name}`, 64)}`,
      ready,
      started: ready,
      restartCount: ready ? 0 : 3,
      state: ready
        ? { running: { startedAt: started } }
        : {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off 40s restarting failed container=${c.name} pod=${p.metadata.name}_${p.metadata.namespace}(${p.metadata.uid})`,
            },
          },
      ...(ready ? {} : { lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: started, finishedAt: nowIso() } } }),
    });
    const conds = [
      { type: 'PodReadyToStartContainers', status: 'True' },
      { type: 'Initialized', status: 'True' },
      ready
        ? { type: 'Ready', status: 'True' }
        : {
            type: 'Ready',
            status: 'False',
            reason: 'ContainersNotReady',
            message: `containers with unready status: [${(p.spec.containers as Obj[]).map((c) => c.name).join(' ')}]`,
          },
      ready ? { type: 'ContainersReady', status: 'True' } : { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady' },
      { type: 'PodScheduled', status: 'True' },
    ];
    p.status = {
      ...p.status,
      phase: 'Running',
      conditions: mergeConditions(p.status?.conditions, conds),
      containerStatuses: ((p.spec.containers ?? []) as Obj[]).map(containerStatus),
      ...(p.spec.initContainers
        ? {
            initContainerStatuses: (p.spec.initContainers as Obj[]).map((c) => ({
              name: c.name,
              image: c.image,
              imageID: `${String(c.image ?? '').split('@')[0]}@sha256:${stableHex(String(c.image), 64)}`,
              containerID: `containerd://${stableHex(`${p.metadata.uid}/${c.name}`, 64)}`,
              ready: true,
              restartCount: 0,
              started: false,
              state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: started, finishedAt: started } },
            })),
          }
        : {}),
      qosClass: p.status?.qosClass ?? 'BestEffort',
    };
    this.api.store.updateIfPresent(this.t.pods!, p);
  }

  /** What a starting agent publishes: its CiliumNode (pod CIDR, addresses, WireGuard key). */
  private publishCiliumNode(node: NodeInfo, agent: AgentRecord): void {
    const wg = agent.config['enable-wireguard'] === 'true';
    const body: Obj = {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNode',
      metadata: {
        name: node.name,
        labels: { 'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux' },
        annotations: wg ? { 'network.cilium.io/wg-pub-key': wireguardPublicKey(node.name) } : {},
      },
      spec: {
        addresses: [
          { type: 'InternalIP', ip: node.ip },
          { type: 'CiliumInternalIP', ip: `100.64.${node.index}.1` },
        ],
        health: { ipv4: `100.64.${node.index}.2` },
        ipam: { podCIDRs: [node.podCidr] },
        encryption: {},
        eni: {},
      },
      status: { ipam: { 'operator-status': {} } },
    };
    const rt = this.t.ciliumnodes!;
    const old = this.api.store.get(rt, undefined, node.name);
    if (!old) this.api.create(rt, body, undefined);
    else
      this.api.store.updateIfPresent(rt, {
        ...old,
        metadata: { ...old.metadata, annotations: body.metadata.annotations },
        spec: body.spec,
      });
  }

  // --- DaemonSets ----------------------------------------------------------------------------------

  private dsNodes(ds: Obj): readonly Obj[] {
    return this.api.store.scan(this.t.nodes!).filter((n) => this.nodeEligible(ds.spec?.template?.spec ?? {}, n));
  }

  private reconcileDaemonSet(ds: Obj): void {
    const hash = templateHash(ds.spec.template);
    const nodes = this.dsNodes(ds);
    const pods = this.podsOwnedBy(ds).filter((p) => !isTerminating(p));
    const rolling = (ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    const maxUnavailable = Math.max(1, scaled(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, nodes.length, true));
    let unavailable = nodes.filter((n) => !pods.some((p) => p.spec.nodeName === n.metadata.name && isReady(p))).length;
    for (const node of nodes) {
      const name = node.metadata.name as string;
      const onNode = pods.filter((p) => p.spec.nodeName === name);
      if (onNode.length === 0) {
        this.createPod(
          this.podFromTemplate(
            ds,
            this.t.daemonsets!,
            ds.spec.template,
            { 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation) },
            name,
          ),
        );
        continue;
      }
      for (const extra of onNode.slice(1)) this.deletePod(extra);
      const pod = onNode[0]!;
      if (pod.metadata.labels?.['controller-revision-hash'] === hash || !rolling) continue;
      if (this.api.faults.agentNeverRestarts === name) continue;
      // A pod that is not ready costs nothing to replace; a ready one needs room in maxUnavailable.
      if (!isReady(pod)) this.deletePod(pod);
      else if (unavailable < maxUnavailable) {
        unavailable++;
        this.deletePod(pod);
      }
    }
    for (const p of pods) if (!nodes.some((n) => n.metadata.name === p.spec.nodeName)) this.deletePod(p);
  }

  private daemonSetStatus(ds: Obj): void {
    const hash = templateHash(ds.spec.template);
    const nodes = this.dsNodes(ds);
    const pods = this.podsOwnedBy(ds).filter((p) => !isTerminating(p) && nodes.some((n) => n.metadata.name === p.spec.nodeName));
    const ready = pods.filter(isReady).length;
    const status: Obj = {
      currentNumberScheduled: new Set(pods.map((p) => p.spec.nodeName)).size,
      desiredNumberScheduled: nodes.length,
      numberMisscheduled: 0,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: pods.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length,
      numberAvailable: ready,
      ...(nodes.length - ready > 0 ? { numberUnavailable: nodes.length - ready } : {}),
    };
    if (JSON.stringify(status) !== JSON.stringify(ds.status)) this.api.store.updateIfPresent(this.t.daemonsets!, { ...ds, status });
  }

  // --- Deployments and ReplicaSets -------------------------------------------------------------------

  private ownedReplicaSets(d: Obj): Obj[] {
    return this.api.store
      .list(this.t.replicasets!, d.metadata.namespace as string)
      .filter((rs) => ((rs.metadata.ownerReferences ?? []) as Obj[]).some((r) => r.uid === d.metadata.uid));
  }

  private reconcileDeployment(d: Obj): void {
    const hash = templateHash(d.spec.template);
    const desired = (d.spec.replicas as number | undefined) ?? 1;
    const rss = this.ownedReplicaSets(d);
    let newRs = rss.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const revisions = rss.map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0));
    const maxRevision = Math.max(0, ...revisions);
    const olds = rss.filter((rs) => rs !== newRs);
    const recreate = d.spec.strategy?.type === 'Recreate';
    const maxSurge = recreate ? 0 : scaled(d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%', desired, true);
    let maxUnavailable = recreate ? desired : scaled(d.spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%', desired, false);
    if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
    if (!newRs) {
      const template = structuredClone(d.spec.template ?? {});
      template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash } };
      const oldTotal = olds.reduce((a, rs) => a + (rs.spec.replicas ?? 0), 0);
      const initial = recreate ? (oldTotal === 0 ? desired : 0) : Math.max(0, Math.min(desired, desired + maxSurge - oldTotal));
      const rsBody: Obj = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${d.metadata.name}-${hash}`,
          namespace: d.metadata.namespace,
          labels: template.metadata.labels,
          annotations: {
            'deployment.kubernetes.io/desired-replicas': String(desired),
            'deployment.kubernetes.io/max-replicas': String(desired + maxSurge),
            'deployment.kubernetes.io/revision': String(maxRevision + 1),
          },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: d.metadata.name,
              uid: d.metadata.uid,
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: {
          replicas: initial,
          minReadySeconds: d.spec.minReadySeconds ?? 0,
          selector: { ...(d.spec.selector ?? {}), matchLabels: { ...(d.spec.selector?.matchLabels ?? {}), 'pod-template-hash': hash } },
          template,
        },
      };
      newRs = this.api.create(this.t.replicasets!, rsBody, d.metadata.namespace as string);
    } else {
      const rev = newRs.metadata.annotations?.['deployment.kubernetes.io/revision'];
      if (Number(rev) < maxRevision) {
        // rolled back to an older template: it becomes the newest revision again
        newRs.metadata.annotations = { ...newRs.metadata.annotations, 'deployment.kubernetes.io/revision': String(maxRevision + 1) };
        newRs = this.api.store.updateIfPresent(this.t.replicasets!, newRs) ?? newRs;
      }
      const oldSpecTotal = olds.reduce((a, rs) => a + (rs.spec.replicas ?? 0), 0);
      let target = newRs.spec.replicas as number;
      if (target > desired) target = desired;
      else if (target < desired) {
        if (recreate) target = olds.every((rs) => this.podsOwnedBy(rs).length === 0 && (rs.spec.replicas ?? 0) === 0) ? desired : 0;
        else target = Math.min(desired, target + Math.max(0, desired + maxSurge - (oldSpecTotal + target)));
      }
      if (target !== newRs.spec.replicas)
        newRs = this.api.store.updateIfPresent(this.t.replicasets!, { ...newRs, spec: { ...newRs.spec, replicas: target } }) ?? newRs;
    }
    // scale the old ReplicaSets down within maxUnavailable (unready pods go first, for free)
    const allPods = [newRs, ...olds].flatMap((rs) => this.podsOwnedBy(rs).filter((p) => !isTerminating(p)));
    const newReady = this.podsOwnedBy(newRs).filter(isReady).length;
    let budget = allPods.filter(isReady).length - (desired - maxUnavailable);
    for (const rs of olds) {
      const cur = (rs.spec.replicas as number | undefined) ?? 0;
      if (cur === 0) continue;
      let next: number;
      if (recreate || newReady >= desired) next = 0;
      else {
        const unready = this.podsOwnedBy(rs).filter((p) => !isReady(p)).length;
        const byBudget = Math.max(0, budget);
        const cut = Math.min(cur, unready + byBudget);
        budget -= Math.max(0, cut - unready);
        next = cur - cut;
      }
      if (next !== cur) this.api.store.updateIfPresent(this.t.replicasets!, { ...rs, spec: { ...rs.spec, replicas: next } });
    }
    const rev = newRs.metadata.annotations?.['deployment.kubernetes.io/revision'];
    if (rev && d.metadata.annotations?.['deployment.kubernetes.io/revision'] !== rev) {
      const fresh = this.api.store.get(this.t.deployments!, d.metadata.namespace as string, d.metadata.name as string);
      if (fresh)
        this.api.store.updateIfPresent(this.t.deployments!, {
          ...fresh,
          metadata: { ...fresh.metadata, annotations: { ...(fresh.metadata.annotations ?? {}), 'deployment.kubernetes.io/revision': rev } },
        });
    }
  }

  private reconcileReplicaSet(rs: Obj): void {
    const want = (rs.spec.replicas as number | undefined) ?? 1;
    const pods = this.podsOwnedBy(rs).filter((p) => !isTerminating(p));
    for (let i = pods.length; i < want; i++) this.createPod(this.podFromTemplate(rs, this.t.replicasets!, rs.spec.template, {}));
    if (pods.length > want) {
      const order = [...pods].sort((a, b) => Number(isReady(a)) - Number(isReady(b)));
      for (const p of order.slice(0, pods.length - want)) this.deletePod(p);
    }
  }

  private replicaSetStatus(rs: Obj): void {
    const pods = this.podsOwnedBy(rs).filter((p) => !isTerminating(p));
    const ready = pods.filter(isReady).length;
    const status: Obj = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation,
    };
    if (JSON.stringify(status) !== JSON.stringify(rs.status)) this.api.store.updateIfPresent(this.t.replicasets!, { ...rs, status });
  }

  private deploymentStatus(d: Obj): void {
    const hash = templateHash(d.spec.template);
    const desired = (d.spec.replicas as number | undefined) ?? 1;
    const rss = this.ownedReplicaSets(d);
    const newRs = rss.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const pods = rss.flatMap((rs) => this.podsOwnedBy(rs).filter((p) => !isTerminating(p)));
    const updated = newRs ? this.podsOwnedBy(newRs).filter((p) => !isTerminating(p)) : [];
    const ready = pods.filter(isReady).length;
    const recreate = d.spec.strategy?.type === 'Recreate';
    const maxUnavailable = recreate ? desired : scaled(d.spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%', desired, false);
    const complete = updated.length === desired && updated.filter(isReady).length === desired && pods.length === desired;
    const rsName = newRs?.metadata.name ?? d.metadata.name;
    const conditions = mergeConditions(d.status?.conditions, [
      ready >= desired - maxUnavailable
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
            lastUpdateTime: '',
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
            lastUpdateTime: '',
          },
      complete
        ? {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${rsName}" has successfully progressed.`,
            lastUpdateTime: '',
          }
        : {
            type: 'Progressing',
            status: 'True',
            reason: 'ReplicaSetUpdated',
            message: `ReplicaSet "${rsName}" is progressing.`,
            lastUpdateTime: '',
          },
    ]);
    const status: Obj = {
      observedGeneration: d.metadata.generation,
      replicas: pods.length,
      updatedReplicas: updated.length,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(desired - ready > 0 ? { unavailableReplicas: desired - ready } : {}),
      conditions,
    };
    if (JSON.stringify(status) !== JSON.stringify(d.status)) this.api.store.updateIfPresent(this.t.deployments!, { ...d, status });
  }

  // --- Jobs and PodDisruptionBudgets ---------------------------------------------------------------

  private reconcileJob(j: Obj): void {
    if (((j.status?.conditions ?? []) as Obj[]).some((c) => c.type === 'Complete')) return;
    const uid = j.metadata.uid as string;
    let at = this.startAt.get(uid);
    if (at === undefined) this.startAt.set(uid, (at = Date.now() + this.opts.podStartMs));
    if (Date.now() < at) {
      this.kick(at - Date.now() + 1);
      return;
    }
    const now = nowIso();
    const status = {
      startTime: j.metadata.creationTimestamp,
      completionTime: now,
      succeeded: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
      conditions: [
        {
          type: 'SuccessCriteriaMet',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
          lastProbeTime: now,
          lastTransitionTime: now,
        },
        {
          type: 'Complete',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
          lastProbeTime: now,
          lastTransitionTime: now,
        },
      ],
    };
    this.api.store.updateIfPresent(this.t.jobs!, { ...j, status });
  }

  private pdbStatus(pdb: Obj): void {
    const pods = this.api.store
      .scan(this.t.pods!, pdb.metadata.namespace as string)
      .filter((p) => !isTerminating(p) && matchLabelSelectorObject(pdb.spec?.selector ?? {}, p.metadata.labels));
    const healthy = pods.filter(isReady).length;
    const desiredHealthy =
      pdb.spec?.minAvailable !== undefined
        ? scaled(pdb.spec.minAvailable, pods.length, true)
        : Math.max(0, pods.length - scaled(pdb.spec?.maxUnavailable ?? 0, pods.length, true));
    const status: Obj = {
      observedGeneration: pdb.metadata.generation,
      currentHealthy: healthy,
      desiredHealthy,
      disruptionsAllowed: Math.max(0, healthy - desiredHealthy),
      expectedPods: pods.length,
      conditions: mergeConditions(pdb.status?.conditions, [
        healthy > desiredHealthy
          ? {
              type: 'DisruptionAllowed',
              status: 'True',
              reason: 'SufficientPods',
              message: '',
              observedGeneration: pdb.metadata.generation,
            }
          : {
              type: 'DisruptionAllowed',
              status: 'False',
              reason: 'InsufficientPods',
              message: '',
              observedGeneration: pdb.metadata.generation,
            },
      ]),
    };
    if (JSON.stringify(status) !== JSON.stringify(pdb.status)) this.api.store.updateIfPresent(this.t.pdbs!, { ...pdb, status });
  }

  /** The pod a Deployment/DaemonSet/Pod name refers to, for tests. */
  findPods(filter: (p: Obj) => boolean): Obj[] {
    return this.api.store
      .scan(this.t.pods!)
      .filter(filter)
      .map((p) => structuredClone(p));
  }

  get podType(): ResourceType {
    return this.t.pods!;
  }
}
