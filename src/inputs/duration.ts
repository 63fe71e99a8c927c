// Go's time.ParseDuration grammar (what helm's --timeout accepts), with a ceiling: a duration beyond
// Node's timer range (about 24.8 days) fires after 1 ms, so "600h" would kill helm at once.
const MAX_DURATION_MS = 24 * 3_600_000;

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const PART_RE = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

export type DurationResult = { ok: true; ms: number } | { ok: false; problem: string };

/** A Go duration in milliseconds; negative, zero and over-long durations are refused. */
export function parseDuration(s: string, max = MAX_DURATION_MS): DurationResult {
  const bad = { ok: false as const, problem: `"${JSON.stringify(s).slice(1, -1)}" is not a Go duration` };
  if (s === '' || s.length > 64) return bad;
  if (s.startsWith('-') || s === '0' || s === '+0') return { ok: false, problem: `"${s}" is not a positive duration` };
  let i = s.startsWith('+') ? 1 : 0;
  if (i === s.length) return bad;
  let ms = 0;
  while (i < s.length) {
    PART_RE.lastIndex = i;
    const m = PART_RE.exec(s);
    if (!m) return bad;
    ms += Number(m[1]) * UNIT_MS[m[2]!]!;
    i = PART_RE.lastIndex;
  }
  if (!(ms > 0)) return { ok: false, problem: `"${s}" is not a positive duration` };
  if (ms > max) return { ok: false, problem: `${s} is longer than the ${max / 3_600_000}h maximum` };
  return { ok: true, ms: Math.ceil(ms) };
}
