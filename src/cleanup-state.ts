// What the post step accepts from saved state: exactly what the main step can write, nothing else.
import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import { kubeconfigPath } from './cluster/kubeconfig.js';
import { probeNamespaceName } from './cluster/probe-manifest.js';

// probeNamespaceName(randomBytes(3).toString('hex')), and `m-…` for the continuous migration probe
const PROBE_RE = new RegExp(`^${probeNamespaceName('')}(m-)?[0-9a-f]{6}$`);

/** The probe namespace to remove, or undefined (with a warning) when the state is not one we wrote. */
export function ownProbeNamespace(saved: string): string | undefined {
  if (!saved) return undefined;
  if (PROBE_RE.test(saved)) return saved;
  core.warning('Clean-up: ignoring a saved probe namespace the action did not write');
  return undefined;
}

/** The kubeconfig file to remove: only the one inside the action's own work folder. */
export function ownKubeconfig(saved: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!saved) return undefined;
  if (path.resolve(saved) === path.resolve(kubeconfigPath(env.RUNNER_TEMP || os.tmpdir()))) return saved;
  core.warning("Clean-up: ignoring a saved kubeconfig path outside the action's work folder");
  return undefined;
}
