// HTTP(S) downloads for the tool installer: a time-out on every request (a connection that stops
// sending fails), bounded retries with back-off for transient failures (5xx, 408, 429, resets,
// time-outs, bodies cut short), none for other 4xx, and errors that name the URL and the cause.
// Plain node:http(s) so a hanging request can be destroyed; the agent comes from @actions/http-client,
// which honours the runner's https_proxy / no_proxy.
import { HttpClient } from '@actions/http-client';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import { ActionError, errorMessage } from '../errors.js';

export interface DownloadOptions {
  /** a request fails when no data arrives for this long (connect, headers and body); default 30 s */
  idleTimeoutMs?: number;
  /** one attempt may take at most this long in all; default 10 min */
  attemptTimeoutMs?: number;
  /** waits before each retry; its length is the number of retries. Default [1 s, 3 s, 9 s] */
  retryDelaysMs?: readonly number[];
  /** refuse bodies larger than this; default 512 MiB */
  maxBytes?: number;
  /** called before each retry, e.g. to log it */
  onRetry?: (info: { url: string; attempt: number; delayMs: number; reason: string }) => void;
}

const DEFAULT_DOWNLOAD_OPTIONS: Required<Omit<DownloadOptions, 'onRetry'>> = {
  idleTimeoutMs: 30_000,
  attemptTimeoutMs: 600_000,
  retryDelaysMs: [1_000, 3_000, 9_000],
  maxBytes: 512 * 1024 * 1024,
};

const USER_AGENT = 'cilium-native-routing-action';
const MAX_REDIRECTS = 10;

/** A download that failed for good: `status` is set for HTTP errors, `transient` tells whether retries were spent. */
export class DownloadError extends ActionError {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly status: number | undefined,
    readonly attempts: number,
    options?: { cause?: unknown; hint?: string },
  ) {
    super(`download of ${url} failed: ${reason}${attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''}`, options);
    this.name = 'DownloadError';
  }
}

/** What one attempt ran into; `transient` decides whether it is retried. */
class AttemptFailure extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface DownloadResult {
  bytes: number;
  /** lower-case hex sha256 of the bytes written */
  sha256: string;
}

/** Downloads `url` into `dest` (overwritten on each attempt), computing its sha256 on the way. */
export async function downloadFile(url: string, dest: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  return withRetries(url, options, async (opts) => {
    const hash = createHash('sha256');
    let bytes = 0;
    await fetchInto(url, opts, (body) =>
      pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            hash.update(chunk);
            bytes += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(dest),
      ),
    );
    return { bytes, sha256: hash.digest('hex') };
  });
}

/** Downloads a small text file (a `.sha256sum`) into memory. */
export async function downloadText(url: string, options: DownloadOptions = {}): Promise<string> {
  return withRetries(url, { maxBytes: 1024 * 1024, ...options }, async (opts) => {
    const chunks: Buffer[] = [];
    await fetchInto(url, opts, async (body) => {
      for await (const chunk of body) chunks.push(chunk);
    });
    return Buffer.concat(chunks).toString('utf8');
  });
}

type Resolved = Required<Omit<DownloadOptions, 'onRetry'>> & Pick<DownloadOptions, 'onRetry'>;

async function withRetries<T>(url: string, options: DownloadOptions, attempt: (opts: Resolved) => Promise<T>): Promise<T> {
  const opts: Resolved = { ...DEFAULT_DOWNLOAD_OPTIONS, ...options };
  const delays = opts.retryDelaysMs;
  for (let n = 1; ; n++) {
    try {
      return await attempt(opts);
    } catch (e) {
      const f = e instanceof AttemptFailure ? e : new AttemptFailure(errorMessage(e), false, undefined, { cause: e });
      if (!f.transient || n > delays.length) {
        throw new DownloadError(url, f.message, f.status, n, { cause: f.cause ?? f, hint: hintFor(f) });
      }
      const delayMs = delays[n - 1]!;
      opts.onRetry?.({ url, attempt: n, delayMs, reason: f.message });
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}

function hintFor(f: AttemptFailure): string | undefined {
  if (f.status === 404) return undefined; // the message already says what a 404 means here
  if (f.status !== undefined && f.status >= 400 && f.status < 500)
    return 'the mirror refused the request; check the mirror URL and that it serves these files without credentials';
  return undefined;
}

/**
 * One attempt: follows redirects, checks the status, hands the body to `consume`, and fails the
 * attempt when the connection goes quiet, runs too long, or ends before the whole body arrived.
 */
async function fetchInto(url: string, opts: Resolved, consume: (body: AsyncIterable<Buffer>) => Promise<void>): Promise<void> {
  const deadline = Date.now() + opts.attemptTimeoutMs;
  let current = new URL(url);
  for (let redirects = 0; ; redirects++) {
    const { res, timedOut } = await request(current, opts, deadline);
    const status = res.statusCode ?? 0;
    if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
      res.destroy();
      if (redirects >= MAX_REDIRECTS) throw new AttemptFailure(`more than ${MAX_REDIRECTS} redirects`, false);
      const next = new URL(res.headers.location, current);
      if (current.protocol === 'https:' && next.protocol !== 'https:') {
        throw new AttemptFailure(`redirected from https to ${next.protocol}, which is refused`, false);
      }
      current = next;
      continue;
    }
    if (status !== 200) {
      res.destroy();
      throw statusFailure(status, res.statusMessage);
    }
    const expected = contentLength(res);
    if (expected !== undefined && expected > opts.maxBytes) {
      res.destroy();
      throw new AttemptFailure(`the file is ${expected} bytes, more than the ${opts.maxBytes} allowed`, false);
    }
    let received = 0;
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        received += chunk.length;
        if (received > opts.maxBytes) throw new AttemptFailure(`the file is larger than the ${opts.maxBytes} bytes allowed`, false);
        yield chunk;
      }
    }
    try {
      await consume(counted());
    } catch (e) {
      res.destroy();
      if (e instanceof AttemptFailure) throw e;
      const t = timedOut();
      if (t) throw t;
      if (!res.complete) throw cutShort(received, expected, e);
      throw new AttemptFailure(`could not store the body: ${errorMessage(e)}`, false, undefined, { cause: e });
    }
    if (!res.complete || (expected !== undefined && received !== expected)) throw cutShort(received, expected);
    return;
  }
}

function request(
  url: URL,
  opts: Resolved,
  deadline: number,
): Promise<{ res: http.IncomingMessage; timedOut: () => AttemptFailure | undefined }> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
    if (!mod) {
      reject(new AttemptFailure(`${url.protocol} URLs are not supported`, false));
      return;
    }
    // keepAlive off: no idle sockets left behind to keep the process alive.
    const agent = new HttpClient(USER_AGENT, [], { keepAlive: false }).getAgent(url.href);
    const req = mod.get(url, { agent, headers: { 'user-agent': USER_AGENT, accept: '*/*' } });
    let timeout: AttemptFailure | undefined;
    // Both limits destroy the request, which fails the pending response or the body being read.
    const fail = (f: AttemptFailure): void => {
      timeout ??= f;
      req.destroy(f);
    };
    const left = Math.max(deadline - Date.now(), 1);
    const total = setTimeout(() => fail(new AttemptFailure(`no complete response within ${seconds(opts.attemptTimeoutMs)}`, true)), left);
    req.setTimeout(opts.idleTimeoutMs, () =>
      fail(new AttemptFailure(`the connection stalled: no data for ${seconds(opts.idleTimeoutMs)}`, true)),
    );
    req.on('close', () => clearTimeout(total));
    req.on('response', (res) => resolve({ res, timedOut: () => timeout }));
    req.on('error', (e) => reject(e instanceof AttemptFailure ? e : networkFailure(e)));
  });
}

function statusFailure(status: number, text: string | undefined): AttemptFailure {
  const label = `HTTP ${status}${text ? ` ${text}` : ''}`;
  if (status === 404) return new AttemptFailure(`${label}: no such version/platform on this mirror`, false, status);
  const transient = status >= 500 || status === 408 || status === 429;
  return new AttemptFailure(label, transient, status);
}

function networkFailure(e: Error): AttemptFailure {
  const code = (e as NodeJS.ErrnoException).code;
  return new AttemptFailure(`${code ? `${code}: ` : ''}${e.message}`, true, undefined, { cause: e });
}

function cutShort(received: number, expected: number | undefined, cause?: unknown): AttemptFailure {
  const of = expected !== undefined ? ` of ${expected}` : '';
  return new AttemptFailure(`the connection closed after ${received}${of} bytes (body cut short)`, true, undefined, { cause });
}

function contentLength(res: http.IncomingMessage): number | undefined {
  const v = res.headers['content-length'];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
