// Input defaults live in action.yml only: src/inputs/defaults.ts is generated from it (`npm run docs`,
// whose --check fails when it is stale), and the input reader gives that default for an empty input.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config.js';
import { Inputs } from '../../src/config/reader.js';
import { INPUT_DEFAULTS, type InputName } from '../../src/inputs/defaults.js';
import { repoRoot } from '../setup/env.js';

const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> };
const env = { GITHUB_WORKSPACE: repoRoot, RUNNER_TEMP: '/tmp/rt' };

describe('INPUT_DEFAULTS', () => {
  it("is action.yml's inputs with their defaults, an expression default being ''", () => {
    const expected = Object.fromEntries(
      Object.entries(action.inputs).map(([name, spec]) => {
        const d = spec.default === undefined ? '' : String(spec.default);
        return [name, d.startsWith('${{') ? '' : d];
      }),
    );
    expect(INPUT_DEFAULTS).toEqual(expected);
    // the non-empty defaults are really there (not a table of '' that would equal a broken parse)
    expect(INPUT_DEFAULTS).toMatchObject({ mode: 'apply', namespace: 'kube-system', timeout: '10m', 'github-token': '' });
  });
});

describe('an empty input', () => {
  it("reads as action.yml's default, blank or not given at all", () => {
    for (const blank of ['', '  ', '\n']) {
      const i = new Inputs(() => blank, env);
      for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) expect(i.get(name), name).toBe(INPUT_DEFAULTS[name]);
    }
    expect(new Inputs(() => ' drift ', env).get('mode')).toBe('drift');
  });

  it('parses to the same Config as every default given explicitly', () => {
    // checks is the exception: given as '' it is an input error (none is the opt-out), so it is given
    const given = parseConfig((name) => (name === 'checks' ? 'auto' : INPUT_DEFAULTS[name as InputName]), env);
    const empty = parseConfig((name) => (name === 'checks' ? 'auto' : ''), env);
    expect(empty).toEqual(given);
    expect(empty).toMatchObject({ mode: 'apply', release: 'cilium', namespace: 'kube-system', timeoutMs: 600_000, strategy: 'staged' });
    expect(empty.probeImage).toBe(action.inputs['probe-image'].default);
    expect(() => parseConfig(() => '', env)).toThrow(/^checks: is empty/);
  });
});
