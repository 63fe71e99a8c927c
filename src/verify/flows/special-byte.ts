// Finds the end of a run of plain JSON string content: the next quote, backslash or control character
// (below 0x20). The confirmation walk (jsonpb-shape.ts) has to look at every byte of a line, since one
// raw control character anywhere makes JSON.parse refuse it, and most bytes are inside strings, so this
// loop is much of the walk's cost. It reads four bytes at a time through a DataView (unaligned reads,
// so no set-up per string) and tests the word with a few integer operations (SWAR).

/** The chunk being walked, as a DataView; replaced only when the memory under the lines changes. */
let viewOf: ArrayBufferLike | undefined;
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

/** `v`'s memory as a DataView (offsets in it are v.byteOffset + offsets in v); cached per chunk. */
export function viewOfBuffer(v: Buffer): DataView<ArrayBufferLike> {
  if (v.buffer !== viewOf) {
    viewOf = v.buffer;
    view = new DataView(v.buffer);
  }
  return view;
}

/**
 * The first offset p with j <= p < e where the byte is `"`, `\` or below 0x20; -1 when there is none.
 * Offsets are in `d` (a viewOfBuffer), which is read only inside [j, e).
 */
export function plainRun(d: DataView<ArrayBufferLike>, j: number, e: number): number {
  for (const last = e - 4; j <= last; j += 4) {
    const x = d.getInt32(j, true); // little-endian: the byte at j is the low byte, whatever the machine
    const q = x ^ 0x22222222;
    const b = x ^ 0x5c5c5c5c;
    // the high bit of a byte is set for the first byte that is 0x22, 0x5c or below 0x20 (exact for the
    // lowest such byte, which is all that is used: a borrow can only flag bytes above it)
    const m = ((((q - 0x01010101) | 0) & ~q) | (((b - 0x01010101) | 0) & ~b) | (((x - 0x20202020) | 0) & ~x)) & 0x80808080;
    if (m !== 0) return j + ((m & 0x80) !== 0 ? 0 : (m & 0x8000) !== 0 ? 1 : (m & 0x800000) !== 0 ? 2 : 3);
  }
  for (; j < e; j++) {
    const c = d.getUint8(j);
    if (c === 0x22 || c === 0x5c || c < 0x20) return j;
  }
  return -1;
}
