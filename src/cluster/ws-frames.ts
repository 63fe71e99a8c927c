// WebSocket frames (RFC 6455) as the exec stream uses them: the server's frames read into whole
// messages (fragmented or not, ping answered, close), and the client's masked control frames.
// Split from exec-socket.ts, which speaks the handshake.
import { randomBytes } from 'node:crypto';

/** as the ws client's default: a larger message is refused */
const MAX_MESSAGE = 100 * 1024 * 1024;

/** A client frame: always masked (RFC 6455 5.3), here only pongs and small payloads. */
export function maskedFrame(opcode: number, payload: Buffer): Buffer {
  const len = Math.min(payload.length, 125);
  const frame = Buffer.alloc(6 + len);
  frame[0] = 0x80 | opcode;
  frame[1] = 0x80 | len;
  randomBytes(4).copy(frame, 2);
  for (let i = 0; i < len; i++) frame[6 + i] = payload[i]! ^ frame[2 + (i % 4)]!;
  return frame;
}

/** The server's frames, read from chunks as they arrive; each byte is copied at most once. */
export class FrameReader {
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
