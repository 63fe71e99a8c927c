// The job summary (and PR comment body) as markdown, from the report alone, one section after the
// other (a section with nothing to show is left out). Pure.
import { redactChange, redactConfigChange, REDACTED } from './redact.js';
import { cell, code, fence, showValue, table } from './markdown.js';
import { pairsSection } from './pairs-section.js';
import { migrationMarkdown } from './migration.js';
import type { FlowSummary, Report } from './report.js';
import { bgpSummary } from './bgp-summary.js';
import { tableSection } from './table-section.js';

export const DIFF_SECTION_START = '<!-- manifest-diff:start -->';
export const DIFF_SECTION_END = '<!-- manifest-diff:end -->';

const ICON: Record<string, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️', skipped: '⏭️' };

export function summaryMarkdown(r: Report): string {
  const out: string[] = [
    ...header(r),
    ...valuesSection(r),
    ...configSection(r),
    ...differencesSection(r),
    ...(r.migration ? [migrationMarkdown(r.migration)] : []),
    ...agentsSection(r),
    ...(r.pairs && r.pairs.length > 0 ? [pairsSection(r.pairs)] : []),
    ...bgpSummary(r.bgp),
    ...(r.flows ? flowsSection(r.flows) : []),
    ...(r.notes.length > 0 ? [`### Notes\n${r.notes.map((n) => `- ${cell(n)}`).join('\n')}`] : []),
    ...manifestDiffSection(r),
    ...stepsSection(r),
  ];
  return `${out.join('\n\n')}\n`;
}

/** The title, the facts of the run, the error and every warning. */
function header(r: Report): string[] {
  const verdict = r.verdict ? `${ICON[r.verdict] ?? ''} **${r.verdict}**` : '';
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
  return [
    `## Cilium native routing — ${r.mode}: ${r.namespace}/${r.release}`,
    facts.map((f) => `- ${f}`).join('\n'),
    ...(r.error ? [`> [!CAUTION]\n> ${cell(r.error)}`] : []),
    ...r.warnings.map((w) => `> [!WARNING]\n> ${cell(w)}`),
  ];
}

function valuesSection(r: Report): string[] {
  if (!r.changes) return [];
  return tableSection(
    `### Values changes${r.baseline ? ` (against the ${r.baseline})` : ''}`,
    'None: the desired values equal the current ones.',
    ['Key', 'Before', 'After', 'Caused by', 'Why'],
    r.changes.map(redactChange).map((c) => [code(c.key), showValue(c.before), showValue(c.after), cell(c.source), cell(c.why)]),
  );
}

function configSection(r: Report): string[] {
  if (!r.configChanges) return [];
  return tableSection(
    '### `cilium-config` keys that change',
    'None.',
    ['Key', 'Before', 'After'],
    r.configChanges.map(redactConfigChange).map((c) => [code(c.key), showOr(c.before), showOr(c.after)]),
  );
}

function differencesSection(r: Report): string[] {
  if (!r.differences) return [];
  return tableSection(
    '### Differences',
    'None: the cluster is as desired.',
    ['Source', 'Key', 'Expected', 'Actual'],
    r.differences.map((d) => [cell(d.source), code(d.key), showOr(d.expected), showOr(d.actual)]),
  );
}

function agentsSection(r: Report): string[] {
  if (!r.nodes || r.nodes.length === 0) return [];
  return [
    `### Agents (${r.nodes.length} nodes)`,
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
  ];
}

function flowsSection(f: FlowSummary): string[] {
  const out = [
    `### Flows (${cell(f.source)})`,
    [
      `- Verdict: ${ICON[f.verdict] ?? ''} **${f.verdict}** — ${cell(f.reason)}`,
      `- Flows analysed: ${f.flowsObserved}; cross-node pod-to-pod: ${f.crossNodeFlows}; \`to-overlay\`: ${f.overlayFlows}; lost events: ${f.lostEvents}${f.malformedLines ? `; unreadable lines: ${f.malformedLines}` : ''}`,
    ].join('\n'),
  ];
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
  return out;
}

/** Between markers: the PR comment cuts this part first when it is too long. */
function manifestDiffSection(r: Report): string[] {
  const d = r.manifestDiff;
  if (!d) return [];
  const n = d.added.length + d.removed.length + d.changed.length;
  return [
    DIFF_SECTION_START,
    n === 0
      ? '<details><summary>Rendered manifest: no differences</summary>\n\nNo object changes.\n</details>'
      : `<details><summary>Rendered manifest diff: ${d.changed.length} changed, ${d.added.length} added, ${d.removed.length} removed</summary>\n\n${fence(d.patch, 'diff')}\n</details>`,
    DIFF_SECTION_END,
  ];
}

function stepsSection(r: Report): string[] {
  if (r.steps.length === 0) return [];
  return [
    `<details><summary>Steps</summary>\n\n${table(
      ['Step', 'Duration', 'OK'],
      r.steps.map((s) => [cell(s.name), `${(s.durationMs / 1000).toFixed(1)} s`, s.ok ? '✅' : '❌']),
    )}\n</details>`,
  ];
}

function showOr(v: string | undefined): string {
  if (v === undefined) return '*(unset)*';
  return v === REDACTED ? REDACTED : code(v);
}
