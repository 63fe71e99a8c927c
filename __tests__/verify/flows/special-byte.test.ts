// The four-bytes-at-a-time search for the end of plain string content must find exactly the first
// quote, backslash or control byte a byte loop finds: at every position in a word, at every alignment,
// with other special bytes after it, and never past the end it is given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainRun, viewOfBuffer } from '../../../src/verify/flows/special-byte.js';

const isSpecial = (c: number): boolean => c === 0x22 || c === 0x5c || c < 0x20;
function reference(v: Buffer, j: number, e: number): number {
  for (let i = j; i < e; i++) if (isSpecial(v[i]!)) return i;
  return -1;
}
/** plainRun on v[j, e), with offsets in v */
function run(v: Buffer, j: number, e: number): number {
  const p = plainRun(viewOfBuffer(v), v.byteOffset + j, v.byteOffset + e);
  return p < 0 ? p : p - v.byteOffset;
}

// bytes next to the special ones in value, and bytes with the high bit set (UTF-8)
const PLAIN = [0x20, 0x21, 0x23, 0x5b, 0x5d, 0x5e, 0x7f, 0x80, 0xa2, 0xdc, 0xff, 0x41, 0x3a];
const SPECIAL = [0x22, 0x5c, 0x00, 0x01, 0x09, 0x0a, 0x1f];

describe('plainRun', () => {
  it('finds each special byte at every position and alignment, and only within [j, e)', () => {
    const mem = Buffer.alloc(64);
    const wrong: string[] = [];
    for (let shift = 0; shift < 4; shift++) {
      const v = mem.subarray(shift, shift + 40); // a byteOffset of 0 to 3
      for (let pos = 0; pos < 24; pos++) {
        for (const sp of SPECIAL) {
          for (const fill of PLAIN) {
            v.fill(fill);
            v[pos] = sp;
            v[pos + 2] = 0x22; // a later special must not win
            for (let j = 0; j <= 12; j += 3) {
              for (const e of [pos, pos + 1, pos + 5, 40])
                if (run(v, j, e) !== reference(v, j, e)) wrong.push(`${shift} ${pos} ${sp} ${fill} ${j} ${e}`);
            }
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with a byte loop on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 80 }), fc.nat(8), fc.nat(80), fc.nat(3), (bytes, j, len, shift) => {
        const mem = Buffer.alloc(bytes.length + 4);
        const v = mem.subarray(shift, shift + bytes.length);
        v.set(bytes.subarray(0, v.length));
        const e = Math.min(v.length, j + len);
        const from = Math.min(j, e);
        expect(run(v, from, e)).toBe(reference(v, from, e));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });
});
