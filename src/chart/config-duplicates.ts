// Keys the rendered cilium-config holds twice. The chart copies `extraConfig` into the ConfigMap
// verbatim, after its own keys: a key it already writes then appears twice. helm renders and applies
// that without a word, and the API server keeps the later value (extraConfig's), as the manifest
// parser does (manifest.ts); the summary should say so, and an enforced key overridden this way
// should be named as extraConfig's doing.
import { isScalar, parseAllDocuments, visit } from 'yaml';

const CILIUM_CONFIG = /^kind: ConfigMap$[\s\S]*^ {2}name: cilium-config$/m;
/** a key is printed at most this long: it comes from the user's values */
const MAX_KEY = 100;

/** The keys the cilium-config document of a rendered manifest holds more than once, in order. */
export function repeatedConfigKeys(manifest: string): string[] {
  const keys: string[] = [];
  for (const doc of parseAllDocuments(manifest)) {
    if (!('errors' in doc) || !CILIUM_CONFIG.test(manifest.slice(doc.range[0], doc.range[2]))) continue;
    for (const e of doc.errors) {
      if (e.code !== 'DUPLICATE_KEY') continue;
      // the repeated key is the one whose node starts where the error points
      visit(doc, {
        Pair(_, pair) {
          if (isScalar(pair.key) && pair.key.range?.[0] === e.pos[0]) keys.push(String(pair.key.value).slice(0, MAX_KEY));
        },
      });
    }
  }
  return [...new Set(keys)];
}

/** The problem with the cilium-config document of a rendered manifest when it is not YAML at all. */
export function unreadableCiliumConfig(manifest: string): string | undefined {
  for (const doc of parseAllDocuments(manifest, { uniqueKeys: false })) {
    if (!('errors' in doc) || doc.errors.length === 0) continue;
    if (CILIUM_CONFIG.test(manifest.slice(doc.range[0], doc.range[2])))
      return `it is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`;
  }
  return undefined;
}
