// Flows as Hubble records them (field layout and enum spellings from testdata/hubble), and
// `hubble observe` inside an agent pod: argument parsing, filters, and the jsonpb / compact / dict /
// table printers (formats from Hubble's printer: time.StampMilli, `->`/`<-` by is_reply, lost events).
import { randomUUID } from 'node:crypto';
import { datapathOf } from './agent-status.js';
import { stableHex, type NodeInfo } from './nodes.js';
import type { FlowRecord, Obj } from './types.js';

/** A pod as one end of a connection. */
export interface FlowEndpoint {
  pod: Obj;
  node: NodeInfo;
  ip: string;
  port: number;
}

const OBS_SUBTYPE: Record<string, number> = { TO_ENDPOINT: 0, TO_OVERLAY: 4, TO_NETWORK: 11, TO_STACK: 3 };
const OBS_NAME: Record<string, string> = {
  TO_ENDPOINT: 'to-endpoint',
  TO_OVERLAY: 'to-overlay',
  TO_NETWORK: 'to-network',
  TO_STACK: 'to-stack',
};

function identityOf(pod: Obj): number {
  const labels = Object.entries((pod.metadata?.labels ?? {}) as Record<string, string>)
    .filter(([k]) => !['pod-template-hash', 'controller-revision-hash', 'pod-template-generation'].includes(k))
    .sort()
    .join(',');
  return 256 + (parseInt(stableHex(`${pod.metadata?.namespace}/${labels}`, 8), 16) % 65000);
}

const endpointIdOf = (pod: Obj): number => 1 + (parseInt(stableHex(String(pod.metadata?.uid), 6), 16) % 4000);

function endpointLabels(pod: Obj, cluster: string): string[] {
  const ns = pod.metadata.namespace as string;
  const labels = Object.entries((pod.metadata.labels ?? {}) as Record<string, string>)
    .filter(([k]) => !['pod-template-hash', 'controller-revision-hash', 'pod-template-generation'].includes(k))
    .map(([k, v]) => `k8s:${k}=${v}`);
  labels.push(
    `k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name=${ns}`,
    `k8s:io.cilium.k8s.policy.cluster=${cluster}`,
    `k8s:io.cilium.k8s.policy.serviceaccount=${pod.spec?.serviceAccountName ?? 'default'}`,
    `k8s:io.kubernetes.pod.namespace=${ns}`,
  );
  return labels.sort();
}

function workloadsOf(pod: Obj): Obj[] | undefined {
  const owner = ((pod.metadata.ownerReferences ?? []) as Obj[]).find((o) => o.controller);
  if (!owner) return undefined;
  if (owner.kind === 'ReplicaSet') return [{ name: String(owner.name).replace(/-[a-z0-9]+$/, ''), kind: 'Deployment' }];
  return [{ name: owner.name, kind: owner.kind }];
}

function endpointJson(e: FlowEndpoint, local: boolean, cluster: string): Obj {
  const w = workloadsOf(e.pod);
  return {
    ...(local ? { ID: endpointIdOf(e.pod) } : {}),
    identity: identityOf(e.pod),
    cluster_name: cluster,
    namespace: e.pod.metadata.namespace,
    labels: endpointLabels(e.pod, cluster),
    pod_name: e.pod.metadata.name,
    ...(w ? { workloads: w } : {}),
  };
}

const mac = (seed: string): string =>
  stableHex(seed, 12)
    .match(/../g)!
    .map((b, i) => (i === 0 ? ((parseInt(b, 16) & 0xfe) | 0x02).toString(16).padStart(2, '0') : b))
    .join(':');

/** RFC 3339 with nanoseconds, as Hubble prints times. */
function nanoTime(d: Date): string {
  const sub = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  return `${d.toISOString().slice(0, 19)}.${String(d.getUTCMilliseconds()).padStart(3, '0')}${sub}Z`;
}

interface Packet {
  flags: Record<string, boolean>;
  reply: boolean;
}

const SUMMARY_ORDER = ['SYN', 'ACK', 'PSH', 'FIN', 'RST'];

/** The flows one TCP connection leaves on the agents of both nodes, by each agent's started config. */
export function connectionFlows(opts: {
  client: FlowEndpoint;
  server: FlowEndpoint;
  clientConfig: Record<string, string>;
  serverConfig: Record<string, string>;
  clusterName: string;
  version: string;
  nodeLabels: (node: string) => string[];
  at?: Date;
}): FlowRecord[] {
  const { client, server } = opts;
  const crossNode = client.node.name !== server.node.name;
  const packets: Packet[] = [
    { flags: { SYN: true }, reply: false },
    { flags: { SYN: true, ACK: true }, reply: true },
    { flags: { ACK: true }, reply: false },
    { flags: { ACK: true, FIN: true }, reply: false },
    { flags: { ACK: true, FIN: true }, reply: true },
    { flags: { ACK: true }, reply: false },
  ];
  const out: FlowRecord[] = [];
  let t = (opts.at ?? new Date()).getTime();
  const egressPoint = (cfg: Record<string, string>): string => (datapathOf(cfg).routing === 'Tunnel' ? 'TO_OVERLAY' : 'TO_NETWORK');
  const wgBoth = datapathOf(opts.clientConfig).encryption === 'Wireguard' && datapathOf(opts.serverConfig).encryption === 'Wireguard';
  for (const [i, pkt] of packets.entries()) {
    const [from, to] = pkt.reply ? [server, client] : [client, server];
    // where the packet is seen: leaving the sender's node (if it crosses nodes), and arriving at the receiver
    const sightings: Array<{ node: NodeInfo; point: string; config: Record<string, string> }> = [];
    const fromCfg = pkt.reply ? opts.serverConfig : opts.clientConfig;
    const toCfg = pkt.reply ? opts.clientConfig : opts.serverConfig;
    if (crossNode) sightings.push({ node: from.node, point: egressPoint(fromCfg), config: fromCfg });
    sightings.push({ node: to.node, point: 'TO_ENDPOINT', config: toCfg });
    for (const s of sightings) {
      t += 1;
      const time = nanoTime(new Date(t));
      // the direction of the connection as the local endpoint sees it
      const direction = crossNode ? (s.node.name === client.node.name ? 'EGRESS' : 'INGRESS') : pkt.reply ? 'EGRESS' : 'INGRESS';
      const iface =
        s.point === 'TO_OVERLAY'
          ? { index: 6, name: 'cilium_vxlan' }
          : s.point === 'TO_NETWORK'
            ? { index: 2, name: 'eth0' }
            : { index: 20 + (endpointIdOf(to.pod) % 80), name: `lxc${stableHex(String(to.pod.metadata.uid), 12)}` };
      const summary = `TCP Flags: ${SUMMARY_ORDER.filter((f) => pkt.flags[f]).join(', ')}`;
      const subtype = OBS_SUBTYPE[s.point]!;
      const flow: Obj = {
        time,
        uuid: randomUUID(),
        emitter: { name: 'Hubble', version: `${opts.version}+g${stableHex(opts.version, 8)}` },
        verdict: 'FORWARDED',
        ethernet: { source: mac(`${s.node.name}-${from.ip}`), destination: mac(`${s.node.name}-${to.ip}`) },
        IP: { source: from.ip, destination: to.ip, ipVersion: 'IPv4', ...(crossNode && wgBoth ? { encrypted: true } : {}) },
        l4: {
          TCP: {
            source_port: pkt.reply ? server.port : client.port,
            destination_port: pkt.reply ? client.port : server.port,
            flags: pkt.flags,
          },
        },
        source: endpointJson(from, from.node.name === s.node.name, opts.clusterName),
        destination: endpointJson(to, to.node.name === s.node.name, opts.clusterName),
        Type: 'L3_L4',
        node_name: s.node.name,
        node_labels: opts.nodeLabels(s.node.name),
        ...(pkt.reply ? { reply: true } : {}),
        event_type: { type: 4, ...(subtype ? { sub_type: subtype } : {}) },
        traffic_direction: direction,
        trace_observation_point: s.point,
        trace_reason: pkt.reply ? 'REPLY' : i === 0 ? 'NEW' : 'ESTABLISHED',
        is_reply: pkt.reply,
        interface: iface,
        Summary: summary,
      };
      out.push({ node: s.node.name, time: new Date(t), flow });
    }
  }
  return out;
}

// --- hubble observe ------------------------------------------------------------------------------

export interface ObserveOptions {
  output: 'compact' | 'jsonpb' | 'dict' | 'table';
  since?: Date;
  until?: Date;
  last?: number;
  first?: number;
  all: boolean;
  printNodeName: boolean;
  filters: Array<(f: Obj) => boolean>;
}

export class UsageError extends Error {}

function parseTime(v: string, now = Date.now()): Date {
  const rel = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(v);
  if (rel) {
    const n = Number(rel[1]);
    const ms = rel[2] === 'ms' ? n : rel[2] === 's' ? n * 1e3 : rel[2] === 'm' ? n * 6e4 : n * 36e5;
    return new Date(now - ms);
  }
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new UsageError(`failed to parse the since time: unable to parse time "${v}"`);
  return d;
}

const podMatches = (ep: Obj | undefined, spec: string): boolean => {
  if (!ep?.pod_name) return false;
  const [ns, name] = spec.includes('/') ? spec.split('/', 2) : ['default', spec];
  return ep.namespace === ns && String(ep.pod_name).startsWith(name!);
};

/** Parses the arguments after `hubble observe`. */
export function parseObserveArgs(args: string[]): ObserveOptions {
  const o: ObserveOptions = { output: 'compact', all: false, printNodeName: false, filters: [] };
  const groups = new Map<string, Array<(f: Obj) => boolean>>();
  const add = (key: string, fn: (f: Obj) => boolean): void => {
    groups.set(key, [...(groups.get(key) ?? []), fn]);
  };
  for (let i = 0; i < args.length; i++) {
    let a = args[i]!;
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const need = (): string => {
      if (value !== undefined) return value;
      const v = args[++i];
      if (v === undefined) throw new UsageError(`flag needs an argument: ${a}`);
      return v;
    };
    switch (a) {
      case '-o':
      case '--output': {
        const v = need();
        // "json" is an alias for jsonpb (unless Hubble's legacy-JSON compat option is set, which the agent image does not)
        const alias: Record<string, ObserveOptions['output']> = {
          json: 'jsonpb',
          JSON: 'jsonpb',
          jsonpb: 'jsonpb',
          compact: 'compact',
          dict: 'dict',
          table: 'table',
          tab: 'table',
        };
        if (!alias[v]) throw new UsageError(`invalid output format: ${v}`);
        o.output = alias[v]!;
        break;
      }
      case '--since':
        o.since = parseTime(need());
        break;
      case '--until':
        o.until = parseTime(need());
        break;
      case '--last':
        o.last = Number(need());
        break;
      case '--first':
        o.first = Number(need());
        break;
      case '--all':
        o.all = true;
        break;
      case '--print-node-name':
        o.printNodeName = true;
        break;
      case '-f':
      case '--follow':
        throw new UsageError('--follow is not supported by the test cluster');
      case '-n':
      case '--namespace': {
        const ns = need();
        add('namespace', (f) => f.source?.namespace === ns || f.destination?.namespace === ns);
        break;
      }
      case '--from-namespace': {
        const ns = need();
        add('from-namespace', (f) => f.source?.namespace === ns);
        break;
      }
      case '--to-namespace': {
        const ns = need();
        add('to-namespace', (f) => f.destination?.namespace === ns);
        break;
      }
      case '--pod': {
        const p = need();
        add('pod', (f) => podMatches(f.source, p) || podMatches(f.destination, p));
        break;
      }
      case '--from-pod': {
        const p = need();
        add('from-pod', (f) => podMatches(f.source, p));
        break;
      }
      case '--to-pod': {
        const p = need();
        add('to-pod', (f) => podMatches(f.destination, p));
        break;
      }
      case '--ip': {
        const ip = need();
        add('ip', (f) => f.IP?.source === ip || f.IP?.destination === ip);
        break;
      }
      case '--from-ip': {
        const ip = need();
        add('from-ip', (f) => f.IP?.source === ip);
        break;
      }
      case '--to-ip': {
        const ip = need();
        add('to-ip', (f) => f.IP?.destination === ip);
        break;
      }
      case '--port': {
        const p = Number(need());
        add('port', (f) => f.l4?.TCP?.source_port === p || f.l4?.TCP?.destination_port === p);
        break;
      }
      case '--to-port': {
        const p = Number(need());
        add('to-port', (f) => f.l4?.TCP?.destination_port === p);
        break;
      }
      case '--verdict': {
        const v = need().toUpperCase();
        add('verdict', (f) => f.verdict === v);
        break;
      }
      case '--protocol': {
        const p = need().toUpperCase();
        add('protocol', (f) => !!f.l4?.[p]);
        break;
      }
      case '--traffic-direction': {
        const d = need().toUpperCase();
        add('traffic-direction', (f) => f.traffic_direction === d);
        break;
      }
      case '--node-name': {
        const n = need();
        add('node-name', (f) => f.node_name === n || String(f.node_name).endsWith(`/${n}`));
        break;
      }
      case '-t':
      case '--type': {
        const [type, sub] = need().split(':');
        add('type', (f) =>
          type === 'trace'
            ? f.event_type?.type === 4 && (!sub || OBS_NAME[f.trace_observation_point] === sub)
            : type === 'drop'
              ? f.event_type?.type === 1
              : false,
        );
        break;
      }
      case '--encrypted':
        add('encrypted', (f) => f.IP?.encrypted === true);
        break;
      case '--unencrypted':
        add('encrypted', (f) => f.IP?.encrypted !== true);
        break;
      default:
        throw new UsageError(`unknown flag: ${a}`);
    }
  }
  if (o.first !== undefined && o.last !== undefined) throw new UsageError('cannot set both --first and --last');
  for (const fns of groups.values()) o.filters.push((f) => fns.some((fn) => fn(f)));
  return o;
}

/** Selects and orders the node's records like the Hubble server does for a GetFlows request. */
export function selectFlows(records: FlowRecord[], o: ObserveOptions): FlowRecord[] {
  let sel = records.filter(
    (r) => (!o.since || r.time >= o.since) && (!o.until || r.time <= o.until) && o.filters.every((fn) => fn(r.flow)),
  );
  sel.sort((a, b) => a.time.getTime() - b.time.getTime());
  const last = o.all ? Infinity : (o.last ?? (o.since || o.until || o.first !== undefined ? undefined : 20));
  if (o.first !== undefined) sel = sel.slice(0, o.first);
  else if (last !== undefined && last !== Infinity) sel = sel.slice(Math.max(0, sel.length - last));
  return sel;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.StampMilli ("Jan _2 15:04:05.000"), in UTC like the agent container. */
export function stampMilli(d: Date): string {
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

function host(ep: Obj | undefined, ip: string, port: number | undefined): string {
  const h = ep?.pod_name ? `${ep.namespace}/${ep.pod_name}` : ip;
  return port ? `${h}:${port}` : h;
}

function hostsOf(f: Obj): [string, string, string, string] {
  const tcp = f.l4?.TCP ?? f.l4?.UDP ?? {};
  return [
    host(f.source, f.IP?.source, tcp.source_port),
    host(f.destination, f.IP?.destination, tcp.destination_port),
    `(ID:${f.source?.identity ?? 0})`,
    `(ID:${f.destination?.identity ?? 0})`,
  ];
}

const flowType = (f: Obj): string => (f.event_type?.type === 4 ? (OBS_NAME[f.trace_observation_point] ?? 'UNKNOWN') : 'UNKNOWN');

export interface LostEvents {
  time: Date;
  node: string;
  source: string;
  cpu: number;
  lost: number;
}

/** Renders a `hubble observe` answer (flows, plus any lost-events records in time order). */
export function renderObserve(records: FlowRecord[], lost: LostEvents[], o: ObserveOptions): string {
  type Item = { time: Date; flow?: Obj; lost?: LostEvents };
  const items: Item[] = [...records.map((r) => ({ time: r.time, flow: r.flow })), ...lost.map((l) => ({ time: l.time, lost: l }))].sort(
    (a, b) => a.time.getTime() - b.time.getTime(),
  );
  const lines: string[] = [];
  const rows: string[][] = [];
  let dictCount = 0;
  for (const it of items) {
    if (it.lost) {
      const l = it.lost;
      const iso = nanoTime(l.time);
      if (o.output === 'jsonpb')
        lines.push(
          JSON.stringify({
            lost_events: { source: l.source, num_events_lost: String(l.lost), cpu: { value: l.cpu } },
            node_name: l.node,
            time: iso,
          }),
        );
      else if (o.output === 'compact') lines.push(`${stampMilli(l.time)} EVENTS LOST: ${l.source} CPU(${l.cpu}) ${l.lost}`);
      else if (o.output === 'table')
        rows.push([
          stampMilli(l.time),
          ...(o.printNodeName ? [l.node] : []),
          l.source,
          '-',
          'EVENTS LOST',
          '-',
          `CPU(${l.cpu}) - ${l.lost}`,
        ]);
      else {
        if (dictCount++) lines.push('------------');
        lines.push(
          `  TIMESTAMP: ${stampMilli(l.time)}`,
          `     SOURCE: ${l.source}`,
          '       TYPE: EVENTS LOST',
          '    VERDICT: -',
          `    SUMMARY: CPU(${l.cpu}) - ${l.lost}`,
        );
      }
      continue;
    }
    const f = it.flow!;
    if (o.output === 'jsonpb') {
      lines.push(JSON.stringify({ flow: f, node_name: f.node_name, time: f.time }));
      continue;
    }
    let [src, dst, srcId, dstId] = hostsOf(f);
    let arrow = '->';
    if (f.is_reply === undefined) arrow = '<>';
    else if (f.is_reply) {
      [src, dst, srcId, dstId] = [dst, src, dstId, srcId];
      arrow = '<-';
    }
    const ts = stampMilli(new Date(f.time));
    if (o.output === 'compact') {
      lines.push(
        `${ts}${o.printNodeName ? ` [${f.node_name}]` : ''}: ${src} ${srcId} ${arrow} ${dst} ${dstId} ${flowType(f)} ${f.verdict} (${f.Summary})`,
      );
    } else if (o.output === 'table') {
      const [s, d] = hostsOf(f);
      rows.push([ts, ...(o.printNodeName ? [f.node_name] : []), s, d, flowType(f), f.verdict, f.Summary]);
    } else {
      const [s, d] = hostsOf(f);
      if (dictCount++) lines.push('------------');
      lines.push(
        `  TIMESTAMP: ${ts}`,
        ...(o.printNodeName ? [`       NODE: ${f.node_name}`] : []),
        `     SOURCE: ${s}`,
        `DESTINATION: ${d}`,
        `       TYPE: ${flowType(f)}`,
        `    VERDICT: ${f.verdict}`,
        `    SUMMARY: ${f.Summary}`,
      );
    }
  }
  if (o.output === 'table' && rows.length) {
    const header = ['TIMESTAMP', ...(o.printNodeName ? ['NODE'] : []), 'SOURCE', 'DESTINATION', 'TYPE', 'VERDICT', 'SUMMARY'];
    const all = [header, ...rows];
    const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
    for (const r of all) lines.push(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join(''));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
