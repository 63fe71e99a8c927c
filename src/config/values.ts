// Inputs that shape the values: native-routing-cidr, values-files, values, and base-values.
import { readFileSync } from 'node:fs';
import type { Bad } from '../errors.js';
import { parseCidr } from '../values/cidr.js';
import { stripHelmValuesHeader } from '../values/helm-output.js';
import { parseValuesYaml, type ValuesLayer } from '../values/layers.js';
import { notUtf8 } from '../values/yaml-safety.js';
import { isFile, splitList, type Inputs } from './reader.js';

export interface ValuesInputs {
  nativeRoutingCidr: string | undefined;
  userLayers: ValuesLayer[];
  baseValues: ValuesLayer | undefined;
}

/** `mode`, `versionInput` and `localChartVersion` decide whether base-values may be used and rendered. */
export function parseValuesInputs(
  i: Inputs,
  mode: string | undefined,
  versionInput: string,
  localChartVersion: string | undefined,
): ValuesInputs {
  let nativeRoutingCidr: string | undefined;
  const cidrInput = i.get('native-routing-cidr');
  if (cidrInput) {
    const parsed = parseCidr(cidrInput);
    if (parsed.ok) nativeRoutingCidr = parsed.cidr;
    else i.bad('native-routing-cidr', parsed.problem, parsed.fix);
  }

  const userLayers: ValuesLayer[] = [];
  for (const file of splitList(i.read('values-files'))) {
    const layer = readValuesFile(i, 'values-files', file);
    if (layer) userLayers.push(layer);
  }
  const inlineValues = i.read('values');
  if (inlineValues.trim()) {
    const parsed = parseValuesYaml(inlineValues, 'values');
    if (parsed.ok) userLayers.push(parsed.layer);
    else i.bad('values', parsed.problem, parsed.fix);
  }
  const baseFile = i.get('base-values');
  const baseValues = baseFile ? readValuesFile(i, 'base-values', baseFile) : undefined;
  if (baseFile && mode !== undefined && mode !== 'preview') {
    i.bad('base-values', `only preview mode reads base-values, but mode is "${mode}"`, 'remove base-values, or set mode: preview');
  }
  if (baseFile && versionInput === 'installed' && !localChartVersion) {
    i.bad(
      'cilium-version',
      'is "installed", but with base-values there is no release to read the installed version from',
      'set cilium-version to the chart version to render, e.g. 1.18.6 (a local chart .tgz or directory carries its own)',
    );
  }
  return { nativeRoutingCidr, userLayers, baseValues };
}

function readValuesFile(i: Inputs, input: string, file: string): ValuesLayer | undefined {
  const bad: Bad = i.bad;
  const full = i.resolvePath(file);
  if (!isFile(full)) return bad(input, `${file} does not exist or is not a file`, 'check the path (relative paths start at the workspace)');
  const bytes = readFileSync(full);
  if (notUtf8(bytes)) return bad(input, `${file} is not valid UTF-8 text`, 'save the values file as UTF-8');
  const text = bytes.toString('utf8');
  // base-values is often `helm get values` output pasted as it is, header line included
  const parsed = parseValuesYaml(input === 'base-values' ? stripHelmValuesHeader(text) : text, `${input}: ${file}`);
  return parsed.ok ? parsed.layer : bad(input, `${file} ${parsed.problem}`, parsed.fix);
}
