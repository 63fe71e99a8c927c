// `hubble observe` text output, one line at a time (Hubble's printer, hubble/pkg/printer/printer.go):
//   compact (default):  TIME[ [NODE]]: SRC[ (IDENTITY)] ARROW DST[ (IDENTITY)] TYPE VERDICT (SUMMARY)
//   older compact:      TIME [NODE]: SRC -> DST TYPE VERDICT (SUMMARY)
//   table (-o table):   a TIMESTAMP … SUMMARY header, then rows aligned under it
//   lost events:        [TIME[ [NODE]][:] ]EVENTS LOST: SOURCE CPU(n) COUNT[ (…)], or an EVENTS LOST table row
// Fields are read by position; nothing is searched for anywhere in the line.
import { pointOfText } from './points.js';
import type { FlowExample } from './types.js';

export type TextLine =
  | { kind: 'flow'; format: 'compact' | 'table'; point: string; bothPods: boolean; example: () => FlowExample }
  | { kind: 'lost'; format: 'compact' | 'table'; count: number }
  | { kind: 'header'; layout: TableLayout }
  | { kind: 'malformed' };

/** Column start offsets of a table, from its header line. */
export interface TableLayout {
  columns: Array<{ name: string; start: number }>;
}

// Hubble's --time-format choices: StampMilli (default) and the other Stamp*, RFC3339*, RFC1123Z
const TIME =
  String.raw`(?:[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:\.\d{1,9})?` +
  String.raw`|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})` +
  String.raw`|[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}` +
  String.raw`|N/A)`;
const TIME_ONLY = new RegExp(`^${TIME}$`);
const COMPACT_HEAD = new RegExp(`^(${TIME})(?: \\[([^\\]\\s]*)\\])?: `);
const LOST = new RegExp(`^(?:${TIME}(?: \\[[^\\]\\s]*\\])?:? )?EVENTS LOST: (\\S+) CPU\\((-?\\d+)\\) (\\d{1,15})(?: \\(.*\\))?$`);
const TABLE_LOST_SUMMARY = /^CPU\((-?\d+)\) - (\d{1,15})$/;
const TABLE_COLUMNS = ['TIMESTAMP', 'NODE', 'SOURCE', 'DESTINATION', 'TYPE', 'VERDICT', 'SUMMARY'];

const VERDICTS = new Set([
  'FORWARDED',
  'DROPPED',
  'ERROR',
  'AUDIT',
  'REDIRECTED',
  'TRACED',
  'TRANSLATED',
  'VERDICT_UNKNOWN',
  // policy-verdict events print these instead
  'ALLOWED',
  'DENIED',
  'AUDITED',
]);
const ARROWS = new Set(['->', '<-', '<>']);

export function parseTextLine(line: string, layout: TableLayout | undefined): TextLine {
  const header = parseHeader(line);
  if (header) return { kind: 'header', layout: header };

  const lost = LOST.exec(line);
  if (lost) return { kind: 'lost', format: 'compact', count: Number(lost[3]) };

  const head = COMPACT_HEAD.exec(line);
  if (head) return parseCompactBody(line.slice(head[0].length), head[1]!, head[2]);

  if (layout) return parseTableRow(line, layout);
  return { kind: 'malformed' };
}

function parseHeader(line: string): TableLayout | undefined {
  if (!line.startsWith('TIMESTAMP ')) return undefined;
  const columns: TableLayout['columns'] = [];
  for (const m of line.matchAll(/\S+/g)) {
    if (!TABLE_COLUMNS.includes(m[0])) return undefined;
    columns.push({ name: m[0], start: m.index });
  }
  const names = columns.map((c) => c.name);
  const required = ['SOURCE', 'DESTINATION', 'TYPE', 'VERDICT'];
  return required.every((r) => names.includes(r)) ? { columns } : undefined;
}

function parseCompactBody(body: string, time: string, node: string | undefined): TextLine {
  const t = body.split(' ');
  let i = 0;
  let src = t[i++]!;
  let srcId = identity(t[i]);
  if (srcId !== undefined) i++;
  const arrow = t[i++];
  if (arrow === undefined || !ARROWS.has(arrow)) return { kind: 'malformed' };
  let dst = t[i++];
  if (dst === undefined) return { kind: 'malformed' };
  let dstId = identity(t[i]);
  if (dstId !== undefined) i++;
  let j = i;
  while (j < t.length && !VERDICTS.has(t[j]!)) j++;
  if (j === i || j === t.length) return { kind: 'malformed' };
  const rest = t.slice(j + 1).join(' ');
  if (rest !== '' && !(rest.startsWith('(') && rest.endsWith(')'))) return { kind: 'malformed' };
  const point = pointOfText(t.slice(i, j).join(' '));
  // a reply is printed with its ends swapped (`client <- server`); put them back in packet order
  if (arrow === '<-') [src, dst, srcId, dstId] = [dst, src, dstId, srcId];
  return {
    kind: 'flow',
    format: 'compact',
    point,
    bothPods: isPod(src, srcId) && isPod(dst, dstId),
    example: () => withOptional({ source: src, destination: dst }, node, time),
  };
}

function parseTableRow(line: string, layout: TableLayout): TextLine {
  const field = (name: string): string | undefined => {
    const k = layout.columns.findIndex((c) => c.name === name);
    if (k < 0) return undefined;
    const end = layout.columns[k + 1]?.start ?? line.length;
    return line.slice(layout.columns[k]!.start, end).trim();
  };
  // a cell must not run into the next column: the byte before each column start is padding
  for (const c of layout.columns.slice(1)) {
    if (line.length > c.start && line[c.start - 1] !== ' ') return { kind: 'malformed' };
  }
  const type = field('TYPE') ?? '';
  if (type === 'EVENTS LOST') {
    const m = TABLE_LOST_SUMMARY.exec(field('SUMMARY') ?? '');
    return m ? { kind: 'lost', format: 'table', count: Number(m[2]) } : { kind: 'malformed' };
  }
  const time = field('TIMESTAMP') ?? '';
  const verdict = field('VERDICT') ?? '';
  const src = field('SOURCE') ?? '';
  const dst = field('DESTINATION') ?? '';
  if (!TIME_ONLY.test(time) || !VERDICTS.has(verdict) || type === '' || src.includes(' ') || dst.includes(' ')) {
    return { kind: 'malformed' };
  }
  const node = field('NODE');
  return {
    kind: 'flow',
    format: 'table',
    point: pointOfText(type),
    bothPods: isPod(src, undefined) && isPod(dst, undefined),
    example: () => withOptional({ source: src, destination: dst }, node || undefined, time),
  };
}

/** `(ID:1234)` for a numeric identity, `(host)`, `(world)`… for reserved ones. */
function identity(token: string | undefined): string | undefined {
  if (token === undefined || token.length < 3 || !token.startsWith('(') || !token.endsWith(')')) return undefined;
  return token.slice(1, -1);
}

/** Text names a pod as `namespace/pod[:port]`; IPs, reserved identities and DNS names have no `/`. */
function isPod(host: string, id: string | undefined): boolean {
  if (id !== undefined && !id.startsWith('ID:')) return false;
  const slash = host.indexOf('/');
  return slash > 0 && slash < host.length - 1 && !host.startsWith('[');
}

function withOptional(e: FlowExample, node: string | undefined, time: string | undefined): FlowExample {
  if (node) e.node = node;
  if (time && time !== 'N/A') e.time = time;
  return e;
}
