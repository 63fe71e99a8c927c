// The downloader's behaviour on its own, against a scriptable server on 127.0.0.1.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DownloadError, downloadFile, downloadText, type DownloadOptions } from '../../src/tools/download.js';
import { MirrorServer, runnerDirs, sha256 } from './helpers.js';

const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));
let server: MirrorServer;
let dirs: ReturnType<typeof runnerDirs>;
let retries: { attempt: number; delayMs: number; reason: string }[];
const opts = (extra: DownloadOptions = {}): DownloadOptions => ({
  idleTimeoutMs: 300,
  retryDelaysMs: [5, 10],
  onRetry: (r) => retries.push({ attempt: r.attempt, delayMs: r.delayMs, reason: r.reason }),
  ...extra,
});

beforeEach(async () => {
  server = await new MirrorServer().start();
  dirs = runnerDirs();
  retries = [];
});
afterEach(async () => {
  await server.close();
  dirs.restore();
});

async function failure(p: Promise<unknown>): Promise<DownloadError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DownloadError);
  return e as DownloadError;
}

describe('downloadFile', () => {
  it('writes the body and returns its size and sha256', async () => {
    server.set('/a.tar.gz', { kind: 'body', data });
    const dest = path.join(dirs.temp, 'a');
    expect(await downloadFile(`${server.url}/a.tar.gz`, dest, opts())).toEqual({ bytes: data.length, sha256: sha256(data) });
    expect(readFileSync(dest).equals(data)).toBe(true);
  });

  it('follows relative and absolute redirects', async () => {
    server.set('/latest', { kind: 'redirect', location: '/v1/a' });
    server.set('/v1/a', { kind: 'redirect', location: `${server.url}/objects/a` });
    server.set('/objects/a', { kind: 'body', data });
    const got = await downloadFile(`${server.url}/latest`, path.join(dirs.temp, 'a'), opts());
    expect(got.sha256).toBe(sha256(data));
  });

  it('fails a body that stalls half-way once the connection is quiet for the idle time-out', async () => {
    server.set('/a', { kind: 'stall', data, after: 1000 });
    const e = await failure(downloadFile(`${server.url}/a`, path.join(dirs.temp, 'a'), opts({ retryDelaysMs: [] })));
    expect(e.message).toBe(`download of ${server.url}/a failed: the connection stalled: no data for 300 ms`);
    expect(e.attempts).toBe(1);
  });

  it('bounds one attempt in all, even when bytes keep trickling in', async () => {
    server.set('/a', { kind: 'trickle', data, everyMs: 20 });
    const e = await failure(downloadFile(`${server.url}/a`, path.join(dirs.temp, 'a'), opts({ retryDelaysMs: [], attemptTimeoutMs: 250 })));
    expect(e.message).toBe(`download of ${server.url}/a failed: no complete response within 250 ms`);
  });

  it('retries 429 and 5xx with the given delays, then reports the last status', async () => {
    server.set('/a', { kind: 'status', code: 429 }, { kind: 'status', code: 502 }, { kind: 'status', code: 500 });
    const e = await failure(downloadFile(`${server.url}/a`, path.join(dirs.temp, 'a'), opts()));
    expect(e.message).toBe(`download of ${server.url}/a failed: HTTP 500 Internal Server Error (gave up after 3 attempts)`);
    expect(e.status).toBe(500);
    expect(retries.map((r) => [r.attempt, r.delayMs, r.reason])).toEqual([
      [1, 5, 'HTTP 429 Too Many Requests'],
      [2, 10, 'HTTP 502 Bad Gateway'],
    ]);
  });

  it('does not retry other 4xx', async () => {
    server.set('/a', { kind: 'status', code: 403 });
    const e = await failure(downloadFile(`${server.url}/a`, path.join(dirs.temp, 'a'), opts()));
    expect(e.message).toMatch(/^download of .*\/a failed: HTTP 403 Forbidden\nthe mirror refused the request/);
    expect(server.count('/a')).toBe(1);
  });

  it('retries a refused connection and names the cause', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await failure(downloadFile(`http://127.0.0.1:${port}/a`, path.join(dirs.temp, 'a'), opts()));
    expect(e.message).toContain('ECONNREFUSED');
    expect(e.attempts).toBe(3);
  });

  it('refuses a body larger than allowed without reading it', async () => {
    server.set('/a', { kind: 'body', data });
    const e = await failure(downloadFile(`${server.url}/a`, path.join(dirs.temp, 'a'), opts({ maxBytes: 1000 })));
    expect(e.message).toBe(`download of ${server.url}/a failed: the file is ${data.length} bytes, more than the 1000 allowed`);
  });
});

describe('downloadText', () => {
  it('returns the body as text', async () => {
    server.set('/a.sha256sum', { kind: 'body', data: 'abc  a.tar.gz\n' });
    expect(await downloadText(`${server.url}/a.sha256sum`, opts())).toBe('abc  a.tar.gz\n');
  });

  it('fails a 404 at once, naming the URL', async () => {
    const e = await failure(downloadText(`${server.url}/missing.sha256sum`, opts()));
    expect(e.message).toBe(
      `download of ${server.url}/missing.sha256sum failed: HTTP 404 Not Found: no such version/platform on this mirror`,
    );
    expect(server.count('/missing.sha256sum')).toBe(1);
    expect(retries).toEqual([]);
  });
});
