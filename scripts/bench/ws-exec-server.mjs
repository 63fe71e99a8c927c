// A stand-in for the API server's exec endpoint (v5.channel.k8s.io), in a process of its own: every
// exec answers a Cilium 1.18 status text after a fixed latency and logs the pod it was asked about.
// Usage: node ws-exec-server.mjs STATUS_FILE LOG_FILE LATENCY_MS  (prints the port it listens on)
import { appendFileSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { WebSocketServer } from 'ws';

const [statusFile, logFile, latency] = process.argv.slice(2);
// read on first use: the bench worker writes the status text after this server has started
let text;
const latencyMs = Number(latency);
const server = http.createServer((_req, res) => {
  res.writeHead(404);
  res.end();
});
const wss = new WebSocketServer({ server, handleProtocols: (p) => (p.has('v5.channel.k8s.io') ? 'v5.channel.k8s.io' : false) });
wss.on('connection', (ws, req) => {
  const pod = /\/pods\/([^/]+)\/exec/.exec(req.url ?? '')?.[1] ?? '?';
  appendFileSync(logFile, `${pod}\n`);
  setTimeout(() => {
    text ??= readFileSync(statusFile);
    ws.send(Buffer.concat([Buffer.from([1]), text]));
    ws.send(Buffer.concat([Buffer.from([3]), Buffer.from('{"status":"Success"}')]));
    ws.close();
  }, latencyMs);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
