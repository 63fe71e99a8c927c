// Helm's precedence rules: maps merge deeply, lists and scalars replace, and an explicit null
// removes the key (as `helm upgrade -f` does). Inputs are never mutated.
import type { Values } from './layers.js';
import { isPlainObject } from './paths.js';

export function mergeValues(base: Values, over: Values): Values {
  const out: Values = structuredClone(base);
  for (const [k, v] of Object.entries(over)) {
    if (v === null) {
      delete out[k];
    } else if (isPlainObject(v) && isPlainObject(out[k])) {
      out[k] = mergeValues(out[k] as Values, v);
    } else {
      out[k] = structuredClone(stripNulls(v));
    }
  }
  return out;
}

function stripNulls(v: unknown): unknown {
  if (!isPlainObject(v)) return v;
  const out: Values = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = stripNulls(x);
  return out;
}
