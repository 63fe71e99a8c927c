// What a chart's own values.yaml says about its keys: which exist, and which its helm-docs comments
// (`# -- … (deprecated: please use X)`) mark deprecated, with the replacement they name. Pure.
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { formatPath, type KeyPath } from '../values/paths.js';

interface Deprecation {
  /** the comment's words */
  text: string;
  /** the key it names as the replacement, when it names one */
  replacement?: string;
}

export interface ChartKeys {
  has(path: KeyPath): boolean;
  deprecation(path: KeyPath): Deprecation | undefined;
}

const DEPRECATED = /deprecated/i;
const REPLACEMENT = /(?:please use|use|replaced by|in favou?r of)\s+`?([A-Za-z][\w.]*[\w])`?/i;

export function chartKeys(valuesYaml: string): ChartKeys {
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
        const dep: Deprecation = { text: line };
        const m = REPLACEMENT.exec(line.slice(line.search(DEPRECATED)));
        if (m) dep.replacement = m[1];
        deprecations.set(name, dep);
      }
      if (isMap(pair.value)) walk(pair.value, path);
    });
  };
  const doc = parseDocument(valuesYaml);
  if (isMap(doc.contents)) walk(doc.contents, []);
  return {
    has: (path) => keys.has(formatPath(path)),
    deprecation: (path) => deprecations.get(formatPath(path)),
  };
}
