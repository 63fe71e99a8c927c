// Runs read-only commands in agent pods, with a per-exec time-out. Alternatives are tried in order
// when the binary is missing (older images have `cilium` where newer ones have `cilium-dbg`). Output
// on stdout counts even with a non-zero exit: Cilium's status commands exit 1 when something is
// unhealthy but still print the state.
import { errorMessage } from '../errors.js';
import { mapPool } from '../process/pool.js';
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

type Alternatives = readonly (readonly string[])[];

const NOT_FOUND = /executable file not found|not found in \$PATH|no such file/i;

/** One command in every agent pod, concurrently with a bounded pool. */
export async function runOnAgents(
  exec: ExecFn,
  namespace: string,
  agents: readonly AgentPod[],
  alternatives: Alternatives,
  opts: AgentExecOptions & { /** names the read in messages, e.g. status */ what: string },
): Promise<AgentOutput[]> {
  exec.expect?.(agents.length);
  return mapPool(agents, opts.concurrency, (a) => runOnAgent(exec, namespace, a, alternatives, opts));
}

/** One command in one agent pod. */
async function runOnAgent(
  exec: ExecFn,
  namespace: string,
  a: AgentPod,
  alternatives: Alternatives,
  opts: { perExecTimeoutMs: number; what: string },
): Promise<AgentOutput & { timedOut?: true }> {
  const run = (cmd: readonly string[]) => exec(namespace, a.pod, AGENT_CONTAINER, [...cmd], { timeoutMs: opts.perExecTimeoutMs });
  let r = await run(alternatives[0]!);
  for (const alt of alternatives.slice(1)) {
    if (r.timedOut || r.code === 0 || !NOT_FOUND.test(r.stderr)) break;
    r = await run(alt);
  }
  if (r.timedOut)
    return {
      node: a.node,
      pod: a.pod,
      error: `${opts.what} did not answer within ${Math.round(opts.perExecTimeoutMs / 1000)} s`,
      timedOut: true,
    };
  if (r.stdout.trim() === '')
    return { node: a.node, pod: a.pod, error: `exec failed (exit ${r.code}): ${r.stderr.trim().split('\n')[0] ?? ''}` };
  return { node: a.node, pod: a.pod, text: r.stdout };
}

/**
 * A read with a cheap form and a full one: the cheap command first, and the full one when the cheap
 * one failed or its output was turned down (undefined from `accept`). A time-out is not retried.
 */
export interface TieredRead<T> {
  what: string;
  cheap?: { alternatives: Alternatives; accept: (text: string) => T | undefined };
  full: { alternatives: Alternatives; parse: (text: string) => T };
}

export type ReadResult<T> = { node: string; value: T; error?: undefined } | { node: string; value?: undefined; error: string };

export async function readAgent<T>(
  exec: ExecFn,
  namespace: string,
  a: AgentPod,
  read: TieredRead<T>,
  opts: { perExecTimeoutMs: number },
): Promise<ReadResult<T>> {
  const o = { ...opts, what: read.what };
  if (read.cheap) {
    const r = await runOnAgent(exec, namespace, a, read.cheap.alternatives, o);
    if (r.timedOut) return { node: a.node, error: r.error! };
    const v = r.text === undefined ? undefined : read.cheap.accept(r.text);
    if (v !== undefined) return { node: a.node, value: v };
  }
  const r = await runOnAgent(exec, namespace, a, read.full.alternatives, o);
  if (r.text === undefined) return { node: a.node, error: r.error! };
  try {
    return { node: a.node, value: read.full.parse(r.text) };
  } catch (e) {
    return { node: a.node, error: `output not understood: ${errorMessage(e)}` };
  }
}
