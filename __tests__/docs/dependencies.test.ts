// What the bundled code imports is declared in package.json's dependencies, and every declared
// dependency is imported (a package used only through another one is that one's business).
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../setup/env.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** The package name of a bare import specifier (`@scope/name/sub` → `@scope/name`). */
const packageOf = (spec: string): string =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

describe('package.json dependencies', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const imported = new Set<string>();
  for (const file of sources(path.join(repoRoot, 'src'))) {
    // static `from '…'`, bare `import '…'` and dynamic `import('…')`
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s+|^import\s+|\bimport\(\s*)'([^']+)'/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      imported.add(packageOf(spec));
    }
  }

  it('declares every package src/ imports', () => {
    expect(imported.has('@actions/io')).toBe(true);
    for (const p of imported) expect(pkg.dependencies, p).toHaveProperty([p]);
  });

  it('declares nothing src/ does not import', () => {
    for (const p of Object.keys(pkg.dependencies)) expect(imported.has(p), p).toBe(true);
  });
});
