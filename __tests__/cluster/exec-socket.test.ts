// The lean exec WebSocket client against servers that do what the API server may: a message in
// fragments with a ping between them, a refused or wrong upgrade, and TLS with the kubeconfig's CA
// (the test API server speaks plain HTTP, so TLS is proven here against ws's own server).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { directExec } from '../../src/cluster/direct-exec.js';
import { connectTo, openExecSocket, type ExecSocketTarget } from '../../src/cluster/exec-socket.js';

const servers: Array<{ close(): void }> = [];
afterAll(() => servers.forEach((s) => s.close()));

/** A TCP server that answers the upgrade with `answer(key, request)` and then writes `frames`; resolves with what the client sent after its request. */
async function rawServer(answer: (key: string) => string, frames: Buffer[]): Promise<{ port: number; received: Promise<Buffer> }> {
  let gotRest!: (b: Buffer) => void;
  const received = new Promise<Buffer>((r) => (gotRest = r));
  const server = net.createServer((socket) => {
    let buf = Buffer.alloc(0);
    let answered = false;
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const end = buf.indexOf('\r\n\r\n');
      if (!answered && end >= 0) {
        answered = true;
        const key = /Sec-WebSocket-Key: (\S+)/.exec(buf.toString('latin1'))?.[1] ?? '';
        buf = buf.subarray(end + 4);
        socket.write(answer(key));
        for (const f of frames) socket.write(f);
      }
      if (answered && buf.length > 0) gotRest(buf);
    });
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as net.AddressInfo).port, received };
}

const accept = (key: string): string => createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
const upgraded = (protocol: string) => (key: string) =>
  `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept(key)}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`;
const frame = (b0: number, payload: Buffer): Buffer => {
  const head = payload.length < 126 ? Buffer.from([b0, payload.length]) : Buffer.from([b0, 126, payload.length >> 8, payload.length & 255]);
  return Buffer.concat([head, payload]);
};
const target = (port: number): ExecSocketTarget => ({
  secure: false,
  host: '127.0.0.1',
  port,
  hostHeader: `127.0.0.1:${port}`,
  headerLines: '',
  tls: { rejectUnauthorized: true },
});

function collect(port: number): Promise<{ messages: string[]; failed?: string; closed: boolean }> {
  return new Promise((resolve) => {
    const messages: string[] = [];
    const t = target(port);
    openExecSocket(t, { socket: connectTo(t).socket, ready: false }, '/exec', ['v5.channel.k8s.io', 'v4.channel.k8s.io'], {
      message: (d) => messages.push(d.toString('latin1')),
      failed: (m) => resolve({ messages, failed: m, closed: false }),
      closed: () => resolve({ messages, closed: true }),
    });
  });
}

describe('exec socket', () => {
  it('joins a fragmented message, answers a ping between the fragments, and ends at the close frame', async () => {
    const big = Buffer.alloc(300, 'x');
    const { port, received } = await rawServer(upgraded('v5.channel.k8s.io'), [
      // one message in three fragments (binary, continuation, final continuation), a ping in between
      frame(0x02, Buffer.concat([Buffer.from([1]), Buffer.from('ab')])),
      frame(0x89, Buffer.from('hi')),
      frame(0x00, big),
      frame(0x80, Buffer.from('cd')),
      frame(0x82, Buffer.concat([Buffer.from([3]), Buffer.from('{"status":"Success"}')])),
      frame(0x88, Buffer.alloc(0)),
    ]);
    const r = await collect(port);
    expect(r).toEqual({ messages: [`\x01ab${big.toString()}cd`, '\x03{"status":"Success"}'], closed: true });
    // the pong: FIN + opcode 10, masked, the ping's payload
    const pong = await received;
    expect([pong[0], pong[1]]).toEqual([0x8a, 0x80 | 2]);
    const mask = pong.subarray(2, 6);
    expect(Buffer.from([pong[6]! ^ mask[0]!, pong[7]! ^ mask[1]!]).toString()).toBe('hi');
  });

  it('turns down a refused upgrade, an upgrade to something else, a wrong accept key, a subprotocol not offered, a masked server frame', async () => {
    const refused = await rawServer(() => 'HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n', []);
    expect((await collect(refused.port)).failed).toBe('exec refused by the API server: HTTP 403');
    const wrongKey = await rawServer((key) => upgraded('v5.channel.k8s.io')(`${key}x`), []);
    expect((await collect(wrongKey.port)).failed).toMatch(/wrong Sec-WebSocket-Accept/);
    const otherProtocol = await rawServer(upgraded('channel.k8s.io'), []);
    expect((await collect(otherProtocol.port)).failed).toMatch(/subprotocol channel.k8s.io, not one offered/);
    const notWebSocket = await rawServer((key) => upgraded('v5.channel.k8s.io')(key).replace('Upgrade: websocket', 'Upgrade: h2c'), []);
    expect((await collect(notWebSocket.port)).failed).toMatch(/not a WebSocket/);
    const masked = await rawServer(upgraded('v4.channel.k8s.io'), [Buffer.from([0x82, 0x81, 0, 0, 0, 0, 1])]);
    expect((await collect(masked.port)).failed).toMatch(/a reserved bit or a mask on a server frame/);
  });

  it('runs an exec over TLS with the kubeconfig CA, and refuses a server the CA does not vouch for', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'exec-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=apiserver',
          '-addext',
          'subjectAltName=DNS:localhost,IP:127.0.0.1',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const cert = readFileSync(path.join(dir, 'cert.pem'));
      const server = https.createServer({ cert, key: readFileSync(path.join(dir, 'key.pem')) });
      const seen: string[] = [];
      const wss = new WebSocketServer({ server, handleProtocols: (p) => (p.has('v5.channel.k8s.io') ? 'v5.channel.k8s.io' : false) });
      wss.on('connection', (ws, req) => {
        seen.push(`${req.headers.authorization} ${req.url}`);
        ws.send(Buffer.concat([Buffer.from([1]), Buffer.from('over tls\n')]));
        ws.send(Buffer.concat([Buffer.from([3]), Buffer.from('{"status":"Success"}')]));
        ws.close();
      });
      servers.push(server);
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as net.AddressInfo).port;
      const creds = { server: `https://localhost:${port}/prefix`, headers: { Authorization: 'Bearer t0ken' }, ca: cert, insecure: false };
      const r = await directExec(creds)('kube-system', 'cilium-a', 'cilium-agent', ['cilium-dbg', 'status'], { timeoutMs: 5_000 });
      expect(r).toMatchObject({ code: 0, stdout: 'over tls\n', timedOut: false });
      expect(seen).toEqual([
        'Bearer t0ken /prefix/api/v1/namespaces/kube-system/pods/cilium-a/exec?command=cilium-dbg&command=status&container=cilium-agent&stdout=true&stderr=true',
      ]);
      // connections opened ahead do their TLS handshake before their exec takes them
      const warm = directExec(creds);
      warm.expect?.(3);
      const three = await Promise.all([0, 1].map(() => warm('kube-system', 'cilium-a', undefined, ['true'], { timeoutMs: 5_000 })));
      three.push(await warm('kube-system', 'cilium-a', undefined, ['true'], { timeoutMs: 5_000 }));
      expect(three.map((t) => t.stdout)).toEqual(['over tls\n', 'over tls\n', 'over tls\n']);
      expect(seen).toHaveLength(4);
      const untrusted = await directExec({ ...creds, ca: undefined })('kube-system', 'cilium-a', undefined, ['true'], { timeoutMs: 5_000 });
      expect(untrusted.code).toBe(1);
      expect(untrusted.stderr).toMatch(/exec connection failed: .*self[- ]signed/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
