// The recipe keeps working when the chart drops encryption.nodeEncryption (deprecated for 1.21 in
// cilium#47219, removal planned in cilium#47365): a copy of the real 1.20.0 chart with the key taken out
// of its values.yaml, its schema and its cilium-config template stands for that future chart. And the
// chart's values.schema.json is read wherever the chart comes from (folder, .tgz, repository).
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { helm4, repoRoot } from '../setup/env.js';
import { errorOf, runAction } from '../helpers/action.js';
import { chartWithoutNodeEncryption, craftChart, type CraftedChart } from '../helpers/crafted-chart.js';

const baseValues = path.join(repoRoot, 'examples', 'byocni-release-values.yaml');
let crafted: CraftedChart;
let chart = '';

beforeAll(() => {
  crafted = chartWithoutNodeEncryption();
  chart = crafted.dir;
});
afterAll(() => crafted?.remove());

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

describe('a chart whose values.schema.json says more than its values.yaml', () => {
  const common = { mode: 'preview', 'base-values': baseValues, 'helm-version': helm4() };
  let schemaChart: CraftedChart;
  let tgz = '';
  let server: Server;
  let repo = '';
  beforeAll(async () => {
    // routingMode is an object to this chart's schema (its values.yaml still says native)
    schemaChart = craftChart('1.20.0');
    schemaChart.editSchema((s) => (s.properties.routingMode = { type: 'object', properties: {} }));
    const out = path.dirname(schemaChart.dir);
    execFileSync(helm4(), ['package', schemaChart.dir, '--destination', out]);
    tgz = path.join(out, 'cilium-1.20.0.tgz');
    execFileSync(helm4(), ['repo', 'index', out]);
    server = createServer((req, res) => {
      createReadStream(path.join(out, path.basename(req.url ?? '/')))
        .on('error', () => res.writeHead(404).end())
        .pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    repo = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    server?.close();
    schemaChart?.remove();
  });

  const refused =
    'The target chart\'s values.schema.json refuses values the recipe sets: chart 1.20.0: values.schema.json allows object at routingMode, not "native"';

  it('a folder, its .tgz and the same chart from a repository: the type is refused by name, before helm', async () => {
    const charts: Array<Record<string, string>> = [
      { chart: schemaChart.dir },
      { chart: tgz },
      { chart: 'cilium', 'chart-repository': repo },
    ];
    for (const chart of charts) {
      const r = await runAction({ ...common, ...chart, 'cilium-version': '1.20.0' });
      expect(r.code).not.toBe(0);
      expect(errorOf(r)).toContain(refused);
      // the action stopped before rendering: helm never refused the values itself
      expect(errorOf(r)).not.toMatch(/specifications of the schema/);
    }
  });

  it('a deprecation only the schema states is warned about', async () => {
    const dir = craftChart('1.20.0');
    try {
      dir.editSchema((s) => (s.properties.encryption!.properties.nodeEncryption!.deprecated = true));
      const r = await runAction({ ...common, chart: dir.dir, 'cilium-version': '1.20.0' });
      expect(errorOf(r)).toBe('');
      expect(r.summary).toMatch(/chart 1\.20\.0 marks encryption\.nodeEncryption deprecated \(values\.schema\.json: deprecated: true\)/);
    } finally {
      dir.remove();
    }
  });
});
