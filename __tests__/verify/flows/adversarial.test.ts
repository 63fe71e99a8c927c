// Lines built to fool a text search, broken lines, and chunk boundaries everywhere. Each case checks the
// counts it must give and that the token scan agrees with the full parse (fastPath: false).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseText, FlowStreamParser, type AnalyseOptions, type FlowStats } from '../../../src/verify/flows/index.js';

const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'flows');
const before = readFileSync(path.join(seeds, 'capture-before-vxlan.jsonl'), 'utf8').trim().split('\n');
const after = readFileSync(path.join(seeds, 'capture-after-native.jsonl'), 'utf8').trim().split('\n');
/** a cross-node pod-to-pod TO_OVERLAY flow, a TO_NETWORK one, and a TO_ENDPOINT one, as Hubble writes them */
const OVERLAY = before[2]!;
const NETWORK = after[2]!;
const ENDPOINT = before[4]!;

/** Both ways, asserting they agree; returns the token-scan result. */
function both(text: string | Buffer, options: AnalyseOptions = {}): FlowStats {
  const fast = analyseText(text, options);
  const full = analyseText(text, { ...options, fastPath: false });
  expect({ ...fast, fullyParsedLines: 0 }).toEqual({ ...full, fullyParsedLines: 0 });
  return fast;
}

const edit = (line: string, f: (flow: Record<string, unknown>) => void): string => {
  const o = JSON.parse(line) as { flow: Record<string, unknown> };
  f(o.flow);
  return JSON.stringify(o);
};

describe('the observation point is read as a field, never as text anywhere in the line', () => {
  it('a label holding the word, or the whole key and value, does not make a flow to-overlay', () => {
    const labelled = edit(ENDPOINT, (f) => {
      (f.source as { labels: string[] }).labels.push('k8s:note=TO_OVERLAY', '"trace_observation_point":"TO_OVERLAY"');
      f.Summary = 'trace_observation_point: TO_OVERLAY "trace_observation_point":"TO_OVERLAY"';
    });
    expect(labelled).toContain('TO_OVERLAY');
    const s = both(labelled);
    expect(s.overlayFlows).toBe(0);
    expect(s.byObservationPoint).toEqual({ TO_ENDPOINT: 1 });
    expect(s.fullyParsedLines).toBe(0);
  });

  it('an L7 flow whose URL quotes the key has no observation point', () => {
    const l7 = edit(ENDPOINT, (f) => {
      delete f.trace_observation_point;
      delete f.trace_reason;
      f.event_type = { type: 129 };
      f.l7 = { type: 'REQUEST', http: { method: 'GET', url: 'http://x/?"trace_observation_point":"TO_OVERLAY"' } };
    });
    const s = both(l7);
    expect(s.byObservationPoint).toEqual({ NONE: 1 });
    expect(s.overlayFlows).toBe(0);
  });

  it('a key that only looks like the token (escaped quote before it) sends the line to the full parse', () => {
    const sneaky = NETWORK.replace('"Summary":', '"extensions":{"x\\"trace_observation_point":"TO_OVERLAY"},"Summary":');
    expect(() => JSON.parse(sneaky)).not.toThrow();
    const s = both(sneaky);
    expect(s.byObservationPoint).toEqual({ TO_NETWORK: 1 });
    expect(s.crossNodeFlows).toBe(1);
    expect(s.fullyParsedLines).toBe(1);
  });

  it('compact text: names and summaries that hold the word do not count', () => {
    const text = [
      'Jun  2 10:15:01.100 [aks-nodepool1-20941703-vmss000000]: to-overlay/to-overlay-5f7c:80 (ID:1234) -> default/web-1:8080 (ID:5678) to-endpoint FORWARDED (HTTP/1.1 GET http://x/to-overlay)',
      'Jun  2 10:15:01.101: default/a:1 (ID:1) -> default/b:2 (ID:2) to-network FORWARDED (TCP Flags: SYN; to-overlay)',
    ].join('\n');
    const s = both(text);
    expect(s.overlayFlows).toBe(0);
    expect(s.byObservationPoint).toEqual({ TO_ENDPOINT: 1, TO_NETWORK: 1 });
    expect(s.crossNodeFlows).toBe(1);
  });
});

describe('fields the token scan reads', () => {
  it('falls back to the trace event when the name is missing, empty or the zero value', () => {
    const lines = [
      edit(OVERLAY, (f) => delete f.trace_observation_point), // 4/4
      edit(OVERLAY, (f) => (f.trace_observation_point = '')),
      edit(OVERLAY, (f) => (f.trace_observation_point = 'UNKNOWN_POINT')),
      edit(NETWORK, (f) => delete f.trace_observation_point), // 4/11
      edit(NETWORK, (f) => {
        delete f.trace_observation_point;
        f.event_type = { sub_type: 11, type: 4 }; // either key order
      }),
      edit(ENDPOINT, (f) => delete f.trace_observation_point), // {"type":4}: sub-type 0 is TO_ENDPOINT
      edit(ENDPOINT, (f) => {
        delete f.trace_observation_point;
        f.event_type = { type: 4, sub_type: 77 };
      }),
      edit(ENDPOINT, (f) => {
        delete f.trace_observation_point;
        delete f.event_type;
      }),
    ];
    const s = both(lines.join('\n'));
    expect(s.byObservationPoint).toEqual({ TO_OVERLAY: 3, TO_NETWORK: 2, NONE: 1, TO_ENDPOINT: 1, UNKNOWN: 1 });
    expect(s.overlayFlows).toBe(3);
    expect(s.crossNodeFlows).toBe(5);
    expect(s.fullyParsedLines).toBe(3); // the three overlay flows are kept as examples
  });

  it('a name wins over the sub-type, whatever the sub-type says', () => {
    const s = both(edit(NETWORK, (f) => (f.event_type = { type: 4, sub_type: 4 })));
    expect(s.byObservationPoint).toEqual({ TO_NETWORK: 1 });
    expect(s.overlayFlows).toBe(0);
  });

  it('enum numbers, unknown names, duplicate keys and odd event_type shapes agree with a full parse', () => {
    const lines = [
      OVERLAY.replace('"trace_observation_point":"TO_OVERLAY"', '"trace_observation_point":4'),
      ENDPOINT.replace('"trace_observation_point":"TO_ENDPOINT"', '"trace_observation_point":101'),
      NETWORK.replace('"trace_observation_point":"TO_NETWORK"', '"trace_observation_point":"TO_SOMEWHERE_NEW"'),
      // JSON.parse keeps the last of duplicate keys; so must the scan
      ENDPOINT.replace('"Summary":', '"trace_observation_point":"TO_OVERLAY","Summary":'),
      NETWORK.replace(
        '"trace_observation_point":"TO_NETWORK"',
        '"trace_observation_point":"TO_NETWORK","trace_observation_point":"TO_STACK"',
      ),
      edit(OVERLAY, (f) => {
        delete f.trace_observation_point;
        f.event_type = { type: 4, sub_type: 4, extra: 'x' };
      }),
      edit(OVERLAY, (f) => {
        delete f.trace_observation_point;
        f.event_type = { type: '4', sub_type: 4 };
      }),
      OVERLAY.replace('"trace_observation_point":"TO_OVERLAY"', '"trace_observation_point":null'),
    ];
    const s = both(lines.join('\n'));
    // 4, null (→ sub-type 4/4), a duplicate key and an event_type of another shape are all TO_OVERLAY
    expect(s.byObservationPoint).toEqual({ TO_OVERLAY: 4, TO_ENDPOINT: 1, TO_SOMEWHERE_NEW: 1, TO_STACK: 1, NONE: 1 });
  });

  it('both ends must be pods with a name', () => {
    const lines = [
      edit(NETWORK, (f) => ((f.destination as Record<string, unknown>).pod_name = '')),
      edit(NETWORK, (f) => delete (f.source as Record<string, unknown>).pod_name),
      edit(NETWORK, (f) => (f.destination = { identity: 2, labels: ['reserved:world'] })),
      edit(NETWORK, (f) => ((f.source as Record<string, unknown>).labels = ['k8s:x="pod_name":"y"'])),
      // a third pod_name (an unknown field) sends the line to the full parse
      NETWORK.replace('"Summary":', '"extensions":{"pod_name":"z"},"Summary":'),
      NETWORK,
    ];
    const s = both(lines.join('\n'));
    expect(s.byObservationPoint).toEqual({ TO_NETWORK: 6 });
    expect(s.crossNodeFlows).toBe(3);
  });
});

describe('broken input is counted, never fatal', () => {
  it('every truncation of a flow line is malformed, not a flow', () => {
    for (const line of [OVERLAY, NETWORK]) {
      for (let k = 1; k < line.length; k++) {
        const s = analyseText(line.slice(0, k));
        const expected = line.slice(0, k).trim() === '' ? 0 : 1;
        if (s.malformedLines !== expected || s.flowsObserved !== 0) {
          throw new Error(`prefix of length ${k}: ${JSON.stringify({ malformed: s.malformedLines, flows: s.flowsObserved })}`);
        }
      }
    }
  });

  it('two lines run together (the first cut short) are one malformed line', () => {
    // a later flow: the scan tells the two apart by the time at the line's start and end
    const later = NETWORK.replaceAll('2025-06-02T10:15:01.100274026Z', '2025-06-02T10:15:02.000000001Z');
    for (const cut of [20, 200, OVERLAY.indexOf('"trace_observation_point"') + 5, OVERLAY.length - 40, OVERLAY.length - 1]) {
      const s = both(`${OVERLAY.slice(0, cut)}${later}\n${ENDPOINT}`);
      expect({ cut, flows: s.flowsObserved, malformed: s.malformedLines }).toEqual({ cut, flows: 1, malformed: 1 });
    }
  });

  it('binary junk, control characters and invalid UTF-8', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    const junk = Buffer.from(Array.from({ length: 5000 }, rnd));
    const text = Buffer.concat([
      Buffer.from(`${OVERLAY}\n`),
      junk,
      Buffer.from(`\n{"flow":{"time":"\u0000\u00ff"}\n\u0000\u0001\u0002\n\xff\xfe{"flow"\n`, 'latin1'),
      Buffer.from([0x7b, 0x22, 0x66, 0x6c, 0x6f, 0x77, 0x22, 0x3a, 0xc3, 0x28, 0x0a]), // invalid UTF-8
      Buffer.from(`${NETWORK}\n`),
    ]);
    // blank means only spaces, tabs and a CR, as the parser sees it
    const lines = text
      .toString('latin1')
      .split('\n')
      .filter((l) => !/^[ \t\r]*$/.test(l)).length;
    const s = both(text);
    expect(s.flowsObserved).toBe(2);
    expect(s.overlayFlows).toBe(1);
    expect(s.crossNodeFlows).toBe(2);
    expect(s.malformedLines).toBe(lines - 2);
    expect(s.malformedExamples).toHaveLength(3);
    for (const m of s.malformedExamples) expect(m.text).not.toMatch(/[\u0000-\u001f]/);
  });

  it('JSON that is not a flow: lost events, node status, agent events, other values', () => {
    const lines = [
      '{"lost_events":{"source":"HUBBLE_RING_BUFFER","num_events_lost":"17","cpu":{"value":1}},"node_name":"n1","time":"2025-06-02T10:15:01Z"}',
      '{"lost_events":{"source":"PERF_EVENT_RING_BUFFER","num_events_lost":3},"node_name":"n1"}',
      '{"lost_events":{"source":"OBSERVER_EVENTS_QUEUE"}}',
      '{"source":"PERF_EVENT_RING_BUFFER","num_events_lost":"5","cpu":{"value":0}}', // hubble observe -o json
      '{"node_status":{"state_change":"NODE_UNAVAILABLE","node_names":["n2"]},"node_name":"relay","time":"2025-06-02T10:15:01Z"}',
      '{"agent_event":{"type":"AGENT_STARTED"},"node_name":"n1"}',
      '{}',
      '{"flow":null}',
      '{"flow":[1]}',
      '{"lost_events":"many"}',
      '[1,2]',
      '"just a string"',
    ];
    const s = both(lines.join('\n'));
    expect(s.lostEvents).toBe(25);
    expect(s.lostEventLines).toBe(4);
    expect(s.otherLines).toBe(3);
    expect(s.malformedLines).toBe(5);
    expect(s.flowsObserved).toBe(0);
  });

  it('empty and blank lines are skipped; CRLF, a byte-order mark and indentation change nothing', () => {
    const lf = [OVERLAY, NETWORK, ENDPOINT].join('\n');
    const base = both(lf);
    const crlf = both(`\uFEFF\r\n\n  \t\n${[OVERLAY, `  ${NETWORK}\t `, ENDPOINT].join('\r\n')}\r\n\r\n`);
    expect({ ...crlf, malformedExamples: [] }).toEqual({ ...base, malformedExamples: [] });
    expect(crlf.malformedLines).toBe(0);
  });

  it('a line longer than maxLineBytes is malformed and skipped, in one chunk or many', () => {
    const long = `{"flow":{"time":"x","Summary":"${'a'.repeat(5000)}"}}`;
    const text = `${OVERLAY}\n${long}\n${NETWORK}\n`;
    const whole = analyseText(text, { maxLineBytes: 4096 });
    expect([whole.flowsObserved, whole.malformedLines]).toEqual([2, 1]);
    expect(whole.malformedExamples[0]!.text).toMatch(/\(longer than 4096 bytes\)$/);
    for (const size of [1000, 3000, 4096, 7000]) {
      const p = new FlowStreamParser(0, { maxLineBytes: 4096 });
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
      const s = p.end();
      expect([size, s.flowsObserved, s.overlayFlows, s.malformedLines]).toEqual([size, 2, 1, 1]);
    }
  });
});

describe('chunk boundaries', () => {
  const mixed = Buffer.from(
    [
      OVERLAY,
      '',
      `${NETWORK}\r`,
      'Jun  2 10:15:01.100 [aks-nodepool1-20941703-vmss000000]: cnra/probe-client:52114 (ID:41204) -> cnra/probe-server:8080 (ID:18819) to-overlay FORWARDED (TCP Flags: SYN)',
      'EVENTS LOST: HUBBLE_RING_BUFFER CPU(2) 9',
      '{"lost_events":{"source":"HUBBLE_RING_BUFFER","num_events_lost":"4"},"node_name":"nœud-ü","time":"t"}',
      'TIMESTAMP             SOURCE              DESTINATION         TYPE          VERDICT     SUMMARY',
      'Jun  2 10:15:01.100   ns/pod-ä:1          ns/pod-b:2          to-network    FORWARDED   TCP Flags: ACK',
      edit(OVERLAY, (f) => ((f.source as Record<string, unknown>).pod_name = 'клиент-🙂')),
      'not a hubble line',
      ENDPOINT,
    ].join('\n'),
  );

  it('gives the same result wherever a chunk ends', () => {
    const whole = analyseText(mixed);
    expect(whole.flowsObserved).toBe(6);
    expect(whole.overlayFlows).toBe(3);
    expect(whole.crossNodeFlows).toBe(5);
    expect(whole.lostEvents).toBe(13);
    expect(whole.malformedLines).toBe(1);
    expect(whole.overlayExamples[2]!.source).toBe('cnra-probe-3f9a1c/клиент-🙂');
    for (let k = 0; k <= mixed.length; k++) {
      const p = new FlowStreamParser();
      p.push(mixed.subarray(0, k));
      p.push(mixed.subarray(k));
      const s = p.end();
      if (JSON.stringify(s) !== JSON.stringify(whole)) {
        expect({ split: k, ...s }).toEqual({ split: k, ...whole });
      }
    }
  });

  it('gives the same result one byte at a time, and from reused chunk memory', () => {
    const whole = analyseText(mixed);
    const p = new FlowStreamParser();
    for (let i = 0; i < mixed.length; i++) p.push(mixed.subarray(i, i + 1));
    expect(p.end()).toEqual(whole);
    // a reader that reuses one buffer: the parser must copy what it keeps
    const q = new FlowStreamParser();
    const shared = Buffer.alloc(97);
    for (let i = 0; i < mixed.length; i += 97) {
      const n = mixed.copy(shared, 0, i, i + 97);
      q.push(shared.subarray(0, n));
      shared.fill(0x7b);
    }
    expect(q.end()).toEqual(whole);
  });
});
