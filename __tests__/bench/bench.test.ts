// Smoke test of `npm run bench` on a tiny capture (BENCH_QUICK: one run, a small fleet, no serial loop):
// it must finish, write the file it prints, and report the generator's exact counts. The figures
// themselves are not checked: they depend on the machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCounts } from '../../scripts/bench/flows.mjs';
import { emptyTruth, generateCaptureLines } from '../fixtures/flows/generate.js';
import { repoRoot } from '../setup/env.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runBench(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BENCH_')));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'bench.mjs')], {
      cwd: repoRoot,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The cells of the markdown table row whose cells start with `first` (cells trimmed). */
function row(md: string, ...first: Array<string | RegExp>): string[] {
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
    if (first.every((f, i) => (typeof f === 'string' ? cells[i] === f : f.test(cells[i] ?? '')))) return cells;
  }
  throw new Error(`no table row starting with ${first.join(' | ')}`);
}

describe('npm run bench', () => {
  it('runs on a 2000-flow capture, writes BENCHMARKS.md and prints the same text', async () => {
    const out = path.join(dir, 'BENCHMARKS.md');
    const r = await runBench({ BENCH_SIZES: '2000', BENCH_QUICK: '1', BENCH_OUT: out });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(r.stdout).toBe(md);

    // machine, date, command
    expect(md).toMatch(/^Machine: .+, \d+ cores, [\d.]+ GiB memory; .+; Node v24\./m);
    expect(md).toContain('`BENCH_QUICK=1 BENCH_SIZES=2000 npm run bench`');

    // 1. the generator's exact counts, from the action and from the full parse
    const truth = emptyTruth();
    for (const _ of generateCaptureLines({ flows: 2000, seed: 1 }, truth));
    const action = row(md, '2k');
    expect(action[2]).toBe('action (analyseFile)');
    expect(action[3]).toMatch(/^\d+ ms \(\d+ ms\)$/);
    expect(action.slice(7)).toEqual([String(truth.overlayFlows), String(truth.crossNodeFlows)]);
    expect(row(md, '', '', 'readline + JSON.parse').slice(7)).toEqual([String(truth.overlayFlows), String(truth.crossNodeFlows)]);
    const jq = row(md, '', '', 'jq … \\| wc -l');
    if (jq[3] !== 'not installed') expect(jq[7]).toBe(String(truth.overlayFlows));
    expect(row(md, '', '', 'grep -c')[4]).toMatch(/MB\/s$/);
    expect(row(md, 'counts identical to a full parse (every size, every run)')[2]).toBe('yes');
    expect(row(md, 'flow verdict peak RSS < 100 MB')[1]).toMatch(/^\d+ MB$/);

    // 2. the fleet: ideal and the agents check
    expect(row(md, 'ideal: ⌈32 / 16⌉ × 20 ms')[1]).toBe('40 ms');
    expect(row(md, '**agents check, direct** (pool of 16), 20 ms per exec')[2]).toMatch(/×$/);
    expect(row(md, 'agents check, kubectl fallback (pool of 16), 20 ms per exec')[2]).toMatch(/×$/);

    // 3. start-up and sizes (of .bench/dist when dist/ was being rebuilt)
    expect(row(md, /^\*\*(\.bench\/)?dist\/index\.js\*\* \(to its first command\)$/)[1]).toMatch(/^(\d+ ms|[\d.]+ s)$/);
    expect(row(md, /^(\.bench\/)?dist\/index\.js with its chunks \(\*\.index\.js\)$/)[1]).toMatch(/^[\d.]+ MB \([\d,]+ bytes\)$/);
    expect(row(md, 'start-up to the first external command < 300 ms')[2]).toBe('not judged: one run (BENCH_QUICK)');
  }, 60_000);
});

describe('the count check', () => {
  const counts = { flowsObserved: 10, overlayFlows: 2, crossNodeFlows: 3, lostEvents: 4, malformedLines: 0 };
  const size = { flows: 10, truth: counts, readline: { counts } };

  it('accepts runs that agree with the capture', () => {
    expect(checkCounts(size, { analyse: [{ counts }], readline: [{ counts }], jq: [{ overlay: 2 }] }, true)).toEqual([]);
  });

  it('reports an analyser, full-parse or jq count that differs', () => {
    const off = { ...counts, overlayFlows: 3 };
    expect(checkCounts(size, { analyse: [{ counts }, { counts: off }], readline: [{ counts }], jq: [] }, false)).toEqual([
      '10 flows: analyseFile counts overlayFlows = 3, the capture holds 2',
    ]);
    expect(checkCounts(size, { analyse: [{ counts }], readline: [{ counts: { ...counts, lostEvents: 0 } }], jq: [] }, false)).toHaveLength(
      1,
    );
    expect(checkCounts(size, { analyse: [{ counts }], readline: [{ counts }], jq: [{ overlay: 1 }] }, true)).toEqual([
      '10 flows: jq counts 1 TO_OVERLAY flows, the full parse 2',
    ]);
    expect(
      checkCounts(size, { analyse: [{ counts: { ...counts, malformedLines: 1 } }], readline: [{ counts }], jq: [] }, false),
    ).toHaveLength(1);
  });
});
