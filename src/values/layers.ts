// A values layer: one parsed YAML source (live release, a values file, the inline `values` input).
import { isMap, LineCounter, parseDocument } from 'yaml';

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
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
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
  return { ok: true, layer: { source, values: doc.toJS({ maxAliasCount: 100 }) as Values } };
}
