// The recipe follows the chart's values.schema.json as well as its values.yaml: on the schemas of the
// three real charts (read from their archives, in process), and on crafted charts whose schema says
// more than their values.yaml (a key only the schema names, `deprecated: true`, a type the recipe's
// value does not have, $ref and anyOf, a hostile schema).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readChartFile } from '../../src/chart/chart-archive.js';
import { chartKeys } from '../../src/chart/chart-keys.js';
import { schemaKeys } from '../../src/chart/chart-schema.js';
import { enforcedKeys } from '../../src/values/enforced.js';
import type { Values } from '../../src/values/layers.js';
import { followChart } from '../../src/values/follow-chart.js';
import { setPath } from '../../src/values/paths.js';
import { CHART_VERSIONS, chartPath } from '../setup/env.js';
import type { JsonSchema } from '../helpers/crafted-chart.js';
import { tarGz } from '../helpers/tar.js';

const MiB = 1024 * 1024;
const real = (v: string, file: string): string => readChartFile(chartPath(v), file, 4 * MiB)!;

/** The recipe's values: every enforced key at its value. */
function recipe(): Values {
  const v: Values = {};
  for (const k of enforcedKeys('100.64.0.0/10')) setPath(v, k.path, k.value);
  return v;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cnra-schema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the real charts', () => {
  it.each(CHART_VERSIONS)(
    '%s: its schema has the recipe keys, allows the recipe values and refuses a string where it wants a boolean',
    (v) => {
      const schema = schemaKeys(real(v, 'values.schema.json'));
      expect(schema.has(['encryption', 'nodeEncryption'])).toBe(true);
      expect(schema.has(['encryption', 'strictMode', 'egress', 'enabled'])).toBe(v !== '1.18.6');
      expect(schema.has(['encryption', 'noSuchKey'])).toBe(false);
      expect(schema.typeProblem(['encryption', 'nodeEncryption'], true)).toBeUndefined();
      expect(schema.typeProblem(['encryption', 'nodeEncryption'], 'true')).toBe(
        'values.schema.json allows boolean at encryption.nodeEncryption, not "true"',
      );
      expect(schema.typeProblem(['routingMode'], 'native')).toBeUndefined();
      // the schema says nothing of a key it does not name
      expect(schema.typeProblem(['noSuchKey'], 1)).toBeUndefined();
      const r = followChart(recipe(), { chart: chartKeys(real(v, 'values.yaml'), schema), chartVersion: v, cidrFromPool: false });
      expect(r.typeProblems).toEqual([]);
      expect(r.nodeEncryption).toBe(true);
    },
  );

  it('1.20.0: enums and nullable types are read as such', () => {
    const schema = schemaKeys(real('1.20.0', 'values.schema.json'));
    expect(schema.typeProblem(['encryption', 'ztunnel', 'ca', 'type'], 'internal')).toBeUndefined();
    expect(schema.typeProblem(['encryption', 'ztunnel', 'ca', 'type'], 'vault')).toBe(
      'values.schema.json allows "spire" or "internal" at encryption.ztunnel.ca.type, not "vault"',
    );
    expect(schema.typeProblem(['encryption', 'ztunnel', 'priorityClassName'], null)).toBeUndefined();
    expect(schema.typeProblem(['encryption', 'ztunnel', 'priorityClassName'], 5)).toMatch(/allows null or string/);
  });
});

/** 1.20.0's values.yaml and schema with the schema changed by edit. */
function crafted(edit: (schema: JsonSchema) => void, valuesYaml = real('1.20.0', 'values.yaml')) {
  const schema = JSON.parse(real('1.20.0', 'values.schema.json')) as JsonSchema;
  edit(schema);
  return chartKeys(valuesYaml, schemaKeys(JSON.stringify(schema)));
}

describe('a crafted chart whose schema differs from its values.yaml', () => {
  it('a key only the schema names is present: the recipe sets it', () => {
    const withoutKey = real('1.20.0', 'values.yaml').replace(/^ {2}nodeEncryption: false\n/m, '');
    expect(chartKeys(withoutKey).has(['encryption', 'nodeEncryption'])).toBe(false);
    const keys = crafted(() => undefined, withoutKey);
    const r = followChart(recipe(), { chart: keys, chartVersion: '1.21.0', cidrFromPool: false });
    expect(r.values).toMatchObject({ encryption: { nodeEncryption: true } });
    expect(r.nodeEncryption).toBe(true);
    expect(r.notRequired).toEqual([]);
  });

  it('deprecated: true, or a description that says so, warns with the replacement it names', () => {
    const keys = crafted((s) => {
      s.properties.encryption!.properties.nodeEncryption!.deprecated = true;
      s.properties.encryption!.properties.nodeEncryption!.description =
        'Deprecated in 1.21, use encryption.wireguard.hostEncryption instead.';
      s.properties.encryption!.properties.type!.description = 'Encryption method (deprecated).';
    });
    const r = followChart(recipe(), { chart: keys, chartVersion: '1.21.0', cidrFromPool: false });
    expect(r.warnings).toEqual([
      'chart 1.21.0 marks encryption.type deprecated (values.schema.json: Encryption method (deprecated).). The action still sets it while the chart has it.',
      'chart 1.21.0 marks encryption.nodeEncryption deprecated; its replacement is encryption.wireguard.hostEncryption (values.schema.json: Deprecated in 1.21, use encryption.wireguard.hostEncryption instead.). The action still sets it while the chart has it.',
    ]);
    const bare = crafted((s) => (s.properties.routingMode!.deprecated = true));
    expect(bare.deprecation(['routingMode'])).toEqual({ text: 'values.schema.json: deprecated: true' });
  });

  it("profile bgp is checked against its own keys: WireGuard's deprecated keys neither warn nor drop", () => {
    const keys = crafted((s) => {
      s.properties.encryption!.properties.nodeEncryption!.deprecated = true;
      s.properties.routingMode!.deprecated = true;
    });
    const values: Values = {};
    for (const k of enforcedKeys('100.64.0.0/10', 'bgp')) setPath(values, k.path, k.value);
    const r = followChart(values, { chart: keys, chartVersion: '1.21.0', cidrFromPool: false, profile: 'bgp' });
    expect(r.warnings).toEqual([
      'chart 1.21.0 marks routingMode deprecated (values.schema.json: deprecated: true). The action still sets it while the chart has it.',
    ]);
    expect(r.adjustments.filter((a) => a.chartLacks)).toEqual([]);
    // under wireguard the same chart warns about node encryption as well
    const wg = followChart(recipe(), { chart: keys, chartVersion: '1.21.0', cidrFromPool: false });
    expect(wg.warnings.some((w) => w.includes('encryption.nodeEncryption'))).toBe(true);
  });

  it('a recipe value the schema refuses is a problem named before helm; an optional one is left out with a warning', () => {
    const keys = crafted((s) => {
      s.properties.routingMode = { type: 'object', properties: {} };
      s.properties.encryption!.properties.nodeEncryption = { enum: ['off', 'wireguard'], properties: {} };
      s.properties.configDriftDetection!.properties.enabled = { type: 'string', properties: {} };
    });
    const r = followChart(recipe(), { chart: keys, chartVersion: '1.21.0', cidrFromPool: false });
    expect(r.typeProblems).toEqual([
      'chart 1.21.0: values.schema.json allows object at routingMode, not "native"',
      'chart 1.21.0: values.schema.json allows "off" or "wireguard" at encryption.nodeEncryption, not true',
    ]);
    expect(r.warnings).toEqual([
      'chart 1.21.0: values.schema.json allows string at configDriftDetection.enabled, not true; the action leaves configDriftDetection.enabled unset',
    ]);
    expect(r.values).not.toHaveProperty('configDriftDetection.enabled');
    expect(r.values).toMatchObject({ configDriftDetection: { driftChecker: true } });
  });

  it('a strict-mode value the user gave in the old spelling is checked where it is moved to', () => {
    const values = {
      ...recipe(),
      encryption: { ...(recipe().encryption as Values), strictMode: { enabled: 'yes', cidr: '100.64.0.0/10' } },
    };
    const r = followChart(values, { chart: crafted(() => undefined), chartVersion: '1.20.0', cidrFromPool: false });
    expect(r.values).toMatchObject({ encryption: { strictMode: { egress: { enabled: 'yes' } } } });
    expect(r.typeProblems).toEqual(['chart 1.20.0: values.schema.json allows boolean at encryption.strictMode.egress.enabled, not "yes"']);
  });

  it('$ref, allOf and anyOf are followed; a type any branch allows passes', () => {
    const schema = schemaKeys(
      JSON.stringify({
        $defs: { enc: { type: 'object', properties: { nodeEncryption: { anyOf: [{ type: 'boolean' }, { const: 'auto' }] } } } },
        properties: {
          encryption: { allOf: [{ $ref: '#/$defs/enc' }] },
          routingMode: { $ref: '#/$defs/mode' },
        },
      }),
    );
    expect(schema.has(['encryption', 'nodeEncryption'])).toBe(true);
    expect(schema.typeProblem(['encryption', 'nodeEncryption'], true)).toBeUndefined();
    expect(schema.typeProblem(['encryption', 'nodeEncryption'], 'auto')).toBeUndefined();
    expect(schema.typeProblem(['encryption', 'nodeEncryption'], 'on')).toBe(
      'values.schema.json allows boolean or "auto" at encryption.nodeEncryption, not "on"',
    );
    // a $ref that leads nowhere says nothing
    expect(schema.typeProblem(['routingMode'], 'native')).toBeUndefined();
  });

  it('a hostile schema: not JSON or not an object is refused; remote and looping $refs end', () => {
    expect(() => schemaKeys('{')).toThrow();
    expect(() => schemaKeys('[]')).toThrow(/not a JSON object/);
    const loop = schemaKeys(
      JSON.stringify({
        $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a', properties: { x: { type: 'boolean' } } } },
        properties: { k: { $ref: '#/$defs/a' }, r: { $ref: 'https://example.invalid/schema.json' }, __proto__: { type: 'string' } },
      }),
    );
    expect(loop.has(['k', 'x'])).toBe(true);
    expect(loop.typeProblem(['k', 'x'], 'no')).toMatch(/allows boolean/);
    expect(loop.typeProblem(['r'], 1)).toBeUndefined();
    expect(loop.has(['toString'])).toBe(false);
    expect(loop.has(['constructor'])).toBe(false);
  });
});

describe('reading a chart file', () => {
  const files = { 'mychart/Chart.yaml': 'name: mychart\nversion: 0.1.0\n', 'mychart/values.schema.json': '{"properties":{}}' };

  it('reads the same text from a folder and from a .tgz; a chart without the file has none', () => {
    const dir = path.join(tmp, 'mychart');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'Chart.yaml'), files['mychart/Chart.yaml']);
    writeFileSync(path.join(dir, 'values.schema.json'), files['mychart/values.schema.json']);
    const tgz = path.join(tmp, 'mychart-0.1.0.tgz');
    writeFileSync(tgz, tarGz(files));
    expect(readChartFile(dir, 'values.schema.json', MiB)).toBe('{"properties":{}}');
    expect(readChartFile(tgz, 'values.schema.json', MiB)).toBe('{"properties":{}}');
    expect(readChartFile(dir, 'README.md', MiB)).toBeUndefined();
    expect(readChartFile(tgz, 'README.md', MiB)).toBeUndefined();
    // a file of a subchart is not the chart's own
    writeFileSync(tgz, tarGz({ 'mychart/charts/sub/values.schema.json': '{}' }));
    expect(readChartFile(tgz, 'values.schema.json', MiB)).toBeUndefined();
  });

  it('refuses a file past the bound, and an archive that inflates past it', () => {
    const tgz = path.join(tmp, 'big.tgz');
    writeFileSync(tgz, tarGz({ 'big/values.schema.json': ' '.repeat(2048) }));
    expect(() => readChartFile(tgz, 'values.schema.json', 1024)).toThrow(/2048 bytes, more than the 1024 accepted/);
    writeFileSync(tgz, tarGz({ 'big/huge.bin': Buffer.alloc(65 * MiB) }));
    expect(() => readChartFile(tgz, 'values.schema.json', MiB)).toThrow(/buffer|length|larger/i);
  });
});
