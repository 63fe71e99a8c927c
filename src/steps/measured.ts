// The disruption, measured: the continuous probe runs from before the first change until the final
// verification is done; then each phase's and the whole run's longest failure stretch are computed
// from the clients' logs into the migration record, and judged against max-disruption.
import { logInfo } from '../log/safe-log.js';
import { readContinuousProbe, startContinuousProbe, stopContinuousProbe, type ContinuousProbe } from '../cluster/continuous-probe.js';
import type { Kubectl } from '../cluster/kubectl.js';
import { errorMessage } from '../errors.js';
import { pairDisruption, type Attempt } from '../migration/disruption.js';
import type { MigrationReport } from '../report/migration.js';
import { step } from '../report/steps.js';
import type { ClusterSession } from './cluster.js';
import type { RunContext } from './context.js';
import type { Judgement } from './judgement.js';

/** Runs `fn` under the continuous probe, filling `m` in; a failure when the disruption exceeded max-disruption. */
export async function measured(
  ctx: RunContext,
  session: ClusterSession,
  deadline: number,
  m: MigrationReport,
  fn: (m: MigrationReport) => Promise<void>,
): Promise<Judgement | undefined> {
  const { config, report } = ctx;
  const probe =
    config.probePairs > 0
      ? await step(report, 'Start the continuous probe', () =>
          startContinuousProbe(session.kubectl, config.probeImage, config.probePairs, deadline),
        )
      : undefined;
  try {
    await fn(m);
  } finally {
    if (probe) {
      await step(report, 'Measure the disruption', () => measure(session.kubectl, probe, m)).catch((e: unknown) => {
        report.warnings.push(`The disruption could not be measured: ${errorMessage(e)}`);
      });
    }
  }
  return overMaxDisruption(ctx, m);
}

async function measure(kubectl: Kubectl, probe: ContinuousProbe, m: MigrationReport): Promise<void> {
  let logs: Attempt[][];
  const end = Date.now();
  try {
    logs = await readContinuousProbe(kubectl, probe);
  } finally {
    await stopContinuousProbe(kubectl, probe.namespace);
  }
  const over = (from: number, to: number) => probe.pairs.map((p, i) => pairDisruption(p.client, p.server, logs[i]!, from, to));
  m.pairs = over(probe.startedAt, end);
  m.disruptionSeconds = Math.max(0, ...m.pairs.map((p) => p.longestSeconds));
  for (const phase of m.phases) {
    if (phase.startedAt === undefined) continue;
    phase.pairs = over(phase.startedAt, phase.endedAt ?? end);
    phase.disruptionSeconds = Math.max(0, ...phase.pairs.map((p) => p.longestSeconds));
  }
  for (const p of m.pairs)
    logInfo(`Probe ${p.client} → ${p.server}: ${p.failures}/${p.attempts} connections failed, longest failure ${p.longestSeconds} s`);
  logInfo(`disruption-seconds: ${m.disruptionSeconds}`);
}

/** A failure when the measured disruption exceeds max-disruption; undefined otherwise. */
function overMaxDisruption(ctx: RunContext, m: MigrationReport): Judgement | undefined {
  const max = ctx.config.maxDisruptionSeconds;
  if (max === undefined || m.disruptionSeconds === undefined || m.disruptionSeconds <= max) return undefined;
  return { verdict: 'fail', reason: `the disruption was ${m.disruptionSeconds} s, more than max-disruption (${max} s)` };
}
