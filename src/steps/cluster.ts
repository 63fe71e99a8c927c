// A session against the cluster: kubeconfig resolved (and removed afterwards), helm and kubectl bound to it.
import * as io from '@actions/io';
import type { KubeAccess } from '../cluster/access.js';
import { Helm } from '../cluster/helm.js';
import { Kubectl } from '../cluster/kubectl.js';
import { resolveAccess } from '../cluster/kubeconfig.js';
import { ActionError } from '../errors.js';
import type { RunContext } from './context.js';

export interface ClusterSession {
  access: KubeAccess;
  helm: Helm | undefined;
  kubectl: Kubectl;
  cilium: string | undefined;
  close(): void;
}

/** `tools`: the installed binaries (helm only where a release is read, the Cilium CLI only for connectivity-tests). */
export async function openCluster(ctx: RunContext, tools: { helm?: string; cilium?: string }): Promise<ClusterSession> {
  const kubectlPath = await io.which('kubectl', false);
  if (!kubectlPath) {
    throw new ActionError('kubectl is not on the runner PATH', {
      hint: 'GitHub-hosted runners have it; on a self-hosted runner install it first (e.g. azure/setup-kubectl).',
    });
  }
  const access = resolveAccess(ctx.config.kubeconfig, ctx.config.context, ctx.config.runnerTemp);
  return {
    access,
    helm: tools.helm ? new Helm(tools.helm, access) : undefined,
    kubectl: new Kubectl(kubectlPath, access),
    cilium: tools.cilium,
    close: access.cleanup,
  };
}
