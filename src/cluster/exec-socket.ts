// The client side of one exec WebSocket (RFC 6455), as lean as the API server's exec stream allows:
// one request written at once, the 101 answer checked (accept key, subprotocol), then the server's
// frames read into whole messages. An exec is one short stream per command, so a fleet's per-pair
// checks open thousands of them: the general-purpose client (http.ClientRequest, stream-based
// receiver and sender) cost more CPU per exec than the output itself. Only what the exec stream
// uses is spoken: binary/text messages, fragmented or not, ping (answered), pong, close.
import { createHash, randomBytes } from 'node:crypto';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Conn } from './warm-sockets.js';
import { FrameReader, maskedFrame } from './ws-frames.js';

export interface ExecSocketTarget {
  secure: boolean;
  /** host name or IP, without IPv6 brackets */
  host: string;
  port: number;
  /** what the Host header says */
  hostHeader: string;
  /** `Name: value\r\n` lines sent with every request (credentials), checked for CR/LF already */
  headerLines: string;
  tls: { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized: boolean; servername?: string };
}

export interface ExecSocketHandlers {
  /** a whole message (binary or text) */
  message(data: Buffer): void;
  /** the handshake or the stream failed; nothing follows */
  failed(message: string): void;
  /** the stream ended (close frame or closed socket); nothing follows */
  closed(): void;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const MAX_HEAD = 16 * 1024;

// the handshake keys come from one random pool: a call into the CSPRNG per key costs more than the key
const KEYS_PER_FILL = 256;
let pool = Buffer.alloc(0);
let used = 0;
function randomKey(): string {
  if (used === pool.length) {
    pool = randomBytes(16 * KEYS_PER_FILL);
    used = 0;
  }
  used += 16;
  return pool.toString('base64', used - 16, used);
}

/**
 * Opens the exec stream at path (with its query) on conn (from `warmSockets(() => connectTo(target))`);
 * returns what ends it early.
 */
export function openExecSocket(
  target: ExecSocketTarget,
  conn: Conn,
  path: string,
  protocols: readonly string[],
  on: ExecSocketHandlers,
): () => void {
  const key = randomKey();
  const { socket } = conn;
  let ended = false;
  const end = (): void => {
    ended = true;
    socket.destroy();
  };
  const fail = (message: string): void => {
    if (ended) return;
    end();
    on.failed(message);
  };
  const request = (): void => void socket.write(upgradeRequest(target, path, key, protocols));
  if (conn.ready) request();
  else socket.once(readyEvent(target), request);
  let head: Buffer | undefined = Buffer.alloc(0);
  const frames = new FrameReader(
    (data) => !ended && on.message(data),
    () => {
      if (ended) return;
      end();
      on.closed();
    },
    (payload) => !ended && socket.write(maskedFrame(0xa, payload)),
    fail,
  );
  socket.on('data', (chunk: Buffer) => {
    if (ended) return;
    if (head === undefined) return frames.push(chunk);
    head = Buffer.concat([head, chunk]);
    const at = head.indexOf('\r\n\r\n');
    if (at < 0) {
      if (head.length > MAX_HEAD) fail('exec connection failed: the upgrade answer has no end');
      return;
    }
    const problem = upgradeProblem(head.toString('latin1', 0, at), key, protocols);
    const rest = head.subarray(at + 4);
    head = undefined;
    if (problem) return fail(problem);
    if (rest.length > 0) frames.push(rest);
  });
  socket.on('error', (e) => fail(`exec connection failed: ${e.message}`));
  socket.on('close', () => {
    if (ended) return;
    if (head !== undefined) return fail('exec connection failed: the server closed the connection during the upgrade');
    ended = true;
    on.closed();
  });
  return end;
}

const readyEvent = (target: ExecSocketTarget): string => (target.secure ? 'secureConnect' : 'connect');

/** A new connection to the target, and the event that says it is ready for the upgrade request. */
export function connectTo(target: ExecSocketTarget): { socket: Socket; readyEvent: string } {
  return { socket: connect(target), readyEvent: readyEvent(target) };
}

function connect(target: ExecSocketTarget): Socket {
  if (!target.secure) return netConnect({ host: target.host, port: target.port });
  return tlsConnect({
    host: target.host,
    port: target.port,
    ...target.tls,
    servername: target.tls.servername ?? (isIP(target.host) ? undefined : target.host),
    ALPNProtocols: ['http/1.1'],
  });
}

/** The HTTP/1.1 upgrade request, in one write. */
function upgradeRequest(target: ExecSocketTarget, path: string, key: string, protocols: readonly string[]): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: ${target.hostHeader}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Protocol: ${protocols.join(', ')}\r\n${target.headerLines}\r\n`
  );
}

/** Why the answer to the upgrade request is not a WebSocket on one of our subprotocols, or undefined. */
function upgradeProblem(head: string, key: string, protocols: readonly string[]): string | undefined {
  const lines = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1];
  if (status !== '101') return `exec refused by the API server: HTTP ${status ?? '(no status line)'}`;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  if (headers.get('upgrade')?.toLowerCase() !== 'websocket') return 'exec connection failed: the upgrade answer is not a WebSocket';
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  if (headers.get('sec-websocket-accept') !== accept) return 'exec connection failed: the upgrade answer has a wrong Sec-WebSocket-Accept';
  const protocol = headers.get('sec-websocket-protocol');
  if (protocol === undefined || !protocols.includes(protocol))
    return `exec connection failed: the server chose the subprotocol ${protocol ?? '(none)'}, not one offered`;
  return undefined;
}
