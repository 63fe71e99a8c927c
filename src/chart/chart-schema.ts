// What a chart's values.schema.json says about a key: whether it names it, whether it marks it
// deprecated (`deprecated: true`, or a description that says so, with the replacement it names), and
// which JSON types and values it allows there. Pure. The schema is untrusted: `$ref` is followed only
// inside the document and only so deep, patternProperties (regular expressions from the chart) are
// not evaluated, and anything this reader does not understand is read as "no objection" (helm itself
// validates the full schema when it renders).
import { formatPath, isPlainObject, type KeyPath } from '../values/paths.js';

export interface Deprecation {
  /** the words that say so */
  text: string;
  /** the key it names as the replacement, when it names one */
  replacement?: string;
}

export interface SchemaKeys {
  /** the schema names the key (properties all the way down) */
  has(path: KeyPath): boolean;
  deprecation(path: KeyPath): Deprecation | undefined;
  /** what the schema allows at path, in words, when value is not allowed there; undefined when it is (or the schema does not say) */
  typeProblem(path: KeyPath, value: unknown): string | undefined;
}

type Node = Record<string, unknown>;

/** $ref hops and allOf/anyOf/oneOf branches followed from one node. */
const MAX_EXPAND = 64;
const MAX_REF_DEPTH = 16;

const DEPRECATED = /deprecated/i;
const REPLACEMENT = /(?:please use|use|replaced by|in favou?r of)\s+`?([A-Za-z][\w.]*[\w])`?/i;

/** The replacement a deprecation note names ("deprecated: please use X"), if any. */
export function replacementIn(text: string): string | undefined {
  const at = text.search(DEPRECATED);
  return REPLACEMENT.exec(at >= 0 ? text.slice(at) : text)?.[1];
}

/** @throws when the text is not a JSON object */
export function schemaKeys(json: string): SchemaKeys {
  const root: unknown = JSON.parse(json);
  if (!isPlainObject(root)) throw new Error('values.schema.json is not a JSON object');
  return new Schema(root);
}

class Schema implements SchemaKeys {
  constructor(private readonly root: Node) {}

  has(path: KeyPath): boolean {
    return this.at(path).length > 0;
  }

  deprecation(path: KeyPath): Deprecation | undefined {
    for (const n of this.at(path).flatMap((x) => this.expand(x))) {
      const description = typeof n.description === 'string' ? n.description.trim() : '';
      if (n.deprecated !== true && !DEPRECATED.test(description)) continue;
      const text = description ? `values.schema.json: ${description.split('\n')[0]!}` : 'values.schema.json: deprecated: true';
      const replacement = replacementIn(description);
      return replacement ? { text, replacement } : { text };
    }
    return undefined;
  }

  typeProblem(path: KeyPath, value: unknown): string | undefined {
    const nodes = this.at(path);
    if (nodes.length === 0 || nodes.some((n) => this.allows(n, value, 0))) return undefined;
    const allowed = nodes.map((n) => describe(n, (x) => this.expand(x))).join(' or ');
    return `values.schema.json allows ${allowed} at ${formatPath(path)}, not ${JSON.stringify(value)}`;
  }

  /** A local $ref's target; a remote one is never fetched and says nothing here. */
  private resolve(ref: string): Node | undefined {
    if (!ref.startsWith('#')) return undefined;
    let node: unknown = this.root;
    for (const raw of ref
      .slice(1)
      .split('/')
      .filter((s) => s !== '')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isPlainObject(node) || !Object.hasOwn(node, key)) return undefined;
      node = node[key];
    }
    return isPlainObject(node) ? node : undefined;
  }

  /** The node and every node it stands for through $ref and allOf/anyOf/oneOf (alternatives as a union). */
  private expand(node: Node): Node[] {
    const out: Node[] = [];
    const visit = (n: Node, depth: number): void => {
      if (out.length >= MAX_EXPAND || depth > MAX_REF_DEPTH || out.includes(n)) return;
      out.push(n);
      if (typeof n.$ref === 'string') {
        const target = this.resolve(n.$ref);
        if (target) visit(target, depth + 1);
      }
      for (const k of ['allOf', 'anyOf', 'oneOf']) {
        const list = n[k];
        if (Array.isArray(list)) for (const b of list) if (isPlainObject(b)) visit(b, depth + 1);
      }
    };
    visit(node, 0);
    return out;
  }

  /** The schema nodes that describe the key at path (empty when the schema does not name it). */
  private at(path: KeyPath): Node[] {
    let nodes = [this.root];
    for (const key of path) {
      nodes = nodes
        .flatMap((n) => this.expand(n))
        .map((n) => (isPlainObject(n.properties) && Object.hasOwn(n.properties, key) ? n.properties[key] : undefined))
        .filter(isPlainObject);
      if (nodes.length === 0) return [];
    }
    return nodes;
  }

  /** Whether the node allows value: type, enum and const, through $ref and allOf (all) / anyOf, oneOf (any). */
  private allows(n: Node, value: unknown, depth: number): boolean {
    if (depth > MAX_REF_DEPTH) return true;
    if (!typeAllows(n.type, value)) return false;
    if (Array.isArray(n.enum) && !n.enum.some((e) => sameValue(e, value))) return false;
    if (Object.hasOwn(n, 'const') && !sameValue(n.const, value)) return false;
    const target = typeof n.$ref === 'string' ? this.resolve(n.$ref) : undefined;
    if (target && !this.allows(target, value, depth + 1)) return false;
    const branches = (k: string): Node[] => (Array.isArray(n[k]) ? (n[k] as unknown[]).filter(isPlainObject) : []);
    if (!branches('allOf').every((b) => this.allows(b, value, depth + 1))) return false;
    for (const k of ['anyOf', 'oneOf']) {
      const bs = branches(k);
      if (bs.length > 0 && !bs.some((b) => this.allows(b, value, depth + 1))) return false;
    }
    return true;
  }
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeAllows(type: unknown, value: unknown): boolean {
  const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t) => typeof t === 'string') : undefined;
  if (!types || types.length === 0) return true;
  const t = jsonType(value);
  return types.some((x) => x === t || (x === 'number' && t === 'integer'));
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

/** What a node allows, in words (`boolean`, `"spire" or "internal"`). */
function describe(n: Node, expand: (n: Node) => Node[]): string {
  const parts: string[] = [];
  for (const x of expand(n)) {
    if (Array.isArray(x.enum)) parts.push(x.enum.map((e) => JSON.stringify(e)).join(' or '));
    else if (Object.hasOwn(x, 'const')) parts.push(JSON.stringify(x.const));
    else if (typeof x.type === 'string') parts.push(x.type);
    else if (Array.isArray(x.type)) parts.push(x.type.filter((t) => typeof t === 'string').join(' or '));
  }
  return [...new Set(parts)].join(' or ') || 'another value';
}
