// A values layer: one parsed YAML source (live release, a values file, the inline `values` input).
import { isMap, LineCounter, parseDocument } from 'yaml';
import { MAX_VALUES_BYTES, unsafeYaml } from './yaml-safety.js';

export type Values = Record<string, unknown>;

export interface ValuesLayer {
  /** where it came from, as shown to users: `live release`, `values-files: a.yaml`, `values` */
  source: string;
  values: Values;
}

export type ParseResult = { ok: true; layer: ValuesLayer } | { ok: false; problem: string; fix: string };

/**
 * Parses YAML into a plain object, keeping types as written (`true` stays a boolean, `"443"` a string).
 * Errors carry the line and column so the user can find them.
 */
export function parseValuesYaml(text: string, source: string): ParseResult {
  if (text.length > MAX_VALUES_BYTES) {
    return {
      ok: false,
      problem: `is larger than ${MAX_VALUES_BYTES / 1024} KiB`,
      fix: 'give only the values you change; helm keeps the chart defaults',
    };
  }
  if (text.includes('\ufffd')) {
    return { ok: false, problem: 'is not valid UTF-8 text', fix: 'save the values as UTF-8' };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, lineCounter: lines });
  const err = doc.errors[0];
  if (err) {
    const pos = lines.linePos(err.pos[0]);
    const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
    return {
      ok: false,
      problem: `is not valid YAML${where}: ${err.message.split('\n')[0]}`,
      fix: 'correct the YAML (indent with spaces; quote values containing ": " or "#")',
    };
  }
  if (doc.contents === null) return { ok: true, layer: { source, values: {} } };
  if (!isMap(doc.contents)) {
    return { ok: false, problem: 'is YAML but not a map of values', fix: 'give Helm values as a YAML map, e.g. "cluster:\\n  name: prod"' };
  }
  const unsafe = unsafeYaml(doc);
  if (unsafe) return { ok: false, ...unsafe };
  try {
    return { ok: true, layer: { source, values: doc.toJS({ maxAliasCount: 100 }) as Values } };
  } catch (e) {
    // the yaml library's "Excessive alias count" (a billion-laughs document)
    return {
      ok: false,
      problem: `uses anchors and aliases that expand too far (${(e as Error).message.split('\n')[0]})`,
      fix: 'write the values out without anchors (&) and aliases (*)',
    };
  }
}
