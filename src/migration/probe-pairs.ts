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
function spread(nodes: readonly LabelledNode[]): LabelledNode[] {
  const groups = new Map<string, LabelledNode[]>();
  for (const n of [...nodes].sort((a, b) => a.name.localeCompare(b.name))) {
    const k = groupKey(n);
    groups.set(k, [...(groups.get(k) ?? []), n]);
  }
  const lists = [...groups.keys()].sort().map((k) => groups.get(k)!);
  const out: LabelledNode[] = [];
  for (let i = 0; out.length < nodes.length; i++) for (const l of lists) if (l[i] !== undefined) out.push(l[i]!);
  return out;
}

/**
 * Up to `count` distinct (client, server) pairs of distinct nodes. Each client is paired with a node
 * about half the list away (nodes near each other in a name-ordered rollout restart together, so a
 * pair of neighbours would hide the split), in another pool or zone when there is one; each node is in
 * one pair while there are enough nodes, then every other ordered pair follows.
 */
export function pickProbePairs(nodes: readonly LabelledNode[], count: number): Array<[string, string]> {
  const order = spread(nodes);
  const n = order.length;
  const pairs: Array<[string, string]> = [];
  if (n < 2 || count < 1) return pairs;
  const used = new Set<number>();
  const half = Math.floor(n / 2);
  for (let i = 0; i < n && pairs.length < count; i++) {
    if (used.has(i)) continue;
    const free = Array.from({ length: n - 1 }, (_, k) => (i + half + k) % n).filter((j) => j !== i && !used.has(j));
    const j = free.find((x) => groupKey(order[x]!) !== groupKey(order[i]!)) ?? free[0];
    if (j === undefined) break;
    used.add(i).add(j);
    pairs.push([order[i]!.name, order[j]!.name]);
  }
  const seen = new Set(pairs.map((p) => p.join(' ')));
  for (let step = 1; step < n && pairs.length < count; step++) {
    for (let i = 0; i < n && pairs.length < count; i++) {
      const pair: [string, string] = [order[i]!.name, order[(i + step) % n]!.name];
      if (seen.has(pair.join(' '))) continue;
      seen.add(pair.join(' '));
      pairs.push(pair);
    }
  }
  return pairs;
}
