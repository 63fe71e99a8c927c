// The BGP part of the job summary (profile bgp): each node's sessions, the Route Server finding and
// the rendered resources. Pure; every cluster-supplied string goes through cell().
import { cell, code, fence, table } from './markdown.js';
import { tableSection } from './table-section.js';
import type { BgpReport } from './report.js';

export function bgpSummary(b: BgpReport | undefined): string[] {
  if (!b) return [];
  const out: string[] = [];
  if (b.rows && b.rows.length > 0) {
    out.push(`### BGP (${b.established ?? 0}/${b.expected ?? 0} sessions established)`);
    out.push(
      table(
        ['Node', 'Sessions established', 'Advertising', 'OK'],
        b.rows.map((r) => [
          cell(r.node),
          `${r.established}/${r.expected}`,
          `${r.advertising}/${r.expected}`,
          r.ok ? '✅' : `❌ ${cell(r.problems.join('; '))}`,
        ]),
      ),
    );
  }
  if (b.changes) {
    out.push(
      ...tableSection(
        '### BGP resources against the live cluster',
        'None: the live BGP resources are as rendered.',
        ['Key', 'Live', 'Rendered'],
        b.changes.map((c) => [code(c.key), code(c.actual), code(c.expected)]),
      ),
    );
  }
  if (b.routeServer) out.push(`- Azure Route Server learned routes: ${cell(b.routeServer)}`);
  if (b.resources) out.push(`<details><summary>BGP resources (server-side applied)</summary>\n\n${fence(b.resources, 'yaml')}\n</details>`);
  return out;
}
