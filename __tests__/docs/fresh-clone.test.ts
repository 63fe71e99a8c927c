// A fresh clone is all anyone has: no test, script or workflow may read anything beside the
// repository (our machines have a ../shared folder; users and GitHub CI do not), and the test data
// the tests use is in testdata/ with its provenance.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../setup/env.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('a fresh clone', () => {
  it('no test, script, workflow or package script reads ../shared', () => {
    const roots = ['__tests__', 'scripts', '.github', '.ci'].map((d) => path.join(repoRoot, d));
    const offenders = [...roots.flatMap(files), path.join(repoRoot, 'package.json'), path.join(repoRoot, 'vitest.config.ts')]
      .filter((f) => /\.(ts|mjs|js|json|ya?ml|sh)$|\/run$/.test(f) && !f.endsWith('fresh-clone.test.ts'))
      .filter((f) => /\.\.[\\/]+shared\b|'\.\.',\s*'shared'/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(repoRoot, f))).toEqual([]);
  });

  it('testdata/ holds the three charts with the checksums its NOTICE names, and every fixture has a provenance row', () => {
    const notice = readFileSync(path.join(repoRoot, 'testdata', 'NOTICE'), 'utf8');
    for (const v of ['1.18.6', '1.19.6', '1.20.0']) {
      const file = path.join(repoRoot, 'testdata', 'charts', `cilium-${v}.tgz`);
      const sum = createHash('sha256').update(readFileSync(file)).digest('hex');
      expect(notice).toContain(`charts/cilium-${v}.tgz | https://helm.cilium.io/cilium-${v}.tgz | ${sum}`);
    }
    const readme = readFileSync(path.join(repoRoot, 'testdata', 'README.md'), 'utf8');
    for (const dir of ['hubble', 'status']) {
      for (const f of readdirSync(path.join(repoRoot, 'testdata', dir))) expect(readme).toContain(f);
    }
  });
});
