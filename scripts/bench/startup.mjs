// 3. Start-up and size: from spawning `node dist/index.js` (preview with base-values, helm-version the
// path of a stand-in that notes when it first runs) to its first external command, against
// `node -e ''` and against the smallest action (@actions/core and one command); bundle sizes.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { actionDefaults } from '../run-action.mjs';
import { chartsDir } from '../test-tools.mjs';
import { minOf } from './measure.mjs';
import { summarise } from './profile.mjs';

export const TARGET_MS = 300;
export const TARGET_BYTES = 2_000_000;

const now = () => performance.timeOrigin + performance.now();

/** A stand-in helm that writes the wall-clock time (ms, from `date +%s%N`) of its first run, then fails. */
function standIn(dir) {
  const mark = path.join(dir, 'first-run');
  const file = path.join(dir, 'helm');
  writeFileSync(file, `#!/bin/sh\n[ -e '${mark}' ] || date +%s%N > '${mark}'\necho 'stand-in helm: not a real helm' >&2\nexit 1\n`);
  chmodSync(file, 0o755);
  return { file, mark };
}

/** Spawns node with args; resolves when it exits, with the stand-in's first-run time relative to the spawn. */
export function timed(args, env, mark, timeoutMs = 60_000) {
  rmSync(mark, { force: true });
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = now() - t0;
      clearTimeout(timer);
      const first = existsSync(mark) ? Number(readFileSync(mark, 'utf8').trim()) / 1e6 - t0 : undefined;
      resolve({ code, exitMs, firstMs: first, output: out });
    });
  });
}

/**
 * @param {{ root: string, helloEntry: string, runs: number, tmp: string, distDir: string, log: (s: string) => void, profile: boolean, judge: boolean }} o
 *   profile: profile the action's start-up even when it meets its target; judge: false in quick mode
 */
export async function benchStartup(o) {
  const dir = mkdtempSync(path.join(o.tmp, 'startup-'));
  const errors = [];
  try {
    const { file: helm, mark } = standIn(dir);
    const runner = path.join(dir, 'runner');
    mkdirSync(path.join(runner, 'temp'), { recursive: true });
    const files = Object.fromEntries(['output', 'summary', 'state', 'env', 'path'].map((k) => [k, path.join(runner, k)]));
    // a chart from testdata/charts when there, so nothing would need the network even past helm version
    const chart = path.join(chartsDir(), 'cilium-1.18.6.tgz');
    const inputs = {
      ...actionDefaults(),
      mode: 'preview',
      'base-values': 'examples/byocni-release-values.yaml',
      'cilium-version': '1.18.6',
      ...(existsSync(chart) ? { chart } : {}),
      'helm-version': helm,
      'github-token': '',
    };
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: runner,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: o.root,
      RUNNER_TEMP: path.join(runner, 'temp'),
      RUNNER_TOOL_CACHE: path.join(runner, 'tool-cache'),
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_STATE: files.state,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;

    const action = [];
    const hello = [];
    const empty = [];
    for (let i = 0; i < o.runs; i++) {
      o.log(`start-up: run ${i + 1}/${o.runs}`);
      for (const f of Object.values(files)) writeFileSync(f, '');
      empty.push(await timed(['-e', ''], { ...env }, mark));
      const a = await timed([path.join(o.distDir, 'index.js')], { ...env }, mark);
      if (a.firstMs === undefined) {
        errors.push(`start-up: dist/index.js never ran the helm stand-in (exit ${a.code}); its output: ${a.output.trim().slice(-1500)}`);
        break;
      }
      action.push(a);
      const h = await timed([o.helloEntry], { ...env }, mark);
      if (h.firstMs === undefined) errors.push(`start-up: the minimal action never ran the helm stand-in: ${h.output.trim()}`);
      else hello.push(h);
    }
    let profile;
    if (action.length && (o.profile || (o.judge && minOf(action, (r) => r.firstMs) >= TARGET_MS))) {
      o.log('start-up: profiling dist/index.js');
      const pdir = path.join(dir, 'profile');
      mkdirSync(pdir);
      await timed(['--cpu-prof', '--cpu-prof-dir', pdir, path.join(o.distDir, 'index.js')], { ...env }, mark);
      const file = readdirSync(pdir).find((f) => f.endsWith('.cpuprofile'));
      if (file) profile = summarise(JSON.parse(readFileSync(path.join(pdir, file), 'utf8')), 10);
    }
    const size = (f) => (existsSync(f) ? statSync(f).size : undefined);
    // the main bundle is index.js plus the chunks ncc splits off for the lazily loaded modes
    const mainSize = () => {
      if (!existsSync(path.join(o.distDir, 'index.js'))) return undefined;
      return readdirSync(o.distDir)
        .filter((f) => f.endsWith('.js'))
        .reduce((sum, f) => sum + statSync(path.join(o.distDir, f)).size, 0);
    };
    return {
      errors,
      action: action.length ? { firstMs: minOf(action, (r) => r.firstMs), exitMs: minOf(action, (r) => r.exitMs) } : undefined,
      hello: hello.length ? { firstMs: minOf(hello, (r) => r.firstMs) } : undefined,
      empty: { exitMs: minOf(empty, (r) => r.exitMs) },
      profile,
      sizes: {
        main: mainSize(),
        post: size(path.join(o.distDir, 'post', 'index.js')),
        hello: size(o.helloEntry),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** judged: false in quick mode, where one run on a shared machine says little about start-up time */
export function startupTargets(s, judged) {
  const t = [];
  t.push({
    what: `start-up to the first external command < ${TARGET_MS} ms`,
    measured: s.action ? `${s.action.firstMs.toFixed(0)} ms` : 'not measured',
    met: !s.action ? false : judged ? s.action.firstMs < TARGET_MS : undefined,
    note: 'not judged: one run (BENCH_QUICK)',
  });
  for (const [k, name] of [
    ['main', 'dist/index.js with its chunks'],
    ['post', 'dist/post/index.js'],
  ]) {
    const b = s.sizes[k];
    t.push({
      what: `${name} < ${(TARGET_BYTES / 1e6).toFixed(0)} MB`,
      measured: b === undefined ? 'missing' : `${(b / 1e6).toFixed(2)} MB`,
      met: b !== undefined && b < TARGET_BYTES,
    });
  }
  return t;
}
