// The continuous probe's measurement (pure): each client prints "<epoch ms> ok|fail" per connection
// attempt; the disruption of a pair in a time window is its longest stretch of failed attempts, from
// the first failure to the next success (or to the window's end).

export interface Attempt {
  at: number;
  ok: boolean;
}

export interface PairDisruption {
  client: string;
  server: string;
  attempts: number;
  failures: number;
  /** longest stretch of failed connections, seconds */
  longestSeconds: number;
}

export function parseProbeLog(text: string): Attempt[] {
  const out: Attempt[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d{10,16}) (ok|fail)\s*$/.exec(line.trim());
    if (m) out.push({ at: Number(m[1]), ok: m[2] === 'ok' });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Longest stretch of failures (ms) among the attempts made in [from, to]. */
export function longestFailureMs(attempts: readonly Attempt[], from: number, to: number): number {
  let longest = 0;
  let runStart: number | undefined;
  for (const a of attempts) {
    if (a.at < from) continue;
    if (a.at > to) break;
    if (!a.ok && runStart === undefined) runStart = a.at;
    if (a.ok && runStart !== undefined) {
      longest = Math.max(longest, a.at - runStart);
      runStart = undefined;
    }
  }
  if (runStart !== undefined) longest = Math.max(longest, to - runStart);
  return longest;
}

export function pairDisruption(client: string, server: string, attempts: readonly Attempt[], from: number, to: number): PairDisruption {
  const inWindow = attempts.filter((a) => a.at >= from && a.at <= to);
  return {
    client,
    server,
    attempts: inWindow.length,
    failures: inWindow.filter((a) => !a.ok).length,
    longestSeconds: roundSeconds(longestFailureMs(attempts, from, to)),
  };
}

const roundSeconds = (ms: number): number => Math.round(ms / 100) / 10;
