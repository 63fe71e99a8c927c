// A byte string found inside a line of a chunk, for the jsonpb token scan.

/**
 * A token searched for with Horspool's algorithm, in plain JavaScript and within the line's bounds:
 * for the few hundred bytes searched per line this is about twice as fast as Buffer#indexOf, whose
 * cost is mostly the call itself.
 */
export class Token {
  readonly bytes: Buffer;
  /** forward: shift by the window's last byte */
  private readonly fwd = new Int32Array(256);
  /** backward: shift by the window's first byte */
  private readonly bwd = new Int32Array(256);

  constructor(text: string) {
    const b = (this.bytes = Buffer.from(text));
    const m = b.length;
    this.fwd.fill(m);
    this.bwd.fill(m);
    for (let j = 0; j < m - 1; j++) this.fwd[b[j]!] = m - 1 - j;
    for (let j = m - 1; j >= 1; j--) this.bwd[b[j]!] = j;
  }

  /** First start position i with lo <= i and i + length <= hi, or -1. */
  indexIn(v: Buffer, lo: number, hi: number): number {
    const b = this.bytes;
    const m = b.length;
    const first = b[0];
    const last = b[m - 1]!;
    for (let i = lo; i <= hi - m; ) {
      const c = v[i + m - 1]!;
      if (c === last && v[i] === first && this.rest(v, i)) return i;
      i += this.fwd[c]!;
    }
    return -1;
  }

  /** Last start position i with lo <= i and i + length <= hi, or -1. */
  lastIndexIn(v: Buffer, lo: number, hi: number): number {
    const b = this.bytes;
    const m = b.length;
    const first = b[0]!;
    const last = b[m - 1];
    for (let i = hi - m; i >= lo; ) {
      const c = v[i]!;
      if (c === first && v[i + m - 1] === last && this.rest(v, i)) return i;
      i -= this.bwd[c]!;
    }
    return -1;
  }

  private rest(v: Buffer, i: number): boolean {
    const b = this.bytes;
    for (let j = 1; j < b.length - 1; j++) if (v[i + j] !== b[j]) return false;
    return true;
  }
}
