// Counters for one stream, and the merge of several streams into one result.
import { KNOWN_POINTS, LEAVES_NODE, OVERLAY_POINT, POINT_ID } from './points.js';
import type { CaptureFormat, FlowExample, FlowStats, MalformedLine } from './types.js';

const OVERLAY_ID = POINT_ID.get(OVERLAY_POINT)!;
const LEAVES_NODE_IDS = new Set([...LEAVES_NODE].map((p) => POINT_ID.get(p)!));

export function emptyStats(): FlowStats {
  return {
    flowsObserved: 0,
    crossNodeFlows: 0,
    overlayFlows: 0,
    lostEvents: 0,
    lostEventLines: 0,
    malformedLines: 0,
    otherLines: 0,
    byObservationPoint: {},
    overlayExamples: [],
    malformedExamples: [],
    formats: { jsonpb: 0, json: 0, compact: 0, table: 0 },
    fullyParsedLines: 0,
  };
}

export class StatsBuilder {
  readonly stats: FlowStats = emptyStats();
  // counting by point id avoids making a string per flow on the hot path
  private readonly byId = new Array<number>(KNOWN_POINTS.length).fill(0);
  private readonly byName = new Map<string, number>();

  constructor(
    private readonly maxExamples: number,
    private readonly maxMalformed: number,
  ) {}

  /** Counts a flow; `point` is an id from POINT_ID or a name. Returns true when an example is wanted. */
  flow(format: CaptureFormat, point: number | string, bothPods: boolean): boolean {
    const s = this.stats;
    s.flowsObserved++;
    s.formats[format]++;
    let id = typeof point === 'number' ? point : POINT_ID.get(point);
    if (id === undefined) {
      this.byName.set(point as string, (this.byName.get(point as string) ?? 0) + 1);
      id = -1;
    } else {
      this.byId[id]!++;
    }
    if (bothPods && LEAVES_NODE_IDS.has(id)) s.crossNodeFlows++;
    if (id === OVERLAY_ID) {
      s.overlayFlows++;
      return s.overlayExamples.length < this.maxExamples;
    }
    return false;
  }

  wantsExample(): boolean {
    return this.stats.overlayExamples.length < this.maxExamples;
  }

  example(e: FlowExample): void {
    if (this.stats.overlayExamples.length < this.maxExamples) this.stats.overlayExamples.push(e);
  }

  lost(format: CaptureFormat, count: number): void {
    this.stats.lostEvents += count;
    this.stats.lostEventLines++;
    this.stats.formats[format]++;
  }

  other(format?: CaptureFormat): void {
    this.stats.otherLines++;
    if (format) this.stats.formats[format]++;
  }

  malformed(m: Omit<MalformedLine, 'text'> & { text: () => string }): void {
    this.stats.malformedLines++;
    if (this.stats.malformedExamples.length < this.maxMalformed) {
      this.stats.malformedExamples.push({ stream: m.stream, line: m.line, text: m.text() });
    }
  }

  fullyParsed(): void {
    this.stats.fullyParsedLines++;
  }

  finish(): FlowStats {
    const points: Record<string, number> = {};
    KNOWN_POINTS.forEach((p, i) => {
      if (this.byId[i]! > 0) points[p] = this.byId[i]!;
    });
    for (const [p, n] of this.byName) points[p] = n;
    this.stats.byObservationPoint = sortPoints(points);
    return this.stats;
  }
}

/** Most frequent first, then by name: stable output for summaries and tests. */
function sortPoints(points: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(points).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) out[k] = v;
  return out;
}

/** Sums the results of several streams; examples are taken in stream order up to `maxExamples`. */
export function mergeFlowStats(parts: readonly FlowStats[], maxExamples = 5, maxMalformed = 3): FlowStats {
  const out = emptyStats();
  const points: Record<string, number> = {};
  for (const p of parts) {
    out.flowsObserved += p.flowsObserved;
    out.crossNodeFlows += p.crossNodeFlows;
    out.overlayFlows += p.overlayFlows;
    out.lostEvents += p.lostEvents;
    out.lostEventLines += p.lostEventLines;
    out.malformedLines += p.malformedLines;
    out.otherLines += p.otherLines;
    out.fullyParsedLines += p.fullyParsedLines;
    for (const [k, v] of Object.entries(p.byObservationPoint)) points[k] = (points[k] ?? 0) + v;
    for (const f of Object.keys(out.formats) as CaptureFormat[]) out.formats[f] += p.formats[f];
    for (const e of p.overlayExamples) if (out.overlayExamples.length < maxExamples) out.overlayExamples.push(e);
    for (const m of p.malformedExamples) if (out.malformedExamples.length < maxMalformed) out.malformedExamples.push(m);
  }
  out.byObservationPoint = sortPoints(points);
  return out;
}
