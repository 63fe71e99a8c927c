// Test helpers for the tool installer: real tar.gz archives, a scriptable mirror on 127.0.0.1,
// and a fresh RUNNER_TOOL_CACHE / RUNNER_TEMP per test.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import AdmZip from 'adm-zip';

export interface ArchiveEntry {
  name: string;
  data?: Buffer;
  /** default 0o644 for files, 0o755 for directories */
  mode?: number;
}

/** A ustar archive, gzipped (level 1: the helm binary is 60 MB and this runs per test file). */
export function tarGz(entries: ArchiveEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const dir = e.data === undefined;
    const data = e.data ?? Buffer.alloc(0);
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 100, 'utf8');
    h.write(octal(e.mode ?? (dir ? 0o755 : 0o644), 7), 100);
    h.write(octal(0, 7), 108);
    h.write(octal(0, 7), 116);
    h.write(octal(data.length, 11), 124);
    h.write(octal(1_700_000_000, 11), 136);
    h.write('        ', 148);
    h.write(dir ? '5' : '0', 156);
    h.write('ustar\u000000', 257, 'binary');
    h.write('root', 265);
    h.write('root', 297);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'binary');
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks), { level: 1 });
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width, '0')}\u0000`;
}

export function zipOf(entries: ArchiveEntry[]): Buffer {
  const zip = new AdmZip();
  for (const e of entries) {
    // the Unix mode in the upper half of the external attributes, which unzip restores
    zip.addFile(e.name, e.data ?? Buffer.alloc(0), '', ((e.mode ?? 0o644) | 0o100000) << 16);
  }
  return zip.toBuffer();
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** A stand-in for the Cilium CLI: a shell script that prints a version like `cilium version --client`. */
export function ciliumScript(version: string): Buffer {
  return Buffer.from(
    [
      '#!/bin/sh',
      'if [ "$1" = version ]; then',
      `  echo "cilium-cli: v${version} compiled with go1.25.1 on linux/amd64"`,
      '  echo "cilium image (default): v1.18.6"',
      '  exit 0',
      'fi',
      'exit 2',
      '',
    ].join('\n'),
  );
}

/** A script that answers `version --template {{.Version}}` like helm does. */
export function fakeHelmScript(version: string): Buffer {
  return Buffer.from(`#!/bin/sh\nif [ "$1" = version ]; then echo "v${version}"; exit 0; fi\nexit 2\n`);
}

export type Reply =
  | { kind: 'body'; data: Buffer | string; gate?: () => Promise<void> }
  | { kind: 'status'; code: number }
  /** accept the request and never answer */
  | { kind: 'hang' }
  /** send the headers and the first `after` bytes, then go quiet */
  | { kind: 'stall'; data: Buffer; after: number }
  /** send the headers and the first `after` bytes, then close the connection */
  | { kind: 'cut'; data: Buffer; after: number }
  | { kind: 'redirect'; location: string }
  /** send the body one byte every `everyMs` */
  | { kind: 'trickle'; data: Buffer; everyMs: number };

/** A mirror on 127.0.0.1: each path answers with its replies in turn, the last one repeating. */
export class MirrorServer {
  private readonly routes = new Map<string, Reply[]>();
  private readonly hits = new Map<string, number>();
  private server!: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  set(urlPath: string, ...replies: Reply[]): void {
    this.routes.set(urlPath, replies);
  }

  /** Requests received for this path (or for all paths). */
  count(urlPath?: string): number {
    if (urlPath !== undefined) return this.hits.get(urlPath) ?? 0;
    let n = 0;
    for (const v of this.hits.values()) n += v;
    return n;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    const n = this.hits.get(p) ?? 0;
    this.hits.set(p, n + 1);
    const replies = this.routes.get(p);
    const reply: Reply = replies ? replies[Math.min(n, replies.length - 1)]! : { kind: 'status', code: 404 };
    switch (reply.kind) {
      case 'body': {
        const data = typeof reply.data === 'string' ? Buffer.from(reply.data) : reply.data;
        void (reply.gate?.() ?? Promise.resolve()).then(() => {
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length });
          res.end(data);
        });
        return;
      }
      case 'status':
        res.writeHead(reply.code, { 'content-type': 'text/plain' });
        res.end(`status ${reply.code}\n`);
        return;
      case 'hang':
        return;
      case 'stall':
      case 'cut':
        res.writeHead(200, { 'content-length': reply.data.length });
        res.write(reply.data.subarray(0, reply.after), () => {
          if (reply.kind === 'cut') res.socket?.destroy();
        });
        return;
      case 'redirect':
        res.writeHead(302, { location: reply.location });
        res.end();
        return;
      case 'trickle': {
        res.writeHead(200, { 'content-length': reply.data.length });
        let i = 0;
        const t = setInterval(() => {
          if (res.destroyed || i >= reply.data.length) {
            clearInterval(t);
            res.end();
            return;
          }
          res.write(reply.data.subarray(i, i + 1));
          i += 1;
        }, reply.everyMs);
        return;
      }
    }
  }
}

/** Fresh RUNNER_TOOL_CACHE and RUNNER_TEMP; `restore()` puts the old values back and removes both. */
export function runnerDirs(): { root: string; cache: string; temp: string; restore: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cnra-tools-test-'));
  const cache = path.join(root, 'toolcache');
  const temp = path.join(root, 'temp');
  mkdirSync(cache);
  mkdirSync(temp);
  const old = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP };
  process.env.RUNNER_TOOL_CACHE = cache;
  process.env.RUNNER_TEMP = temp;
  return {
    root,
    cache,
    temp,
    restore: () => {
      setEnv('RUNNER_TOOL_CACHE', old.cache);
      setEnv('RUNNER_TEMP', old.temp);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Every file below `dir`, relative, sorted (empty when nothing is there). */
export function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => !d.isDirectory())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}
