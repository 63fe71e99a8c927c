// The action's own cross-node probe: two pods pinned to different nodes in a namespace of its own,
// traffic between them, Hubble flows captured from the agents on both nodes. The namespace is always
// removed (also on failure; the post step removes it after a cancellation).
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionError } from '../errors.js';
import type { Kubectl } from './kubectl.js';
import { AGENT_CONTAINER, type AgentPod, type NodeInfo } from './nodes.js';
import { podsReady, withProgress } from './progress.js';
import { pickProbeNodes, PROBE_PORT, probeManifest, probeNamespaceName } from './probe-manifest.js';

export const PROBE_STATE = 'probe-namespace';

export interface ProbeOptions {
  image: string;
  timeoutMs: number;
  /** connections made from the client to the server */
  connections: number;
  signal?: AbortSignal;
}

export interface NodeCapture {
  node: string;
  pod: string;
  stdout: NodeJS.ReadableStream;
  done: Promise<{ code: number; stderr: string; timedOut: boolean }>;
}

export interface ProbeRun {
  namespace: string;
  serverNode: string;
  clientNode: string;
  connectionsOk: number;
  connectionErrors: string[];
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
  const pair = pickProbeNodes(nodes);
  if (!pair) throw new ActionError('The cross-node probe needs two ready, schedulable nodes', { hint: 'Scale the cluster to two nodes or more, or leave connectivity out of checks.' });
  const [serverNode, clientNode] = pair;
  const namespace = probeNamespaceName(randomBytes(3).toString('hex'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-probe-'));
  const file = path.join(dir, 'probe.yaml');
  writeFileSync(file, probeManifest({ namespace, serverNode, clientNode, image: opts.image }));
  core.saveState(PROBE_STATE, namespace);
  const deadline = Date.now() + opts.timeoutMs;
  const left = (): string => `${Math.max(1, Math.ceil((deadline - Date.now()) / 1000))}s`;
  try {
    await kubectl.run(['create', '--filename', file], `create the probe namespace ${namespace}`, { signal: opts.signal });
    const wait = await withProgress('waiting for the probe pods', () => podsReady(kubectl, namespace, 'probe pods'), () =>
      kubectl.exec(['wait', '--namespace', namespace, '--for=condition=Ready', 'pod', '--all', `--timeout=${left()}`], { signal: opts.signal, echo: true }),
    );
    if (wait.code !== 0) {
      throw new ActionError(`The probe pods in ${namespace} did not become ready: ${wait.stderr.trim() || wait.stdout.trim()}`, {
        hint: `Can nodes ${serverNode} and ${clientNode} pull ${opts.image}? (Set probe-image to a mirror for air-gapped clusters.)`,
      });
    }
    const server = await kubectl.get('pod', 'probe-server', namespace);
    const ip = (server?.status as { podIP?: string } | undefined)?.podIP;
    if (!ip) throw new ActionError(`The probe server pod in ${namespace} has no IP`);

    // Flows are filtered to the probe namespace and to this window (a few seconds of clock skew allowed).
    const since = new Date(Date.now() - 5_000).toISOString();
    const run: ProbeRun = { namespace, serverNode, clientNode, connectionsOk: 0, connectionErrors: [] };
    for (let i = 0; i < opts.connections; i++) {
      const r = await kubectl.execIn(namespace, 'probe-client', undefined, ['/agnhost', 'connect', `${ip}:${PROBE_PORT}`, '--timeout=5s'], {
        timeoutMs: 15_000,
        signal: opts.signal,
        quiet: i > 0,
      });
      if (r.code === 0 && !r.timedOut) run.connectionsOk++;
      else run.connectionErrors.push(r.timedOut ? 'timed out' : r.stderr.trim() || `exit ${r.code}`);
      // each connection is at most 15 s: one line per connection keeps the log moving
      core.info(`probe: connection ${i + 1}/${opts.connections} ${r.code === 0 && !r.timedOut ? 'ok' : 'failed'} (${run.connectionsOk} ok so far)`);
    }

    const captures: NodeCapture[] = [];
    for (const node of [clientNode, serverNode]) {
      const agent = agents.find((a) => a.node === node);
      if (!agent) throw new ActionError(`No Cilium agent pod on probe node ${node}`);
      const p = kubectl.streamIn(ciliumNamespace, agent.pod, AGENT_CONTAINER, ['hubble', 'observe', '--output', 'jsonpb', '--namespace', namespace, '--since', since], {
        timeoutMs: Math.min(60_000, Math.max(5_000, deadline - Date.now())),
        signal: opts.signal,
      });
      captures.push({ node, pod: agent.pod, stdout: p.stdout, done: p.done });
    }
    return await consume(run, captures);
  } finally {
    const del = await kubectl.deleteNamespace(namespace).catch((e: unknown) => ({ code: 1, stderr: String(e) }));
    if (del.code === 0) core.saveState(PROBE_STATE, '');
    else core.warning(`Could not remove the probe namespace ${namespace} (the post step tries again): ${del.stderr.trim()}`);
    rmSync(dir, { recursive: true, force: true });
  }
}
