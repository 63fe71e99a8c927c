// Credentials in URL inputs are taken out at parse time and given to helm as flags.
import { describe, expect, it } from 'vitest';
import { chartArgs } from '../../src/chart/chart-ref.js';
import { parseConfig } from '../../src/config.js';

// checks has a default in action.yml, which the runner always passes
const read =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    ({ checks: 'auto', ...inputs })[name] ?? '';

describe('URL credentials', () => {
  it('chart-repository: stripped from the URL, passed as --username/--password, registered as secrets', () => {
    const c = parseConfig(read({ 'chart-repository': 'https://bob:s3cr%40t@charts.example.com/cilium/' }), { RUNNER_TEMP: '/tmp' });
    expect(c.chart).toEqual({
      kind: 'repo',
      name: 'cilium',
      repository: 'https://charts.example.com/cilium',
      username: 'bob',
      password: 's3cr@t',
    });
    expect(c.inputSecrets).toEqual(expect.arrayContaining(['s3cr%40t', 's3cr@t', 'bob:s3cr%40t']));
    expect(chartArgs(c.chart, '1.18.6')).toEqual([
      'cilium',
      '--repo',
      'https://charts.example.com/cilium',
      '--username',
      'bob',
      '--password',
      's3cr@t',
      '--version',
      '1.18.6',
    ]);
  });

  it('mirrors keep their credentials for Basic auth, but they are registered as secrets', () => {
    const c = parseConfig(
      read({
        'helm-mirror': 'https://ghp_abcdefghijklmnopqrstuvwxyz0123@mirror.example.com',
        'cilium-cli-mirror': 'https://u:pw9876@m.example.com',
      }),
      { RUNNER_TEMP: '/tmp' },
    );
    expect(c.inputSecrets).toEqual(expect.arrayContaining(['ghp_abcdefghijklmnopqrstuvwxyz0123', 'pw9876', 'u:pw9876']));
  });

  it('no credentials, no secrets', () => {
    expect(parseConfig(read({}), { RUNNER_TEMP: '/tmp' }).inputSecrets).toEqual([]);
  });
});
