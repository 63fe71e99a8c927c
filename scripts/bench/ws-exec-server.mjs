// A stand-in for the API server's exec endpoint (v5.channel.k8s.io), in a process of its own: every
// exec answers after a fixed latency and logs the pod it was asked about. `cilium-dbg status` gets a
// Cilium 1.18 status text; the per-pair reads (cilium-health status, debuginfo, metrics list) get the
// files the fleet bench's mesh mode writes beside it (health.json, debuginfo.json, metrics.txt).
// Usage: node ws-exec-server.mjs STATUS_FILE LOG_FILE LATENCY_MS  (prints the port it listens on)
import { appendFileSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer } from 'ws';

const [statusFile, logFile, latency] = process.argv.slice(2);
// read on first use: the bench worker writes the texts after this server has started
const texts = new Map();
const fileFor = (command) => {
  if (command[0] === 'cilium-health') return 'health.json';
  if (command[1] === 'debuginfo') return 'debuginfo.json';
  if (command[1] === 'metrics') return 'metrics.txt';
  return path.basename(statusFile);
};
const latencyMs = Number(latency);
const server = http.createServer((_req, res) => {
  res.writeHead(404);
  res.end();
});
const wss = new WebSocketServer({ server, handleProtocols: (p) => (p.has('v5.channel.k8s.io') ? 'v5.channel.k8s.io' : false) });
wss.on('connection', (ws, req) => {
  const pod = /\/pods\/([^/]+)\/exec/.exec(req.url ?? '')?.[1] ?? '?';
  const file = fileFor(new URL(req.url ?? '/', 'http://x').searchParams.getAll('command'));
  appendFileSync(logFile, `${pod}\n`);
  setTimeout(() => {
    if (!texts.has(file)) texts.set(file, readFileSync(path.join(path.dirname(statusFile), file)));
    const text = texts.get(file);
    ws.send(Buffer.concat([Buffer.from([1]), text]));
    ws.send(Buffer.concat([Buffer.from([3]), Buffer.from('{"status":"Success"}')]));
    ws.close();
  }, latencyMs);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
