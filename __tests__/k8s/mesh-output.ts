// What the agents print for the per-pair reads, in Cilium's formats: `cilium-health status -o json`
// (HealthStatusResponse), `cilium-dbg debuginfo -o json` (its encryption.wireguard part is the one the
// AKS WireGuard docs show) and `cilium-dbg metrics list` (the `Metric Labels Value` table, or `-o json`).
// The faults brokenPairs / staleHandshakes break or age chosen pairs; the config delta is real: the
// keys of the live cilium-config that differ from what the agent started with.
import type { AgentState } from './agent-status.js';
import { stableHex } from './nodes.js';
import type { Faults, Obj } from './types.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const pairIn = (list: Array<[string, string]> | undefined, a: string, b: string): boolean =>
  (list ?? []).some(([x, y]) => (x === a && y === b) || (x === b && y === a));

function probe(ok: boolean, seed: string, now: number): Obj {
  return ok
    ? { latency: 200_000 + parseInt(stableHex(seed, 4), 16), lastProbed: iso(now - 15_000) }
    : { status: 'Connection timed out', lastProbed: iso(now - 15_000) };
}

function path(ip: string, ok: boolean, seed: string, now: number, port: number): Obj {
  const http = ok
    ? probe(true, `${seed}-http`, now)
    : { status: `Get "http://${ip}:${port}/hello": context deadline exceeded`, lastProbed: iso(now - 15_000) };
  return { 'primary-address': { ip, icmp: probe(ok, `${seed}-icmp`, now), http }, 'secondary-addresses': [] };
}

/** `cilium-health status -o json` */
export function healthJson(s: AgentState, faults: Faults, now = Date.now()): Obj {
  const name = (n: string): string => `${s.clusterName}/${n}`;
  return {
    local: { name: name(s.node.name) },
    nodes: s.nodes.map((n) => {
      const ok = n.reachable && !pairIn(faults.brokenPairs, s.node.name, n.name);
      return {
        name: name(n.name),
        host: path(n.ip, ok, `${s.node.name}-${n.name}-host`, now, 4240),
        'health-endpoint': path(n.healthIp, ok, `${s.node.name}-${n.name}-ep`, now, 4240),
      };
    }),
    timestamp: iso(now - 15_000),
    probeInterval: '1m14s',
  };
}

/** `cilium-dbg debuginfo -o json`: the fields the checks read, and a few neighbours */
export function debuginfoJson(s: AgentState, faults: Faults, status: Obj, now = Date.now()): Obj {
  const wg = s.config['enable-wireguard'] === 'true';
  // 1.19+ (and the CIDR-based allowed IPs it programs) vs the per-pod /32 form of older agents: both are real
  const perPod = Number(s.version.split('.')[1]) < 19;
  return {
    'cilium-version': `${s.version} ${stableHex(`cilium-${s.version}`, 10)} go version go1.24.11 linux/amd64`,
    'kernel-version': '5.15.0-1079-azure',
    'cilium-status': status,
    encryption: wg
      ? {
          wireguard: {
            'node-encryption': nodeEncryptionValue(s),
            interfaces: [
              {
                name: 'cilium_wg0',
                'listen-port': 51871,
                'public-key': s.publicKey,
                'peer-count': s.wireguardPeers.length,
                peers: s.wireguardPeers.map((p) => {
                  const broken = pairIn(faults.brokenPairs, s.node.name, p.name);
                  const stale = pairIn(faults.staleHandshakes, s.node.name, p.name);
                  return {
                    'public-key': p.publicKey,
                    endpoint: `${p.ip}:51871`,
                    'allowed-ips': perPod ? [...p.podIps, p.healthIp].map((ip) => `${ip}/32`) : [p.podCidr],
                    'last-handshake-time': broken ? '0001-01-01T00:00:00Z' : iso(now - (stale ? 10 * 60_000 : 20_000)),
                    'transfer-rx': broken ? 0 : 2_457_024,
                    'transfer-tx': broken ? 148 : 15_746_568,
                  };
                }),
              },
            ],
          },
        }
      : {},
  };
}

export function nodeEncryptionValue(s: AgentState): string {
  if (s.config['encrypt-node'] !== 'true') return 'Disabled';
  return s.optedOut ? 'OptedOut' : 'Enabled';
}

/** The drift checker's count: live cilium-config keys whose value differs from the agent's (ignored keys aside). */
function configDelta(agentConfig: Record<string, string>, live: Record<string, string>): number {
  const ignored = new Set((live['ignore-flags-drift-checker'] ?? '').split(',').filter(Boolean));
  const keys = new Set([...Object.keys(agentConfig), ...Object.keys(live)]);
  return [...keys].filter((k) => !ignored.has(k) && agentConfig[k] !== live[k]).length;
}

/** `cilium-dbg metrics list [-p PATTERN] [-o json]` */
export function metricsList(s: AgentState, live: Record<string, string>, args: string[]): { stdout: string; stderr: string; code: number } {
  let pattern: RegExp | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-p' || a === '--match-pattern') pattern = new RegExp(args[++i] ?? '');
    else if (a.startsWith('--match-pattern=')) pattern = new RegExp(a.split('=')[1]!);
    else if (a === '-o' || a === '--output') json = args[++i] === 'json';
    else return { stdout: '', stderr: `Error: unknown flag: ${a}\n`, code: 1 };
  }
  const rows: Array<{ name: string; labels: string; value: number }> = [
    { name: 'cilium_agent_bootstrap_seconds', labels: 'outcome=success scope=overall', value: 2.625005 },
    { name: 'cilium_bpf_maps', labels: '', value: 48 },
    { name: 'cilium_controllers_failing', labels: '', value: 0 },
  ];
  // the gauge exists only where the chart turned the drift checker on (1.19+: configDriftDetection)
  if (s.config['enable-drift-checker'] === 'true')
    rows.push({ name: 'cilium_drift_checker_config_delta', labels: '', value: configDelta(s.config, live) });
  rows.push({ name: 'cilium_endpoint', labels: '', value: s.podIps.length + 1 });
  const shown = rows.filter((r) => !pattern || pattern.test(r.name));
  if (json)
    return {
      stdout: `${JSON.stringify(
        shown.map((r) => ({
          name: r.name,
          labels: Object.fromEntries(
            r.labels
              .split(' ')
              .filter(Boolean)
              .map((l) => l.split('=')),
          ),
          value: r.value,
        })),
        null,
        2,
      )}\n`,
      stderr: '',
      code: 0,
    };
  const line = (a: string, b: string, c: string): string => `${a.padEnd(73)}${b.padEnd(105)}${c}`;
  return {
    stdout: `${[line('Metric', 'Labels', 'Value'), ...shown.map((r) => line(r.name, r.labels, r.value.toFixed(6)))].join('\n')}\n`,
    stderr: '',
    code: 0,
  };
}
