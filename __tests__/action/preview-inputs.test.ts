// preview without a cluster through dist/index.js, on inputs a new user really writes: a local chart
// without cilium-version, base-values pasted from `helm get values` (header and legacy tunnel key
// included), a chart repository the runner cannot reach, two steps in one job, a push event.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandsRun, errorOf, runAction } from '../helpers/action.js';
import { chartPath, helm4, repoRoot } from '../setup/env.js';

const example = path.join(repoRoot, 'examples', 'byocni-release-values.yaml');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cnra-preview-inputs-'));
const file = (name: string, text: string): string => {
  const p = path.join(tmp, name);
  writeFileSync(p, text);
  return p;
};
const preview = (extra: Record<string, string>): Record<string, string> => ({
  mode: 'preview',
  'helm-version': helm4(),
  'base-values': example,
  ...extra,
});

describe("preview: the chart version is the chart's", () => {
  it('renders a local chart at its own version without cilium-version', async () => {
    const r = await runAction(preview({ chart: chartPath('1.19.6') }));
    expect(errorOf(r)).toBe('');
    expect(r.outputs.verdict).toBe('pass');
    expect(r.report).toMatchObject({ chartVersion: '1.19.6' });
    expect(r.summary).toContain('`1.19.6`');
  });
});

describe('preview: base-values as users paste them', () => {
  it('reads `helm get values` output with its USER-SUPPLIED VALUES header like the plain YAML', async () => {
    const plain = await runAction(preview({ chart: chartPath('1.18.6') }));
    const pasted = file('pasted.yaml', `USER-SUPPLIED VALUES:\n${readFileSync(example, 'utf8')}`);
    const r = await runAction(preview({ chart: chartPath('1.18.6'), 'base-values': pasted }));
    expect(errorOf(r)).toBe('');
    expect(r.outputs.verdict).toBe('pass');
    expect(JSON.stringify(r.report)).not.toContain('USER-SUPPLIED');
    expect(r.report?.changes).toEqual(plain.report?.changes);
    expect(r.summary).toContain('| `aksbyocni.enabled` | `true` | `false` | enforced |');
  });

  it('drops a legacy tunnel key from the baseline too, so the diff shows the real change and no hint asks for it', async () => {
    const legacy = file('legacy.yaml', `${readFileSync(example, 'utf8')}\ntunnel: vxlan\n`);
    const r = await runAction(preview({ chart: chartPath('1.18.6'), 'base-values': legacy }));
    expect(errorOf(r)).toBe('');
    expect(r.outputs.verdict).toBe('pass');
    // the baseline rendered (1.18 rejects `tunnel`), so there is a manifest diff and no warning about it
    expect(r.summary).toMatch(/<details><summary>Rendered manifest diff: 1 changed/);
    expect(r.summary).not.toContain('do not render');
    expect(r.summary).not.toContain('tunnel: null');
    expect(r.summary).toContain('| `routing-mode` | `tunnel` | `native` |');
    expect(r.summary).toContain('| `tunnel` | `"vxlan"` | *(unset)* | enforced |');
  });
});

describe('preview: a chart repository the runner cannot reach', () => {
  it('says the chart could not be downloaded, never that it rejected the values', async () => {
    // a port that was free a moment ago: connection refused
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const repo = `http://127.0.0.1:${port}`;
    const r = await runAction(preview({ chart: 'cilium', 'chart-repository': repo, 'cilium-version': '1.18.6' }));
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toMatch(new RegExp(`^Could not download the chart from ${repo.replace(/[.:/]/g, '\\$&')} \\(cilium from `));
    expect(errorOf(r)).not.toContain('rejected the merged values');
    expect(r.outputs.verdict).toBe('fail');
  });
});

describe('preview: two steps of one job', () => {
  it('write their report and values file to paths of their own', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-two-steps-'));
    const a = await runAction(preview({ chart: chartPath('1.18.6') }), { dir, env: { GITHUB_ACTION: 'preview-weu' } });
    const b = await runAction(preview({ chart: chartPath('1.19.6') }), { dir, env: { GITHUB_ACTION: 'preview-weu' } });
    for (const k of ['report', 'values-file']) {
      expect(a.outputs[k]).toBeTruthy();
      expect(a.outputs[k]).not.toBe(b.outputs[k]);
    }
    // the first step's files are still its own
    expect(JSON.parse(readFileSync(a.outputs.report!, 'utf8'))).toMatchObject({ chartVersion: '1.18.6' });
    expect(JSON.parse(readFileSync(b.outputs.report!, 'utf8'))).toMatchObject({ chartVersion: '1.19.6' });
    expect(path.basename(path.dirname(a.outputs.report!))).toMatch(/^preview-weu-/);
  });
});

describe('preview: no pull request', () => {
  it.each(['push', 'schedule', 'workflow_dispatch'])('on %s says in the summary why there is no comment', async (event) => {
    const r = await runAction(preview({ chart: chartPath('1.18.6'), 'github-token': 'ghs_unused0123456789' }), {
      env: { GITHUB_EVENT_NAME: event },
    });
    expect(errorOf(r)).toBe('');
    // summary text is markdown-escaped (`_` → `\_`) like everything else in it
    expect(r.summary).toContain(
      `No pull-request comment: this is a ${event.replace(/_/g, '\\_')} run; the preview comments only on pull\\_request and pull\\_request\\_target runs.`,
    );
    for (const c of commandsRun(r)) expect(c).toMatch(/^helm (template|version) /);
  });
});
