// The baseline a user would write in plain Node: readline over the file and JSON.parse for every line.
// It counts the same things the action's verdict needs, so its counts are the full-parse reference the
// bench compares the action's figures with.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface FullParseCounts {
  flowsObserved: number;
  overlayFlows: number;
  crossNodeFlows: number;
  lostEvents: number;
  malformedLines: number;
}

const LEAVES_NODE = new Set(['TO_NETWORK', 'TO_OVERLAY', 'TO_CRYPTO']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPod = (ep: unknown): boolean => isObj(ep) && typeof ep.pod_name === 'string' && ep.pod_name !== '';

export async function readlineCounts(path: string): Promise<FullParseCounts> {
  const c: FullParseCounts = { flowsObserved: 0, overlayFlows: 0, crossNodeFlows: 0, lostEvents: 0, malformedLines: 0 };
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      c.malformedLines++;
      continue;
    }
    if (!isObj(v)) {
      c.malformedLines++;
    } else if (isObj(v.flow)) {
      const f = v.flow;
      c.flowsObserved++;
      const point = f.trace_observation_point;
      if (point === 'TO_OVERLAY') c.overlayFlows++;
      if (typeof point === 'string' && LEAVES_NODE.has(point) && isPod(f.source) && isPod(f.destination)) c.crossNodeFlows++;
    } else if (isObj(v.lost_events)) {
      c.lostEvents += Number(v.lost_events.num_events_lost ?? 0);
    }
  }
  return c;
}
