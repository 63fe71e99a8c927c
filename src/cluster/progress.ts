// Long waits (helm upgrade --wait, kubectl rollout status, the probe pods) print what is pending
// when they start and at least every 30 s, so a log of a large cluster never goes quiet for minutes.
import { logInfo } from '../log/safe-log.js';
import type { Kubectl } from './kubectl.js';

const PROGRESS_EVERY_MS = 30_000;

/** Runs `work`, logging `status()` once at the start and then every PROGRESS_EVERY_MS until it settles. */
export async function withProgress<T>(what: string, status: () => Promise<string>, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  let busy = false;
  const report = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      const s = await status().catch(() => 'status unavailable');
      logInfo(`${what} (${Math.round((Date.now() - started) / 1000)} s): ${s}`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void report(), PROGRESS_EVERY_MS);
  try {
    const [result] = await Promise.all([work(), report()]);
    return result;
  } finally {
    clearInterval(timer);
  }
}

interface WorkloadStatus {
  desiredNumberScheduled?: number;
  updatedNumberScheduled?: number;
  numberReady?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
}

/** Pure: e.g. `agents: 37/50 updated, 35 ready`. */
export function describeRollout(label: string, kind: 'daemonset' | 'deployment', status: WorkloadStatus | undefined): string {
  if (!status) return `${label}: not found`;
  const want = (kind === 'daemonset' ? status.desiredNumberScheduled : status.replicas) ?? 0;
  const updated = (kind === 'daemonset' ? status.updatedNumberScheduled : status.updatedReplicas) ?? 0;
  const ready = (kind === 'daemonset' ? status.numberReady : status.readyReplicas) ?? 0;
  return `${label}: ${updated}/${want} updated, ${ready} ready`;
}

/** The agents' and the operator's rollout, read without a log line of its own. */
export async function rolloutProgress(kubectl: Kubectl, namespace: string): Promise<string> {
  const read = async (kind: 'daemonset' | 'deployment', name: string): Promise<WorkloadStatus | undefined> => {
    const r = await kubectl.exec(['get', kind, name, '--namespace', namespace, '--output', 'json'], { quiet: true, timeoutMs: 20_000 });
    return r.code === 0 ? ((JSON.parse(r.stdout) as { status?: WorkloadStatus }).status ?? {}) : undefined;
  };
  const [agents, operator] = await Promise.all([read('daemonset', 'cilium'), read('deployment', 'cilium-operator')]);
  return `${describeRollout('agents', 'daemonset', agents)}; ${describeRollout('operator', 'deployment', operator)}`;
}

/** Pods of a namespace that are ready, e.g. `probe pods: 1/2 ready`. */
export async function podsReady(kubectl: Kubectl, namespace: string, label: string): Promise<string> {
  const r = await kubectl.exec(['get', 'pods', '--namespace', namespace, '--output', 'json'], { quiet: true, timeoutMs: 20_000 });
  if (r.code !== 0) return `${label}: not readable yet`;
  const pods =
    (JSON.parse(r.stdout) as { items?: Array<{ status?: { conditions?: Array<{ type: string; status: string }> } }> }).items ?? [];
  const ready = pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
  return `${label}: ${ready}/${pods.length} ready`;
}
