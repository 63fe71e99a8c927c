// Runs one read-only command in every agent pod, concurrently with a bounded pool and a per-exec
// time-out. Alternatives are tried in order when the binary is missing (older images have `cilium`
// where newer ones have `cilium-dbg`). Output on stdout counts even with a non-zero exit: Cilium's
// status commands exit 1 when something is unhealthy but still print the state.
import { mapPool } from '../exec/pool.js';
import type { ExecFn } from './direct-exec.js';
import { AGENT_CONTAINER, type AgentPod } from './nodes.js';

export interface AgentOutput {
  node: string;
  pod: string;
  /** the output, when the exec worked */
  text?: string;
  /** why there is no text */
  error?: string;
}

export interface AgentExecOptions {
  concurrency: number;
  perExecTimeoutMs: number;
}

const NOT_FOUND = /executable file not found|not found in \$PATH|no such file/i;

export async function runOnAgents(
  exec: ExecFn,
  namespace: string,
  agents: readonly AgentPod[],
  alternatives: readonly (readonly string[])[],
  opts: AgentExecOptions & { /** names the read in messages, e.g. status */ what: string },
): Promise<AgentOutput[]> {
  return mapPool(agents, opts.concurrency, async (a) => {
    const run = (cmd: readonly string[]) => exec(namespace, a.pod, AGENT_CONTAINER, [...cmd], { timeoutMs: opts.perExecTimeoutMs });
    let r = await run(alternatives[0]!);
    for (const alt of alternatives.slice(1)) {
      if (r.timedOut || r.code === 0 || !NOT_FOUND.test(r.stderr)) break;
      r = await run(alt);
    }
    if (r.timedOut)
      return { node: a.node, pod: a.pod, error: `${opts.what} did not answer within ${Math.round(opts.perExecTimeoutMs / 1000)} s` };
    if (r.stdout.trim() === '')
      return { node: a.node, pod: a.pod, error: `exec failed (exit ${r.code}): ${r.stderr.trim().split('\n')[0] ?? ''}` };
    return { node: a.node, pod: a.pod, text: r.stdout };
  });
}
