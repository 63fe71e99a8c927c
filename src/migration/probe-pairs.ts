// Which node pairs the continuous probe watches (pure): distinct nodes, spread over node pools and
// zones when the node labels say so, so that a pool or zone restarting on its own is seen too.

export interface LabelledNode {
  name: string;
  labels: Record<string, string>;
}

const POOL = ['kubernetes.azure.com/agentpool', 'agentpool'];
const ZONE = 'topology.kubernetes.io/zone';

function groupKey(n: LabelledNode): string {
  const pool = POOL.map((k) => n.labels[k]).find((v) => v !== undefined) ?? '';
  return `${pool}/${n.labels[ZONE] ?? ''}`;
}

/** Nodes in round-robin order over their pool/zone groups (names sorted within a group). */
function spread(nodes: readonly LabelledNode[]): string[] {
  const groups = new Map<string, string[]>();
  for (const n of [...nodes].sort((a, b) => a.name.localeCompare(b.name))) {
    const k = groupKey(n);
    groups.set(k, [...(groups.get(k) ?? []), n.name]);
  }
  const lists = [...groups.keys()].sort().map((k) => groups.get(k)!);
  const out: string[] = [];
  for (let i = 0; out.length < nodes.length; i++) for (const l of lists) if (l[i] !== undefined) out.push(l[i]!);
  return out;
}

/** Up to `count` distinct (client, server) pairs of distinct nodes; each pair crosses groups when it can. */
export function pickProbePairs(nodes: readonly LabelledNode[], count: number): Array<[string, string]> {
  const order = spread(nodes);
  const n = order.length;
  const pairs: Array<[string, string]> = [];
  const seen = new Set<string>();
  const add = (a: number, b: number): void => {
    const pair: [string, string] = [order[a % n]!, order[b % n]!];
    const key = pair.join(' ');
    if (pairs.length < count && pair[0] !== pair[1] && !seen.has(key)) (seen.add(key), pairs.push(pair));
  };
  if (n < 2) return pairs;
  // first pairs of neighbours in the round-robin order (different groups when there are several),
  // each node in one pair only; then, with more pairs than that, every other ordered pair
  for (let i = 0; i + 1 < n; i += 2) add(i, i + 1);
  for (let step = 1; step < n; step++) for (let i = 0; i < n; i++) add(i, i + step);
  return pairs;
}
