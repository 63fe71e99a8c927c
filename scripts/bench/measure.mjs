// Child processes for the bench: wall time from just before spawn to exit, optional peak RSS through
// GNU time, and the JSON line the bench worker prints.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = () => existsSync(GNU_TIME);

/**
 * Runs file with args; resolves with exit code, output and wall time in ms.
 * @param {string} file
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, timeoutMs?: number, rss?: boolean }} [opts]
 *   rss: wrap in /usr/bin/time and report the peak RSS (KB) of the process tree's largest process and
 *   the CPU time (ms, user + system) of the whole tree
 */
export function run(file, args, opts = {}) {
  let rssFile;
  if (opts.rss && hasGnuTime()) {
    rssFile = path.join(os.tmpdir(), `cnra-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
    args = ['-f', '%M %U %S', '-o', rssFile, file, ...args];
    file = GNU_TIME;
  }
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    let timedOut = false;
    const timer = opts.timeoutMs ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), opts.timeoutMs) : undefined;
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      let rssKb;
      let cpuMs;
      if (rssFile) {
        // GNU time writes "Command exited with non-zero status N" before the figures on failure
        const lines = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n') : [];
        const [rss, user, sys] = (lines.at(-1) ?? '').split(' ').map(Number);
        rssKb = Number.isFinite(rss) && rss > 0 ? rss : undefined;
        cpuMs = Number.isFinite(user) && Number.isFinite(sys) ? (user + sys) * 1000 : undefined;
        rmSync(rssFile, { force: true });
      }
      resolve({
        code: code ?? 128,
        signal,
        timedOut,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms,
        rssKb,
        cpuMs,
      });
    });
  });
}

/** Runs the bench worker (a bundled entry) with process.execPath; returns its JSON result and wall time. */
export async function runWorker(entry, args, opts = {}) {
  const r = await run(process.execPath, [...(opts.nodeArgs ?? []), entry, ...args], opts);
  if (r.code !== 0)
    throw new Error(`bench worker ${args.join(' ')} failed (exit ${r.code}${r.signal ? `, ${r.signal}` : ''}):\n${r.stderr.trim()}`);
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  return { result: JSON.parse(last), ms: r.ms };
}

/** The smallest value of f over the runs. */
export const minOf = (runs, f) => Math.min(...runs.map(f));
export const maxOf = (runs, f) => Math.max(...runs.map(f));
