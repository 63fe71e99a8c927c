// The continuous probe, on the cluster: a namespace of its own, a server and a looping client per node
// pair (see migration/probe-loop-manifest.ts), started before a migration and read at the end. The
// namespace is always removed (the post step removes it after a cancellation).
import * as core from '@actions/core';
import { logInfo } from '../log/safe-log.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionError } from '../errors.js';
import { parseProbeLog, type Attempt } from '../migration/disruption.js';
import { clientName, loopClientPod, loopServerPod, serverName } from '../migration/probe-loop-manifest.js';
import { pickProbePairs } from '../migration/probe-pairs.js';
import type { Kubectl } from './kubectl.js';
import { probeNamespaceName, probeNamespaceObject, yamlDocs } from './probe-manifest.js';

export const CONTINUOUS_PROBE_STATE = 'continuous-probe-namespace';

interface ProbePair {
  client: string;
  server: string;
  pod: string;
}

export interface ContinuousProbe {
  namespace: string;
  pairs: ProbePair[];
  startedAt: number;
}

const IP_RE = /^[0-9a-fA-F:.]+$/;

export async function startContinuousProbe(
  kubectl: Kubectl,
  image: string,
  count: number,
  deadline: number,
): Promise<ContinuousProbe | undefined> {
  const nodes = (await kubectl.list('nodes', undefined)).filter((n) => !(n.spec as { unschedulable?: boolean } | undefined)?.unschedulable);
  const pairs = pickProbePairs(
    nodes.map((n) => ({ name: n.metadata.name, labels: n.metadata.labels ?? {} })),
    count,
  );
  if (pairs.length === 0) {
    core.warning('The continuous probe needs two schedulable nodes: the disruption is not measured.');
    return undefined;
  }
  const namespace = probeNamespaceName(`m-${randomBytes(3).toString('hex')}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-cprobe-'));
  core.saveState(CONTINUOUS_PROBE_STATE, namespace);
  try {
    const apply = async (docs: unknown[], what: string): Promise<void> => {
      const file = path.join(dir, `${what.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, yamlDocs(docs));
      await kubectl.run(['create', '--filename', file], what);
    };
    await apply(
      [probeNamespaceObject(namespace), ...pairs.map(([, server], i) => loopServerPod(namespace, i, server, image))],
      `create the continuous probe servers in ${namespace}`,
    );
    await waitReady(kubectl, namespace, deadline);
    const ips: string[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const ip = String(((await kubectl.get('pod', serverName(i), namespace))?.status as { podIP?: string } | undefined)?.podIP ?? '');
      if (!IP_RE.test(ip)) throw new ActionError(`The continuous probe server ${serverName(i)} in ${namespace} has no IP`);
      ips.push(ip);
    }
    await apply(
      pairs.map(([client], i) => loopClientPod(namespace, i, client, image, ips[i]!)),
      `create the continuous probe clients in ${namespace}`,
    );
    await waitReady(kubectl, namespace, deadline);
    logInfo(`Continuous probe: ${pairs.map(([c, s]) => `${c} → ${s}`).join(', ')} (a new connection every 250 ms)`);
    return { namespace, pairs: pairs.map(([client, server], i) => ({ client, server, pod: clientName(i) })), startedAt: Date.now() };
  } catch (e) {
    await stopContinuousProbe(kubectl, namespace);
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function waitReady(kubectl: Kubectl, namespace: string, deadline: number): Promise<void> {
  const left = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
  const r = await kubectl.exec(['wait', '--namespace', namespace, '--for=condition=Ready', 'pod', '--all', `--timeout=${left}s`]);
  if (r.code !== 0)
    throw new ActionError(`The continuous probe pods in ${namespace} did not become ready: ${r.stderr.trim() || r.stdout.trim()}`, {
      hint: 'Can the nodes pull probe-image? (Set probe-image to a mirror for air-gapped clusters.)',
    });
}

/** Every attempt each client made so far (its container log). */
export async function readContinuousProbe(kubectl: Kubectl, probe: ContinuousProbe): Promise<Attempt[][]> {
  return Promise.all(
    probe.pairs.map(async (p) => {
      const r = await kubectl.exec(['logs', '--namespace', probe.namespace, p.pod], { quiet: true });
      if (r.code !== 0) core.warning(`Could not read the continuous probe ${p.pod}: ${r.stderr.trim()}`);
      return parseProbeLog(r.stdout);
    }),
  );
}

export async function stopContinuousProbe(kubectl: Kubectl, namespace: string): Promise<void> {
  const del = await kubectl.deleteNamespace(namespace).catch((e: unknown) => ({ code: 1, stderr: String(e) }));
  if (del.code === 0) core.saveState(CONTINUOUS_PROBE_STATE, '');
  else core.warning(`Could not remove the continuous probe namespace ${namespace} (the post step tries again): ${del.stderr.trim()}`);
}
