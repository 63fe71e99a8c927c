// A time as Go prints a strfmt.DateTime in UTC (`2025-04-24T11:13:49.102Z`, quoted in JSON), read
// digit by digit: a fleet's agents print n² WireGuard handshake times, and the regular expression
// with Date.parse after it was the larger part of reading a peer. Any other form (an offset, more
// digits, an impossible date, Go's zero time) is left to the general path.
import { ZERO } from './lines.js';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// the separators of 2025-04-24T11:13:49.102Z, and the quotes around it
const [QUOTE, DASH, DOT, COLON, T, Z] = [...'"-.:TZ'].map((ch) => ch.charCodeAt(0)) as [number, number, number, number, number, number];

/** two digits at i, or -1 */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - ZERO;
  const b = text.charCodeAt(i + 1) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** epoch ms of text[from, to) in that form after 1970, the same as Date.parse gives; else undefined */
export function utcMillis(text: string, from: number, to: number): number | undefined {
  if (text.charCodeAt(from) === QUOTE && text.charCodeAt(to - 1) === QUOTE && to - from > 1) {
    from++;
    to--;
  }
  const len = to - from;
  if (len !== 20 && len !== 24) return undefined;
  // (no closure over from: it would keep this function from being optimised)
  if (
    text.charCodeAt(from + 4) !== DASH ||
    text.charCodeAt(from + 7) !== DASH ||
    text.charCodeAt(from + 10) !== T ||
    text.charCodeAt(from + 13) !== COLON ||
    text.charCodeAt(from + 16) !== COLON ||
    text.charCodeAt(to - 1) !== Z
  )
    return undefined;
  const hi = twoDigits(text, from);
  const lo = twoDigits(text, from + 2);
  const month = twoDigits(text, from + 5);
  const day = twoDigits(text, from + 8);
  const hour = twoDigits(text, from + 11);
  const minute = twoDigits(text, from + 14);
  const second = twoDigits(text, from + 17);
  let ms = 0;
  if (len === 24) {
    const m = twoDigits(text, from + 20);
    const last = text.charCodeAt(from + 22) - ZERO;
    if (text.charCodeAt(from + 19) !== DOT || m < 0 || last < 0 || last > 9) return undefined;
    ms = m * 10 + last;
  }
  if (hi < 0 || lo < 0) return undefined;
  const year = hi * 100 + lo;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
  if (year <= 1970 || day < 1 || day > days || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}
