// Everything a run found, in one object: the source of the outputs, the job summary, the JSON
// report and the PR comment.
import type { PairCheck, Verdict } from '../verify/verdict.js';
import type { BgpNodeRow } from '../bgp/judge.js';
import type { ConfigChange } from '../chart/cilium-config.js';
import type { ManifestDiff } from '../chart/manifest-diff.js';
import type { ValueChange } from '../values/changes.js';
import type { MigrationReport } from './migration.js';

export interface NodeRow {
  node: string;
  pod: string;
  routing: string;
  encryption: string;
  nodeEncryption: string;
  peers: string;
  ok: boolean;
  problems: string[];
}

export type { PairCheck, Verdict };

export interface FlowSummary {
  source: string;
  flowsObserved: number;
  crossNodeFlows: number;
  overlayFlows: number;
  lostEvents: number;
  malformedLines: number;
  byObservationPoint: Record<string, number>;
  overlayExamples: Array<{ source: string; destination: string; node?: string; time?: string }>;
  verdict: Verdict;
  reason: string;
}

/** A per-pair check (health mesh, WireGuard peers, config delta) with every problem it found. */
export interface Difference {
  source: 'values' | 'cilium-config' | 'agents' | 'flows' | 'bgp';
  key: string;
  expected: string;
  actual: string;
}

interface StepRecord {
  name: string;
  durationMs: number;
  ok: boolean;
}

/** profile bgp: the BGP resources and every node's sessions */
export interface BgpReport {
  /** the rendered CiliumBGPClusterConfig / PeerConfig / Advertisement (YAML) */
  resources?: string;
  rows?: BgpNodeRow[];
  established?: number;
  expected?: number;
  /** preview: how the rendered resources differ from the live ones */
  changes?: Difference[];
  /** the Azure learned-routes check's finding, when azure-route-server is set */
  routeServer?: string;
}

export interface Report {
  mode: string;
  release: string;
  namespace: string;
  chart: string;
  chartVersion?: string;
  verdict?: Verdict;
  /** why the verdict is what it is, one line */
  reason?: string;
  revision?: number;
  previousRevision?: number;
  upgraded?: boolean;
  valuesFile?: string;
  cidr?: string;
  routingMode?: string;
  encryption?: string;
  changes?: ValueChange[];
  configChanges?: ConfigChange[];
  manifestDiff?: ManifestDiff;
  /** what the diff was taken against: `live release` or `base-values` */
  baseline?: string;
  nodes?: NodeRow[];
  flows?: FlowSummary;
  pairs?: PairCheck[];
  drift?: boolean;
  differences?: Difference[];
  bgp?: BgpReport;
  /** apply with strategy staged: the phases and the measured disruption */
  migration?: MigrationReport;
  tools: Array<{ name: string; version: string; source: string }>;
  steps: StepRecord[];
  notes: string[];
  warnings: string[];
  error?: string;
}

export function newReport(mode: string, release: string, namespace: string, chart: string): Report {
  return { mode, release, namespace, chart, tools: [], steps: [], notes: [], warnings: [] };
}
