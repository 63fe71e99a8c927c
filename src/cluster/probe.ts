// The action's own cross-node probe: per node pair (probe-pairs, spread over pools and zones) a client
// and a server pod pinned to the two nodes in a namespace of its own, connections between them, Hubble
// flows captured from the agents on every node involved. The namespace is always
// removed (also on failure; the post step removes it after a cancellation).
import * as core from '@actions/core';
import { logInfo } from '../log/safe-log.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionError } from '../errors.js';
import type { Kubectl } from './kubectl.js';
import { AGENT_CONTAINER, type AgentPod, type NodeInfo } from './nodes.js';
import { podsReady, withProgress } from './progress.js';
import { pickProbePairs } from '../migration/probe-pairs.js';
import { PROBE_PORT, probeManifest, probeNamespaceName } from './probe-manifest.js';

export const PROBE_STATE = 'probe-namespace';

export interface ProbeOptions {
  image: string;
  /** node pairs to probe */
  pairs: number;
  timeoutMs: number;
  /** connections made from each client to its server */
  connections: number;
  signal?: AbortSignal;
}

export interface NodeCapture {
  node: string;
  pod: string;
  stdout: NodeJS.ReadableStream;
  done: Promise<{ code: number; stderr: string; timedOut: boolean }>;
}

interface PairRun {
  clientNode: string;
  serverNode: string;
  connectionsOk: number;
  connectionErrors: string[];
}

export interface ProbeRun {
  namespace: string;
  pairs: PairRun[];
}

/**
 * Runs the probe and hands the two nodes' Hubble captures to `consume` while the namespace still
 * exists; removes the namespace afterwards whatever happened.
 */
export async function withProbe<T>(
  kubectl: Kubectl,
  ciliumNamespace: string,
  nodes: readonly NodeInfo[],
  agents: readonly AgentPod[],
  opts: ProbeOptions,
  consume: (run: ProbeRun, captures: NodeCapture[]) => Promise<T>,
): Promise<T> {
  const usable = nodes.filter((n) => n.ready && n.schedulable);
  const pairs = pickProbePairs(usable, Math.max(1, opts.pairs));
  if (pairs.length === 0)
    throw new ActionError('The cross-node probe needs two ready, schedulable nodes', {
      hint: 'Scale the cluster to two nodes or more, or leave connectivity out of checks.',
    });
  const namespace = probeNamespaceName(randomBytes(3).toString('hex'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-probe-'));
  const file = path.join(dir, 'probe.yaml');
  writeFileSync(file, probeManifest({ namespace, pairs, image: opts.image }));
  core.saveState(PROBE_STATE, namespace);
  const deadline = Date.now() + opts.timeoutMs;
  const left = (): string => `${Math.max(1, Math.ceil((deadline - Date.now()) / 1000))}s`;
  try {
    await kubectl.run(['create', '--filename', file], `create the probe namespace ${namespace}`, { signal: opts.signal });
    await waitForProbePods(kubectl, namespace, pairs, opts, left);
    // Flows are filtered to the probe namespace and to this window (a few seconds of clock skew allowed).
    const since = new Date(Date.now() - 5_000).toISOString();
    const run: ProbeRun = { namespace, pairs: [] };
    for (const [i, [clientNode, serverNode]] of pairs.entries())
      run.pairs.push(await connectPair(kubectl, namespace, i, clientNode, serverNode, opts));
    const window = { namespace, since, timeoutMs: Math.min(60_000, Math.max(5_000, deadline - Date.now())), signal: opts.signal };
    const captures = [...new Set(pairs.flat())].map((node) => captureFlows(kubectl, ciliumNamespace, agents, node, window));
    return await consume(run, captures);
  } finally {
    const del = await kubectl.deleteNamespace(namespace).catch((e: unknown) => ({ code: 1, stderr: String(e) }));
    if (del.code === 0) core.saveState(PROBE_STATE, '');
    else core.warning(`Could not remove the probe namespace ${namespace} (the post step tries again): ${del.stderr.trim()}`);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function waitForProbePods(
  kubectl: Kubectl,
  namespace: string,
  pairs: ReadonlyArray<readonly string[]>,
  opts: ProbeOptions,
  left: () => string,
): Promise<void> {
  const wait = await withProgress(
    'waiting for the probe pods',
    () => podsReady(kubectl, namespace, 'probe pods'),
    () =>
      kubectl.exec(['wait', '--namespace', namespace, '--for=condition=Ready', 'pod', '--all', `--timeout=${left()}`], {
        signal: opts.signal,
        echo: true,
      }),
  );
  if (wait.code !== 0) {
    throw new ActionError(`The probe pods in ${namespace} did not become ready: ${wait.stderr.trim() || wait.stdout.trim()}`, {
      hint: `Can nodes ${[...new Set(pairs.flat())].join(', ')} pull ${opts.image}? (Set probe-image to a mirror for air-gapped clusters.)`,
    });
  }
}

/** The Hubble flows of the probe namespace since the probe started, from the agent on `node`. */
function captureFlows(
  kubectl: Kubectl,
  ciliumNamespace: string,
  agents: readonly AgentPod[],
  node: string,
  window: { namespace: string; since: string; timeoutMs: number; signal?: AbortSignal },
): NodeCapture {
  const agent = agents.find((a) => a.node === node);
  if (!agent) throw new ActionError(`No Cilium agent pod on probe node ${node}`);
  const p = kubectl.streamIn(
    ciliumNamespace,
    agent.pod,
    AGENT_CONTAINER,
    ['hubble', 'observe', '--output', 'jsonpb', '--namespace', window.namespace, '--since', window.since],
    { timeoutMs: window.timeoutMs, signal: window.signal },
  );
  return { node, pod: agent.pod, stdout: p.stdout, done: p.done };
}

/** `connections` new TCP connections from probe-client-i to probe-server-i. */
async function connectPair(
  kubectl: Kubectl,
  namespace: string,
  i: number,
  clientNode: string,
  serverNode: string,
  opts: ProbeOptions,
): Promise<PairRun> {
  const server = await kubectl.get('pod', `probe-server-${i}`, namespace);
  const ip = (server?.status as { podIP?: string } | undefined)?.podIP;
  if (!ip) throw new ActionError(`The probe server pod probe-server-${i} in ${namespace} has no IP`);
  const run: PairRun = { clientNode, serverNode, connectionsOk: 0, connectionErrors: [] };
  for (let c = 0; c < opts.connections; c++) {
    const r = await kubectl.execIn(
      namespace,
      `probe-client-${i}`,
      undefined,
      ['/agnhost', 'connect', `${ip}:${PROBE_PORT}`, '--timeout=5s'],
      {
        timeoutMs: 15_000,
        signal: opts.signal,
        quiet: c > 0,
      },
    );
    if (r.code === 0 && !r.timedOut) run.connectionsOk++;
    else run.connectionErrors.push(r.timedOut ? 'timed out' : r.stderr.trim() || `exit ${r.code}`);
    // each connection is at most 15 s: one line per connection keeps the log moving
    logInfo(
      `probe ${clientNode} → ${serverNode}: connection ${c + 1}/${opts.connections} ${r.code === 0 && !r.timedOut ? 'ok' : 'failed'} (${run.connectionsOk} ok so far)`,
    );
  }
  return run;
}
