// Label and field selectors, in the query-string syntax clients send and in the object form
// (`matchLabels` / `matchExpressions`) that workloads carry.
import type { Obj } from './types.js';

export interface Requirement {
  key: string;
  op: '=' | '!=' | 'in' | 'notin' | 'exists' | '!exists';
  values: string[];
}

export class SelectorError extends Error {}

/** Parses `a=b,c!=d,e in (x,y),!f,g` (the labelSelector query parameter). */
export function parseLabelSelector(s: string | null | undefined): Requirement[] {
  const out: Requirement[] = [];
  if (!s || !s.trim()) return out;
  let i = 0;
  const skipWs = (): void => {
    while (i < s.length && s[i] === ' ') i++;
  };
  const word = (): string => {
    skipWs();
    const start = i;
    while (i < s.length && !' ,=!()'.includes(s[i]!)) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipWs();
    if (s[i] === '!') {
      i++;
      out.push({ key: word(), op: '!exists', values: [] });
    } else {
      const key = word();
      if (!key) throw new SelectorError(`unable to parse requirement: ${s}`);
      skipWs();
      if (s.startsWith('!=', i)) {
        i += 2;
        out.push({ key, op: '!=', values: [word()] });
      } else if (s.startsWith('==', i)) {
        i += 2;
        out.push({ key, op: '=', values: [word()] });
      } else if (s[i] === '=') {
        i++;
        out.push({ key, op: '=', values: [word()] });
      } else if (/^(in|notin)\s*\(/.test(s.slice(i))) {
        const op = s.startsWith('notin', i) ? 'notin' : 'in';
        i = s.indexOf('(', i) + 1;
        const end = s.indexOf(')', i);
        if (end < 0) throw new SelectorError(`unable to parse requirement: ${s}`);
        const values = s
          .slice(i, end)
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '');
        i = end + 1;
        out.push({ key, op, values });
      } else {
        out.push({ key, op: 'exists', values: [] });
      }
    }
    skipWs();
    if (i < s.length) {
      if (s[i] !== ',') throw new SelectorError(`unable to parse requirement: ${s}`);
      i++;
    }
  }
  return out;
}

function matchRequirements(reqs: Requirement[], get: (key: string) => string | undefined): boolean {
  return reqs.every((r) => {
    const v = get(r.key);
    switch (r.op) {
      case '=':
        return v === r.values[0];
      case '!=':
        return v !== r.values[0];
      case 'in':
        return v !== undefined && r.values.includes(v);
      case 'notin':
        return v === undefined || !r.values.includes(v);
      case 'exists':
        return v !== undefined;
      case '!exists':
        return v === undefined;
    }
  });
}

export const matchLabels = (reqs: Requirement[], labels: Record<string, string> | undefined): boolean =>
  matchRequirements(reqs, (k) => labels?.[k]);

/** A field selector: only `=`, `==` and `!=` exist. */
export function parseFieldSelector(s: string | null | undefined): Requirement[] {
  const reqs = parseLabelSelector(s);
  for (const r of reqs) {
    if (r.op !== '=' && r.op !== '!=') throw new SelectorError(`invalid field selector: ${s}`);
  }
  return reqs;
}

/** Field values by dotted path (`metadata.name`, `spec.nodeName`, `status.phase`, `involvedObject.uid`, …). */
function fieldValue(obj: Obj, path: string): string | undefined {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[part];
  }
  if (cur === undefined || cur === null) return path === 'metadata.namespace' || path === 'spec.nodeName' ? '' : undefined;
  return typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
}

export const matchFields = (reqs: Requirement[], obj: Obj): boolean => matchRequirements(reqs, (k) => fieldValue(obj, k) ?? '');

/** `{matchLabels, matchExpressions}` as in Deployment.spec.selector. An empty selector matches everything. */
export function matchLabelSelectorObject(sel: Obj | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  for (const [k, v] of Object.entries((sel.matchLabels ?? {}) as Record<string, string>)) {
    if (labels?.[k] !== v) return false;
  }
  for (const e of (sel.matchExpressions ?? []) as Obj[]) {
    const v = labels?.[e.key as string];
    const values = (e.values ?? []) as string[];
    switch (e.operator) {
      case 'In':
        if (v === undefined || !values.includes(v)) return false;
        break;
      case 'NotIn':
        if (v !== undefined && values.includes(v)) return false;
        break;
      case 'Exists':
        if (v === undefined) return false;
        break;
      case 'DoesNotExist':
        if (v !== undefined) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A node selector term (`matchExpressions` with In/NotIn/Exists/DoesNotExist/Gt/Lt, and `matchFields`). */
export function matchNodeSelectorTerm(term: Obj, node: Obj): boolean {
  const labels = (node.metadata?.labels ?? {}) as Record<string, string>;
  for (const e of (term.matchExpressions ?? []) as Obj[]) {
    const v = labels[e.key as string];
    const values = (e.values ?? []) as string[];
    const ok =
      e.operator === 'In'
        ? v !== undefined && values.includes(v)
        : e.operator === 'NotIn'
          ? v === undefined || !values.includes(v)
          : e.operator === 'Exists'
            ? v !== undefined
            : e.operator === 'DoesNotExist'
              ? v === undefined
              : e.operator === 'Gt'
                ? v !== undefined && Number(v) > Number(values[0])
                : e.operator === 'Lt'
                  ? v !== undefined && Number(v) < Number(values[0])
                  : false;
    if (!ok) return false;
  }
  for (const f of (term.matchFields ?? []) as Obj[]) {
    if (f.key !== 'metadata.name') return false;
    const values = (f.values ?? []) as string[];
    const has = values.includes(node.metadata?.name as string);
    if ((f.operator === 'In' && !has) || (f.operator === 'NotIn' && has)) return false;
  }
  return true;
}
