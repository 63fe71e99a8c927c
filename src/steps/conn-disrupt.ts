// The Cilium CLI's connection-disruption test around the routing cutover, as Cilium's own CI checks
// risky operations: set up long-lived connections before, check them after. Only when the CLI is
// installed (connectivity-tests set); reported beside disruption-seconds, not part of the verdict
// (a staged cutover is expected to interrupt connections for about one agent restart).
import { runProcess } from '../process/run.js';
import type { MigrationReport } from '../report/migration.js';
import { step } from '../report/steps.js';
import type { ClusterSession } from './cluster.js';
import type { RunContext } from './context.js';

const SETUP = ['connectivity', 'test', '--include-conn-disrupt-test', '--conn-disrupt-test-setup'];
const CHECK = ['connectivity', 'test', '--include-conn-disrupt-test', '--test', 'no-interrupted-connections'];

const setUp = new WeakSet<MigrationReport>();

async function cilium(ctx: RunContext, session: ClusterSession, args: string[]): Promise<{ ok: boolean; tail: string }> {
  const full = [...args, '--namespace', ctx.config.namespace, ...(ctx.config.context ? ['--context', ctx.config.context] : [])];
  const r = await runProcess(session.cilium!, full, { env: session.access.env, timeoutMs: ctx.config.timeoutMs });
  return { ok: r.code === 0 && !r.timedOut, tail: r.timedOut ? 'timed out' : (r.stdout + r.stderr).trim().split('\n').slice(-2).join(' ') };
}

export async function connDisruptSetup(ctx: RunContext, session: ClusterSession, m: MigrationReport): Promise<void> {
  if (!ctx.config.connectivityTests || !session.cilium) return;
  const r = await step(ctx.report, 'Connection-disruption test: set up', () => cilium(ctx, session, SETUP));
  if (r.ok) setUp.add(m);
  if (!r.ok) m.connDisrupt = { verdict: 'fail', reason: `set-up failed: ${r.tail}` };
}

export async function connDisruptCheck(ctx: RunContext, session: ClusterSession, m: MigrationReport): Promise<void> {
  if (!setUp.delete(m)) return;
  const r = await step(ctx.report, 'Connection-disruption test: check', () => cilium(ctx, session, CHECK));
  m.connDisrupt = { verdict: r.ok ? 'pass' : 'fail', reason: r.ok ? 'no long-lived connection was interrupted' : r.tail };
}
