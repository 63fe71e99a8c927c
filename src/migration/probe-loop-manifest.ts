// The continuous probe's pods (pure): per pair a server (agnhost netexec) and a client running a loop
// that opens a new TCP connection to its server every 250 ms and prints "<epoch ms> ok|fail".
import { PROBE_PORT, probePod } from '../cluster/probe-manifest.js';

/**
 * The client's loop. The target reaches it as a positional parameter ("$1"), never spliced into the
 * script; a failed attempt takes the 1 s connect time-out. Needs sh and GNU date (agnhost's Debian base).
 */
const PROBE_LOOP_SCRIPT =
  'while :; do t=$(date +%s%3N); if /agnhost connect "$1" --timeout=1s >/dev/null 2>&1; then echo "$t ok"; else echo "$t fail"; fi; sleep 0.25; done';

export const serverName = (i: number): string => `probe-server-${i}`;
export const clientName = (i: number): string => `probe-client-${i}`;

export function loopServerPod(namespace: string, i: number, node: string, image: string): Record<string, unknown> {
  return probePod(namespace, serverName(i), node, image, { args: ['netexec', `--http-port=${PROBE_PORT}`], server: true });
}

export function loopClientPod(namespace: string, i: number, node: string, image: string, serverIp: string): Record<string, unknown> {
  const target = serverIp.includes(':') ? `[${serverIp}]:${PROBE_PORT}` : `${serverIp}:${PROBE_PORT}`;
  return probePod(namespace, clientName(i), node, image, { command: ['/bin/sh', '-c', PROBE_LOOP_SCRIPT, 'probe', target] });
}
