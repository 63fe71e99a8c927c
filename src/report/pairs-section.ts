// The job summary's "Node pairs" section: one line per per-pair check, and every pair that failed
// (capped, so that a broken 500-node mesh cannot blow the summary's size limit).
import { cell, code } from './markdown.js';
import type { PairCheck } from './report.js';

const ICON: Record<string, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️' };
const MAX_LISTED_PROBLEMS = 50;

export function pairsSection(pairs: readonly PairCheck[]): string {
  const out = ['### Node pairs'];
  for (const p of pairs) {
    out.push(`- ${code(p.check)}: ${ICON[p.verdict] ?? ''} **${p.verdict}** — ${cell(p.reason)}`);
    const listed = p.problems.slice(0, MAX_LISTED_PROBLEMS);
    for (const problem of listed) out.push(`  - ${cell(problem)}`);
    if (p.problems.length > listed.length) out.push(`  - … and ${p.problems.length - listed.length} more (all in the JSON report)`);
  }
  return out.join('\n');
}
