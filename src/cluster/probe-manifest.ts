// The cross-node probe's objects (pure): a namespace of its own and two pods pinned to two nodes.
import { stringify } from 'yaml';

const PROBE_LABEL = 'app.kubernetes.io/managed-by';
const PROBE_LABEL_VALUE = 'cilium-native-routing-action';
export const PROBE_PORT = 8080;

export interface ProbePlan {
  namespace: string;
  /** (client node, server node) per pair */
  pairs: ReadonlyArray<readonly [string, string]>;
  image: string;
}

/** One probe pod pinned to a node; tolerates every taint (AKS system pools are often tainted). */
export function probePod(
  namespace: string,
  name: string,
  node: string,
  image: string,
  container: { args?: string[]; command?: string[]; server?: boolean },
): Record<string, unknown> {
  const labels = { [PROBE_LABEL]: PROBE_LABEL_VALUE };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { ...labels, 'app.kubernetes.io/name': name } },
    spec: {
      nodeName: node,
      tolerations: [{ operator: 'Exists' }],
      terminationGracePeriodSeconds: 1,
      automountServiceAccountToken: false,
      containers: [
        {
          name: 'agnhost',
          image,
          command: container.command,
          args: container.args,
          ports: container.server ? [{ containerPort: PROBE_PORT }] : undefined,
          readinessProbe: container.server ? { tcpSocket: { port: PROBE_PORT }, periodSeconds: 1 } : undefined,
          securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 65534, capabilities: { drop: ['ALL'] } },
        },
      ],
    },
  };
}

export const probeNamespaceObject = (name: string): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: { [PROBE_LABEL]: PROBE_LABEL_VALUE } },
});

export const yamlDocs = (docs: unknown[]): string => docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');

/** Per pair i: probe-server-i (agnhost netexec) and probe-client-i (agnhost pause, connections are exec'd). */
export function probeManifest(p: ProbePlan): string {
  const docs = [
    probeNamespaceObject(p.namespace),
    ...p.pairs.flatMap(([client, server], i) => [
      probePod(p.namespace, `probe-server-${i}`, server, p.image, { args: ['netexec', `--http-port=${PROBE_PORT}`], server: true }),
      probePod(p.namespace, `probe-client-${i}`, client, p.image, { args: ['pause'] }),
    ]),
  ];
  return yamlDocs(docs);
}

export function probeNamespaceName(suffix: string): string {
  return `cnra-probe-${suffix}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')
    .slice(0, 63);
}
