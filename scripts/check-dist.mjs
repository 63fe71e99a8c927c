// Fails when dist/ is not exactly what `npm run build` makes from the sources.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function listFiles(dir, prefix = '') {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries.sort()) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out = out.concat(listFiles(full, rel));
    else out.push(rel);
  }
  return out;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cnra-dist-'));
try {
  build(tmp);
  const dist = path.join(root, 'dist');
  const want = listFiles(tmp);
  const have = listFiles(dist);
  const problems = [];
  for (const f of want) {
    if (!have.includes(f)) problems.push(`missing: dist/${f}`);
    else if (!readFileSync(path.join(tmp, f)).equals(readFileSync(path.join(dist, f)))) problems.push(`differs: dist/${f}`);
  }
  for (const f of have) if (!want.includes(f)) problems.push(`extra: dist/${f}`);
  if (problems.length > 0) {
    console.error(`dist/ is not up to date with the sources (run \`npm run build\` and commit dist/):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`dist/ is up to date (${want.length} files)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
