// The job summary (and PR comment body) as markdown, from the report alone. Pure.
import { redactChange, redactConfigChange, REDACTED } from './redact.js';
import { cell, code, fence, showValue, table, tableOr } from './markdown.js';
import { pairsSection } from './pairs-section.js';
import { migrationMarkdown } from './migration.js';
import type { Report } from './report.js';
import { bgpSummary } from './bgp-summary.js';

export const DIFF_SECTION_START = '<!-- manifest-diff:start -->';
export const DIFF_SECTION_END = '<!-- manifest-diff:end -->';

const ICON: Record<string, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️', skipped: '⏭️' };

export function summaryMarkdown(r: Report): string {
  const out: string[] = [];
  const verdict = r.verdict ? `${ICON[r.verdict] ?? ''} **${r.verdict}**` : '';
  out.push(`## Cilium native routing — ${r.mode}: ${r.namespace}/${r.release}`);
  const facts = [
    verdict && `Verdict: ${verdict}${r.reason ? ` — ${cell(r.reason)}` : ''}`,
    `Chart: ${code(r.chart)}${r.chartVersion ? ` ${code(r.chartVersion)}` : ''}`,
    r.revision !== undefined &&
      `Revision: ${r.previousRevision !== undefined && r.previousRevision !== r.revision ? `${r.previousRevision} → ` : ''}${r.revision}${r.upgraded === false ? ' (no upgrade needed)' : ''}`,
    r.cidr && `Native routing CIDR: ${code(r.cidr)}`,
    r.routingMode && `Routing: ${code(r.routingMode)}`,
    r.encryption && `Encryption: ${code(r.encryption)}`,
    r.drift !== undefined && `Drift: ${r.drift ? '**yes**' : 'none'}`,
  ].filter(Boolean);
  out.push(facts.map((f) => `- ${f}`).join('\n'));
  if (r.error) out.push(`> [!CAUTION]\n> ${cell(r.error)}`);
  for (const w of r.warnings) out.push(`> [!WARNING]\n> ${cell(w)}`);

  if (r.changes) {
    out.push(`### Values changes${r.baseline ? ` (against the ${r.baseline})` : ''}`);
    out.push(
      tableOr(
        'None: the desired values equal the current ones.',
        ['Key', 'Before', 'After', 'Caused by', 'Why'],
        r.changes.map(redactChange).map((c) => [code(c.key), showValue(c.before), showValue(c.after), cell(c.source), cell(c.why)]),
      ),
    );
  }
  if (r.configChanges) {
    out.push('### `cilium-config` keys that change');
    out.push(
      tableOr(
        'None.',
        ['Key', 'Before', 'After'],
        r.configChanges.map(redactConfigChange).map((c) => [code(c.key), showOr(c.before), showOr(c.after)]),
      ),
    );
  }
  if (r.differences) {
    out.push('### Differences');
    out.push(
      tableOr(
        'None: the cluster is as desired.',
        ['Source', 'Key', 'Expected', 'Actual'],
        r.differences.map((d) => [cell(d.source), code(d.key), showOr(d.expected), showOr(d.actual)]),
      ),
    );
  }
  if (r.migration) out.push(migrationMarkdown(r.migration));
  if (r.nodes && r.nodes.length > 0) {
    out.push(`### Agents (${r.nodes.length} nodes)`);
    out.push(
      table(
        ['Node', 'Pod', 'Routing', 'Encryption', 'Node encryption', 'WireGuard peers', 'OK'],
        r.nodes.map((n) => [
          cell(n.node),
          cell(n.pod),
          cell(n.routing),
          cell(n.encryption),
          cell(n.nodeEncryption),
          cell(n.peers),
          n.ok ? '✅' : `❌ ${cell(n.problems.join('; '))}`,
        ]),
      ),
    );
  }
  if (r.pairs && r.pairs.length > 0) out.push(pairsSection(r.pairs));
  out.push(...bgpSummary(r.bgp));
  if (r.flows) {
    const f = r.flows;
    out.push(`### Flows (${cell(f.source)})`);
    out.push(
      [
        `- Verdict: ${ICON[f.verdict] ?? ''} **${f.verdict}** — ${cell(f.reason)}`,
        `- Flows analysed: ${f.flowsObserved}; cross-node pod-to-pod: ${f.crossNodeFlows}; \`to-overlay\`: ${f.overlayFlows}; lost events: ${f.lostEvents}${f.malformedLines ? `; unreadable lines: ${f.malformedLines}` : ''}`,
      ].join('\n'),
    );
    const points = Object.entries(f.byObservationPoint).sort((a, b) => b[1] - a[1]);
    if (points.length > 0)
      out.push(
        table(
          ['Observation point', 'Flows'],
          points.map(([p, n]) => [code(p), String(n)]),
        ),
      );
    if (f.overlayExamples.length > 0) {
      out.push('Examples of `to-overlay` flows:');
      out.push(
        table(
          ['Source', 'Destination', 'Node', 'Time'],
          f.overlayExamples.map((e) => [cell(e.source), cell(e.destination), cell(e.node ?? ''), cell(e.time ?? '')]),
        ),
      );
    }
  }
  if (r.notes.length > 0) out.push(`### Notes\n${r.notes.map((n) => `- ${cell(n)}`).join('\n')}`);
  if (r.manifestDiff) {
    const d = r.manifestDiff;
    const n = d.added.length + d.removed.length + d.changed.length;
    out.push(DIFF_SECTION_START);
    out.push(
      n === 0
        ? '<details><summary>Rendered manifest: no differences</summary>\n\nNo object changes.\n</details>'
        : `<details><summary>Rendered manifest diff: ${d.changed.length} changed, ${d.added.length} added, ${d.removed.length} removed</summary>\n\n${fence(d.patch, 'diff')}\n</details>`,
    );
    out.push(DIFF_SECTION_END);
  }
  if (r.steps.length > 0) {
    out.push(
      `<details><summary>Steps</summary>\n\n${table(
        ['Step', 'Duration', 'OK'],
        r.steps.map((s) => [cell(s.name), `${(s.durationMs / 1000).toFixed(1)} s`, s.ok ? '✅' : '❌']),
      )}\n</details>`,
    );
  }
  return `${out.join('\n\n')}\n`;
}

function showOr(v: string | undefined): string {
  if (v === undefined) return '*(unset)*';
  return v === REDACTED ? REDACTED : code(v);
}
