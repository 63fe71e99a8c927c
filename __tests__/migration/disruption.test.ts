import { describe, expect, it } from 'vitest';
import { longestFailureMs, pairDisruption, parseProbeLog } from '../../src/migration/disruption.js';

const T = 1_767_000_000_000;
const log = (entries: Array<[number, 'ok' | 'fail']>): string => entries.map(([d, r]) => `${T + d} ${r}`).join('\n');

describe('the continuous probe measurement', () => {
  it('parses the client log and ignores anything else', () => {
    const a = parseProbeLog(
      `${log([
        [0, 'ok'],
        [250, 'fail'],
      ])}\nsh: warning\n\n${T + 1500} ok\r\n`,
    );
    expect(a).toEqual([
      { at: T, ok: true },
      { at: T + 250, ok: false },
      { at: T + 1500, ok: true },
    ]);
  });

  it('measures the longest stretch from the first failure to the next success', () => {
    const a = parseProbeLog(
      log([
        [0, 'ok'],
        [250, 'fail'],
        [1500, 'fail'],
        [2750, 'ok'],
        [3000, 'fail'],
        [4250, 'ok'],
      ]),
    );
    expect(longestFailureMs(a, T, T + 5000)).toBe(2500);
    expect(pairDisruption('a', 'b', a, T, T + 5000)).toEqual({ client: 'a', server: 'b', attempts: 6, failures: 3, longestSeconds: 2.5 });
  });

  it('clips to the window: a failure still running at its end lasts until the end', () => {
    const a = parseProbeLog(
      log([
        [0, 'ok'],
        [250, 'fail'],
        [1500, 'ok'],
        [2000, 'fail'],
      ]),
    );
    expect(longestFailureMs(a, T + 1000, T + 3000)).toBe(1000);
    expect(longestFailureMs(a, T + 1600, T + 1900)).toBe(0);
  });

  it('no failures: zero', () => {
    expect(
      pairDisruption(
        'a',
        'b',
        parseProbeLog(
          log([
            [0, 'ok'],
            [250, 'ok'],
          ]),
        ),
        T,
        T + 1000,
      ).longestSeconds,
    ).toBe(0);
  });
});
