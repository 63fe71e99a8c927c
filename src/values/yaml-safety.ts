// YAML that would mean something else to helm than to the checks is refused, with the key named:
// merge keys (`<<`: helm merges them, the values engine would not), tags that change a value's type
// (`!!binary`, `!!set`, custom tags), keys that are JavaScript object internals (`__proto__`), and
// inputs too large or alias-heavy to handle in bounded time.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

/** Largest values text accepted per source (helm's own release limit is about 1 MiB compressed). */
export const MAX_VALUES_BYTES = 1024 * 1024;
/** Most map entries and list items in one source. */
const MAX_VALUES_NODES = 50_000;

const SAFE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface YamlProblem {
  problem: string;
  fix: string;
}

/** The first construct helm would read differently (or that cannot be handled), if any. */
export function unsafeYaml(doc: Document): YamlProblem | undefined {
  let count = 0;
  const walk = (node: unknown, path: string[]): YamlProblem | undefined => {
    if (++count > MAX_VALUES_NODES) {
      return { problem: `has more than ${MAX_VALUES_NODES} keys and list items`, fix: 'split the values or remove unused keys' };
    }
    if (isAlias(node) || !node) return undefined;
    const n = node as Node;
    const where = path.length > 0 ? ` at ${path.join('.')}` : '';
    if (n.tag && !SAFE_TAGS.has(n.tag)) {
      return {
        problem: `uses the YAML tag ${printable(n.tag.replace('tag:yaml.org,2002:', '!!'))}${where}, which changes what the value means`,
        fix: 'remove the tag and write the value as plain YAML',
      };
    }
    if (isMap(n)) {
      // duplicates are found here, in one pass: the parser's own uniqueKeys check is quadratic
      const seen = new Set<string>();
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const at = [...path, key ?? '?'];
        if (key !== undefined) {
          if (seen.has(key))
            return { problem: `has the key ${printable(key)}${where} twice`, fix: 'keep one of them (YAML map keys must be unique)' };
          seen.add(key);
        }
        if (key === '<<') {
          return {
            problem: `uses the YAML merge key <<${where}, which helm resolves but the action's checks would not`,
            fix: 'write the merged keys out in full instead of << (and drop the anchor)',
          };
        }
        if (key !== undefined && FORBIDDEN_KEYS.has(key))
          return { problem: `has the key ${key}${where}`, fix: `remove ${key}: it is not a Cilium value` };
        const inner = walk(pair.key, at) ?? walk(pair.value, at);
        if (inner) return inner;
      }
    } else if (isSeq(n)) {
      for (const [i, item] of n.items.entries()) {
        const inner = walk(item, [...path, String(i)]);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return walk(doc.contents, []);
}

/** Bytes that are not UTF-8, refused instead of silently replaced. */
export function notUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

function printable(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}
