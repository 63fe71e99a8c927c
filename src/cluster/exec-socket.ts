// The client side of one exec WebSocket (RFC 6455), as lean as the API server's exec stream allows:
// one request written at once, the 101 answer checked (accept key, subprotocol), then the server's
// frames read into whole messages. An exec is one short stream per command, so a fleet's per-pair
// checks open thousands of them: the general-purpose client (http.ClientRequest, stream-based
// receiver and sender) cost more CPU per exec than the output itself. Only what the exec stream
// uses is spoken: binary/text messages, fragmented or not, ping (answered), pong, close.
import { createHash, randomBytes } from 'node:crypto';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

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
/** as the ws client's default: a larger message is refused */
const MAX_MESSAGE = 100 * 1024 * 1024;

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

/** Opens the exec stream at path (with its query); returns what ends it early. */
export function openExecSocket(target: ExecSocketTarget, path: string, protocols: readonly string[], on: ExecSocketHandlers): () => void {
  const key = randomKey();
  const socket: Socket = target.secure
    ? tlsConnect({
        host: target.host,
        port: target.port,
        ...target.tls,
        servername: target.tls.servername ?? (isIP(target.host) ? undefined : target.host),
        ALPNProtocols: ['http/1.1'],
      })
    : netConnect({ host: target.host, port: target.port });
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
  socket.once(target.secure ? 'secureConnect' : 'connect', () => {
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${target.hostHeader}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Protocol: ${protocols.join(', ')}\r\n${target.headerLines}\r\n`,
    );
  });
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

/** A client frame: always masked (RFC 6455 5.3), here only pongs and small payloads. */
function maskedFrame(opcode: number, payload: Buffer): Buffer {
  const len = Math.min(payload.length, 125);
  const frame = Buffer.alloc(6 + len);
  frame[0] = 0x80 | opcode;
  frame[1] = 0x80 | len;
  randomBytes(4).copy(frame, 2);
  for (let i = 0; i < len; i++) frame[6 + i] = payload[i]! ^ frame[2 + (i % 4)]!;
  return frame;
}

/** The server's frames, read from chunks as they arrive; each byte is copied at most once. */
class FrameReader {
  private chunks: Buffer[] = [];
  private size = 0;
  private fragments: Buffer[] = [];
  private fragmentsSize = 0;
  private done = false;

  constructor(
    private readonly onMessage: (data: Buffer) => void,
    private readonly onClose: () => void,
    private readonly onPing: (payload: Buffer) => void,
    private readonly onError: (message: string) => void,
  ) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (!this.done && this.frame());
  }

  /** Reads one frame when it is all there; false when more bytes are needed. */
  private frame(): boolean {
    if (this.size < 2) return false;
    const b0 = this.byteAt(0);
    const b1 = this.byteAt(1);
    let len = b1 & 0x7f;
    let headLen = 2;
    if (len === 126) {
      if (this.size < 4) return false;
      len = (this.byteAt(2) << 8) | this.byteAt(3);
      headLen = 4;
    } else if (len === 127) {
      if (this.size < 10) return false;
      // above 2^53 is refused as too large anyway
      len = 0;
      for (let i = 2; i < 10; i++) len = len * 256 + this.byteAt(i);
      headLen = 10;
    }
    if (b0 & 0x70 || b1 & 0x80) return this.error('a reserved bit or a mask on a server frame');
    if (len + this.fragmentsSize > MAX_MESSAGE) return this.error('a message over 100 MiB');
    if (this.size < headLen + len) return false;
    this.take(headLen);
    const payload = this.take(len);
    const opcode = b0 & 0x0f;
    const fin = (b0 & 0x80) !== 0;
    if (opcode === 0x8) {
      this.done = true;
      this.onClose();
    } else if (opcode === 0x9) this.onPing(payload);
    else if (opcode === 0xa) return true;
    else if (opcode <= 0x2) {
      if ((opcode === 0) !== this.fragments.length > 0) return this.error('a continuation frame out of place');
      if (fin && this.fragments.length === 0) this.onMessage(payload);
      else {
        this.fragments.push(payload);
        this.fragmentsSize += payload.length;
        if (fin) {
          const whole = Buffer.concat(this.fragments, this.fragmentsSize);
          this.fragments = [];
          this.fragmentsSize = 0;
          this.onMessage(whole);
        }
      }
    } else return this.error(`an unknown opcode ${opcode}`);
    return true;
  }

  private error(what: string): false {
    this.done = true;
    this.onError(`exec connection failed: the server sent ${what}`);
    return false;
  }

  private byteAt(i: number): number {
    for (const c of this.chunks) {
      if (i < c.length) return c[i]!;
      i -= c.length;
    }
    return 0;
  }

  private take(n: number): Buffer {
    this.size -= n;
    const first = this.chunks[0];
    if (first !== undefined && first.length >= n) {
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const c = this.chunks[0]!;
      const k = Math.min(c.length, n - off);
      c.copy(out, off, 0, k);
      off += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    return out;
  }
}
