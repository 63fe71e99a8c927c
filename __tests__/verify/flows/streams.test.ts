// Several node streams at once, files larger than the read buffer, and generated captures whose exact
// content the generator knows.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseFile, analyseStreams, analyseText, type FlowStats } from '../../../src/verify/flows/index.js';
import { generateCaptureLines, emptyTruth, writeCapture, type CaptureTruth } from '../../fixtures/flows/generate.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cnra-flows-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const truthOf = (s: FlowStats): Omit<CaptureTruth, 'lines' | 'bytes'> => ({
  flowsObserved: s.flowsObserved,
  crossNodeFlows: s.crossNodeFlows,
  overlayFlows: s.overlayFlows,
  lostEvents: s.lostEvents,
  lostEventLines: s.lostEventLines,
  byObservationPoint: s.byObservationPoint,
});
const strip = ({ lines: _l, bytes: _b, ...t }: CaptureTruth): Omit<CaptureTruth, 'lines' | 'bytes'> => t;

describe('generated captures', () => {
  it('counts exactly what the generator wrote, and the token scan agrees with a full parse', () => {
    const truth = emptyTruth();
    const text = [
      ...generateCaptureLines({ flows: 20_000, seed: 3, namelessTraceRatio: 0.25, overlayRatio: 0.02, lostEventsEvery: 997 }, truth),
    ].join('\n');
    expect(truth.overlayFlows).toBeGreaterThan(300);
    expect(truth.lostEventLines).toBe(20);
    const fast = analyseText(text);
    const full = analyseText(text, { fastPath: false });
    expect(truthOf(fast)).toEqual(strip(truth));
    expect({ ...fast, fullyParsedLines: 0 }).toEqual({ ...full, fullyParsedLines: 0 });
    expect(fast.malformedLines).toBe(0);
    // only lost-event lines and the examples needed a full parse
    expect(fast.fullyParsedLines).toBe(truth.lostEventLines + 5);
    // the adversarial labels are there: a text search would overcount
    expect(text.split('TO_OVERLAY').length - 1).toBeGreaterThan(truth.overlayFlows);
  });

  it('is deterministic for a seed', () => {
    const a = [...generateCaptureLines({ flows: 300, seed: 11 })];
    const b = [...generateCaptureLines({ flows: 300, seed: 11 })];
    const c = [...generateCaptureLines({ flows: 300, seed: 12 })];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('reads a file larger than its read buffers', async () => {
    const file = path.join(tmp, 'capture.jsonl');
    const truth = await writeCapture(file, { flows: 6000, seed: 5, lostEventsEvery: 1000 });
    expect(truth.bytes).toBeGreaterThan(4 * 1024 * 1024 + 1);
    const s = await analyseFile(file);
    expect(truthOf(s)).toEqual(strip(truth));
    expect(s.fullyParsedLines).toBe(truth.lostEventLines + 5);
  });

  it('fails clearly on a missing file', async () => {
    await expect(analyseFile(path.join(tmp, 'nope.jsonl'))).rejects.toThrow(/ENOENT/);
  });
});

describe('analyseStreams', () => {
  const capture = (seed: number, flows: number): { text: string; truth: CaptureTruth } => {
    const truth = emptyTruth();
    const text = [...generateCaptureLines({ flows, seed, lostEventsEvery: 100 }, truth)].join('\n') + '\n';
    return { text, truth };
  };

  it('consumes the streams concurrently and merges them', async () => {
    const a = capture(1, 500);
    const b = capture(2, 700);
    // stream 0 cannot finish until stream 1 has been read: a one-at-a-time reader would hang here
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    async function* first(): AsyncGenerator<Buffer> {
      yield Buffer.from(a.text.slice(0, 1000));
      await released;
      yield Buffer.from(a.text.slice(1000));
    }
    async function* second(): AsyncGenerator<string> {
      for (let i = 0; i < b.text.length; i += 4096) {
        yield b.text.slice(i, i + 4096);
        await new Promise((r) => setImmediate(r));
      }
      release();
    }
    const s = await analyseStreams([first(), { stream: second(), node: 'node-b' }]);
    expect(s.flowsObserved).toBe(1200);
    expect(s.overlayFlows).toBe(a.truth.overlayFlows + b.truth.overlayFlows);
    expect(s.crossNodeFlows).toBe(a.truth.crossNodeFlows + b.truth.crossNodeFlows);
    expect(s.lostEvents).toBe(a.truth.lostEvents + b.truth.lostEvents);
    for (const [k, n] of Object.entries(b.truth.byObservationPoint)) {
      expect(s.byObservationPoint[k]).toBe(n + (a.truth.byObservationPoint[k] ?? 0));
    }
    // examples in stream order, whichever stream finished first
    const alone = analyseText(a.text);
    expect(s.overlayExamples.slice(0, alone.overlayExamples.length)).toEqual(alone.overlayExamples);
  });

  it('reads node Readable streams and names the node for text lines that do not', async () => {
    const compact = 'Jun  2 10:15:01.100: cnra/a:1 (ID:1) -> cnra/b:2 (ID:2) to-overlay FORWARDED (TCP Flags: SYN)\n';
    const s = await analyseStreams([
      { stream: Readable.from([Buffer.from(compact)]), node: 'aks-nodepool1-20941703-vmss000002' },
      Readable.from(['EVENTS LOST: HUBBLE_RING_BUFFER CPU(0) 3\n', 'garbage\n']),
    ]);
    expect(s.overlayExamples).toEqual([
      { source: 'cnra/a:1', destination: 'cnra/b:2', node: 'aks-nodepool1-20941703-vmss000002', time: 'Jun  2 10:15:01.100' },
    ]);
    expect([s.flowsObserved, s.lostEvents, s.malformedLines]).toEqual([1, 3, 1]);
    expect(s.malformedExamples).toEqual([{ stream: 1, line: 2, text: 'garbage' }]);
  });

  it('gives an empty result for no streams, and passes a stream error on', async () => {
    expect((await analyseStreams([])).flowsObserved).toBe(0);
    async function* broken(): AsyncGenerator<string> {
      yield 'x\n';
      throw new Error('exec stream closed');
    }
    await expect(analyseStreams([broken()])).rejects.toThrow('exec stream closed');
  });
});
