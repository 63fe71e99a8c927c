// The continuous probe's client containers, simulated: a shell loop that opens a new TCP connection
// to a target every 250 ms (`/agnhost connect IP:PORT --timeout=1s`) and prints "<epoch ms> ok|fail".
// Their log is computed when asked, from the pod's start to now, by the datapath model (an attempt
// dropped by the model takes the 1 s time-out before the next one), so it costs nothing while nobody
// reads it and the timeline is exact.
import type { Controller } from './controller.js';
import type { Obj } from './types.js';

const INTERVAL_MS = 250;
const TIMEOUT_MS = 1_000;

/** The target of a probe loop container (`sh -c <script with /agnhost connect> <name> <ip:port>`), if it is one. */
export function probeLoopTarget(pod: Obj): string | undefined {
  for (const c of (pod.spec?.containers ?? []) as Obj[]) {
    const argv = [...((c.command ?? []) as string[]), ...((c.args ?? []) as string[])];
    if (/(^|\/)sh$/.test(argv[0] ?? '') && argv[1] === '-c' && /\/agnhost connect/.test(argv[2] ?? '') && argv.length >= 5)
      return argv[argv.length - 1];
  }
  return undefined;
}

export function probeLoopLog(controller: Controller, pod: Obj, startedMs: number, now = Date.now()): string {
  const target = probeLoopTarget(pod)!;
  const ip = target.replace(/:\d+$/, '');
  const from = pod.spec.nodeName as string;
  const lines: string[] = [];
  const server = controller.findPods((p) => p.status?.podIP === ip && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp)[0];
  for (let t = startedMs; t <= now;) {
    const ok = !!server && controller.datapaths.reachable(from, server.spec.nodeName as string, t);
    lines.push(`${t} ${ok ? 'ok' : 'fail'}`);
    t += ok ? INTERVAL_MS : TIMEOUT_MS + INTERVAL_MS;
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
