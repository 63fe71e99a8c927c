// With kube-proxy replacement the restarted agents have no kube-proxy to reach the API server
// through its service IP: the chart must give them the API server's address. The values check
// (values/consistency.ts) asks for k8sServiceHost; this checks what the chart actually rendered, so
// no YAML trick or chart quirk between the two can leave the agents without it.
import type { ConfigData } from './cilium-config.js';
import type { ManifestObject } from './manifest.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The env entries of the rendered agent container (empty when there is none). */
function agentEnv(objects: ReadonlyMap<string, ManifestObject>, namespace: string): Obj[] {
  const ds = objects.get(`DaemonSet/${namespace}/cilium`);
  const spec = ds && isObj(ds.obj.spec) && isObj(ds.obj.spec.template) && isObj(ds.obj.spec.template.spec) ? ds.obj.spec.template.spec : {};
  const agent = (Array.isArray(spec.containers) ? spec.containers.filter(isObj) : []).find((c) => c.name === 'cilium-agent');
  return agent && Array.isArray(agent.env) ? agent.env.filter(isObj) : [];
}

/**
 * Why the rendered agents could not reach the API server, or undefined. `auto` (chart 1.19+) lets
 * the agents read the address from the cluster themselves, so no variable is rendered for it.
 */
export function agentApiServerProblem(
  objects: ReadonlyMap<string, ManifestObject>,
  config: ConfigData,
  namespace: string,
  k8sServiceHost: unknown,
): string | undefined {
  if (config['kube-proxy-replacement'] !== 'true' || k8sServiceHost === 'auto') return undefined;
  const host = agentEnv(objects, namespace).find((e) => e.name === 'KUBERNETES_SERVICE_HOST');
  if (!host) return 'kube-proxy replacement is on, but the rendered cilium-agent container has no KUBERNETES_SERVICE_HOST';
  const fromRef = isObj(host.valueFrom);
  if (!fromRef && (typeof host.value !== 'string' || host.value.trim() === '')) {
    return 'kube-proxy replacement is on, but the rendered cilium-agent container sets KUBERNETES_SERVICE_HOST to an empty value';
  }
  return undefined;
}
