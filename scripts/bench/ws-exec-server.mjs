// A stand-in for the API server's exec endpoint (v5.channel.k8s.io), in a process of its own: every
// exec answers after a fixed latency and logs the pod it was asked about. `cilium-dbg status` gets a
// Cilium 1.18 status text; the per-pair reads (cilium-health status, debuginfo, metrics list) get the
// files the fleet bench's mesh mode writes beside it (health.json, debuginfo.json, metrics.txt, and
// for a jsonpath query health.jsonpath.txt / debuginfo.jsonpath.txt, when the query is the one in the
// .query file beside them; another query is refused as a failed command).
// Usage: node ws-exec-server.mjs STATUS_FILE LOG_FILE LATENCY_MS  (prints the port it listens on)
import { openSync, readFileSync, writeSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer } from 'ws';

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
const server = http.createServer((_req, res) => {
  res.writeHead(404);
  res.end();
});
const wss = new WebSocketServer({ server, handleProtocols: (p) => (p.has('v5.channel.k8s.io') ? 'v5.channel.k8s.io' : false) });
wss.on('connection', (ws, req) => {
  const pod = /\/pods\/([^/]+)\/exec/.exec(req.url ?? '')?.[1] ?? '?';
  const answer = fileFor(new URL(req.url ?? '/', 'http://x').searchParams.getAll('command'));
  writeSync(log, `${pod}\n`);
  setTimeout(() => {
    if (answer.query && read(answer.query).toString() !== answer.asked) {
      ws.send(Buffer.concat([Buffer.from([2]), Buffer.from('stand-in: not the jsonpath query the bench printed\n')]));
      ws.send(Buffer.concat([Buffer.from([3]), Buffer.from(FAILED)]));
    } else {
      ws.send(stdoutMessage(answer.file));
      ws.send(SUCCESS);
    }
    ws.close();
  }, latencyMs);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
