// The datapath model: each node's routing mode and WireGuard state follow its agent's restarts (the
// state changes when the new agent starts; until then the old datapath keeps forwarding), and a
// connection between two nodes succeeds or is dropped by the table from cilium#9680 and the chart's
// behaviour (README "Known limits": a model; the e2e run on kind is where it meets reality).
//
// | from \ to   | tunnel | tunnel + WG | native + WG |
// | tunnel      | ok     | ok          | dropped     |
// | tunnel + WG | ok     | ok          | dropped     |
// | native + WG | dropped| ok          | ok          |
//
// States outside the table (native without WireGuard) and nodes whose agent never started are not
// modelled: their connections succeed, as before this model existed.

export interface NodeDatapath {
  routing: 'tunnel' | 'native';
  wireguard: boolean;
}

function nodeDatapathOf(config: Record<string, string>): NodeDatapath {
  return { routing: config['routing-mode'] === 'native' ? 'native' : 'tunnel', wireguard: config['enable-wireguard'] === 'true' };
}

/** The table above; undefined states (unmodelled) connect. */
export function connects(from: NodeDatapath | undefined, to: NodeDatapath | undefined): boolean {
  if (!from || !to) return true;
  const native = (d: NodeDatapath): boolean => d.routing === 'native' && d.wireguard;
  const modelled = (d: NodeDatapath): boolean => d.routing === 'tunnel' || native(d);
  if (!modelled(from) || !modelled(to)) return true;
  if (from.routing === 'tunnel') return to.routing === 'tunnel';
  return to.routing === 'native' || to.wireguard;
}

export class Datapaths {
  private readonly history = new Map<string, Array<{ at: number; state: NodeDatapath }>>();

  /** a new agent started on `node` with this cilium-config */
  record(node: string, config: Record<string, string>, at = Date.now()): void {
    const list = this.history.get(node) ?? [];
    list.push({ at, state: nodeDatapathOf(config) });
    this.history.set(node, list);
  }

  stateAt(node: string, at = Date.now()): NodeDatapath | undefined {
    let state: NodeDatapath | undefined;
    for (const e of this.history.get(node) ?? []) {
      if (e.at <= at) state = e.state;
      else break;
    }
    return state;
  }

  /** can a pod on `from` open a connection to a pod on `to` at time `at` */
  reachable(from: string, to: string, at = Date.now()): boolean {
    return from === to || connects(this.stateAt(from, at), this.stateAt(to, at));
  }

  /** The first moment in [from, to] when some node could not reach another, as "a → b at t" (undefined: never). */
  firstSplit(from: number, to: number): string | undefined {
    const nodes = [...this.history.keys()];
    const times = [
      from,
      ...[...this.history.values()]
        .flat()
        .map((e) => e.at)
        .filter((t) => t > from && t <= to),
    ].sort((a, b) => a - b);
    for (const t of times) {
      for (const a of nodes) for (const b of nodes) if (!this.reachable(a, b, t)) return `${a} → ${b} at ${new Date(t).toISOString()}`;
    }
    return undefined;
  }

  /** How long (ms) in [from, to] at least one of the pairs could not connect (the split window). */
  splitMs(pairs: ReadonlyArray<readonly [string, string]>, from: number, to: number): number {
    const times = [
      ...new Set([
        from,
        ...[...this.history.values()]
          .flat()
          .map((e) => e.at)
          .filter((t) => t > from && t < to),
        to,
      ]),
    ].sort((a, b) => a - b);
    let total = 0;
    for (let i = 0; i + 1 < times.length; i++) {
      const t = times[i]!;
      if (pairs.some(([a, b]) => !this.reachable(a, b, t))) total += times[i + 1]! - t;
    }
    return total;
  }
}
