// `-o jsonpath=…` as Cilium's CLIs print it (pkg/command DumpJSONToString: client-go's jsonpath with
// AllowMissingKeys over the Go structs, then fmt.Println), for the test agents and the bench's exec
// stand-in. Enough of client-go's jsonpath for the queries the action sends: {.a.b-c}, [*],
// {range …}{end} (nested), quoted literals. The data is the JSON the agent would print with -o json;
// what only the Go structs know is given per leaf field: a struct field missing from the JSON
// (omitempty) still prints its zero value (0, "", Go's zero time), while a missing pointer prints
// nothing; a strfmt.DateTime is a struct, so it prints as JSON (quoted, RFC 3339 with milliseconds);
// a string prints raw, several results space-separated.
export type LeafKind = 'string' | 'int' | 'date-time';

type Node = { text: string } | { path: Step[] } | { range: Step[]; body: Node[] };
type Step = { field: string } | { all: true };

export function ciliumJsonpath(template: string, data: unknown, leaves: Record<string, LeafKind>): string {
  const [nodes] = parse(template, 0, false);
  return `${render(nodes, data, leaves)}\n`;
}

function parse(t: string, at: number, inRange: boolean): [Node[], number] {
  const nodes: Node[] = [];
  let i = at;
  while (i < t.length) {
    const open = t.indexOf('{', i);
    if (open < 0) {
      nodes.push({ text: t.slice(i) });
      break;
    }
    if (open > i) nodes.push({ text: t.slice(i, open) });
    const close = closing(t, open);
    const inner = t.slice(open + 1, close).trim();
    i = close + 1;
    if (inner === 'end') {
      if (!inRange) throw new Error('not in range, nothing to end');
      return [nodes, i];
    }
    if (inner.startsWith('range ')) {
      const [body, next] = parse(t, i, true);
      nodes.push({ range: steps(inner.slice(6).trim()), body });
      i = next;
    } else if (/^'.*'$|^".*"$/s.test(inner)) nodes.push({ text: unquote(inner) });
    else nodes.push({ path: steps(inner) });
  }
  if (inRange) throw new Error('unclosed range');
  return [nodes, i];
}

/** the `}` closing the action at `open`, quotes skipped */
function closing(t: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < t.length; i++) {
    const c = t[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '}') return i;
  }
  throw new Error('unclosed action');
}

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', '\\': '\\', "'": "'", '"': '"' };
const unquote = (q: string): string => q.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);

function steps(path: string): Step[] {
  const out: Step[] = [];
  for (const m of path.replace(/^[@$]/, '').matchAll(/\.([^.[\]]+)|\[\*\]/g)) out.push(m[1] ? { field: m[1] } : { all: true });
  return out;
}

function evaluate(path: Step[], root: unknown, leaves: Record<string, LeafKind>): Array<{ v: unknown; kind?: LeafKind }> {
  let cur: Array<{ v: unknown; kind?: LeafKind }> = [{ v: root }];
  for (const s of path) {
    const next: typeof cur = [];
    for (const { v } of cur) {
      if (v === null || v === undefined) continue;
      if ('all' in s) {
        if (Array.isArray(v)) next.push(...v.map((x: unknown) => ({ v: x })));
      } else if (typeof v === 'object' && !Array.isArray(v)) {
        const kind = leaves[s.field];
        const o = v as Record<string, unknown>;
        if (s.field in o) next.push({ v: o[s.field], kind });
        else if (kind) next.push({ v: kind === 'int' ? 0 : kind === 'string' ? '' : '0001-01-01T00:00:00Z', kind });
      }
    }
    cur = next;
  }
  return cur;
}

function render(nodes: Node[], root: unknown, leaves: Record<string, LeafKind>): string {
  let out = '';
  for (const n of nodes) {
    if ('text' in n) out += n.text;
    else if ('range' in n) for (const { v } of evaluate(n.range, root, leaves)) out += render(n.body, v, leaves);
    else
      out += evaluate(n.path, root, leaves)
        .map(({ v, kind }) =>
          kind === 'date-time' ? JSON.stringify(new Date(String(v)).toISOString()) : typeof v === 'object' ? JSON.stringify(v) : String(v),
        )
        .join(' ');
  }
  return out;
}

/** The leaf fields of HealthStatusResponse and DebugInfo's WireGuard peers that the action's queries read. */
export const CILIUM_LEAVES: Record<string, LeafKind> = {
  name: 'string',
  ip: 'string',
  latency: 'int',
  status: 'string',
  endpoint: 'string',
  'last-handshake-time': 'date-time',
};
