// Builds the two entry points with ncc into an output folder (default dist/).
// check-dist.mjs builds into a temp folder with the same function and compares.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

export function build(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const entries = [
    ['src/index.ts', outDir],
    ['src/post-index.ts', path.join(outDir, 'post')],
  ];
  for (const [entry, out] of entries) {
    execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '--minify', '--source-map', '--license', 'licenses.txt', '--quiet'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build(path.resolve(root, process.argv[2] ?? 'dist'));
}
