// The recipe keeps working when the chart drops encryption.nodeEncryption (deprecated for 1.21 in
// cilium#47219, removal planned in cilium#47365): a copy of the real 1.20.0 chart with the key taken out
// of its values.yaml, its schema and its cilium-config template stands for that future chart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartPath, helm4, repoRoot } from '../setup/env.js';
import { errorOf, runAction } from '../helpers/action.js';

const baseValues = path.join(repoRoot, 'examples', 'byocni-release-values.yaml');
let dir = '';
let chart = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-chart-'));
  execFileSync('tar', ['xzf', chartPath('1.20.0'), '-C', dir]);
  chart = path.join(dir, 'cilium');
  const edit = (file: string, from: RegExp, to: string): void => {
    const p = path.join(chart, file);
    const text = readFileSync(p, 'utf8');
    if (!from.test(text)) throw new Error(`${file}: ${from} not found`);
    writeFileSync(p, text.replace(from, to));
  };
  edit('values.yaml', /^ {2}nodeEncryption: false\n/m, '');
  edit('templates/cilium-configmap.yaml', /^ *\{\{- if \.Values\.encryption\.nodeEncryption \}\}\n.*\n *\{\{- end \}\}\n/m, '');
  const schema = JSON.parse(readFileSync(path.join(chart, 'values.schema.json'), 'utf8'));
  delete schema.properties.encryption.properties.nodeEncryption;
  writeFileSync(path.join(chart, 'values.schema.json'), JSON.stringify(schema));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a chart without encryption.nodeEncryption', () => {
  it('previews native routing with WireGuard, leaves the key out and says why', async () => {
    const r = await runAction({ mode: 'preview', chart, 'cilium-version': '1.20.0', 'base-values': baseValues, 'helm-version': helm4() });
    expect(errorOf(r)).toBe('');
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'routing-mode': 'native', encryption: 'wireguard' });
    const values = parse(readFileSync(r.outputs['values-file']!, 'utf8'));
    expect(values.encryption).toEqual({ enabled: true, type: 'wireguard' });
    expect(r.summary).toContain(
      'encryption.nodeEncryption: not set: chart 1.20.0 has no encryption.nodeEncryption (deprecated in cilium#47219, removed by cilium#47365)',
    );
  });
});
