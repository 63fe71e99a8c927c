/** A flow that left a node through the overlay, kept as evidence for the summary. */
export interface FlowExample {
  /** `namespace/pod`, else the IP address, else the identity labels */
  source: string;
  destination: string;
  node?: string;
  time?: string;
  /** the interface the packet was seen on, e.g. cilium_vxlan (JSON captures only) */
  interface?: string;
}

/** A line that could not be read, for the report (the text is shortened and made printable). */
export interface MalformedLine {
  /** index of the stream in the list given to the analyser */
  stream: number;
  /** 1-based line number in that stream */
  line: number;
  text: string;
}

export type CaptureFormat = 'jsonpb' | 'json' | 'compact' | 'table';

export interface FlowStats {
  /** flow lines analysed, whatever their kind */
  flowsObserved: number;
  /** pod-to-pod flows observed where traffic leaves a node (TO_NETWORK, TO_OVERLAY, TO_CRYPTO) */
  crossNodeFlows: number;
  /** flows at the TO_OVERLAY observation point (by name, or trace event 4/4 when the name is missing) */
  overlayFlows: number;
  /** events Hubble reported lost (`lost_events` lines and compact `EVENTS LOST` lines), summed */
  lostEvents: number;
  lostEventLines: number;
  /** lines that are neither flows, lost events nor known non-flow lines; never fatal */
  malformedLines: number;
  /** readable lines that are not flows: table headers, node status and agent events */
  otherLines: number;
  /** flows per observation point name; NONE for flows without one (L7, policy verdicts, drops) */
  byObservationPoint: Record<string, number>;
  overlayExamples: FlowExample[];
  malformedExamples: MalformedLine[];
  /** lines per detected format */
  formats: Record<CaptureFormat, number>;
  /** JSON lines the token scan could not classify and that were parsed in full (a performance figure) */
  fullyParsedLines: number;
}

export interface AnalyseOptions {
  /** how many to-overlay examples to keep (default 5) */
  maxExamples?: number;
  /** how many malformed lines to quote (default 3) */
  maxMalformedExamples?: number;
  /** longer lines are malformed and skipped without being held in memory (default 4 MiB) */
  maxLineBytes?: number;
  /** false: parse every JSON line in full (the reference the token scan is tested against) */
  fastPath?: boolean;
}

export const DEFAULT_MAX_EXAMPLES = 5;
export const DEFAULT_MAX_MALFORMED_EXAMPLES = 3;
export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;
