// Defaulting that the real API server does and that clients rely on: workloads get their update
// strategy (kubectl rollout status refuses DaemonSets without RollingUpdate), Services a ClusterIP
// (Helm 3's --wait checks it), namespaces their phase, pods their restart policy.
import type { Obj } from './types.js';

function podSpecDefaults(spec: Obj | undefined): void {
  if (!spec) return;
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  if (spec.serviceAccountName) spec.serviceAccount ??= spec.serviceAccountName;
  for (const c of [...((spec.containers ?? []) as Obj[]), ...((spec.initContainers ?? []) as Obj[])]) {
    c.imagePullPolicy ??= String(c.image ?? '').endsWith(':latest') || !String(c.image ?? '').includes(':') ? 'Always' : 'IfNotPresent';
    c.terminationMessagePath ??= '/dev/termination-log';
    c.terminationMessagePolicy ??= 'File';
    c.resources ??= {};
    for (const p of (c.ports ?? []) as Obj[]) p.protocol ??= 'TCP';
  }
}

export class ClusterIpAllocator {
  private next = 10;
  allocate(): string {
    const n = this.next++;
    return `10.0.${Math.floor(n / 256)}.${n % 256}`;
  }
}

/** Defaults for a new object (mutates and returns it). */
export function applyCreateDefaults(kind: string, o: Obj, ips: ClusterIpAllocator): Obj {
  o.metadata ??= {};
  switch (kind) {
    case 'Namespace':
      o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name };
      o.spec = { finalizers: ['kubernetes'], ...(o.spec ?? {}) };
      o.status = { phase: 'Active' };
      break;
    case 'Pod':
      o.spec ??= {};
      podSpecDefaults(o.spec);
      if (!o.spec.serviceAccountName) {
        o.spec.serviceAccountName = 'default';
        o.spec.serviceAccount = 'default';
      }
      o.spec.enableServiceLinks ??= true;
      o.spec.priority ??= 0;
      o.status = { phase: 'Pending', qosClass: 'BestEffort' };
      break;
    case 'Deployment': {
      const s = (o.spec ??= {});
      s.replicas ??= 1;
      s.revisionHistoryLimit ??= 10;
      s.progressDeadlineSeconds ??= 600;
      s.strategy ??= { type: 'RollingUpdate' };
      if (s.strategy.type === 'RollingUpdate')
        s.strategy.rollingUpdate = { maxUnavailable: '25%', maxSurge: '25%', ...(s.strategy.rollingUpdate ?? {}) };
      podSpecDefaults(s.template?.spec);
      o.status ??= {};
      break;
    }
    case 'DaemonSet': {
      const s = (o.spec ??= {});
      s.revisionHistoryLimit ??= 10;
      s.updateStrategy ??= { type: 'RollingUpdate' };
      if (s.updateStrategy.type === 'RollingUpdate')
        s.updateStrategy.rollingUpdate = { maxUnavailable: 1, maxSurge: 0, ...(s.updateStrategy.rollingUpdate ?? {}) };
      podSpecDefaults(s.template?.spec);
      o.status ??= { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
      break;
    }
    case 'ReplicaSet':
      o.spec ??= {};
      o.spec.replicas ??= 1;
      podSpecDefaults(o.spec.template?.spec);
      break;
    case 'Job': {
      const s = (o.spec ??= {});
      s.completions ??= 1;
      s.parallelism ??= 1;
      s.backoffLimit ??= 6;
      s.completionMode ??= 'NonIndexed';
      s.suspend ??= false;
      podSpecDefaults(s.template?.spec);
      break;
    }
    case 'CronJob': {
      const s = (o.spec ??= {});
      s.concurrencyPolicy ??= 'Allow';
      s.suspend ??= false;
      s.successfulJobsHistoryLimit ??= 3;
      s.failedJobsHistoryLimit ??= 1;
      break;
    }
    case 'Service': {
      const s = (o.spec ??= {});
      s.type ??= 'ClusterIP';
      s.sessionAffinity ??= 'None';
      if (s.type !== 'ExternalName') {
        if (!s.clusterIP) s.clusterIP = ips.allocate();
        s.clusterIPs ??= [s.clusterIP];
        s.ipFamilies ??= ['IPv4'];
        s.ipFamilyPolicy ??= 'SingleStack';
        s.internalTrafficPolicy ??= 'Cluster';
      }
      for (const p of (s.ports ?? []) as Obj[]) {
        p.protocol ??= 'TCP';
        p.targetPort ??= p.port;
      }
      o.status ??= { loadBalancer: {} };
      break;
    }
    case 'Secret':
      o.type ??= 'Opaque';
      if (o.stringData) {
        o.data = { ...(o.data ?? {}) };
        for (const [k, v] of Object.entries(o.stringData as Record<string, string>)) o.data[k] = Buffer.from(v).toString('base64');
        delete o.stringData;
      }
      break;
  }
  return o;
}

/** Defaults that also apply when an object is replaced or patched (the spec may have lost them). */
export function applyUpdateDefaults(kind: string, o: Obj, old: Obj): Obj {
  if (kind === 'Service' && old.spec?.clusterIP && o.spec && !o.spec.clusterIP) {
    o.spec.clusterIP = old.spec.clusterIP;
    o.spec.clusterIPs ??= old.spec.clusterIPs;
  }
  if (kind === 'Secret' && o.stringData) {
    o.data = { ...(o.data ?? {}) };
    for (const [k, v] of Object.entries(o.stringData as Record<string, string>)) o.data[k] = Buffer.from(v).toString('base64');
    delete o.stringData;
  }
  if (kind === 'Deployment' || kind === 'DaemonSet' || kind === 'Job' || kind === 'ReplicaSet') podSpecDefaults(o.spec?.template?.spec);
  if (kind === 'Deployment' && o.spec) o.spec.replicas ??= 1;
  if (kind === 'DaemonSet' && o.spec) o.spec.updateStrategy ??= old.spec?.updateStrategy;
  return o;
}
