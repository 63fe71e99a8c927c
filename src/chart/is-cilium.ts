// A chart is taken for Cilium only when it renders Cilium's agent: the DaemonSet `cilium` with a
// `cilium-agent` container running a cilium image. A chart that merely renders a `cilium-config`
// ConfigMap (an nginx chart with one added) would otherwise pass every check on that ConfigMap.
import type { ManifestObject } from './manifest.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why the rendered objects are not Cilium's, or undefined when they are. */
export function notCiliumReason(objects: ReadonlyMap<string, ManifestObject>, namespace: string): string | undefined {
  const ds = objects.get(`DaemonSet/${namespace}/cilium`);
  if (!ds) return `it renders no DaemonSet ${namespace}/cilium (the Cilium agent)`;
  const spec = isObj(ds.obj.spec) && isObj(ds.obj.spec.template) && isObj(ds.obj.spec.template.spec) ? ds.obj.spec.template.spec : {};
  const containers = Array.isArray(spec.containers) ? spec.containers.filter(isObj) : [];
  const agent = containers.find((c) => c.name === 'cilium-agent');
  if (!agent) return `its DaemonSet ${namespace}/cilium has no cilium-agent container`;
  // quay.io/cilium/cilium:v1.18.6@sha256:…, or a mirror's …/cilium/cilium: the repository's last part
  const repo = typeof agent.image === 'string' ? (agent.image.split('@')[0]!.split('/').pop() ?? '').split(':')[0]! : '';
  if (!/^cilium/.test(repo)) {
    return `its cilium-agent container runs ${JSON.stringify(String(agent.image))}, not a Cilium image`;
  }
  return undefined;
}
