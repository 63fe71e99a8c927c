// A cluster tier whose set-up cannot work says why, once, instead of counting dozens of failed tests:
// vitest run with the charts folder pointed at an empty one (CILIUM_CHARTS_DIR, the one prerequisite
// a test can take away without touching the worktree).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_VERSIONS, repoRoot } from './env.js';

describe('the cluster tier without its prerequisites', () => {
  it('fails the run before any test, with one message naming each missing chart and its fix', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'cnra-no-charts-'));
    try {
      // a child vitest, not this one's worker: none of this run's VITEST_* variables
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
      const r = spawnSync(
        process.execPath,
        [path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '__tests__/k8s/charts.test.ts'],
        {
          cwd: repoRoot,
          env: { ...env, CILIUM_CHARTS_DIR: empty, NO_COLOR: '1', FORCE_COLOR: '0' },
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      const out = `${r.stdout}${r.stderr}`;
      expect(r.status, out).toBe(1);
      expect(out).toContain(`The cluster tier cannot run: ${CHART_VERSIONS.length} prerequisites are missing.`);
      for (const v of CHART_VERSIONS) {
        expect(out).toContain(`- ${path.join(empty, `cilium-${v}.tgz`)} is missing. Fix: git checkout -- testdata/charts`);
      }
      expect(out).toContain('(the unit tier needs none of this: npm run test:unit)');
      // said once, and no test ran (charts.test.ts has tests that would fail without the charts)
      expect(out.split('The cluster tier cannot run').length).toBe(2);
      expect(out).not.toMatch(/Tests\s+\d+ (failed|passed|skipped)/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
