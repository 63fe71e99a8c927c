// The health mesh in a few bytes per node: `cilium-health status -o jsonpath=…` prints one line per
// node instead of the whole HealthStatusResponse (whose size grows with n² over a fleet: every agent
// lists every node). Cilium runs the query with client-go's jsonpath over its Go structs
// (pkg/command DumpJSONToString, AllowMissingKeys): under a missing probe or path nothing prints, a
// present probe prints its latency (0 included), a status message prints raw. Only the all-healthy
// shape is read here (both probes on both paths present, no status); any other line gives
// undefined and the caller reads the full JSON instead, so a problem is always named from Cilium's
// full output (addresses included).
import { everyLine, isDigit } from './lines.js';

const PRIMARY = ['.host.primary-address', '.health-endpoint.primary-address'] as const;
const PROBES = PRIMARY.flatMap((p) => [`${p}.icmp`, `${p}.http`]);

/** name, the four probes' latencies, then their status messages run together (empty when all passed) */
export const HEALTH_JSONPATH = `{range .nodes[*]}{.name}${PROBES.map((p) => `{'\\t'}{${p}.latency}`).join('')}{'\\t'}${PROBES.map(
  (p) => `{${p}.status}`,
).join('')}{'\\n'}{end}`;

const TAB = 9;
const SLASH = 47;

/**
 * The bare names of the nodes the agent reaches on every path, when every line says so; otherwise
 * undefined. Scanned by hand: a fleet's agents print n² lines in all.
 */
export function healthFromLines(text: string): { reachable: ReadonlySet<string> } | undefined {
  const reachable = new Set<string>();
  // name \t latency ×4 \t (no status)
  const healthy = everyLine(text, (at, end) => {
    const tab = text.indexOf('\t', at);
    if (tab <= at || tab >= end) return false;
    let i = tab;
    for (let probe = 0; probe < PROBES.length; probe++) {
      if (text.charCodeAt(i) !== TAB) return false;
      const from = ++i;
      while (i < end && isDigit(text.charCodeAt(i))) i++;
      if (i === from) return false;
    }
    if (i !== end - 1 || text.charCodeAt(i) !== TAB) return false;
    // `cluster/node` from 1.9 on
    // (searched back to the line's start only: lastIndexOf would go on through the lines before)
    let from = tab;
    while (from > at && text.charCodeAt(from - 1) !== SLASH) from--;
    reachable.add(text.slice(from, tab));
    return true;
  });
  return healthy && reachable.size > 0 ? { reachable } : undefined;
}
