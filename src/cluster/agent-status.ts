// Reads every agent's own status (not a sample): `cilium-dbg status` in each agent pod, concurrently
// with a bounded pool and a per-exec time-out; `cilium status` on images older than cilium-dbg.
import { mapPool } from '../exec/pool.js';
import type { ExecFn } from './direct-exec.js';
import { AGENT_CONTAINER, type AgentPod } from './nodes.js';

export interface AgentOutput {
  node: string;
  pod: string;
  /** the status text, when the exec worked */
  text?: string;
  /** why there is no text */
  error?: string;
}

export interface StatusOptions {
  concurrency: number;
  perExecTimeoutMs: number;
}

export async function collectAgentStatus(exec: ExecFn, namespace: string, agents: readonly AgentPod[], opts: StatusOptions): Promise<AgentOutput[]> {
  return mapPool(agents, opts.concurrency, async (a) => {
    const run = (cmd: string[]) => exec(namespace, a.pod, AGENT_CONTAINER, cmd, { timeoutMs: opts.perExecTimeoutMs });
    let r = await run(['cilium-dbg', 'status']);
    if (!r.timedOut && r.code !== 0 && /executable file not found|not found in \$PATH|no such file/i.test(r.stderr)) {
      r = await run(['cilium', 'status']);
    }
    if (r.timedOut) return { node: a.node, pod: a.pod, error: `status did not answer within ${Math.round(opts.perExecTimeoutMs / 1000)} s` };
    // cilium-dbg status exits non-zero when something is unhealthy but still prints the status.
    if (r.stdout.trim() === '') return { node: a.node, pod: a.pod, error: `exec failed (exit ${r.code}): ${r.stderr.trim().split('\n')[0] ?? ''}` };
    return { node: a.node, pod: a.pod, text: r.stdout };
  });
}
