// The values engine: live values → values-files → values → enforced keys, checked.
// Pure: the same function serves preview, apply and drift.
import type { Profile } from '../bgp/inputs.js';
import { InputError, type InputProblem } from '../errors.js';
import { diffValues, type Reason, type ValueChange } from './changes.js';
import { checkConsistency } from './consistency.js';
import { enforcedConflicts, enforcedKeys } from './enforced.js';
import type { Values, ValuesLayer } from './layers.js';
import { mergeValues } from './merge.js';
import { resolveNativeCidr } from './native-cidr.js';
import { deletePath, setPath } from './paths.js';

export interface DesiredInput {
  /** the live release's user-supplied values (or base-values in a cluster-less preview) */
  live: Values;
  /** values-files in order, then values */
  userLayers: readonly ValuesLayer[];
  /** the native-routing-cidr input (canonical), if given */
  nativeRoutingCidr: string | undefined;
  /** which recipe is enforced (default wireguard) */
  profile?: Profile;
}

export interface Desired {
  values: Values;
  cidr: string;
  /** where the CIDR came from: the input, a values layer, or the IPAM pool key */
  cidrSource: string;
  podCidrs: string[];
  changes: ValueChange[];
  notes: string[];
}

/** @throws InputError listing every problem */
export function buildDesired(input: DesiredInput): Desired {
  const problems: InputProblem[] = [];
  let merged: Values = structuredClone(input.live);
  for (const layer of input.userLayers) merged = mergeValues(merged, layer.values);

  problems.push(...enforcedConflicts(input.userLayers, input.nativeRoutingCidr, input.profile));
  const native = resolveNativeCidr(merged, input.nativeRoutingCidr, input.userLayers);
  if (!native.ok) problems.push(...native.problems);
  const consistency = checkConsistency(merged, input.live, input.nativeRoutingCidr !== undefined);
  problems.push(...consistency.problems);
  if (problems.length > 0 || !native.ok) throw new InputError(problems);

  const reasons: Reason[] = [];
  for (const r of consistency.removals) {
    deletePath(merged, r.path);
    reasons.push({ path: r.path, source: 'enforced', why: r.why });
  }
  for (const key of enforcedKeys(native.cidr, input.profile)) {
    setPath(merged, key.path, key.value);
    reasons.push({ path: key.path, source: 'enforced', why: key.why });
  }

  return {
    values: merged,
    cidr: native.cidr,
    cidrSource: native.source,
    podCidrs: native.podCidrs,
    changes: diffValues(input.live, merged, input.userLayers, reasons),
    notes: consistency.notes,
  };
}
