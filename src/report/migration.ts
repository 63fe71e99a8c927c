// A staged migration in the report and the job summary: each phase (revision, duration, result,
// disruption measured during it) and each probed pair's failures. Pure.
import type { PairDisruption } from '../migration/disruption.js';
import { cell, code, table } from './markdown.js';

export interface PhaseRecord {
  name: string;
  result: 'done' | 'skipped' | 'failed' | 'not run';
  revision?: number;
  durationMs?: number;
  detail?: string;
  /** wall-clock window (ms), for the disruption measurement */
  startedAt?: number;
  endedAt?: number;
  disruptionSeconds?: number;
  pairs?: PairDisruption[];
}

export interface MigrationReport {
  strategy: 'staged' | 'direct';
  phases: PhaseRecord[];
  /** longest stretch of failed connections on any probed pair, whole migration (seconds) */
  disruptionSeconds?: number;
  pairs?: PairDisruption[];
  /** the Cilium CLI's connection-disruption test around the cutover */
  connDisrupt?: { verdict: 'pass' | 'fail'; reason: string };
  /** the state the action proved at the end, in words */
  endState?: string;
}

export function migrationMarkdown(m: MigrationReport): string {
  const out: string[] = [`### Migration (${m.strategy})`];
  const facts = [
    m.endState && `End state: ${cell(m.endState)}`,
    m.disruptionSeconds !== undefined &&
      `Disruption: **${m.disruptionSeconds} s** (longest stretch of failed connections on any probed pair)`,
    m.connDisrupt && `Connection-disruption test (Cilium CLI): ${m.connDisrupt.verdict} — ${cell(m.connDisrupt.reason)}`,
  ].filter(Boolean);
  if (facts.length) out.push(facts.map((f) => `- ${f}`).join('\n'));
  out.push(
    table(
      ['Phase', 'Revision', 'Duration', 'Result', 'Disruption'],
      m.phases.map((p) => [
        cell(p.name),
        p.revision === undefined ? '—' : String(p.revision),
        p.durationMs === undefined ? '—' : `${(p.durationMs / 1000).toFixed(1)} s`,
        cell(`${p.result}${p.detail ? `: ${p.detail}` : ''}`),
        p.disruptionSeconds === undefined ? '—' : `${p.disruptionSeconds} s`,
      ]),
    ),
  );
  if (m.pairs?.length) {
    out.push(
      table(
        ['Client node', 'Server node', 'Attempts', 'Failed', 'Longest failure'],
        m.pairs.map((p) => [code(p.client), code(p.server), String(p.attempts), String(p.failures), `${p.longestSeconds} s`]),
      ),
    );
  }
  return out.join('\n\n');
}
