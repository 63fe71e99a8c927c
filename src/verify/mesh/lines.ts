// The jsonpath reads scan their output line by line without splitting it: a fleet's agents print n²
// lines in all, and a line is judged from offsets into the text.

/** each(start, end) for every non-empty line, `end` excluding the newline; false as soon as one gives false. */
export function everyLine(text: string, each: (start: number, end: number) => boolean): boolean {
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (end > at && !each(at, end)) return false;
    at = end + 1;
  }
  return true;
}

export const ZERO = 48;
const NINE = 57;

export const isDigit = (c: number): boolean => c >= ZERO && c <= NINE;

const COLON = 58;

/** Where the `:` before the port is when text[from, to) ends in `:` and digits (host:port), else -1. */
export function portColon(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isDigit(text.charCodeAt(i - 1))) i--;
  return i < to && i > from && text.charCodeAt(i - 1) === COLON ? i - 1 : -1;
}
