// Property: on any line, the token scan (fast path) counts exactly what the full parse counts. Lines are
// real Hubble flows mutated the way an attacker would: keys planted in nested objects, keys spelt with
// \u escapes, duplicate keys, blanks around colons, odd value types, bytes cut, inserted or overwritten
// anywhere (control characters inside strings too).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseText, type FlowStats } from '../../../src/verify/flows/index.js';

const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'flows');
const before = readFileSync(path.join(seeds, 'capture-before-vxlan.jsonl'), 'utf8').trim().split('\n');
const after = readFileSync(path.join(seeds, 'capture-after-native.jsonl'), 'utf8').trim().split('\n');
const OVERLAY = before[2]!;
const NETWORK = after[2]!;
const ENDPOINT = before[4]!;

const counts = (s: FlowStats): unknown => ({ ...s, fullyParsedLines: 0, malformedExamples: [] });
function agree(line: string): FlowStats {
  const fast = analyseText(line);
  const full = analyseText(line, { fastPath: false });
  expect(counts(fast), line).toEqual(counts(full));
  return fast;
}

/** Text planted at a structural-looking place: each one fools a search that reads bytes, not JSON. */
const SNIPPETS = [
  '"x":{"trace_observation_point":"TO_NETWORK"},',
  '"x":{"trace_observation_point":"TO_OVERLAY"},',
  '"trace_observation_point":"TO_NETWORK",',
  '"trace_observation_point":"TO_OVERLAY",',
  '"trace_observation_\\u0070oint":"TO_OVERLAY",',
  '"trace_observation_point" : "TO_NETWORK",',
  '"trace_observation_point":4,',
  '"event_type":{"type":4,"sub_type":11},',
  '"x":{"event_type":{"type":4,"sub_type":11}},',
  '"event_type" :{"type":4,"sub_type":3},',
  '"ev\\u0065nt_type":{"type":4,"sub_type":11},',
  '"source":{"pod_name":"a"},',
  '"destination":{"pod_name":"b"},',
  '"x":{"pod_name":"c"},',
  '"pod_name":"d",',
  '"pod_name": "e",',
  '"pod_\\u006eame":"f",',
  '"pod_name":null,',
  '"flow":{"trace_observation_point":"TO_OVERLAY"},',
  '"x":"\\"trace_observation_point\\":\\"TO_OVERLAY\\"",',
  '"x":[{"trace_observation_point":"TO_OVERLAY"}],',
  ' ',
  '"',
  '\\',
  '{',
  '}',
  ',',
  '\u0001',
];

type Mutation =
  | { kind: 'insert'; at: number; snippet: number }
  | { kind: 'cut'; at: number; len: number }
  | { kind: 'escape'; at: number }
  | { kind: 'byte'; at: number; byte: number };

/** Bytes written over any byte of the line, inside strings too: the walk reads strings four at a time. */
const BYTES = ['\u0001', '\t', '\u001f', '"', '\\', '{', '}', ',', ':', ' ', '\u007f'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), snippet: fc.nat(SNIPPETS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('escape' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), byte: fc.nat(BYTES.length - 1) }) },
);

/** Offsets just after `{` or `,`: where a planted member keeps the line valid JSON (outside strings). */
function structural(line: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) if (line[i] === '{' || line[i] === ',') out.push(i + 1);
  return out;
}

function apply(line: string, m: Mutation): string {
  if (m.kind === 'insert') {
    const spots = structural(line);
    if (spots.length === 0) return line;
    const at = spots[m.at % spots.length]!;
    return line.slice(0, at) + SNIPPETS[m.snippet]! + line.slice(at);
  }
  if (m.kind === 'byte') {
    const at = m.at % Math.max(1, line.length);
    return line.slice(0, at) + BYTES[m.byte]! + line.slice(at + 1);
  }
  if (m.kind === 'cut') {
    const at = m.at % Math.max(1, line.length);
    return line.slice(0, at) + line.slice(at + m.len);
  }
  // a letter of a key written as \u00XX: the same key to JSON.parse, other bytes to a token search
  const keys = [...line.matchAll(/"(trace_observation_point|event_type|pod_name|source|destination|flow|type|sub_type)":/g)];
  if (keys.length === 0) return line;
  const k = keys[m.at % keys.length]!;
  const letter = k.index + 2;
  return `${line.slice(0, letter)}\\u${line.charCodeAt(letter).toString(16).padStart(4, '0')}${line.slice(letter + 1)}`;
}

describe('the token scan agrees with the full parse on every line', () => {
  it('the two lines from the report: a nested key and a \\u-escaped key', () => {
    const nested = OVERLAY.replace('"Summary":', '"extensions":{"trace_observation_point":"TO_NETWORK"},"Summary":');
    expect(nested).not.toBe(OVERLAY);
    expect(agree(nested).overlayFlows).toBe(1);
    const escaped = NETWORK.replace('"trace_observation_point":"TO_NETWORK"', '"trace_observation_\\u0070oint":"TO_OVERLAY"');
    expect(escaped).not.toBe(NETWORK);
    expect(agree(escaped).overlayFlows).toBe(1);
  });

  it('a pod name planted outside source and destination does not make a flow pod-to-pod', () => {
    const line = NETWORK.replace(/"destination":\{[^{}]*\}/, '"destination":{"ID":1},"x":{"pod_name":"fake"}');
    expect(line).toContain('"x":{"pod_name":"fake"}');
    expect(agree(line).crossNodeFlows).toBe(0);
  });

  it('holds for adversarial mutations of real flows (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(OVERLAY, NETWORK, ENDPOINT), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, ms) => {
        const line = ms.reduce(apply, seed);
        agree(line);
      }),
      { numRuns: 10000, seed: 12 },
    );
  });

  it('still takes the fast path on the flows Hubble writes', () => {
    const s = analyseText([OVERLAY, NETWORK, ENDPOINT, ...after].join('\n'), { maxExamples: 0 });
    expect(s.fullyParsedLines).toBe(0);
  });
});
