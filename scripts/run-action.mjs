// Runs the bundled action the way the GitHub runner does: a node process on dist/index.js (or
// dist/post/index.js) with INPUT_* variables (action.yml defaults filled in), GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, GITHUB_STATE and RUNNER_TEMP files in a temp folder. Shared by `npm start`
// and the tests.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputDefaults } from './docs-defaults.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** action.yml's input defaults, as the runner would pass them (expressions become ''). */
export function actionDefaults() {
  return inputDefaults(readFileSync(path.join(root, 'action.yml'), 'utf8'));
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` blocks and `name=value` lines). */
export function parseCommandFile(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]);
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/**
 * @param {Record<string,string>} inputs action inputs by name (e.g. { mode: 'preview' })
 * @param {{ entry?: 'main'|'post', env?: Record<string,string>, dir?: string, timeoutMs?: number, state?: Record<string,string>, node?: string }} opts
 */
export async function runAction(inputs, opts = {}) {
  const dir = opts.dir ?? mkdtempSync(path.join(os.tmpdir(), 'cnra-run-'));
  const temp = path.join(dir, 'runner-temp');
  mkdirSync(temp, { recursive: true });
  const files = {
    output: path.join(dir, 'github_output'),
    summary: path.join(dir, 'step_summary.md'),
    state: path.join(dir, 'github_state'),
    env: path.join(dir, 'github_env'),
    path: path.join(dir, 'github_path'),
  };
  for (const f of Object.values(files)) if (!existsSync(f)) writeFileSync(f, '');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: root,
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: path.join(dir, 'tool-cache'),
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
  };
  for (const [k, v] of Object.entries({ ...actionDefaults(), ...inputs })) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(opts.state ?? {})) env[`STATE_${k}`] = v;
  Object.assign(env, opts.env ?? {});
  const entry = path.join(root, 'dist', opts.entry === 'post' ? 'post' : '', 'index.js');
  const child = spawn(opts.node ?? process.execPath, [entry], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearTimeout(timer);
  const outputs = parseCommandFile(readFileSync(files.output, 'utf8'));
  const summary = readFileSync(files.summary, 'utf8');
  let report;
  if (outputs.report && existsSync(outputs.report)) report = JSON.parse(readFileSync(outputs.report, 'utf8'));
  return { code, stdout, stderr, outputs, summary, report, dir, files, state: parseCommandFile(readFileSync(files.state, 'utf8')) };
}
