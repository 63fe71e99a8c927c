// Every real capture in testdata/hubble and the two seed captures, with exact counts.
// The expected numbers were counted independently (jq and a short Python script over the files).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseFile, analyseText, flowVerdict, type FlowStats } from '../../../src/verify/flows/index.js';
import { testData } from '../../setup/env.js';

const hubble = (f: string): string => path.join(testData(), 'hubble', f);
const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'flows');

type Expected = Pick<
  FlowStats,
  'flowsObserved' | 'crossNodeFlows' | 'overlayFlows' | 'lostEvents' | 'malformedLines' | 'otherLines' | 'byObservationPoint'
> & {
  formats: Partial<FlowStats['formats']>;
};

const counts = (s: FlowStats): Expected => ({
  flowsObserved: s.flowsObserved,
  crossNodeFlows: s.crossNodeFlows,
  overlayFlows: s.overlayFlows,
  lostEvents: s.lostEvents,
  malformedLines: s.malformedLines,
  otherLines: s.otherLines,
  byObservationPoint: s.byObservationPoint,
  formats: Object.fromEntries(Object.entries(s.formats).filter(([, n]) => n > 0)),
});

const FIXTURES: Array<[string, Expected]> = [
  [
    'flows-hubble-otel-kind-bookinfo-tcp.jsonl',
    {
      flowsObserved: 400,
      // one TO_OVERLAY flow has pods at both ends (jaeger → otelcol-hubble-collector)
      crossNodeFlows: 1,
      overlayFlows: 50,
      lostEvents: 0,
      malformedLines: 0,
      otherLines: 0,
      // 65 L7 (type 129) and 27 policy-verdict (type 5) flows have no observation point
      byObservationPoint: { TO_ENDPOINT: 117, TO_PROXY: 111, NONE: 92, TO_OVERLAY: 50, TO_STACK: 30 },
      formats: { jsonpb: 400 },
    },
  ],
  [
    'flows-hubble-otel-kind-bookinfo-icmpv4.jsonl',
    {
      flowsObserved: 18,
      crossNodeFlows: 0,
      overlayFlows: 7,
      lostEvents: 0,
      malformedLines: 0,
      otherLines: 0,
      byObservationPoint: { TO_ENDPOINT: 7, TO_OVERLAY: 7, TO_STACK: 4 },
      formats: { jsonpb: 18 },
    },
  ],
  [
    'flows-hubble-otel-gke-istio-10.jsonl',
    {
      flowsObserved: 10,
      crossNodeFlows: 0,
      overlayFlows: 0,
      lostEvents: 0,
      malformedLines: 0,
      otherLines: 0,
      byObservationPoint: { TO_ENDPOINT: 5, TO_STACK: 5 },
      formats: { jsonpb: 10 },
    },
  ],
  [
    'flows-imroc-tke-guide-hubble-exporter-1.19.1.jsonl',
    {
      flowsObserved: 3,
      crossNodeFlows: 0, // host → world: not pods
      overlayFlows: 0,
      lostEvents: 0,
      malformedLines: 0,
      otherLines: 0,
      byObservationPoint: { TO_NETWORK: 2, TO_ENDPOINT: 1 },
      formats: { jsonpb: 3 },
    },
  ],
  [
    'flows-imroc-tke-guide-flowlogs-pretty-1.19.1.jsonl',
    {
      flowsObserved: 1,
      crossNodeFlows: 0,
      overlayFlows: 0,
      lostEvents: 0,
      malformedLines: 0,
      otherLines: 0,
      byObservationPoint: { TO_STACK: 1 },
      formats: { jsonpb: 1 },
    },
  ],
  [
    'flows-seanmwinn-cilium-hands-on-lab-bare-flow.jsonl',
    {
      flowsObserved: 1,
      crossNodeFlows: 0,
      overlayFlows: 0,
      lostEvents: 0,
      malformedLines: 0,
      otherLines: 0,
      byObservationPoint: { TO_ENDPOINT: 1 },
      formats: { json: 1 },
    },
  ],
  [
    'compact-idealisthacking-study-cilium-1.17.txt',
    {
      flowsObserved: 8,
      // both to-network and both to-overlay lines are pod to pod
      crossNodeFlows: 4,
      overlayFlows: 2,
      lostEvents: 0,
      malformedLines: 0,
      otherLines: 0,
      byObservationPoint: { TO_ENDPOINT: 3, TO_NETWORK: 2, TO_OVERLAY: 2, NONE: 1 },
      formats: { compact: 8 },
    },
  ],
  [
    'compact-seanmwinn-cilium-hands-on-lab-table.txt',
    {
      flowsObserved: 11,
      crossNodeFlows: 0,
      overlayFlows: 0,
      lostEvents: 0,
      malformedLines: 0,
      otherLines: 2, // two headers: two captures one after the other
      byObservationPoint: { TO_ENDPOINT: 8, TO_STACK: 3 },
      formats: { table: 13 },
    },
  ],
];

describe('real Hubble captures', () => {
  it.each(FIXTURES)('%s', async (file, expected) => {
    const stats = await analyseFile(hubble(file));
    expect(counts(stats)).toEqual(expected);
    // the token scan gives exactly what parsing every line in full gives
    const reference = analyseText(readFileSync(hubble(file)), { fastPath: false });
    expect({ ...stats, fullyParsedLines: 0 }).toEqual({ ...reference, fullyParsedLines: 0 });
  });

  it('reads Hubble jsonpb lines by tokens, parsing in full only what it keeps as examples', async () => {
    const tcp = await analyseFile(hubble('flows-hubble-otel-kind-bookinfo-tcp.jsonl'));
    expect(tcp.fullyParsedLines).toBe(5); // the five examples
    const exporter = await analyseFile(hubble('flows-imroc-tke-guide-hubble-exporter-1.19.1.jsonl'));
    expect(exporter.fullyParsedLines).toBe(0);
    // keys sorted by a tool: not Hubble's shape, so parsed in full
    const sorted = await analyseFile(hubble('flows-imroc-tke-guide-flowlogs-pretty-1.19.1.jsonl'));
    expect(sorted.fullyParsedLines).toBe(1);
  });

  it('keeps the first to-overlay flows as examples', async () => {
    const icmp = await analyseFile(hubble('flows-hubble-otel-kind-bookinfo-icmpv4.jsonl'));
    expect(icmp.overlayExamples).toHaveLength(5);
    expect(icmp.overlayExamples[0]).toEqual({
      source: '10.244.0.148',
      destination: '10.244.1.204',
      node: 'kind-control-plane',
      time: '2021-11-10T10:41:26.095787600Z',
      interface: 'cilium_vxlan',
    });
    const tcp = await analyseFile(hubble('flows-hubble-otel-kind-bookinfo-tcp.jsonl'));
    expect(tcp.overlayExamples[1]).toEqual({
      source: '10.244.0.148',
      destination: 'bookinfo/details-v1-79f774bdb9-m4j4k',
      node: 'kind-control-plane',
      time: '2021-11-10T10:40:56.910272400Z',
      interface: 'cilium_vxlan',
    });
    const compact = await analyseFile(hubble('compact-idealisthacking-study-cilium-1.17.txt'));
    expect(compact.overlayExamples).toEqual([
      { source: 'default/curl-pod:40332', destination: 'default/webpod-697b545f57-76lt6:80', time: 'Aug  3 00:02:26.403' },
      { source: 'default/curl-pod:40332', destination: 'default/webpod-697b545f57-76lt6:80', time: 'Aug  3 00:02:26.405' },
    ]);
  });
});

describe('seed captures (AKS, three nodes, pod pool 100.64.0.0/10)', () => {
  it('before the move: four cross-node flows through the VXLAN overlay', async () => {
    const s = await analyseFile(path.join(seeds, 'capture-before-vxlan.jsonl'));
    expect(counts(s)).toEqual({
      flowsObserved: 11,
      crossNodeFlows: 4,
      overlayFlows: 4,
      lostEvents: 0,
      malformedLines: 0,
      otherLines: 0,
      byObservationPoint: { TO_ENDPOINT: 6, TO_OVERLAY: 4, NONE: 1 },
      formats: { jsonpb: 11 },
    });
    expect(s.overlayExamples.map((e) => `${e.source} → ${e.destination} @${e.node} ${e.interface}`)).toEqual([
      'cnra-probe-3f9a1c/probe-client → cnra-probe-3f9a1c/probe-server @aks-nodepool1-20941703-vmss000000 cilium_vxlan',
      'cnra-probe-3f9a1c/probe-server → cnra-probe-3f9a1c/probe-client @aks-nodepool1-20941703-vmss000001 cilium_vxlan',
      'cnra-probe-3f9a1c/probe-client → cnra-probe-3f9a1c/probe-server @aks-nodepool1-20941703-vmss000000 cilium_vxlan',
      'cnra-probe-3f9a1c/probe-client → cnra-probe-3f9a1c/probe-server @aks-nodepool1-20941703-vmss000000 cilium_vxlan',
    ]);
    expect(flowVerdict(s, { maxOverlayFlows: 0, minFlows: 1 }).verdict).toBe('fail');
    expect(flowVerdict(s, { maxOverlayFlows: 4, minFlows: 1 }).verdict).toBe('pass');
  });

  it('after the move: the same flows leave at TO_NETWORK, none through the overlay', async () => {
    const s = await analyseFile(path.join(seeds, 'capture-after-native.jsonl'));
    expect(counts(s)).toEqual({
      flowsObserved: 11,
      crossNodeFlows: 4,
      overlayFlows: 0,
      lostEvents: 0,
      malformedLines: 0,
      otherLines: 0,
      byObservationPoint: { TO_ENDPOINT: 6, TO_NETWORK: 4, NONE: 1 },
      formats: { jsonpb: 11 },
    });
    expect(s.overlayExamples).toEqual([]);
    expect(s.fullyParsedLines).toBe(0);
    expect(flowVerdict(s, { maxOverlayFlows: 0, minFlows: 1 })).toEqual({
      verdict: 'pass',
      reason: '4 cross-node pod-to-pod flows seen, none went through the overlay',
      warnings: [],
    });
    expect(flowVerdict(s, { maxOverlayFlows: 0, minFlows: 5 }).verdict).toBe('inconclusive');
  });
});
