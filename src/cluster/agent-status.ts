// Reads every agent's own status (not a sample): `cilium-dbg status` in each agent pod;
// `cilium status` on images older than cilium-dbg.
import type { ExecFn } from './direct-exec.js';
import { runOnAgents, type AgentExecOptions, type AgentOutput } from './agent-exec.js';
import type { AgentPod } from './nodes.js';

export type { AgentOutput } from './agent-exec.js';
export type StatusOptions = AgentExecOptions;

export async function collectAgentStatus(
  exec: ExecFn,
  namespace: string,
  agents: readonly AgentPod[],
  opts: StatusOptions,
): Promise<AgentOutput[]> {
  return runOnAgents(
    exec,
    namespace,
    agents,
    [
      ['cilium-dbg', 'status'],
      ['cilium', 'status'],
    ],
    { ...opts, what: 'status' },
  );
}
