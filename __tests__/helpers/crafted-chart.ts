// A copy of a real chart, unpacked in a temporary folder and edited, standing for a chart that does not
// exist yet (e.g. the chart after cilium#47365 removes encryption.nodeEncryption).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chartPath } from '../setup/env.js';

/** A values.schema.json as tests edit it: nested `properties`, anything else unchecked. */
export interface JsonSchema {
  properties: Record<string, JsonSchema>;
  [k: string]: unknown;
}

export interface CraftedChart {
  /** the chart folder (`<tmp>/cilium`) */
  dir: string;
  /** replaces from (which must match) in a file of the chart */
  edit(file: string, from: RegExp, to: string): void;
  /** changes the parsed values.schema.json */
  editSchema(change: (schema: JsonSchema) => void): void;
  remove(): void;
}

export function craftChart(version: string): CraftedChart {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cnra-chart-'));
  execFileSync('tar', ['xzf', chartPath(version), '-C', tmp]);
  const dir = path.join(tmp, 'cilium');
  return {
    dir,
    edit(file, from, to) {
      const p = path.join(dir, file);
      const text = readFileSync(p, 'utf8');
      if (!from.test(text)) throw new Error(`${file}: ${from} not found`);
      writeFileSync(p, text.replace(from, to));
    },
    editSchema(change) {
      const p = path.join(dir, 'values.schema.json');
      const schema = JSON.parse(readFileSync(p, 'utf8')) as JsonSchema;
      change(schema);
      writeFileSync(p, JSON.stringify(schema));
    },
    remove: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

/** The 1.20.0 chart without encryption.nodeEncryption: not in its values.yaml, schema or cilium-config template. */
export function chartWithoutNodeEncryption(): CraftedChart {
  const c = craftChart('1.20.0');
  c.edit('values.yaml', /^ {2}nodeEncryption: false\n/m, '');
  c.edit('templates/cilium-configmap.yaml', /^ *\{\{- if \.Values\.encryption\.nodeEncryption \}\}\n.*\n *\{\{- end \}\}\n/m, '');
  c.editSchema((s) => delete s.properties.encryption!.properties.nodeEncryption);
  return c;
}
