// helm upgrade / rollback, safely: --wait, the time-out, roll back on failure (Helm 4:
// --rollback-on-failure, Helm 3: --atomic), and a release locked in pending-* retried, never forced.
import { afterFailedUpgrade, helmRolledBack } from './upgrade-outcome.js';
import { ActionError } from '../errors.js';
import { chartArgs } from '../chart/chart-ref.js';
import type { ChartRef } from '../chart/chart-ref.js';
import { helmMessage, type Helm, type ReleaseInfo } from './helm.js';
import { withProgress } from './progress.js';
import { logInfo } from '../log/safe-log.js';

export interface UpgradeRequest {
  release: string;
  namespace: string;
  chart: ChartRef;
  version: string | undefined;
  valuesFile: string;
  /** helm --timeout, as a Go duration */
  timeout: string;
  deadline: number;
  /** `helm upgrade --install` (only when the user asked for a version and there is no release) */
  install: boolean;
  /** back-off between checks of a locked release */
  pollMs?: number;
  /** what helm --wait is waiting for (e.g. the agents' rollout), logged at least every 30 s */
  progress?: () => Promise<string>;
}

const PENDING = /^pending-/;
const LOCKED = /another operation \(install\/upgrade\/rollback\) is in progress/;

/** Waits while the release is pending-*; throws when the deadline passes first. */
export async function waitUnlocked(
  helm: Helm,
  release: string,
  namespace: string,
  deadline: number,
  pollMs = 5_000,
): Promise<ReleaseInfo | undefined> {
  let delay = Math.min(pollMs, 1_000);
  for (;;) {
    const info = await helm.release(release, namespace);
    if (!info || !PENDING.test(info.status)) return info;
    if (Date.now() + delay > deadline) {
      throw new ActionError(
        `Release ${namespace}/${release} is still ${info.status} (revision ${info.revision}): another helm operation holds it`,
        {
          hint: 'This action never forces a locked release. Wait for the other operation, or resolve it by hand (helm history, then helm rollback) and run again.',
        },
      );
    }
    logInfo(`Release ${namespace}/${release} is ${info.status}; waiting ${Math.round(delay / 1000)} s for the other operation`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, pollMs);
  }
}

/** A failed upgrade, and whether helm's own rollback restored the release (else it may be half applied). */
export class UpgradeError extends ActionError {
  constructor(
    message: string,
    hint: string,
    readonly restored: boolean,
  ) {
    super(message, { hint });
  }
}

export async function upgrade(helm: Helm, req: UpgradeRequest): Promise<void> {
  const major = await helm.majorVersion();
  const args = [
    'upgrade',
    req.release,
    ...chartArgs(req.chart, req.version),
    ...(req.install ? ['--install'] : []),
    '--namespace',
    req.namespace,
    '--values',
    req.valuesFile,
    '--reset-values',
    '--wait',
    '--timeout',
    req.timeout,
    major >= 4 ? '--rollback-on-failure' : '--atomic',
  ];
  for (;;) {
    const before = await waitUnlocked(helm, req.release, req.namespace, req.deadline, req.pollMs);
    const run = (): ReturnType<Helm['exec']> =>
      helm.exec(args, { timeoutMs: Math.max(1_000, req.deadline - Date.now() + 30_000), echo: true });
    const r = req.progress ? await withProgress('helm upgrade --wait', req.progress, run) : await run();
    if (r.code === 0 && !r.timedOut) return;
    const msg = r.timedOut ? 'helm did not finish within the timeout' : helmMessage(r.stderr);
    if (LOCKED.test(msg) && Date.now() < req.deadline) continue;
    const flag = major >= 4 ? '--rollback-on-failure' : '--atomic';
    const after = await helm.release(req.release, req.namespace).catch(() => undefined);
    throw new UpgradeError(
      `helm upgrade failed: ${msg}`,
      afterFailedUpgrade(before, after, flag, req.release, req.namespace),
      helmRolledBack(before, after),
    );
  }
}

export async function rollback(
  helm: Helm,
  release: string,
  namespace: string,
  revision: number,
  timeout: string,
  progress?: () => Promise<string>,
): Promise<void> {
  const run = (): Promise<string> =>
    helm.run(
      ['rollback', release, String(revision), '--namespace', namespace, '--wait', '--timeout', timeout],
      `roll ${namespace}/${release} back to revision ${revision}`,
      { echo: true },
    );
  await (progress ? withProgress('helm rollback --wait', progress, run) : run());
}
