// Why a rendered cilium-config cannot be read. The chart copies `extraConfig` into the ConfigMap
// verbatim, after its own keys: a key it already writes then appears twice, which helm renders
// without a word but which YAML (and the API server's decoder) refuses. Said plainly, naming the key,
// instead of "the chart has no cilium-config".
import { isScalar, parseAllDocuments, visit } from 'yaml';

const CILIUM_CONFIG = /^kind: ConfigMap$[\s\S]*^ {2}name: cilium-config$/m;
/** a key is printed at most this long: it comes from the user's values */
const MAX_KEY = 100;

/** The problem with the cilium-config document of a rendered manifest, or undefined when it reads. */
export function unreadableCiliumConfig(manifest: string): string | undefined {
  for (const doc of parseAllDocuments(manifest)) {
    if (!('errors' in doc) || doc.errors.length === 0) continue;
    if (!CILIUM_CONFIG.test(manifest.slice(doc.range[0], doc.range[2]))) continue;
    const e = doc.errors[0]!;
    if (e.code === 'DUPLICATE_KEY') {
      // the repeated key is the one whose node starts where the error points
      let key = '?';
      visit(doc, {
        Pair(_, pair) {
          if (isScalar(pair.key) && pair.key.range?.[0] === e.pos[0]) key = String(pair.key.value);
        },
      });
      return `the key ${JSON.stringify(key.slice(0, MAX_KEY))} appears twice in it`;
    }
    return `it is not valid YAML (${e.message.split('\n')[0]})`;
  }
  return undefined;
}
