// A stand-in for the Cilium CLI (no real one is available offline): a small executable Node script
// that forwards its arguments to the test server, which answers `version`, `status` and
// `connectivity test` from the cluster state.
//
// connectivity test, simplified: it fails when an agent is not ready, when the agents' datapaths
// disagree (some tunnelling, some routing natively: pod-to-pod across those nodes breaks on a real
// cluster), when WireGuard is on for some agents and off for others (pod-to-pod-encryption), or when
// the noCrossNodeTraffic fault is set (flow validation finds no cross-node flows). It creates nothing.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { datapathOf } from './agent-status.js';
import { type ClusterContext, versionOfImage } from './commands.js';
import type { Obj } from './types.js';

const CILIUM_CLI_VERSION = 'v0.18.9';
const DEFAULT_IMAGE_VERSION = 'v1.18.5';

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Writes the executable `cilium` into dir and returns its path. */
export function writeCiliumCli(dir: string): string {
  const file = path.join(dir, 'cilium');
  const script = `#!${process.execPath}
// Stand-in Cilium CLI for the tests: forwards argv to the test API server named in the kubeconfig.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const args = process.argv.slice(2);
// Like the real CLI, \`version --client\` needs no cluster.
if (args[0] === 'version' && args.includes('--client')) {
  process.stdout.write('cilium-cli: ${CILIUM_CLI_VERSION} compiled with go1.25.5 on linux/amd64\\n');
  process.exit(0);
}
let kubeconfig = (process.env.KUBECONFIG || '').split(':').filter(Boolean)[0] || require('node:path').join(os.homedir(), '.kube', 'config');
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--kubeconfig') kubeconfig = args[i + 1];
  else if (args[i].startsWith('--kubeconfig=')) kubeconfig = args[i].slice('--kubeconfig='.length);
}
let server;
try {
  const m = /server:\\s*["']?(http[^\\s"']+)/.exec(fs.readFileSync(kubeconfig, 'utf8'));
  server = m && m[1];
} catch (e) {
  process.stderr.write('Error: Unable to create Kubernetes client: ' + e.message + '\\n');
  process.exit(1);
}
if (!server) {
  process.stderr.write('Error: Unable to create Kubernetes client: no server in ' + kubeconfig + '\\n');
  process.exit(1);
}
fetch(server.replace(/\\/$/, '') + '/_test/cilium-cli', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ args }),
})
  .then((r) => r.json())
  .then((r) => {
    process.stdout.write(r.stdout || '');
    process.stderr.write(r.stderr || '');
    process.exitCode = typeof r.code === 'number' ? r.code : 1;
  })
  .catch((e) => {
    process.stderr.write('Error: Unable to connect to the Kubernetes API server: ' + e.message + '\\n');
    process.exitCode = 1;
  });
`;
  writeFileSync(file, script);
  chmodSync(file, 0o755);
  return file;
}

interface Flags {
  positional: string[];
  namespace: string;
  flags: Map<string, string>;
}

function parseFlags(args: string[]): Flags {
  const out: Flags = { positional: [], namespace: 'kube-system', flags: new Map() };
  const withValue = new Set([
    '--kubeconfig',
    '--context',
    '-n',
    '--namespace',
    '--test',
    '--wait-duration',
    '-o',
    '--output',
    '--helm-release-name',
    '--interactive-interval',
  ]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      const value = eq > 0 ? a.slice(eq + 1) : withValue.has(name) ? (args[++i] ?? '') : 'true';
      if (name === '-n' || name === '--namespace') out.namespace = value;
      const prev = out.flags.get(name);
      out.flags.set(name, prev && name === '--test' ? `${prev},${value}` : value);
    } else out.positional.push(a);
  }
  return out;
}

interface Workload {
  kind: 'DaemonSet' | 'Deployment';
  obj: Obj;
  desired: number;
  ready: number;
  available: number;
  updated: number;
}

function workloads(ctx: ClusterContext, ns: string): Workload[] {
  const get = (kind: 'DaemonSet' | 'Deployment', name: string): Workload | undefined => {
    const rt = ctx.api.registry.byKind('apps/v1', kind)!;
    const o = ctx.api.store.get(rt, ns, name);
    if (!o) return undefined;
    const s = o.status ?? {};
    return kind === 'DaemonSet'
      ? {
          kind,
          obj: o,
          desired: s.desiredNumberScheduled ?? 0,
          ready: s.numberReady ?? 0,
          available: s.numberAvailable ?? 0,
          updated: s.updatedNumberScheduled ?? 0,
        }
      : {
          kind,
          obj: o,
          desired: o.spec?.replicas ?? 1,
          ready: s.readyReplicas ?? 0,
          available: s.availableReplicas ?? 0,
          updated: s.updatedReplicas ?? 0,
        };
  };
  return [
    get('DaemonSet', 'cilium'),
    get('DaemonSet', 'cilium-envoy'),
    get('Deployment', 'cilium-operator'),
    get('Deployment', 'hubble-relay'),
  ].filter((w): w is Workload => !!w);
}

function statusErrors(ws: Workload[]): string[] {
  const errors: string[] = [];
  if (!ws.some((w) => w.obj.metadata.name === 'cilium'))
    errors.push('cilium             cilium          daemonsets.apps "cilium" not found');
  for (const w of ws) {
    const name = w.obj.metadata.name as string;
    const notReady = w.desired - w.ready;
    if (notReady > 0) errors.push(`${name.padEnd(18)} ${name.padEnd(15)} ${notReady} pods of ${w.kind} ${name} are not ready`);
    if (w.kind === 'DaemonSet' && w.updated < w.desired)
      errors.push(`${name.padEnd(18)} ${name.padEnd(15)} ${w.desired - w.updated} pods of ${w.kind} ${name} are not updated`);
  }
  return errors;
}

function renderStatus(ctx: ClusterContext, ns: string): { text: string; errors: string[]; json: Obj } {
  const ws = workloads(ctx, ns);
  const errors = statusErrors(ws);
  const state = (name: string): string => {
    const w = ws.find((x) => x.obj.metadata.name === name);
    if (!w) return 'disabled';
    return w.ready < w.desired ? `${w.desired - w.ready} errors` : 'OK';
  };
  const pods = ctx.controller.findPods((p) => p.metadata.namespace === ns);
  const lines = [
    '    /¯¯\\',
    ` /¯¯\\__/¯¯\\    Cilium:             ${state('cilium')}`,
    ` \\__/¯¯\\__/    Operator:           ${state('cilium-operator')}`,
    ` /¯¯\\__/¯¯\\    Envoy DaemonSet:    ${state('cilium-envoy')}`,
    ` \\__/¯¯\\__/    Hubble Relay:       ${state('hubble-relay')}`,
    '    \\__/       ClusterMesh:        disabled',
    '',
    ...ws.map(
      (w) =>
        `${w.kind.padEnd(23)}${String(w.obj.metadata.name).padEnd(25)}Desired: ${w.desired}, Ready: ${w.ready}/${w.desired}, Available: ${w.available}/${w.desired}`,
    ),
  ];
  ws.forEach((w, i) => {
    const running = pods.filter(
      (p) =>
        ((p.metadata.ownerReferences ?? []) as Obj[]).length &&
        p.status?.phase === 'Running' &&
        String(p.metadata.name).startsWith(`${w.obj.metadata.name}-`),
    ).length;
    lines.push(`${(i === 0 ? 'Containers:' : '').padEnd(23)}${String(w.obj.metadata.name).padEnd(25)}Running: ${running}`);
  });
  const managed = ctx.controller.findPods((p) => !p.spec?.hostNetwork && p.status?.phase === 'Running').length;
  lines.push(`Cluster Pods:          ${managed}/${managed} managed by Cilium`);
  const chart = ws[0]?.obj.metadata.labels?.['helm.sh/chart'] ?? '';
  const agentImage = (ws.find((w) => w.obj.metadata.name === 'cilium')?.obj.spec?.template?.spec?.containers ?? [])[0]?.image as
    string | undefined;
  lines.push(`Helm chart version:    ${chart.replace(/^cilium-/, '') || (agentImage ? versionOfImage(agentImage) : '')}`);
  ws.forEach((w, i) => {
    const image = ((w.obj.spec?.template?.spec?.containers ?? []) as Obj[])[0]?.image ?? '';
    lines.push(`${(i === 0 ? 'Image versions' : '').padEnd(23)}${String(w.obj.metadata.name).padEnd(19)}${image}: ${w.ready}`);
  });
  if (errors.length) errors.forEach((e, i) => lines.push(`${(i === 0 ? 'Errors:' : '').padEnd(23)}${e}`));
  const json = {
    daemon_sets: Object.fromEntries(ws.filter((w) => w.kind === 'DaemonSet').map((w) => [w.obj.metadata.name, w.obj.status])),
    deployments: Object.fromEntries(ws.filter((w) => w.kind === 'Deployment').map((w) => [w.obj.metadata.name, w.obj.status])),
    errors: errors.length ? { cilium: { cilium: { errors: errors.map((e) => e.replace(/^\S+\s+\S+\s+/, '')) } } } : {},
  };
  return { text: `${lines.join('\n')}\n`, errors, json };
}

function durationMs(v: string | undefined, dflt: number): number {
  if (!v) return dflt;
  const m = /^(\d+)(ms|s|m)?$/.exec(v);
  if (!m) return dflt;
  return Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 'm' ? 60000 : 1000);
}

async function status(ctx: ClusterContext, f: Flags): Promise<CliResult> {
  const wait = f.flags.get('--wait') === 'true';
  const deadline = Date.now() + durationMs(f.flags.get('--wait-duration'), 5 * 60000);
  let r = renderStatus(ctx, f.namespace);
  while (wait && r.errors.length && Date.now() < deadline) {
    await sleep(100);
    r = renderStatus(ctx, f.namespace);
  }
  const out = f.flags.get('-o') ?? f.flags.get('--output');
  const stdout = out === 'json' ? `${JSON.stringify(r.json, null, 2)}\n` : r.text;
  if (r.errors.length)
    return { stdout, stderr: `Error: Unable to determine status: cilium is not ready: ${r.errors.length} errors\n`, code: 1 };
  return { stdout, stderr: '', code: 0 };
}

function connectivity(ctx: ClusterContext, f: Flags): CliResult {
  const st = renderStatus(ctx, f.namespace);
  if (f.flags.get('--conn-disrupt-test-setup') === 'true' && !st.errors.length) {
    ctx.connDisruptSince = Date.now();
    return {
      stdout: `✨ [${ctx.clusterName}] Deploying test-conn-disrupt-server and test-conn-disrupt-client...\n✅ Connection disruption test setup complete\n`,
      stderr: '',
      code: 0,
    };
  }
  if (st.errors.length)
    return { stdout: '', stderr: `Error: connectivity test failed: cilium status check failed:\n${st.errors.join('\n')}\n`, code: 1 };
  const agents = ctx.controller.nodes.map((n) => ctx.controller.agentOnNode(n.name)).filter((a) => !!a);
  const paths = agents.map((a) => datapathOf(a.config));
  const routing = new Set(paths.map((p) => p.routing));
  const encryption = new Set(paths.map((p) => p.encryption));
  const wg = paths.some((p) => p.encryption === 'Wireguard');
  const tests: Array<{ name: string; actions: number; failure?: string; skip?: boolean }> = [
    {
      name: 'no-policies',
      actions: 6,
      failure: routing.size > 1 ? 'pod-to-pod across nodes with different routing modes timed out' : undefined,
    },
    {
      name: 'pod-to-pod',
      actions: 4,
      failure:
        routing.size > 1
          ? `agents disagree on the routing mode (${[...routing].join(', ')})`
          : ctx.api.faults.noCrossNodeTraffic
            ? 'flow validation failed: no flows seen between the client and echo-other-node'
            : undefined,
    },
    {
      name: 'pod-to-pod-encryption',
      actions: 2,
      skip: !wg,
      failure: wg && encryption.size > 1 ? 'unencrypted traffic seen between nodes' : undefined,
    },
    { name: 'node-to-node-encryption', actions: 2, skip: !wg },
  ];
  if (f.flags.get('--include-conn-disrupt-test') === 'true') {
    // the long-lived connections opened at setup break when any two nodes could not reach each other since
    const split =
      ctx.connDisruptSince === undefined
        ? 'the conn-disrupt test was not set up'
        : ctx.controller.datapaths.firstSplit(ctx.connDisruptSince, Date.now());
    tests.push({ name: 'no-interrupted-connections', actions: 2, failure: split && `connections were interrupted (${split})` });
  }
  const wanted = (f.flags.get('--test') ?? '').split(',').filter(Boolean);
  const selected = tests.filter(
    (t) =>
      wanted.length === 0 || wanted.some((w) => (w.startsWith('!') ? !new RegExp(w.slice(1)).test(t.name) : new RegExp(w).test(t.name))),
  );
  const run = selected.filter((t) => !t.skip);
  const failed = run.filter((t) => t.failure);
  const actions = run.reduce((a, t) => a + t.actions, 0);
  const ns = 'cilium-test-1';
  const lines = [
    `ℹ️  Monitor aggregation detected, will skip some flow validation steps`,
    `✨ [${ctx.clusterName}] Creating namespace ${ns} for connectivity check...`,
    `🏃[${ns}] Running ${run.length} tests ...`,
    ...run.map((t, i) => `[=] [${ns}] Test [${t.name}] [${i + 1}/${run.length}]\n${'.'.repeat(t.actions)}`),
  ];
  const skipped = selected.length - run.length;
  if (failed.length === 0) {
    lines.push(`✅ [${ns}] All ${run.length} tests (${actions} actions) successful, ${skipped} tests skipped, 0 scenarios skipped.`);
    return { stdout: `${lines.join('\n')}\n`, stderr: '', code: 0 };
  }
  lines.push(
    '',
    `📋 Test Report [${ns}]`,
    `❌ ${failed.length}/${run.length} tests failed (${failed.reduce((a, t) => a + t.actions, 0)}/${actions} actions), ${skipped} tests skipped, 0 scenarios skipped:`,
    ...failed.map((t) => `Test [${t.name}]:\n  ❌ ${t.name}: ${t.failure}`),
  );
  return { stdout: `${lines.join('\n')}\n`, stderr: `Error: connectivity test failed: ${failed.length} tests failed\n`, code: 1 };
}

/** Answers one invocation of the stand-in CLI. */
export async function ciliumCli(ctx: ClusterContext, args: string[]): Promise<CliResult> {
  const f = parseFlags(args);
  const [cmd, sub] = f.positional;
  if (cmd === 'version') {
    const lines = [
      `cilium-cli: ${CILIUM_CLI_VERSION} compiled with go1.25.5 on linux/amd64`,
      `cilium image (default): ${DEFAULT_IMAGE_VERSION}`,
      'cilium image (stable): unknown',
    ];
    if (f.flags.get('--client') !== 'true') {
      const agent = workloads(ctx, f.namespace).find((w) => w.obj.metadata.name === 'cilium');
      const image = ((agent?.obj.spec?.template?.spec?.containers ?? []) as Obj[])[0]?.image as string | undefined;
      lines.push(
        image
          ? `cilium image (running): ${versionOfImage(image, ctx.ciliumImageVersion)}`
          : 'cilium image (running): unknown. Unable to obtain cilium version. Reason: release: not found',
      );
    }
    return { stdout: `${lines.join('\n')}\n`, stderr: '', code: 0 };
  }
  if (cmd === 'status') return status(ctx, f);
  if (cmd === 'connectivity' && sub === 'test') return connectivity(ctx, f);
  return {
    stdout: '',
    stderr: `Error: unknown command "${cmd ?? ''}" for "cilium" (the test stand-in knows version, status, connectivity test)\n`,
    code: 1,
  };
}
