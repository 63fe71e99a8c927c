// Keys the rendered cilium-config holds twice. The chart copies `extraConfig` into the ConfigMap
// verbatim, after its own keys: a key it already writes then appears twice. helm renders and applies
// that without a word, and the API server keeps the later value (extraConfig's), as parseManifest
// does; the summary should say so, and an enforced key overridden this way should be named as
// extraConfig's doing.
import { parseAllDocuments } from 'yaml';
import { ciliumConfigObject } from './cilium-config.js';
import type { ManifestObject } from './manifest.js';

const CILIUM_CONFIG = /^kind: ConfigMap$[\s\S]*^ {2}name: cilium-config$/m;
/** a key is printed at most this long: it comes from the user's values */
const MAX_KEY = 100;

/** The keys the cilium-config of a parsed manifest holds more than once, in order, cut for printing. */
export function repeatedConfigKeys(objects: ReadonlyMap<string, ManifestObject>, namespace: string): string[] {
  return [...new Set((ciliumConfigObject(objects, namespace)?.repeatedKeys ?? []).map((k) => k.slice(0, MAX_KEY)))];
}

/** The problem with the cilium-config document of a rendered manifest when it is not YAML at all. */
export function unreadableCiliumConfig(manifest: string): string | undefined {
  for (const doc of parseAllDocuments(manifest)) {
    const error = 'errors' in doc ? doc.errors.find((e) => e.code !== 'DUPLICATE_KEY') : undefined;
    if (error && CILIUM_CONFIG.test(manifest.slice(doc.range[0], doc.range[2])))
      return `it is not valid YAML (${error.message.split('\n')[0]})`;
  }
  return undefined;
}
