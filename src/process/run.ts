// Runs external commands with an argv array (never a shell), a time-out and an abort signal.
// Every call is logged as `[command] file args…` so a run's log shows exactly what was executed.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { childEnv } from './child-env.js';
import { logInfo } from '../log/safe-log.js';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** written to the child's stdin, which is then closed */
  input?: string;
  /** kill the child after this long; the result then has timedOut: true */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** do not log the command line (for high-volume calls; the caller logs a summary) */
  quiet?: boolean;
  /** copy the child's output into the log line by line as it comes (long waits), besides collecting it */
  echo?: boolean;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface StreamingProcess {
  /** the child's stdout, to be consumed while it runs */
  stdout: NodeJS.ReadableStream;
  /** resolves when the child has exited; stdout is not collected (code, stderr, timedOut only) */
  done: Promise<RunResult>;
}

/** Starts a child and settles once it exits: time-out and abort kill it, stderr (and stdout when asked) are collected. */
function start(
  file: string,
  args: readonly string[],
  opts: RunOptions,
  collectStdout: boolean,
): { child: ChildProcess; done: Promise<RunResult> } {
  if (!opts.quiet) logInfo(`[command] ${path.basename(file)} ${args.join(' ')}`);
  const child = spawn(file, args, {
    env: childEnv(opts.env ?? process.env),
    cwd: opts.cwd,
    shell: false,
    windowsHide: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let timedOut = false;
  const timer =
    opts.timeoutMs !== undefined
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : undefined;
  const onAbort = (): void => {
    child.kill('SIGKILL');
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (collectStdout) child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.on('data', (d: Buffer) => err.push(d));
  const echoed = opts.echo ? [echoLines(child.stdout!), echoLines(child.stderr!)] : [];
  const settle = (): void => {
    if (timer) clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  };
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', (e) => {
      settle();
      reject(new Error(`could not run ${file}: ${e.message}`, { cause: e }));
    });
    child.on('close', (code, sig) => {
      settle();
      for (const flush of echoed) flush();
      resolve({
        code: code ?? (sig ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
  child.stdin!.on('error', () => {
    // the child may exit before reading its input; its exit code tells what happened
  });
  child.stdin!.end(opts.input ?? '');
  return { child, done };
}

/** Logs a stream's complete lines as they arrive; the returned function logs a last partial line. */
function echoLines(stream: NodeJS.ReadableStream): () => void {
  let partial = '';
  stream.on('data', (d: Buffer) => {
    const lines = (partial + d.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) logInfo(l.replace(/\r$/, ''));
  });
  return () => {
    if (partial) logInfo(partial);
    partial = '';
  };
}

export async function runProcess(file: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return start(file, args, opts, true).done;
}

/** Like runProcess, but hands stdout over as a stream (for captures too large to buffer). */
export function spawnStreaming(file: string, args: readonly string[], opts: RunOptions = {}): StreamingProcess {
  const { child, done } = start(file, args, opts, false);
  return { stdout: child.stdout!, done };
}
