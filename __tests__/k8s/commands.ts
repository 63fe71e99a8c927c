// What runs inside the simulated containers when `kubectl exec` asks: the Cilium agent's `cilium-dbg`
// and `hubble`, agnhost's `connect` (which also records the flows the connection leaves on the
// agents), and a few shell basics. Answers come from the cluster state and the fault switches.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type AgentState, type PeerNode, renderEncryptStatus, renderStatus, statusJson } from './agent-status.js';
import { CILIUM_LEAVES, ciliumJsonpath } from './jsonpath.js';
import { debuginfoJson, healthJson, metricsList } from './mesh-output.js';
import { type AgentRecord, type Controller, isAgentPod } from './controller.js';
import type { ExecRequest, ExecResult } from './exec.js';
import { UsageError, connectionFlows, parseObserveArgs, renderObserve, selectFlows, type LostEvents } from './hubble.js';
import { stableHex, wireguardPublicKey, type NodeInfo } from './nodes.js';
import type { ApiServer } from './server.js';
import type { FlowRecord, Obj } from './types.js';

export interface ClusterContext {
  api: ApiServer;
  controller: Controller;
  flows: FlowRecord[];
  clusterName: string;
  kubernetesVersion: string;
  /** overrides the version agents report (otherwise taken from the agent image tag) */
  ciliumImageVersion?: string;
  /** upper bound for how long a connect to an unknown address waits before TIMEOUT */
  connectTimeoutCapMs: number;
  /** when `cilium connectivity test --conn-disrupt-test-setup` ran (its long-lived connections start then) */
  connDisruptSince?: number;
}

const ok = (stdout: string, stderr = '', code = 0): ExecResult => ({ stdout, stderr, code });

export function versionOfImage(image: string, override?: string): string {
  if (override) return override.replace(/^v/, '');
  const m = /:v?(\d+\.\d+\.\d+[^@]*)/.exec(image);
  return m?.[1] ?? '1.18.6';
}

/** Everything `cilium-dbg status` needs about the agent on one node. */
export function agentState(ctx: ClusterContext, agent: AgentRecord): AgentState {
  const { controller } = ctx;
  const node = controller.node(agent.node)!;
  const podIps = controller
    .findPods((p) => p.spec?.nodeName === node.name && !p.spec?.hostNetwork && p.status?.podIP && !p.metadata.deletionTimestamp)
    .map((p) => p.status.podIP as string)
    .sort();
  const running = (n: NodeInfo): AgentRecord | undefined => controller.agentOnNode(n.name);
  const podIpsOn = (name: string): string[] =>
    controller
      .findPods((p) => p.spec?.nodeName === name && !p.spec?.hostNetwork && p.status?.podIP && !p.metadata.deletionTimestamp)
      .map((p) => p.status.podIP as string)
      .sort();
  const peer = (n: NodeInfo, reachable: boolean): PeerNode => ({
    name: n.name,
    ip: n.ip,
    reachable,
    healthIp: `100.64.${n.index}.2`,
    podCidr: n.podCidr,
    podIps: podIpsOn(n.name),
    publicKey: wireguardPublicKey(n.name),
  });
  const nodes = controller.nodes.map((n) => peer(n, !!running(n)));
  const wg = agent.config['enable-wireguard'] === 'true';
  const cutOff = ctx.api.faults.wireguardNoPeers;
  const wireguardPeers =
    wg && cutOff !== node.name
      ? controller.nodes
          .filter((n) => n.name !== node.name && n.name !== cutOff && running(n)?.config['enable-wireguard'] === 'true')
          .map((n) => peer(n, true))
      : [];
  const nodeObj = ctx.api.store.get(ctx.api.registry.byResource('', 'v1', 'nodes')!, undefined, node.name);
  return {
    node,
    config: agent.config,
    version: versionOfImage(agent.image, ctx.ciliumImageVersion),
    kubernetesVersion: ctx.kubernetesVersion,
    clusterName: agent.config['cluster-name'] || ctx.clusterName,
    podIps,
    wireguardPeers,
    nodes,
    publicKey: wireguardPublicKey(node.name),
    flowsSeen: ctx.flows.filter((f) => f.node === node.name).length,
    startedAt: agent.startedAt,
    optedOut: nodeObj?.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined,
  };
}

function cliUsageError(tool: string, message: string): ExecResult {
  return ok('', `Error: ${message}\nRun '${tool} --help' for usage.\n`, 1);
}

function ciliumDbg(ctx: ClusterContext, agent: AgentRecord, args: string[]): ExecResult {
  const state = agentState(ctx, agent);
  const [sub, ...rest] = args;
  if (sub === 'status') {
    let verbose = false;
    let output = '';
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (
        a === '--verbose' ||
        a === '-v' ||
        a === '--all-addresses' ||
        a === '--all-controllers' ||
        a === '--all-health' ||
        a === '--all-nodes' ||
        a === '--all-redirects' ||
        a === '--all-clusters'
      )
        verbose = verbose || a === '--verbose' || a === '-v';
      else if (a === '-o' || a === '--output') output = rest[++i] ?? '';
      else if (a.startsWith('--output=') || a.startsWith('-o=')) output = a.split('=')[1]!;
      else if (a === '--brief') return ok(`OK\n`);
      else return cliUsageError('cilium-dbg status', `unknown flag: ${a}`);
    }
    if (output === 'json') return ok(`${JSON.stringify(statusJson(state), null, 2)}\n`);
    if (output && output !== 'text') return ok('', `Error: Unable to format output: unsupported output format ${output}\n`, 1);
    return ok(renderStatus(state, verbose));
  }
  if (sub === 'encrypt' && rest[0] === 'status') return ok(renderEncryptStatus(state));
  if (sub === 'debuginfo') {
    const output =
      rest.find((_, i) => rest[i - 1] === '--output' || rest[i - 1] === '-o') ?? rest.find((a) => a.startsWith('--output='))?.split('=')[1];
    const info = (): Obj => debuginfoJson(state, ctx.api.faults, statusJson(state));
    // --output is a string-slice flag, read as CSV: a double quote breaks it, a comma splits the query
    if (output?.includes('"'))
      return cliUsageError('cilium-dbg debuginfo', `invalid argument "${output}" for "--output" flag: bare " in non-quoted-field`);
    if (output?.includes(',')) return ok('', `${output.split(',')[1]!} is not a valid output format; exiting\n`, 1);
    // `--output jsonpath=…` (Cilium prints the query's result with fmt.Println)
    if (output?.startsWith('jsonpath=')) return ok(ciliumJsonpath(output.slice('jsonpath='.length), info(), CILIUM_LEAVES));
    if (output !== 'json') return ok('', 'Error: this test agent prints debuginfo only with --output json or jsonpath\n', 1);
    return ok(`${JSON.stringify(info(), null, 2)}\n`);
  }
  if (sub === 'metrics' && rest[0] === 'list') {
    const r = metricsList(state, liveConfig(ctx, agent), rest.slice(1));
    return ok(r.stdout, r.stderr, r.code);
  }
  if (sub === 'version')
    return ok(
      `Client: ${state.version} ${agentHash(state.version)} go version go1.24.11 linux/amd64\nDaemon: ${state.version} ${agentHash(state.version)} go version go1.24.11 linux/amd64\n`,
    );
  return cliUsageError('cilium-dbg', `unknown command "${sub ?? ''}" for "cilium-dbg"`);
}

function liveConfig(ctx: ClusterContext, agent: AgentRecord): Record<string, string> {
  const cm = ctx.api.store.get(ctx.api.registry.byResource('', 'v1', 'configmaps')!, agent.namespace, 'cilium-config');
  return (cm?.data ?? {}) as Record<string, string>;
}

/** `cilium-health status -o json` or `-o jsonpath=…` (the text forms are not modelled) */
function ciliumHealth(ctx: ClusterContext, agent: AgentRecord, args: string[]): ExecResult {
  const output = args[0] === 'status' ? args.slice(1).find((_, i, all) => all[i - 1] === '-o' || all[i - 1] === '--output') : undefined;
  const health = (): Obj => healthJson(agentState(ctx, agent), ctx.api.faults);
  if (output?.startsWith('jsonpath=')) return ok(ciliumJsonpath(output.slice('jsonpath='.length), health(), CILIUM_LEAVES));
  if (output !== 'json') return ok('', 'Error: this test agent prints cilium-health status only with -o json or -o jsonpath\n', 1);
  return ok(`${JSON.stringify(health(), null, 2)}\n`);
}

const agentHash = (v: string): string => `${stableHex(`cilium-${v}`, 10)} 2025-12-01T00:00:00+00:00`;

function hubbleUnavailable(ctx: ClusterContext, agent: AgentRecord): boolean {
  const f = ctx.api.faults.hubbleUnavailable;
  if (agent.config['enable-hubble'] !== 'true') return true;
  return f === true || (Array.isArray(f) && f.includes(agent.node));
}

const HUBBLE_DOWN =
  'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /var/run/cilium/hubble.sock: connect: no such file or directory"\n';

function hubble(ctx: ClusterContext, agent: AgentRecord, args: string[]): ExecResult {
  const [sub, ...rest] = args;
  if (sub === 'observe') {
    let opts;
    try {
      opts = parseObserveArgs(rest);
    } catch (e) {
      if (e instanceof UsageError) return ok('', `${e.message}\n`, 1);
      throw e;
    }
    if (hubbleUnavailable(ctx, agent)) return ok('', HUBBLE_DOWN, 1);
    const records = selectFlows(
      ctx.flows.filter((f) => f.node === agent.node),
      opts,
    );
    const lost: LostEvents[] = ctx.api.faults.lostEvents
      ? [{ time: new Date(), node: agent.node, source: 'HUBBLE_RING_BUFFER', cpu: 1, lost: 1 }]
      : [];
    return ok(renderObserve(records, lost, opts));
  }
  if (sub === 'status') {
    if (hubbleUnavailable(ctx, agent)) return ok('', HUBBLE_DOWN, 1);
    const n = ctx.flows.filter((f) => f.node === agent.node).length;
    return ok(
      `Healthcheck (via unix:///var/run/cilium/hubble.sock): Ok\nCurrent/Max Flows: ${Math.min(n, 4095)}/4,095 (${((Math.min(n, 4095) / 4095) * 100).toFixed(2)}%)\nFlows/s: ${(n / 60).toFixed(2)}\n`,
    );
  }
  return ok('', `unknown command "${sub ?? ''}" for "hubble"\n`, 1);
}

function parseDuration(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v);
  if (!m) return 1000;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60000 : n * 1000;
}

/** The listening ports of a pod: agnhost netexec's --http-port/--udp-port, and declared container ports. */
function listeningPorts(pod: Obj): number[] {
  const ports: number[] = [];
  for (const c of (pod.spec?.containers ?? []) as Obj[]) {
    const argv = [...((c.command ?? []) as string[]), ...((c.args ?? []) as string[])];
    if (argv.includes('netexec')) {
      const http = argv.find((a) => a.startsWith('--http-port='));
      ports.push(http ? Number(http.split('=')[1]) : 8080);
    }
    if (argv.includes('serve-hostname')) ports.push(9376);
    for (const p of (c.ports ?? []) as Obj[]) ports.push(Number(p.containerPort));
  }
  return ports;
}

async function agnhostConnect(ctx: ClusterContext, req: ExecRequest, args: string[]): Promise<ExecResult> {
  let dest = '';
  let timeoutMs = 1000;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--timeout=')) timeoutMs = parseDuration(a.slice('--timeout='.length));
    else if (a === '--timeout') timeoutMs = parseDuration(args[++i] ?? '');
    else if (a.startsWith('--protocol')) {
      const proto = a.includes('=') ? a.split('=')[1] : args[++i];
      if (proto && proto !== 'tcp') return ok('', `Unsupported protocol: ${proto}\n`, 1);
    } else if (!a.startsWith('-')) dest = a;
  }
  const m = /^(.*):(\d+)$/.exec(dest);
  if (!m) return ok('', `OTHER: invalid destination ${JSON.stringify(dest)}\n`, 1);
  const [, ip, portText] = m;
  const port = Number(portText);
  const client = req.pod;
  const target = ctx.controller.findPods(
    (p) => p.status?.podIP === ip && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp,
  )[0];
  const clientAgent = ctx.controller.agentOnNode(client.spec.nodeName as string);
  const targetAgent = target ? ctx.controller.agentOnNode(target.spec.nodeName as string) : undefined;
  if (!target || !clientAgent || !targetAgent) {
    // nobody answers: the SYN goes unanswered until the time-out
    await sleep(Math.min(timeoutMs, ctx.connectTimeoutCapMs), undefined, { signal: req.signal }).catch(() => undefined);
    return ok('', 'TIMEOUT\n', 1);
  }
  if (!ctx.controller.datapaths.reachable(client.spec.nodeName as string, target.spec.nodeName as string)) {
    // the datapath model drops it (see datapath.ts): the SYN is never answered
    await sleep(Math.min(timeoutMs, ctx.connectTimeoutCapMs), undefined, { signal: req.signal }).catch(() => undefined);
    return ok('', 'TIMEOUT\n', 1);
  }
  if (!listeningPorts(target).includes(port)) return ok('', 'REFUSED\n', 1);
  if (!ctx.api.faults.noCrossNodeTraffic) {
    const nodeOf = (p: Obj): NodeInfo => ctx.controller.node(p.spec.nodeName as string)!;
    const nodeLabels = (name: string): string[] =>
      Object.entries(
        (ctx.api.get(ctx.api.registry.byResource('', 'v1', 'nodes')!, undefined, name).metadata.labels ?? {}) as Record<string, string>,
      )
        .map(([k, v]) => `${k}=${v}`)
        .sort();
    ctx.flows.push(
      ...connectionFlows({
        client: { pod: client, node: nodeOf(client), ip: client.status.podIP, port: 32768 + Math.floor(Math.random() * 28000) },
        server: { pod: target, node: nodeOf(target), ip, port },
        clientConfig: clientAgent.config,
        serverConfig: targetAgent.config,
        clusterName: clientAgent.config['cluster-name'] || ctx.clusterName,
        version: versionOfImage(clientAgent.image, ctx.ciliumImageVersion),
        nodeLabels,
      }),
    );
  }
  return ok('');
}

function notFound(command: string): ExecResult {
  return {
    failure: `error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${command}": executable file not found in $PATH: unknown`,
  };
}

/** Runs one exec request. */
export async function runCommand(ctx: ClusterContext, req: ExecRequest): Promise<ExecResult> {
  const { pod, container, command } = req;
  if (ctx.api.faults.execHangs && ctx.api.faults.execHangs === pod.spec?.nodeName) return 'hang';
  const status = ((pod.status?.containerStatuses ?? []) as Obj[]).find((c) => c.name === container);
  if (pod.status?.phase !== 'Running' || !status?.state?.running)
    return { failure: 'error executing command in container: container is not created or running' };
  const [cmd = '', ...args] = command;
  const base = path.posix.basename(cmd);
  const spec = ((pod.spec?.containers ?? []) as Obj[]).find((c) => c.name === container) ?? {};
  if (isAgentPod(pod) && container === 'cilium-agent') {
    const agent = ctx.controller.agents.get(pod.metadata.uid as string);
    if (agent && (base === 'cilium-dbg' || base === 'cilium')) return ciliumDbg(ctx, agent, args);
    if (agent && base === 'hubble') return hubble(ctx, agent, args);
    if (agent && base === 'cilium-health') return ciliumHealth(ctx, agent, args);
  }
  if (String(spec.image ?? '').includes('agnhost') && base === 'agnhost') {
    if (args[0] === 'connect') return agnhostConnect(ctx, req, args.slice(1));
    return ok('', `Error: unknown command "${args[0] ?? ''}" for "agnhost"\n`, 1);
  }
  switch (base) {
    case 'echo':
      return ok(`${args.join(' ')}\n`);
    case 'true':
      return ok('');
    case 'false':
      return ok('', '', 1);
    case 'hostname':
      return ok(`${pod.metadata.name}\n`);
    case 'sleep':
      await sleep(Number(args[0] ?? 0) * 1000, undefined, { signal: req.signal }).catch(() => undefined);
      return ok('');
    default:
      return notFound(cmd);
  }
}
