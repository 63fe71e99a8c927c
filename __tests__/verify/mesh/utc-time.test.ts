// The handshake time read digit by digit gives what Date.parse gives, or leaves the text to it.
import { describe, expect, it } from 'vitest';
import { utcMillis } from '../../../src/verify/mesh/utc-time.js';

const read = (s: string): number | undefined => utcMillis(`x${s}x`, 1, s.length + 1);

describe('utcMillis', () => {
  it('reads the form Go prints, quoted or bare, as Date.parse does', () => {
    // a spread of times over leap years, month ends and the day's edges
    let t = Date.UTC(1971, 0, 1);
    for (let i = 0; i < 5000; i++, t += 7_919_999_777) {
      const iso = new Date(t).toISOString();
      expect(read(iso)).toBe(t);
      expect(read(`"${iso}"`)).toBe(t);
      expect(read(iso.replace(/\.\d{3}Z$/, 'Z'))).toBe(Date.parse(iso.replace(/\.\d{3}Z$/, 'Z')));
    }
    expect(read('"2024-02-29T23:59:59.999Z"')).toBe(Date.parse('2024-02-29T23:59:59.999Z'));
  });

  it('leaves every other form to the general path', () => {
    for (const s of [
      '0001-01-01T00:00:00Z',
      '1970-01-01T00:00:00.000Z',
      '2025-02-29T10:00:00.000Z',
      '2025-04-31T10:00:00.000Z',
      '2025-13-01T10:00:00.000Z',
      '2025-00-01T10:00:00.000Z',
      '2025-01-00T10:00:00.000Z',
      '2025-01-01T24:00:00.000Z',
      '2025-01-01T10:60:00.000Z',
      '2025-01-01T10:00:60.000Z',
      '2025-01-01T10:00:00.12Z',
      '2025-01-01T10:00:00.1234Z',
      '2025-01-01T10:00:00.000+02:00',
      '2025-01-01 10:00:00.000Z',
      '2025-01-01T10:00:00,000Z',
      '2025-1-01T10:00:00.000Z',
      '"2025-01-01T10:00:00.000Z',
      '2025-01-01T10:00:00.0a0Z',
      '2x25-01-01T10:00:00.000Z',
      '',
      '"',
    ])
      expect(read(s), s).toBeUndefined();
  });
});
