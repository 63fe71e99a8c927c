// Object-by-object unified diff of two rendered manifests, secrets redacted.
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import { redactObject } from '../report/redact.js';
import { parseManifest } from './manifest.js';

export interface ManifestDiff {
  added: string[];
  removed: string[];
  changed: string[];
  /** unified diff text of every changed, added and removed object */
  patch: string;
}

export function diffManifests(before: string, after: string, namespace: string): ManifestDiff {
  const b = parseManifest(before, namespace);
  const a = parseManifest(after, namespace);
  const ids = [...new Set([...b.keys(), ...a.keys()])].sort();
  const result: ManifestDiff = { added: [], removed: [], changed: [], patch: '' };
  const parts: string[] = [];
  for (const id of ids) {
    const bt = b.has(id) ? stringify(redactObject(b.get(id)!.obj), { sortMapEntries: true }) : '';
    const at = a.has(id) ? stringify(redactObject(a.get(id)!.obj), { sortMapEntries: true }) : '';
    if (bt === at) continue;
    if (!bt) result.added.push(id);
    else if (!at) result.removed.push(id);
    else result.changed.push(id);
    const patch = createTwoFilesPatch(`live/${id}`, `desired/${id}`, bt, at, '', '', { context: 3 });
    // drop the "=====" header line jsdiff writes first
    parts.push(patch.split('\n').slice(1).join('\n').trimEnd());
  }
  result.patch = parts.join('\n');
  return result;
}
