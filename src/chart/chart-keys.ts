// What a chart says about its keys: which exist, and which its helm-docs comments
// (`# -- … (deprecated: please use X)`) mark deprecated, with the replacement they name; read from
// its values.yaml and, where the chart has one, its values.schema.json (see chart-schema.ts). Pure.
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { formatPath, type KeyPath } from '../values/paths.js';
import { replacementIn, type Deprecation, type SchemaKeys } from './chart-schema.js';

export interface ChartKeys {
  /** values.yaml or the schema has the key */
  has(path: KeyPath): boolean;
  deprecation(path: KeyPath): Deprecation | undefined;
  /** why the chart's schema refuses value at path; undefined when it allows it or there is no schema */
  typeProblem(path: KeyPath, value: unknown): string | undefined;
}

const DEPRECATED = /deprecated/i;

export function chartKeys(valuesYaml: string, schema?: SchemaKeys): ChartKeys {
  const keys = new Set<string>();
  const deprecations = new Map<string, Deprecation>();
  const walk = (map: YAMLMap, prefix: string[]): void => {
    map.items.forEach((pair, i) => {
      if (!isScalar(pair.key)) return;
      const path = [...prefix, String(pair.key.value)];
      const name = formatPath(path);
      keys.add(name);
      // helm-docs comments sit before the key; the yaml parser hangs the first item's on the map
      const comment = pair.key.commentBefore ?? (i === 0 ? map.commentBefore : undefined);
      if (comment && DEPRECATED.test(comment)) {
        const line = comment
          .split('\n')
          .find((l) => DEPRECATED.test(l))!
          .replace(/^\s*--\s*/, '')
          .trim();
        const replacement = replacementIn(line);
        deprecations.set(name, replacement ? { text: line, replacement } : { text: line });
      }
      if (isMap(pair.value)) walk(pair.value, path);
    });
  };
  const doc = parseDocument(valuesYaml);
  if (isMap(doc.contents)) walk(doc.contents, []);
  return {
    has: (path) => keys.has(formatPath(path)) || (schema?.has(path) ?? false),
    deprecation: (path) => deprecations.get(formatPath(path)) ?? schema?.deprecation(path),
    typeProblem: (path, value) => schema?.typeProblem(path, value),
  };
}
