// The routing cutover's restart: the agents in large batches (cutover-batch; 100% = all at once)
// instead of the DaemonSet's rolling update two at a time, so the window in which restarted and
// not-yet-restarted nodes cannot reach each other lasts about one agent restart, whatever the node
// count. Deleting an agent pod makes the DaemonSet controller start a new one at once, with the
// current template and cilium-config. Then the operator restarts as well.
import { logInfo } from '../log/safe-log.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { batchSize, type CutoverBatch } from '../migration/strategy.js';
import { ActionError } from '../errors.js';
import type { Kubectl } from './kubectl.js';
import { listAgents, type AgentPod } from './nodes.js';
import { AGENT_DAEMONSET, OPERATOR_DEPLOYMENT, waitRollout } from './restart.js';

const POLL_MS = 1_000;
const PROGRESS_MS = 20_000;

export async function cutoverRestart(kubectl: Kubectl, namespace: string, batch: CutoverBatch, deadline: number): Promise<void> {
  const agents = (await listAgents(kubectl, namespace)).sort((a, b) => a.node.localeCompare(b.node));
  const size = batchSize(batch, agents.length);
  for (let i = 0; i < agents.length; i += size) {
    const group = agents.slice(i, i + size);
    logInfo(
      `Cutover: restarting ${group.length} of ${agents.length} agents at once (batch ${i / size + 1} of ${Math.ceil(agents.length / size)})`,
    );
    await kubectl.run(['delete', 'pod', '--namespace', namespace, '--wait=false', ...group.map((a) => a.pod)], 'restart the agents');
    await waitReplaced(kubectl, namespace, group, deadline);
  }
  await kubectl.run(['rollout', 'restart', OPERATOR_DEPLOYMENT, '--namespace', namespace], `restart ${OPERATOR_DEPLOYMENT}`);
  for (const workload of [AGENT_DAEMONSET, OPERATOR_DEPLOYMENT]) await waitRollout(kubectl, namespace, workload, deadline);
}

/** Until every node of the batch runs a new, ready agent pod; a progress line at least every 20 s. */
async function waitReplaced(kubectl: Kubectl, namespace: string, group: readonly AgentPod[], deadline: number): Promise<void> {
  const old = new Set(group.map((a) => a.pod));
  const started = Date.now();
  let said = started;
  for (;;) {
    const now = await listAgents(kubectl, namespace);
    const waiting = group.filter((g) => !now.some((a) => a.node === g.node && a.ready && !old.has(a.pod)));
    if (waiting.length === 0) return;
    if (Date.now() > deadline) {
      throw new ActionError(`The agents on ${waiting.map((w) => w.node).join(', ')} did not come back ready after the cutover restart`, {
        hint: 'Check the named nodes (kubectl describe pod / kubectl logs -c cilium-agent). WireGuard needs UDP 51871 open between nodes (Azure NSG).',
      });
    }
    if (Date.now() - said >= PROGRESS_MS) {
      said = Date.now();
      logInfo(`Cutover: ${group.length - waiting.length}/${group.length} agents back after ${Math.round((said - started) / 1000)} s`);
    }
    await sleep(POLL_MS);
  }
}
