// mode: verify with a saved capture, through dist/index.js: no cluster, no network, no tools on PATH.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorOf, runAction, commandsRun } from '../helpers/action.js';
import { repoRoot, testData } from '../setup/env.js';

const seed = (name: string): string => path.join(repoRoot, '__tests__', 'fixtures', 'flows', name);
// PATH without helm, kubectl or cilium: only node's own folder
const bare = { PATH: path.dirname(process.execPath), HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' };

describe('verify with flows-file', () => {
  it('fails on the seed capture taken before the migration (four to-overlay flows)', async () => {
    const r = await runAction({ mode: 'verify', checks: 'flows', 'flows-file': seed('capture-before-vxlan.jsonl') }, { env: bare });
    expect(r.code).not.toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'fail', 'overlay-flows': '4' });
    expect(errorOf(r)).toMatch(/flows: 4 flows left a node through the overlay \(to-overlay\), more than max-overlay-flows \(0\)/);
    expect(r.summary).toContain('Examples of `to-overlay` flows');
    expect(commandsRun(r)).toEqual([]);
  });

  it('passes on the seed capture taken after it', async () => {
    const r = await runAction({ mode: 'verify', checks: 'flows', 'flows-file': seed('capture-after-native.jsonl') }, { env: bare });
    expect(errorOf(r)).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.outputs['overlay-flows']).toBe('0');
    expect(Number(r.outputs['cross-node-flows'])).toBeGreaterThan(0);
    expect(r.report).toMatchObject({ mode: 'verify', flows: { verdict: 'pass' } });
    expect(commandsRun(r)).toEqual([]);
  });

  it('tolerates max-overlay-flows and reports lost events from a real capture', async () => {
    const file = path.join(testData(), 'hubble', 'compact-idealisthacking-study-cilium-1.17.txt');
    const r = await runAction({ mode: 'verify', checks: 'flows', 'flows-file': file, 'max-overlay-flows': '100' }, { env: bare });
    expect(r.outputs['flows-observed']).toMatch(/^\d+$/);
    expect(Number(r.outputs['overlay-flows'])).toBeGreaterThan(0);
  });

  it('is inconclusive (and fails) without cross-node evidence', async () => {
    const file = path.join(testData(), 'hubble', 'flows-imroc-tke-guide-flowlogs-pretty-1.19.1.jsonl');
    const r = await runAction({ mode: 'verify', checks: 'flows', 'flows-file': file }, { env: bare });
    expect(r.code).not.toBe(0);
    expect(r.outputs.verdict).toBe('inconclusive');
    expect(errorOf(r)).toMatch(/fewer than min-flows \(1\)/);
  });
});
