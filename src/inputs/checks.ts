// The `checks` input, table-driven: a new check is one row in CHECK_TABLE.
// `auto` (the default) runs every check that applies; `none` runs none (verdict `skipped`).

interface CheckSpec {
  /** part of `auto` */
  auto: boolean;
  /** runs without a cluster (on a flows-file): with flows-file, `auto` is only these */
  offline: boolean;
  /** applies only under this profile (`auto` leaves it out elsewhere) */
  profile?: 'wireguard' | 'bgp';
}

export const CHECK_TABLE = {
  agents: { auto: true, offline: false },
  connectivity: { auto: true, offline: false },
  flows: { auto: true, offline: true },
  health: { auto: true, offline: false },
  'wireguard-peers': { auto: true, offline: false, profile: 'wireguard' },
  'config-delta': { auto: true, offline: false },
  // profile bgp only: every node's BGP sessions and advertisements
  bgp: { auto: true, offline: false, profile: 'bgp' },
} as const satisfies Record<string, CheckSpec>;

export type Check = keyof typeof CHECK_TABLE;
const CHECKS = Object.keys(CHECK_TABLE) as Check[];

export type ChecksResult = { ok: true; checks: Set<Check> } | { ok: false; problem: string; fix: string };

const FIX = `use auto, none, or a comma-separated subset of ${CHECKS.join(', ')}`;

/** Pure: the checks to run, from the input's text and whether a flows-file was given. */
export function parseChecks(input: string, hasFlowsFile: boolean, profile: 'wireguard' | 'bgp' = 'wireguard'): ChecksResult {
  const names = input
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (names.length === 0) return { ok: false, problem: 'is empty', fix: `${FIX} (none opts out of verification)` };
  if (names.length === 1 && names[0] === 'none') return { ok: true, checks: new Set() };
  if (names.length === 1 && names[0] === 'auto') {
    const applies = CHECKS.filter((c) => {
      const spec: CheckSpec = CHECK_TABLE[c];
      return spec.auto && (!hasFlowsFile || spec.offline) && (spec.profile === undefined || spec.profile === profile);
    });
    return { ok: true, checks: new Set(applies) };
  }
  const checks = new Set<Check>();
  for (const n of names) {
    if ((CHECKS as readonly string[]).includes(n)) checks.add(n as Check);
    else if (n === 'auto' || n === 'none') return { ok: false, problem: `"${n}" cannot be combined with other checks`, fix: FIX };
    else return { ok: false, problem: `"${JSON.stringify(n).slice(1, -1)}" is not a check`, fix: FIX };
  }
  return { ok: true, checks };
}
