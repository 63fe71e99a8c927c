// `npm run local-action`: GitHub's local runner (@github/local-action) runs both entries from source,
// each through its exported run() (src/main.ts, then src/post.ts as the post step).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../setup/env.js';

describe('npm run local-action', () => {
  it('is a script, documented in the Development section', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts['local-action']).toBe('node scripts/local-action.mjs');
    expect(pkg.devDependencies['@github/local-action']).toBeTruthy();
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme.slice(readme.indexOf('## Development'))).toContain('npm run local-action');
  });

  it('runs the main entry (a preview that passes) and then the post entry', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'local-action.mjs')], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 240_000,
    });
    const out = r.stdout + r.stderr;
    expect(r.status, out.slice(-3000)).toBe(0);
    const main = out.indexOf('Running Action');
    const post = out.indexOf('Running Post Step');
    expect(main).toBeGreaterThan(0);
    expect(post).toBeGreaterThan(main);
    const mainPart = out.slice(main, post);
    expect(mainPart).toContain('::set-output name=verdict::pass');
    expect(mainPart).toContain('::set-output name=routing-mode::native');
    expect(out).not.toMatch(/::error::|does not export|is not a function/);
  }, 300_000);
});
