// startTestCluster(): the API server, its nodes and controller, exec handlers, the stand-in cilium CLI
// and a kubeconfig in a fresh temporary directory.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { renderStatus } from './agent-status.js';
import { type RunOptions, type RunResult, runProcess } from '../../src/process/run.js';
import { ciliumCli, writeCiliumCli } from './cilium-cli.js';
import { type ClusterContext, agentState, runCommand } from './commands.js';
import { type AgentRecord, Controller, isAgentPod } from './controller.js';
import { attachExec } from './exec.js';
import { probeLoopLog, probeLoopTarget } from './probe-loop.js';
import { AKS_CLUSTER_NAME, type NodeInfo, nodeInfos, nodeObject } from './nodes.js';
import { parseLabelSelector } from './selectors.js';
import { ApiServer } from './server.js';
import type { Faults, FlowRecord, Obj, Recorded } from './types.js';

export interface TestClusterOptions {
  /** number of nodes (default 3) */
  nodes?: number;
  /** version the agents report, overriding their image tag (e.g. to simulate a mismatch) */
  ciliumImageVersion?: string;
  /** Kubernetes version of the server and the nodes (default v1.34.1) */
  kubernetesVersion?: string;
  /** how long a pod takes to become Running/Ready (default 100 ms) */
  podStartMs?: number;
  /** cap on how long `agnhost connect` to an address nobody answers waits (default 1000 ms) */
  connectTimeoutCapMs?: number;
  /** how long an agent restart takes (agent pod start, ±10% per pod; default podStartMs) */
  agentStartMs?: number;
}

/** One running agent, as tests see it. */
export interface AgentInfo {
  pod: string;
  namespace: string;
  node: string;
  ready: boolean;
  /** the cilium-config data the agent started with */
  config: Record<string, string>;
  image: string;
  startedAt: string;
}

export class TestCluster {
  readonly url: string;
  readonly dir: string;
  readonly kubeconfigPath: string;
  readonly kubeconfigYaml: string;
  /** the bearer token in the kubeconfig (random per cluster): search logs for it to prove nothing leaked */
  readonly token = `cnra-test-${randomBytes(12).toString('hex')}`;
  /** folder holding the stand-in `cilium` executable (put it first on PATH) */
  readonly binDir: string;
  readonly ciliumCliPath: string;
  readonly nodes: NodeInfo[];
  readonly api: ApiServer;
  readonly controller: Controller;
  /** every flow any agent recorded, in order */
  readonly flows: FlowRecord[] = [];
  private readonly ctx: ClusterContext;

  /** @internal use startTestCluster() */
  constructor(api: ApiServer, controller: Controller, ctx: ClusterContext, dir: string) {
    this.api = api;
    this.controller = controller;
    this.ctx = ctx;
    this.flows = ctx.flows;
    this.url = api.url;
    this.dir = dir;
    this.nodes = controller.nodes;
    this.binDir = path.join(dir, 'bin');
    mkdirSync(this.binDir, { recursive: true });
    this.ciliumCliPath = writeCiliumCli(this.binDir);
    this.kubeconfigYaml = [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: test',
      '  cluster:',
      `    server: ${api.url}`,
      'users:',
      '- name: test-admin',
      '  user:',
      `    token: ${this.token}`,
      'contexts:',
      '- name: test',
      '  context:',
      '    cluster: test',
      '    user: test-admin',
      'current-context: test',
      '',
    ].join('\n');
    this.kubeconfigPath = path.join(dir, 'kubeconfig');
    writeFileSync(this.kubeconfigPath, this.kubeconfigYaml, { mode: 0o600 });
  }

  get nodeNames(): string[] {
    return this.nodes.map((n) => n.name);
  }

  /** every request, exec and stand-in CLI call so far, in arrival order (live array) */
  get requests(): Recorded[] {
    return this.api.requests;
  }

  /** create / update / patch / apply / delete requests that were not dry runs */
  mutations(): Recorded[] {
    return this.api.requests.filter((r) => r.mutating);
  }

  execs(): Recorded[] {
    return this.api.requests.filter((r) => r.verb === 'exec');
  }

  /** forgets the recorded requests (e.g. after seeding), so a test sees only its own */
  clearRequests(): void {
    this.api.requests.length = 0;
  }

  get faults(): Faults {
    return this.api.faults;
  }

  setFault<K extends keyof Faults>(name: K, value: Faults[K]): void {
    this.api.faults[name] = value;
    this.controller.kick();
  }

  clearFaults(): void {
    for (const k of Object.keys(this.api.faults) as Array<keyof Faults>) delete this.api.faults[k];
    this.controller.kick();
  }

  getObject(apiVersion: string, kind: string, namespace: string | undefined, name: string): Obj | undefined {
    return this.api.store.get(this.api.typeFor(apiVersion, kind), namespace, name);
  }

  listObjects(apiVersion: string, kind: string, namespace?: string, labelSelector?: string): Obj[] {
    const rt = this.api.typeFor(apiVersion, kind);
    return this.api.listMatching(rt, namespace, parseLabelSelector(labelSelector), []);
  }

  /** The running agents (one per node unless a rollout is under way), with the config each started with. */
  agents(): AgentInfo[] {
    const out: AgentInfo[] = [];
    for (const p of this.controller.findPods((x) => isAgentPod(x) && !x.metadata.deletionTimestamp)) {
      const a: AgentRecord | undefined = this.controller.agents.get(p.metadata.uid as string);
      if (!a) continue;
      out.push({
        pod: a.pod,
        namespace: a.namespace,
        node: a.node,
        ready: ((p.status?.conditions ?? []) as Obj[]).some((c) => c.type === 'Ready' && c.status === 'True'),
        config: a.config,
        image: a.image,
        startedAt: a.startedAt,
      });
    }
    return out.sort((x, y) => x.node.localeCompare(y.node));
  }

  /** `cilium-dbg status` as the agent on that node would print it right now */
  agentStatusText(node: string, verbose = false): string | undefined {
    const a = this.controller.agentOnNode(node);
    if (!a) return undefined;
    return renderStatus(agentState(this.ctx, a), verbose);
  }

  /** Environment for child processes: KUBECONFIG, isolated helm/kubectl caches, the stand-in cilium first on PATH. */
  env(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    return {
      ...base,
      KUBECONFIG: this.kubeconfigPath,
      KUBECACHEDIR: path.join(this.dir, 'kube-cache'),
      HELM_CACHE_HOME: path.join(this.dir, 'helm', 'cache'),
      HELM_CONFIG_HOME: path.join(this.dir, 'helm', 'config'),
      HELM_DATA_HOME: path.join(this.dir, 'helm', 'data'),
      PATH: `${this.binDir}${path.delimiter}${base.PATH ?? ''}`,
    };
  }

  /**
   * Rewrites the status of a Helm release revision (default: the latest) in its storage Secret, as a
   * crashed helm process leaves it (e.g. 'pending-upgrade'). Returns the revision changed.
   */
  setHelmReleaseStatus(release: string, namespace: string, status: string, revision?: number): number {
    const rt = this.api.typeFor('v1', 'Secret');
    const secrets = this.api.listMatching(rt, namespace, parseLabelSelector(`owner=helm,name=${release}`), []);
    const rev = revision ?? Math.max(...secrets.map((s) => Number(s.metadata.labels?.version ?? 0)));
    const secret = secrets.find((s) => Number(s.metadata.labels?.version) === rev);
    if (!secret) throw new Error(`no revision ${rev} of release ${release} in ${namespace}`);
    // Helm stores base64(gzip(JSON)) in the Secret's data, which Kubernetes base64-encodes once more.
    const helmData = Buffer.from(secret.data.release as string, 'base64').toString('utf8');
    const rel = JSON.parse(gunzipSync(Buffer.from(helmData, 'base64')).toString('utf8')) as Obj;
    rel.info = { ...(rel.info ?? {}), status };
    const packed = gzipSync(Buffer.from(JSON.stringify(rel))).toString('base64');
    secret.data.release = Buffer.from(packed).toString('base64');
    secret.metadata.labels = { ...secret.metadata.labels, status };
    this.api.store.update(rt, secret);
    return rev;
  }

  /** Runs a real tool (helm, kubectl, the stand-in cilium) against this cluster, with env(). */
  run(file: string, args: readonly string[], opts: Omit<RunOptions, 'env'> = {}): Promise<RunResult> {
    return runProcess(file, args, { quiet: true, timeoutMs: 120_000, ...opts, env: this.env() });
  }

  /** Polls until pred() is true (or throws after timeoutMs). */
  async waitFor(pred: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error(`test cluster: timed out after ${timeoutMs} ms waiting for ${what}`);
      await sleep(20);
    }
  }

  /** Waits until the agent DaemonSet is fully rolled out and every agent is ready. */
  async waitForAgents(namespace = 'kube-system', timeoutMs = 20_000): Promise<void> {
    await this.waitFor(
      () => {
        const ds = this.api.store.get(this.api.registry.byResource('apps', 'v1', 'daemonsets')!, namespace, 'cilium');
        const s = ds?.status;
        return (
          !!ds &&
          s?.observedGeneration === ds.metadata.generation &&
          s.desiredNumberScheduled === this.nodes.length &&
          s.updatedNumberScheduled === s.desiredNumberScheduled &&
          s.numberReady === s.desiredNumberScheduled &&
          this.agents().filter((a) => a.ready).length === this.nodes.length
        );
      },
      timeoutMs,
      'the cilium agents',
    );
  }

  async stop(): Promise<void> {
    this.controller.stop();
    await this.api.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function startTestCluster(opts: TestClusterOptions = {}): Promise<TestCluster> {
  const kubernetesVersion = opts.kubernetesVersion ?? 'v1.34.1';
  const api = new ApiServer(kubernetesVersion);
  const nsType = api.registry.byResource('', 'v1', 'namespaces')!;
  for (const n of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) api.create(nsType, { metadata: { name: n } }, undefined);
  const infos = nodeInfos(opts.nodes ?? 3);
  const nodeType = api.registry.byResource('', 'v1', 'nodes')!;
  for (const n of infos) api.create(nodeType, nodeObject(n, kubernetesVersion), undefined);
  const saType = api.registry.byResource('', 'v1', 'serviceaccounts')!;
  for (const n of ['default', 'kube-system', 'kube-public', 'kube-node-lease'])
    api.create(saType, { metadata: { name: 'default', namespace: n } }, n);
  const controller = new Controller(api, infos, { podStartMs: opts.podStartMs ?? 100, agentStartMs: opts.agentStartMs });
  const ctx: ClusterContext = {
    api,
    controller,
    flows: [],
    clusterName: AKS_CLUSTER_NAME,
    kubernetesVersion,
    ciliumImageVersion: opts.ciliumImageVersion,
    connectTimeoutCapMs: opts.connectTimeoutCapMs ?? 1000,
  };
  attachExec(api, (req) => runCommand(ctx, req));
  api.podLogs = (pod) => {
    const started = controller.startedAtMs.get(pod.metadata.uid as string);
    return probeLoopTarget(pod) && started !== undefined ? probeLoopLog(controller, pod, started) : undefined;
  };
  api.testEndpoints.set('cilium-cli', async (body, record) => {
    const args = Array.isArray(body.args) ? (body.args as string[]) : [];
    record.command = ['cilium', ...args];
    const r = await ciliumCli(ctx, args);
    record.exitCode = r.code;
    return r;
  });
  await api.listen();
  controller.start();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-k8s-'));
  return new TestCluster(api, controller, ctx, dir);
}
