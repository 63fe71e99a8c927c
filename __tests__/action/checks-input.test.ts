// The `checks` input through dist/index.js: auto (the default) with a flows-file is the file's
// verdict alone and offline; none is an opt-out whose verdict is `skipped`, never `pass`.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandsRun, errorOf, runAction } from '../helpers/action.js';
import { repoRoot } from '../setup/env.js';

const seed = (name: string): string => path.join(repoRoot, '__tests__', 'fixtures', 'flows', name);
// no helm, kubectl or cilium on PATH, and any network use would go to a closed port
const bare = { PATH: path.dirname(process.execPath), HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' };

describe('checks: auto (the default)', () => {
  it('with a flows-file is the file verdict alone, without a cluster or any command', async () => {
    // checks is not given: action.yml's default applies
    const r = await runAction({ mode: 'verify', 'flows-file': seed('capture-before-vxlan.jsonl') }, { env: bare });
    expect(r.outputs).toMatchObject({ verdict: 'fail', 'overlay-flows': '4' });
    expect(errorOf(r)).toMatch(/^flows: 4 flows left a node through the overlay/);
    expect(errorOf(r)).not.toMatch(/kubectl|memcache|cluster/i);
    expect(commandsRun(r)).toEqual([]);
    expect(r.report).toMatchObject({ flows: { verdict: 'fail' } });
    expect(r.report).not.toHaveProperty('nodes');
  });

  it('passes on a clean capture the same way', async () => {
    const r = await runAction({ mode: 'verify', checks: 'auto', 'flows-file': seed('capture-after-native.jsonl') }, { env: bare });
    expect(errorOf(r)).toBe('');
    expect(r.outputs.verdict).toBe('pass');
    expect(commandsRun(r)).toEqual([]);
  });
});

describe('checks: none', () => {
  it('verifies nothing, says so, and the verdict is skipped (not pass, not a failure)', async () => {
    const r = await runAction({ mode: 'verify', checks: 'none' }, { env: bare });
    expect(errorOf(r)).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('skipped');
    expect(r.summary).toContain('Verdict: ⏭️ **skipped** — checks: none, so nothing was verified');
    expect(r.report).toMatchObject({ verdict: 'skipped' });
    expect(commandsRun(r)).toEqual([]);
  });

  it('an empty checks is an input error, not an opt-out', async () => {
    const r = await runAction({ mode: 'verify', checks: '' }, { env: bare });
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toMatch(/^checks: is empty. Fix: use auto, none, or a comma-separated subset of agents, connectivity, flows/);
    expect(r.outputs.verdict).toBeUndefined();
  });
});
