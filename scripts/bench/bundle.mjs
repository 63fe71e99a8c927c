// Bundles the bench's TypeScript entries with ncc into .bench/ (gitignored). A bundle is rebuilt only
// when a file it may include changed (a hash of its source folders, the lock file and the ncc
// version), so repeated runs start at once.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function bundler(root) {
  const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const inputs = (dirs, extra) => {
    const files = [];
    const walk = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|mts|json)$/.test(e.name)) files.push(p);
      }
    };
    for (const d of dirs) walk(path.join(root, d));
    files.push(
      ...extra.map((f) => path.join(root, f)),
      path.join(root, 'package-lock.json'),
      path.join(root, 'tsconfig.json'),
      path.join(root, 'node_modules', '@vercel', 'ncc', 'package.json'),
    );
    const h = createHash('sha256');
    for (const f of files.sort()) if (existsSync(f)) h.update(f).update('\0').update(readFileSync(f)).update('\0');
    return h.digest('hex');
  };

  /**
   * @param {string} entry path relative to root
   * @param {string} outDir absolute
   * @param {{ minify?: boolean, dirs?: string[], files?: string[] }} opts dirs, files: what the bundle
   *   is made of (relative to root), besides the lock file; default all of src/ and the entry's folder
   * @returns {Promise<{ file: string, built: boolean, ms: number }>}
   */
  async function bundle(entry, outDir, opts = {}) {
    const key = `${inputs(opts.dirs ?? ['src', path.dirname(entry)], opts.files ?? [entry])} ${entry} ${opts.minify ? 'min' : ''}`;
    const stamp = path.join(outDir, '.inputs');
    const file = path.join(outDir, 'index.js');
    if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return { file, built: false, ms: 0 };
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(path.dirname(outDir), { recursive: true });
    const t0 = performance.now();
    // --transpile-only: type-checking is `npx tsc -p tsconfig.test.json`'s job; this keeps a build at
    // a few seconds. __tests__/bench/tsconfig.json makes the transpiled files ES modules.
    const args = [
      ncc,
      'build',
      entry,
      '-o',
      outDir,
      '--transpile-only',
      '--quiet',
      ...(opts.minify ? ['--minify', '--license', 'licenses.txt'] : []),
    ];
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`ncc could not bundle ${entry} (exit ${code}):\n${err.trim()}`)),
      );
    });
    writeFileSync(stamp, key);
    return { file, built: true, ms: performance.now() - t0 };
  }
  return { bundle };
}

export const fileSize = (f) => statSync(f).size;
