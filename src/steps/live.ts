// What apply and drift read before they judge or change anything, and what both apply strategies are given.
import type { ConfigData } from '../chart/cilium-config.js';
import type { ReleaseInfo } from '../cluster/helm.js';
import { liveCiliumConfig } from '../cluster/restart.js';
import { waitUnlocked } from '../cluster/upgrade.js';
import { ActionError } from '../errors.js';
import type { Values } from '../values/layers.js';
import type { ClusterSession } from './cluster.js';
import type { RunContext } from './context.js';
import type { Plan } from './plan.js';

export interface LiveRelease {
  info: ReleaseInfo | undefined;
  values: Values;
  config: ConfigData | undefined;
}

export interface ApplyPlan {
  live: LiveRelease;
  plan: Plan;
  version: string | undefined;
  deadline: number;
}

/** apply: the release once no other operation holds it (none only when cilium-version installs one). */
export async function readLiveRelease(ctx: RunContext, session: ClusterSession, deadline: number): Promise<LiveRelease> {
  const { config } = ctx;
  const helm = session.helm!;
  const info = await waitUnlocked(helm, config.release, config.namespace, deadline);
  if (!info && !config.ciliumVersion) {
    throw new ActionError(`There is no Helm release ${config.namespace}/${config.release}`, {
      hint: 'This action changes an existing Cilium installation; it does not install one. Check release, namespace and the kube context, or set cilium-version to install that version.',
    });
  }
  const values = info ? await helm.getValues(info.name, config.namespace) : {};
  return { info, values, config: await liveCiliumConfig(session.kubectl, config.namespace) };
}

export interface DeployedRelease {
  info: ReleaseInfo;
  values: Values;
  /** what the release renders, to tell a hand edit of cilium-config from the release's own */
  manifest: string;
  cm: ConfigData | undefined;
}

/** drift: the release (it must exist), its manifest and the live cilium-config. */
export async function readDeployedRelease(ctx: RunContext, session: ClusterSession): Promise<DeployedRelease> {
  const { config } = ctx;
  const helm = session.helm!;
  const info = await helm.release(config.release, config.namespace);
  if (!info) {
    throw new ActionError(`There is no Helm release ${config.namespace}/${config.release} to check for drift`, {
      hint: 'Check release, namespace and the kube context.',
    });
  }
  const [values, manifest, cm] = await Promise.all([
    helm.getValues(info.name, config.namespace),
    helm.getManifest(info.name, config.namespace),
    liveCiliumConfig(session.kubectl, config.namespace),
  ]);
  return { info, values, manifest, cm };
}
