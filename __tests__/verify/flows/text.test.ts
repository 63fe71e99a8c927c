// `hubble observe` text layouts beyond the two real samples: node prefixes, the older compact layout,
// replies, multi-word types, other time formats, lost events, a table with a NODE column.
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/verify/flows/index.js';

describe('compact text', () => {
  it('reads the current layout with and without a [node] prefix, and the older one without identities', () => {
    const s = analyseText(
      [
        // current, --print-node-name
        'Jun  2 10:15:01.100 [aks-nodepool1-20941703-vmss000000]: cnra/probe-client:52114 (ID:41204) -> cnra/probe-server:8080 (ID:18819) to-overlay FORWARDED (TCP Flags: SYN)',
        // current, reply: printed as client <- server
        'Jun  2 10:15:01.101: cnra/probe-client:52114 (ID:41204) <- cnra/probe-server:8080 (ID:18819) to-overlay FORWARDED (TCP Flags: SYN, ACK)',
        // hubble 0.x: always a node, no identities
        'Dec 14 07:52:08.642 [minikube]: kube-system/coredns-f9fd979d6-88nqn:53 -> default/curl:40000 to-network FORWARDED (UDP)',
        // RFC3339 time format
        '2025-06-02T10:15:01.102Z [n1]: default/a:1 (ID:1000) -> default/b:2 (ID:1001) to-crypto FORWARDED (TCP Flags: ACK)',
      ].join('\n'),
    );
    expect(s.flowsObserved).toBe(4);
    expect(s.overlayFlows).toBe(2);
    expect(s.crossNodeFlows).toBe(4);
    expect(s.byObservationPoint).toEqual({ TO_OVERLAY: 2, TO_CRYPTO: 1, TO_NETWORK: 1 });
    expect(s.formats.compact).toBe(4);
    expect(s.overlayExamples).toEqual([
      {
        source: 'cnra/probe-client:52114',
        destination: 'cnra/probe-server:8080',
        node: 'aks-nodepool1-20941703-vmss000000',
        time: 'Jun  2 10:15:01.100',
      },
      // the reply's ends in packet order
      { source: 'cnra/probe-server:8080', destination: 'cnra/probe-client:52114', time: 'Jun  2 10:15:01.101' },
    ]);
  });

  it('counts only pod-to-pod flows as cross-node: IPs, reserved identities and names are not pods', () => {
    const s = analyseText(
      [
        'Jun  2 10:15:01.100: 10.224.0.4:4240 (host) -> 10.224.0.5:4240 (remote-node) to-overlay FORWARDED (TCP Flags: ACK)',
        'Jun  2 10:15:01.100: default/curl:1 (ID:1000) -> 20.50.2.11:443 (world) to-network FORWARDED (TCP Flags: SYN)',
        'Jun  2 10:15:01.100: default/curl:1 (ID:1000) -> api.github.com:443 (world) to-network FORWARDED (TCP Flags: SYN)',
        'Jun  2 10:15:01.100: default/curl:1 (ID:1000) -> default/web:80 (ID:1001) to-endpoint FORWARDED (TCP Flags: SYN)',
        'Jun  2 10:15:01.100: [fd00::1]:80 (ID:1000) -> default/web:80 (ID:1001) to-network FORWARDED (TCP Flags: SYN)',
      ].join('\n'),
    );
    expect(s.flowsObserved).toBe(5);
    expect(s.crossNodeFlows).toBe(0);
    expect(s.overlayFlows).toBe(1);
  });

  it('types that are not observation points: drops, policy verdicts, L7, socket translation', () => {
    const s = analyseText(
      [
        'Jun  2 10:15:01.100: default/a:1 (ID:1000) -> default/b:2 (ID:1001) Policy denied DROPPED (TCP Flags: SYN)',
        'Jun  2 10:15:01.100: default/a:1 (ID:1000) -> default/b:2 (ID:1001) policy-verdict:L3-L4 INGRESS ALLOWED (TCP Flags: SYN)',
        'Jun  2 10:15:01.100: default/a:1 (ID:1000) -> default/b:2 (ID:1001) http-request FORWARDED (HTTP/1.1 GET http://b/to-overlay)',
        'Jun  2 10:15:01.100: default/a (ID:1000) <> default/b:2 (ID:1001) post-xlate-fwd TRANSLATED (TCP)',
      ].join('\n'),
    );
    expect(s.byObservationPoint).toEqual({ NONE: 4 });
    expect(s.malformedLines).toBe(0);
  });

  it('sums lost events in their compact forms', () => {
    const s = analyseText(
      [
        'EVENTS LOST: HUBBLE_RING_BUFFER CPU(0) 1',
        'Jun  2 10:15:01.100 EVENTS LOST: PERF_EVENT_RING_BUFFER CPU(3) 42 (first: Jun  2 10:15:00.100, last: Jun  2 10:15:01.000)',
        'Jun  2 10:15:01.100 [n1]: EVENTS LOST: OBSERVER_EVENTS_QUEUE CPU(1) 100',
      ].join('\n'),
    );
    expect([s.lostEvents, s.lostEventLines, s.flowsObserved, s.malformedLines]).toEqual([143, 3, 0, 0]);
  });

  it('reports lines that are not Hubble output as malformed', () => {
    const s = analyseText(
      [
        'Jun  2 10:15:01.100: default/a:1 (ID:1000) => default/b:2 (ID:1001) to-network FORWARDED (TCP)', // no such arrow
        'Jun  2 10:15:01.100: default/a:1 (ID:1000) -> default/b:2 (ID:1001) to-network (TCP)', // no verdict
        'Jun  2 10:15:01.100: default/a:1 (ID:1000) -> default/b:2 (ID:1001) FORWARDED (TCP)', // no type
        'Jun  2 10:15:01.100: default/a:1 (ID:1000) -> default/b:2 (ID:1001) to-network FORWARDED TCP', // no summary brackets
        'error: unable to connect to Hubble',
        'EVENTS LOST: HUBBLE_RING_BUFFER CPU(x) 1',
        'some text EVENTS LOST: HUBBLE_RING_BUFFER CPU(0) 1',
      ].join('\n'),
    );
    expect([s.flowsObserved, s.lostEvents, s.malformedLines]).toEqual([0, 0, 7]);
  });
});

/** Cells aligned as Go's tabwriter does for `hubble observe -o table` (padding 3). */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)) + 3);
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('')).join('\n');
}

describe('table text', () => {
  it("reads rows by the header's columns, with a NODE column and EVENTS LOST rows", () => {
    const s = analyseText(
      table([
        ['TIMESTAMP', 'NODE', 'SOURCE', 'DESTINATION', 'TYPE', 'VERDICT', 'SUMMARY'],
        ['Jun  2 10:15:01.100', 'node-a', 'cnra/probe-client:1', 'cnra/probe-server:80', 'to-overlay', 'FORWARDED', 'TCP Flags: SYN'],
        ['Jun  2 10:15:01.101', 'node-b', 'cnra/probe-server:80', 'cnra/probe-client:1', 'to-network', 'FORWARDED', 'TCP Flags: SYN, ACK'],
        ['Jun  2 10:15:01.102', 'node-b', '10.224.0.4:1', 'cnra/probe-server:80', 'to-endpoint', 'FORWARDED', 'TCP Flags: ACK'],
        ['', '', 'HUBBLE_RING_BUFFER', '', 'EVENTS LOST', '', 'CPU(2) - 12'],
        ['Jun  2 10:15:01.103', 'node-b', 'cnra/probe-server:80', 'cnra/probe-client:1', 'Policy denied', 'DROPPED', 'TCP Flags: SYN'],
      ]),
    );
    expect(s.flowsObserved).toBe(4);
    expect(s.byObservationPoint).toEqual({ NONE: 1, TO_ENDPOINT: 1, TO_NETWORK: 1, TO_OVERLAY: 1 });
    expect(s.crossNodeFlows).toBe(2);
    expect(s.overlayFlows).toBe(1);
    expect(s.lostEvents).toBe(12);
    expect(s.otherLines).toBe(1);
    expect(s.formats.table).toBe(6);
    expect(s.overlayExamples).toEqual([
      { source: 'cnra/probe-client:1', destination: 'cnra/probe-server:80', node: 'node-a', time: 'Jun  2 10:15:01.100' },
    ]);
  });

  it('rows without a header, or that do not fit it, are malformed', () => {
    const rows = table([
      ['TIMESTAMP', 'SOURCE', 'DESTINATION', 'TYPE', 'VERDICT', 'SUMMARY'],
      ['Jun  2 10:15:01.100', 'cnra/a:1', 'cnra/b:80', 'to-overlay', 'FORWARDED', 'TCP Flags: SYN'],
    ]).split('\n');
    const [header, row] = [rows[0]!, rows[1]!];
    expect(analyseText(row).malformedLines).toBe(1);
    // a cell that runs into the next column
    const shifted = row.replace('cnra/a:1   ', 'cnra/a:1234');
    const s = analyseText([header, row, shifted].join('\n'));
    expect([s.flowsObserved, s.overlayFlows, s.malformedLines]).toEqual([1, 1, 1]);
  });
});
