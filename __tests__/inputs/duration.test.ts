import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/inputs/duration.js';

describe('Go durations', () => {
  it.each([
    ['10m', 600_000],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['2m3.5s', 123_500],
    ['.5s', 500],
    ['24h', 86_400_000],
    ['1500us', 2],
  ])('%s is %d ms', (s, ms) => expect(parseDuration(s)).toEqual({ ok: true, ms }));

  it.each([
    ['600h', /600h is longer than the 24h maximum/],
    ['10 minutes', /is not a Go duration/],
    ['0s', /not a positive duration/],
    ['-5m', /not a positive duration/],
    ['10', /is not a Go duration/],
    ['1d', /is not a Go duration/],
    ['m', /is not a Go duration/],
    ['99999999999999999999h', /longer than/],
  ])('%s is refused', (s, want) => {
    const r = parseDuration(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(want);
  });
});
