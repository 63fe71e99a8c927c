// A stand-in for the API server's exec endpoint (v5.channel.k8s.io), in a process of its own: every
// exec answers after a fixed latency and logs the pod it was asked about. `cilium-dbg status` gets a
// Cilium 1.18 status text; the per-pair reads (cilium-health status, debuginfo, metrics list) get the
// files the fleet bench's mesh mode writes beside it (health.json, debuginfo.json, metrics.txt, and
// for a jsonpath query health.jsonpath.txt / debuginfo.jsonpath.txt, when the query is the one in the
// .query file beside them; another query is refused as a failed command).
// Usage: node ws-exec-server.mjs STATUS_FILE LOG_FILE LATENCY_MS  (prints the port it listens on)
import { openSync, readFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

const [statusFile, logFile, latency] = process.argv.slice(2);
// read on first use: the bench worker writes the texts after this server has started
const texts = new Map();
const fileFor = (command) => {
  const query = command.find((a) => a.startsWith('jsonpath='))?.slice('jsonpath='.length);
  const base = command[0] === 'cilium-health' ? 'health' : command[1] === 'debuginfo' ? 'debuginfo' : undefined;
  if (base && query !== undefined) return { file: `${base}.jsonpath.txt`, query: `${base}.jsonpath.query`, asked: query };
  if (base) return { file: `${base}.json` };
  if (command[1] === 'metrics') return { file: 'metrics.txt' };
  return { file: path.basename(statusFile) };
};
const read = (file) => {
  if (!texts.has(file)) texts.set(file, readFileSync(path.join(path.dirname(statusFile), file)));
  return texts.get(file);
};
// each text's stdout message (channel byte and text), built once: the stand-in's own bookkeeping
// should cost the machine as little as it can, the bytes sent are the same
const messages = new Map();
const stdoutMessage = (file) => {
  if (!messages.has(file)) messages.set(file, Buffer.concat([Buffer.from([1]), read(file)]));
  return messages.get(file);
};
// one descriptor for the log, written once per exec (the worker reads it after the run)
const log = openSync(logFile, 'a');
const latencyMs = Number(latency);
const FAILED = JSON.stringify({
  status: 'Failure',
  reason: 'NonZeroExitCode',
  details: { causes: [{ reason: 'ExitCode', message: '1' }] },
});
const SUCCESS = Buffer.concat([Buffer.from([3]), Buffer.from('{"status":"Success"}')]);
// A lean WebSocket server (RFC 6455, what an exec stream needs): the bench measures the action, so the
// stand-in for a remote, many-core API server should take as little of this machine's two cores as it
// can. The general-purpose server (ws) spent about 0.66 ms of CPU per exec on the handshake alone and,
// single-threaded, queued a whole batch of handshakes behind each other; the bytes on the wire are the same.
const frame = (payload) => {
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x82, n]) : n < 65536 ? Buffer.from([0x82, 126, n >> 8, n & 255]) : Buffer.alloc(10);
  if (n >= 65536) {
    head[0] = 0x82;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([head, payload]);
};
const frames = new Map();
const framed = (key, payload) => {
  if (!frames.has(key)) frames.set(key, frame(payload));
  return frames.get(key);
};
const CLOSE = Buffer.from([0x88, 0x00]);
const server = net.createServer({ noDelay: true }, (socket) => {
  socket.on('error', () => undefined);
  let head = Buffer.alloc(0);
  const onData = (chunk) => {
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    socket.off('data', onData);
    const lines = head.toString('latin1', 0, end).split('\r\n');
    const url = lines[0].split(' ')[1] ?? '/';
    const header = (name) =>
      lines
        .find((l) => l.toLowerCase().startsWith(`${name}:`))
        ?.slice(name.length + 1)
        .trim();
    const key = header('sec-websocket-key');
    const protocols = (header('sec-websocket-protocol') ?? '').split(',').map((p) => p.trim());
    if (!key || !protocols.includes('v5.channel.k8s.io')) {
      socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: v5.channel.k8s.io\r\n\r\n`,
    );
    const pod = /\/pods\/([^/]+)\/exec/.exec(url)?.[1] ?? '?';
    const answer = fileFor(new URL(url, 'http://x').searchParams.getAll('command'));
    writeSync(log, `${pod}\n`);
    setTimeout(() => {
      // the answer's frames in one write, as a server flushing them together would send them
      socket.cork();
      if (answer.query && read(answer.query).toString() !== answer.asked) {
        socket.write(frame(Buffer.concat([Buffer.from([2]), Buffer.from('stand-in: not the jsonpath query the bench printed\n')])));
        socket.write(frame(Buffer.concat([Buffer.from([3]), Buffer.from(FAILED)])));
      } else {
        socket.write(framed(answer.file, stdoutMessage(answer.file)));
        socket.write(framed('success', SUCCESS));
      }
      socket.end(CLOSE);
    }, latencyMs);
  };
  socket.on('data', onData);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
