// The BGP resources on the cluster: applied with server-side apply (one field manager, so keys the
// action stops setting are removed), and read back for drift. kubectl argv only, the manifest on stdin.
import { logInfo } from '../log/safe-log.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { bgpManifest, FIELD_MANAGER, RESOURCE_OF, type BgpObject } from '../bgp/resources.js';
import type { Kubectl, KubeObject } from '../cluster/kubectl.js';
import { ActionError } from '../errors.js';

// The operator registers the BGP CRDs once bgpControlPlane.enabled is on: until then the kinds are unknown.
const CRD_MISSING_RE = /doesn't have a resource type|no matches for kind|could not find the requested resource/i;
const PROGRESS_MS = 20_000;
const RETRY_MS = 2_000;

/** Server-side apply of the objects; waits (with progress lines) while the BGP CRDs are not served yet. */
export async function applyBgpObjects(kubectl: Kubectl, objects: readonly BgpObject[], deadline: number): Promise<void> {
  const args = ['apply', '--server-side', `--field-manager=${FIELD_MANAGER}`, '--force-conflicts', '--filename', '-'];
  let lastProgress = Date.now();
  for (;;) {
    const r = await kubectl.exec(args, {
      input: bgpManifest(objects),
      timeoutMs: Math.max(10_000, Math.min(120_000, deadline - Date.now())),
    });
    if (r.code === 0 && !r.timedOut) {
      logInfo(r.stdout.trim());
      return;
    }
    const why = r.timedOut ? 'timed out' : r.stderr.trim().split('\n')[0] || `exit code ${r.code}`;
    if (!CRD_MISSING_RE.test(r.stderr) || Date.now() + RETRY_MS > deadline) {
      throw new ActionError(`kubectl could not apply the BGP resources: ${why}`, {
        hint: 'The BGP CRDs (cilium.io/v2 CiliumBGPClusterConfig, CiliumBGPPeerConfig, CiliumBGPAdvertisement) come with Cilium 1.18 or later once bgpControlPlane.enabled is true.',
      });
    }
    if (Date.now() - lastProgress >= PROGRESS_MS) {
      logInfo('Waiting for the Cilium operator to register the BGP CRDs …');
      lastProgress = Date.now();
    }
    await sleep(RETRY_MS);
  }
}

/** The live object of each kind (by the action's name), undefined when missing or not even a known kind. */
export async function readBgpObjects(kubectl: Kubectl, objects: readonly BgpObject[]): Promise<Map<string, KubeObject | undefined>> {
  const live = new Map<string, KubeObject | undefined>();
  await Promise.all(
    objects.map(async (o) => {
      const r = await kubectl.exec(['get', RESOURCE_OF[o.kind], o.metadata.name, '--output', 'json'], { quiet: true });
      if (r.code === 0) live.set(o.kind, JSON.parse(r.stdout) as KubeObject);
      else if (/NotFound|not found/.test(r.stderr) || CRD_MISSING_RE.test(r.stderr)) live.set(o.kind, undefined);
      else throw new ActionError(`kubectl could not read ${RESOURCE_OF[o.kind]}/${o.metadata.name}: ${r.stderr.trim()}`);
    }),
  );
  return live;
}

/** Every node's CiliumBGPNodeConfig (none when the CRD is not served). */
export async function readBgpNodeConfigs(kubectl: Kubectl): Promise<KubeObject[]> {
  const r = await kubectl.exec(['get', 'ciliumbgpnodeconfigs.cilium.io', '--output', 'json'], { quiet: true });
  if (r.code !== 0) {
    if (CRD_MISSING_RE.test(r.stderr)) return [];
    throw new ActionError(`kubectl could not list the CiliumBGPNodeConfigs: ${r.stderr.trim() || `exit code ${r.code}`}`);
  }
  return ((JSON.parse(r.stdout) as { items?: KubeObject[] }).items ?? []) as KubeObject[];
}
