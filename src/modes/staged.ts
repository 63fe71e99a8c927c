// strategy: staged — the phases of migration/phases.ts one after the other: upgrade with the phase's
// values, restart the agents the phase's way, pass its gate. A failure stops before the next phase;
// with on-verify-failure: rollback the cluster goes back to the last state a gate proved (after a
// failed cutover: the phase-1 revision, restarted with the same batched cutover, and its gate
// again), and the summary says which state the cluster ends in.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { configEncryption, configRouting, diffConfig } from '../chart/cilium-config.js';
import { cutoverRestart } from '../cluster/cutover.js';
import { prePullAgentImage } from '../cluster/preflight.js';
import { rolloutProgress } from '../cluster/progress.js';
import { liveCiliumConfig, restartCilium } from '../cluster/restart.js';
import { rollback, upgrade, UpgradeError } from '../cluster/upgrade.js';
import { errorMessage } from '../errors.js';
import { CUTOVER_NAME, stagedPhases, wireguardFirst, type FirstPhase, type Phase } from '../migration/phases.js';
import type { MigrationReport, PhaseRecord } from '../report/migration.js';
import { workDir } from '../report/publish.js';
import { redactConfigChange } from '../report/redact.js';
import type { Verdict } from '../report/report.js';
import { step } from '../report/steps.js';
import { failureOf, outcomeOf } from '../steps/attempt.js';
import { setVerdict, type Judgement } from '../steps/judgement.js';
import type { ClusterSession } from '../steps/cluster.js';
import { connDisruptSetup, connDisruptCheck } from '../steps/conn-disrupt.js';
import type { RunContext } from '../steps/context.js';
import { asConfigured, gateFor } from './gates.js';
import type { ApplyPlan } from '../steps/live.js';

interface Failure {
  reason: string;
  verdict: Verdict;
  /** false when the phase stopped before touching the agents (or the upgrade failed and helm rolled it back) */
  changed: boolean;
}

export async function applyStaged(
  ctx: RunContext,
  session: ClusterSession,
  input: ApplyPlan,
  m: MigrationReport,
  first: FirstPhase = wireguardFirst(ctx.nodeEncryption ?? true),
): Promise<void> {
  const { config, report } = ctx;
  const chartChanges = input.version !== undefined && input.version !== input.live.info?.chartVersion;
  const phases = stagedPhases(input.live.values, input.live.config ?? {}, input.plan.desired.values, first, chartChanges);
  if (phases[0]!.restart !== 'rolling')
    m.phases.push({ name: first.name, result: 'skipped', revision: input.live.info?.revision, detail: 'the live release already has it' });
  let proven = input.live.info!.revision;
  for (const [i, phase] of phases.entries()) {
    const rec: PhaseRecord = { name: phase.name, result: 'not run', startedAt: Date.now() };
    m.phases.push(rec);
    if (phase.restart === 'cutover') await connDisruptSetup(ctx, session, m);
    const failure = await runPhase(ctx, session, input, phase, rec, chartChanges && i === 0);
    rec.endedAt = Date.now();
    rec.durationMs = rec.endedAt - rec.startedAt!;
    if (!failure) {
      rec.result = 'done';
      if (phase.restart === 'rolling') proven = rec.revision ?? proven;
      continue;
    }
    rec.result = 'failed';
    rec.detail = failure.reason;
    for (const later of phases.slice(i + 1)) m.phases.push({ name: later.name, result: 'not run' });
    await afterFailure(ctx, session, input, phase, failure, proven, first, m);
    break;
  }
  if (m.phases.every((p) => p.result === 'done' || p.result === 'skipped')) m.endState = 'native routing with WireGuard, verified';
  await connDisruptCheck(ctx, session, m);
  const after = await liveCiliumConfig(session.kubectl, config.namespace);
  report.configChanges = diffConfig(input.live.config, after).map(redactConfigChange);
  report.routingMode ??= configRouting(after);
  report.encryption ??= configEncryption(after);
}

async function runPhase(
  ctx: RunContext,
  session: ClusterSession,
  input: ApplyPlan,
  phase: Phase,
  rec: PhaseRecord,
  newChart: boolean,
): Promise<Failure | undefined> {
  const { config, report } = ctx;
  const helm = session.helm!;
  const deadline = Date.now() + config.timeoutMs;
  const valuesFile = phase.restart === 'cutover' ? input.plan.valuesFile : writePhaseValues(ctx, phase);
  try {
    if (newChart) {
      const req = {
        chart: config.chart,
        version: input.version,
        release: config.release,
        namespace: config.namespace,
        values: input.plan.desired.values,
      };
      await step(report, `${phase.name}: pre-pull the agent image of chart ${input.version}`, () =>
        prePullAgentImage(helm, session.kubectl, req, deadline),
      );
    }
    await step(report, `${phase.name}: helm upgrade`, () =>
      upgrade(helm, {
        release: config.release,
        namespace: config.namespace,
        chart: config.chart,
        version: input.version,
        valuesFile,
        timeout: config.timeout,
        deadline,
        install: false,
        progress: () => rolloutProgress(session.kubectl, config.namespace),
      }),
    );
  } catch (e) {
    // an upgrade helm could not roll back may be half applied: the agents may have been touched
    return { reason: errorMessage(e), verdict: 'fail', changed: e instanceof UpgradeError && !e.restored };
  }
  report.upgraded = true;
  rec.revision = report.revision = (await helm.release(config.release, config.namespace))?.revision;
  const how = phase.restart === 'cutover' ? `cutover, batches of ${batchText(ctx)}` : 'rolling update';
  const restartError = await failureOf(() =>
    step(report, `${phase.name}: restart the agents (${how})`, () =>
      phase.restart === 'cutover'
        ? cutoverRestart(session.kubectl, config.namespace, config.cutoverBatch, deadline)
        : restartCilium(session.kubectl, config.namespace, deadline),
    ),
  );
  // The gate runs even after a failed restart: it names the nodes that did not come along.
  const gate = await passGate(ctx, session, phase, deadline);
  if (restartError) return { reason: `${restartError}; ${gate.reason}`, verdict: 'fail', changed: true };
  if (gate.verdict !== 'pass') return { reason: gate.reason, verdict: gate.verdict, changed: true };
  return undefined;
}

/** A gate that throws is a gate not passed: the phase fails, and the rollback may follow. */
async function passGate(ctx: RunContext, session: ClusterSession, phase: Phase, deadline: number): Promise<Judgement> {
  try {
    return await gateFor(phase.gate)(ctx, session, deadline);
  } catch (e) {
    return { verdict: 'fail', reason: errorMessage(e) };
  }
}

function writePhaseValues(ctx: RunContext, phase: Phase): string {
  const file = path.join(
    workDir(ctx.config.runnerTemp),
    `${ctx.config.release}-${phase.name.replace(/\W+/g, '-').toLowerCase()}-values.yaml`,
  );
  writeFileSync(file, stringify(phase.values, { lineWidth: 0 }), { mode: 0o600 });
  return file;
}

const batchText = (ctx: RunContext): string => {
  const b = ctx.config.cutoverBatch;
  return b.kind === 'percent' ? `${b.value}%` : `${b.value} agents`;
};

async function afterFailure(
  ctx: RunContext,
  session: ClusterSession,
  input: ApplyPlan,
  phase: Phase,
  failure: Failure,
  proven: number,
  first: FirstPhase,
  m: MigrationReport,
): Promise<void> {
  const { config, report } = ctx;
  const firstPhase = phase.restart === 'rolling';
  const failed = (reason: string): void => setVerdict(report, { verdict: failure.verdict, reason });
  const where = firstPhase ? `${phase.name} failed before routing changed` : `${phase.name} failed`;
  if (!failure.changed) {
    failed(`${where}: ${failure.reason}`);
    m.endState = firstPhase
      ? 'as before: helm rolled the upgrade back'
      : `tunnel + WireGuard at revision ${proven}: helm rolled the cutover's upgrade back; a re-run resumes at the cutover`;
    return;
  }
  if (config.onVerifyFailure !== 'rollback') {
    failed(`${where}: ${failure.reason}${firstPhase ? '; the cluster still tunnels' : ''}`);
    m.endState = firstPhase
      ? 'still tunnelling (routing not changed); WireGuard not proven'
      : 'not proven: the routing cutover did not pass its verification';
    return;
  }
  const to = firstPhase ? input.live.info!.revision : proven;
  const outcome = await outcomeOf(() =>
    step(report, `Roll back to revision ${to}`, async () => {
      await rollback(session.helm!, config.release, config.namespace, to, config.timeout, () =>
        rolloutProgress(session.kubectl, config.namespace),
      );
      const deadline = Date.now() + config.timeoutMs;
      // then the agents must run what they ran before: the run's start, or phase 1's proven state
      if (firstPhase) await restartCilium(session.kubectl, config.namespace, deadline);
      else await cutoverRestart(session.kubectl, config.namespace, config.cutoverBatch, deadline);
      const what = firstPhase ? 'the state before the run' : first.gate;
      const gate = await (firstPhase ? asConfigured : gateFor(first.gate))(ctx, session, deadline);
      return gate.verdict === 'pass'
        ? `restarted the agents; ${what} proven again (${gate.reason})`
        : `restarted the agents, but ${what} does not hold: ${gate.reason}`;
    }),
  );
  report.revision = (await session.helm!.release(config.release, config.namespace).catch(() => undefined))?.revision;
  const proved = outcome.ok && !/does not hold/.test(outcome.text);
  failed(
    outcome.ok
      ? `${where} (${failure.reason}); rolled back to revision ${to} (now revision ${report.revision}) and ${outcome.text}`
      : `${where} (${failure.reason}); rolling back to revision ${to} failed too (${outcome.text}): check helm history and the agents by hand`,
  );
  if (!outcome.ok && firstPhase) m.endState = 'unknown: the rollback failed';
  else if (!proved) m.endState = 'not proven: the rollback did not end in a verified state';
  else
    m.endState = firstPhase
      ? `rolled back to revision ${to} (as before the run), proven`
      : `rolled back to tunnel + WireGuard (revision ${to}), proven`;
}

/**
 * A re-run after a cutover that did not finish: the release already has the native values, but some
 * agents still run the old datapath (their restart failed or was cut short). The cutover's restart and
 * verification run again for them; nothing is upgraded.
 */
export async function resumeCutover(ctx: RunContext, session: ClusterSession, stale: readonly string[], m: MigrationReport): Promise<void> {
  const { config, report } = ctx;
  const rec: PhaseRecord = {
    name: `${CUTOVER_NAME} (resumed: ${stale.length} agents still on the old datapath)`,
    result: 'not run',
    startedAt: Date.now(),
    revision: report.revision,
  };
  m.phases.push(rec);
  const deadline = Date.now() + config.timeoutMs;
  const restartError = await failureOf(() =>
    step(report, `${rec.name}: restart the agents (cutover, batches of ${batchText(ctx)})`, () =>
      cutoverRestart(session.kubectl, config.namespace, config.cutoverBatch, deadline),
    ),
  );
  const gate = await gateFor('final-verification')(ctx, session, deadline);
  rec.endedAt = Date.now();
  rec.durationMs = rec.endedAt - rec.startedAt!;
  rec.result = !restartError && gate.verdict === 'pass' ? 'done' : 'failed';
  if (restartError) setVerdict(report, { verdict: 'fail', reason: `${restartError}; ${gate.reason}` });
  if (rec.result === 'failed') rec.detail = report.reason;
  m.endState =
    rec.result === 'done' ? 'native routing with WireGuard, verified' : 'not proven: the resumed cutover did not pass its verification';
}
