// The disruption, measured: the continuous probe runs from before the first change until the final
// verification is done; then each phase's and the whole run's longest failure stretch are computed
// from the clients' logs, and max-disruption is enforced.
import { logInfo } from '../log/safe-log.js';
import { readContinuousProbe, startContinuousProbe, stopContinuousProbe, type ContinuousProbe } from '../cluster/continuous-probe.js';
import type { Kubectl } from '../cluster/kubectl.js';
import { errorMessage } from '../errors.js';
import { pairDisruption, type Attempt } from '../migration/disruption.js';
import type { MigrationReport, PhaseRecord } from '../report/migration.js';
import type { Report } from '../report/report.js';
import { step } from '../report/steps.js';
import type { ClusterSession } from './cluster.js';
import type { RunContext } from './context.js';

export async function measured(
  ctx: RunContext,
  session: ClusterSession,
  deadline: number,
  m: MigrationReport,
  fn: (m: MigrationReport) => Promise<void>,
): Promise<void> {
  const { config, report } = ctx;
  report.migration = m;
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
  enforceMaxDisruption(ctx, m);
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

/** One phase around `fn` (the direct strategy is one phase): its window, revision, duration and result. */
export async function phaseOf(report: Report, m: MigrationReport, name: string, fn: () => Promise<void>): Promise<void> {
  const rec: PhaseRecord = { name, result: 'not run', startedAt: Date.now() };
  m.phases.push(rec);
  try {
    await fn();
    rec.result = report.verdict === 'pass' ? 'done' : 'failed';
    if (rec.result === 'failed') rec.detail = report.reason;
  } catch (e) {
    rec.result = 'failed';
    rec.detail = errorMessage(e);
    throw e;
  } finally {
    rec.revision = report.revision;
    rec.endedAt = Date.now();
    rec.durationMs = rec.endedAt - rec.startedAt!;
  }
}

function enforceMaxDisruption(ctx: RunContext, m: MigrationReport): void {
  const max = ctx.config.maxDisruptionSeconds;
  if (max === undefined || m.disruptionSeconds === undefined || m.disruptionSeconds <= max) return;
  const { report } = ctx;
  const why = `the disruption was ${m.disruptionSeconds} s, more than max-disruption (${max} s)`;
  report.reason = report.verdict === 'pass' || !report.reason ? why : `${report.reason}; ${why}`;
  report.verdict = 'fail';
}
