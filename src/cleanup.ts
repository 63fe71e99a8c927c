import * as core from '@actions/core';
import * as io from '@actions/io';
import { existsSync, rmSync } from 'node:fs';
import { errorMessage } from './errors.js';
import { Kubectl } from './cluster/kubectl.js';
import { PROBE_STATE } from './cluster/probe.js';
import { CONTINUOUS_PROBE_STATE } from './cluster/continuous-probe.js';
import { ownKubeconfig, ownProbeNamespace } from './cleanup-state.js';
import { logInfo } from './log/safe-log.js';

/**
 * Reads what the main step saved (core.saveState): the kubeconfig path, the probe namespace still
 * to remove, and the context. Never fails the job: a clean-up problem is a warning.
 */
export async function cleanup(): Promise<void> {
  // Only state this action could have written is acted on: the log can be made to carry a
  // save-state command, so a namespace or path from state is checked before anything is deleted.
  const kubeconfig = ownKubeconfig(core.getState('kubeconfig'));
  const probes = [ownProbeNamespace(core.getState(PROBE_STATE)), ownProbeNamespace(core.getState(CONTINUOUS_PROBE_STATE))].filter(
    (p) => p !== undefined,
  );
  const context = core.getState('context');
  try {
    for (const probe of probes) {
      const kubectlPath = await io.which('kubectl', false);
      if (!kubectlPath) core.warning(`Probe namespace ${probe} may be left behind: kubectl is not on PATH`);
      else {
        const env = kubeconfig && existsSync(kubeconfig) ? { ...process.env, KUBECONFIG: kubeconfig } : process.env;
        const r = await new Kubectl(kubectlPath, { env, context: context || undefined }).deleteNamespace(probe, { timeoutMs: 60_000 });
        if (r.code === 0) logInfo(`Removed the probe namespace ${probe} left by the main step`);
        else core.warning(`Could not remove the probe namespace ${probe}: ${r.stderr.trim()}`);
      }
    }
  } catch (e) {
    core.warning(`Clean-up: ${errorMessage(e)}`);
  } finally {
    if (kubeconfig) {
      rmSync(kubeconfig, { force: true });
      logInfo('Removed the kubeconfig file');
    }
  }
}
