// How child processes reach the cluster: an environment (KUBECONFIG) and an optional context.
export interface KubeAccess {
  env: NodeJS.ProcessEnv;
  context: string | undefined;
}

/** No cluster at all (preview with base-values): helm then only renders. */
export const NO_CLUSTER: KubeAccess = { env: process.env, context: undefined };
