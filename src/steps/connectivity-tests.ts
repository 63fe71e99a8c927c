// `connectivity-tests`: a subset of the Cilium CLI's connectivity test, beside the action's own probe.
import { withProgress } from '../cluster/progress.js';
import { runProcess } from '../process/run.js';
import type { ClusterSession } from './cluster.js';
import type { RunContext } from './context.js';
import type { Outcome } from './judgement.js';

export async function connectivityTests(ctx: RunContext, session: ClusterSession, deadline: number): Promise<Outcome> {
  const { config } = ctx;
  const args = ['connectivity', 'test', '--test', config.connectivityTests!, '--namespace', config.namespace];
  if (config.context) args.push('--context', config.context);
  const r = await withProgress(
    'cilium connectivity test',
    async () => `--test ${config.connectivityTests} still running`,
    () => runProcess(session.cilium!, args, { env: session.access.env, timeoutMs: Math.max(30_000, deadline - Date.now()), echo: true }),
  );
  const tail = (r.stdout + r.stderr).trim().split('\n').slice(-3).join(' ');
  return r.code === 0 && !r.timedOut
    ? { check: 'cilium connectivity test', verdict: 'pass', reason: `--test ${config.connectivityTests} passed` }
    : { check: 'cilium connectivity test', verdict: 'fail', reason: r.timedOut ? 'timed out' : tail };
}
