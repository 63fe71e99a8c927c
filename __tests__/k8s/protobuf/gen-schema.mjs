// Generates schema.json (the wire layout of the few Kubernetes kinds whose protobuf request bodies the
// test API server decodes) from the upstream generated.proto files.
// Usage: node gen-schema.mjs <kubernetes/api repo> <kubernetes/apimachinery repo> [ref, default v0.35.2]
// (git work trees or bare mirrors: files are read with `git show <ref>:<path>`; v0.35.2 matches kubectl 1.35.2).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [apiRepo, machineryRepo, ref = 'v0.35.2'] = process.argv.slice(2);
if (!apiRepo || !machineryRepo) throw new Error('usage: gen-schema.mjs <kubernetes/api repo> <kubernetes/apimachinery repo>');
const sources = [
  [apiRepo, 'core/v1/generated.proto'],
  [apiRepo, 'apps/v1/generated.proto'],
  [apiRepo, 'batch/v1/generated.proto'],
  [apiRepo, 'authorization/v1/generated.proto'],
  [machineryRepo, 'pkg/apis/meta/v1/generated.proto'],
  [machineryRepo, 'pkg/runtime/generated.proto'],
  [machineryRepo, 'pkg/api/resource/generated.proto'],
  [machineryRepo, 'pkg/util/intstr/generated.proto'],
];
const roots = [
  'k8s.io.api.core.v1.Pod', 'k8s.io.api.core.v1.Secret', 'k8s.io.api.core.v1.ConfigMap',
  'k8s.io.api.core.v1.Namespace', 'k8s.io.api.core.v1.Service', 'k8s.io.api.core.v1.ServiceAccount',
  'k8s.io.api.core.v1.Event', 'k8s.io.api.core.v1.Node', 'k8s.io.api.core.v1.Endpoints',
  'k8s.io.api.apps.v1.Deployment', 'k8s.io.api.apps.v1.DaemonSet', 'k8s.io.api.apps.v1.ReplicaSet',
  'k8s.io.api.batch.v1.Job', 'k8s.io.api.authorization.v1.SelfSubjectAccessReview',
  'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions',
];
const scalars = new Set(['string', 'bytes', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'double', 'float']);
const messages = {};
const commits = {};
for (const [repo, file] of sources) {
  commits[repo === apiRepo ? 'kubernetes/api' : 'kubernetes/apimachinery'] ??= execFileSync('git', ['-C', repo, 'rev-parse', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
  const text = execFileSync('git', ['-C', repo, 'show', `${ref}:${file}`], { encoding: 'utf8', maxBuffer: 1 << 26 })
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  const pkg = /package\s+([\w.]+);/.exec(text)[1];
  for (const m of text.matchAll(/message\s+(\w+)\s*\{([^}]*)\}/g)) {
    const fields = {};
    for (const f of m[2].matchAll(/(optional|repeated)?\s*(map<\s*([\w.]+)\s*,\s*([\w.]+)\s*>|[\w.]+)\s+(\w+)\s*=\s*(\d+)/g)) {
      const [, label, type, mapKey, mapValue, name, num] = f;
      const resolve = (t) => (scalars.has(t) ? t : t.startsWith('.') ? t.slice(1) : t.includes('.') ? t : `${pkg}.${t}`);
      if (mapKey) fields[num] = { name, map: [resolve(mapKey), resolve(mapValue)] };
      else fields[num] = { name, type: resolve(type), ...(label === 'repeated' ? { repeated: true } : {}) };
    }
    messages[`${pkg}.${m[1]}`] = fields;
  }
}
// Go fields with `json:",inline"` (embedded structs such as Probe.ProbeHandler, Volume.VolumeSource,
// ConfigMapKeySelector.LocalObjectReference) are separate proto messages but flattened into the parent
// in JSON: mark them so the decoder merges them.
const goSources = [
  [apiRepo, 'core/v1/types.go', 'k8s.io.api.core.v1'],
  [apiRepo, 'apps/v1/types.go', 'k8s.io.api.apps.v1'],
  [apiRepo, 'batch/v1/types.go', 'k8s.io.api.batch.v1'],
  [machineryRepo, 'pkg/apis/meta/v1/types.go', 'k8s.io.apimachinery.pkg.apis.meta.v1'],
];
for (const [repo, file, pkg] of goSources) {
  const text = execFileSync('git', ['-C', repo, 'show', `${ref}:${file}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
  for (const m of text.matchAll(/^type (\w+) struct \{([\s\S]*?)^\}/gm)) {
    for (const f of m[2].matchAll(/json:",inline" protobuf:"bytes,(\d+),/g)) {
      const fields = messages[`${pkg}.${m[1]}`];
      if (fields?.[f[1]]) fields[f[1]].inline = true;
    }
  }
}
// Keep only what the roots reach.
const keep = {};
const visit = (name) => {
  if (keep[name] || scalars.has(name)) return;
  const msg = messages[name];
  if (!msg) throw new Error(`message ${name} not found`);
  keep[name] = msg;
  for (const f of Object.values(msg)) for (const t of f.map ?? [f.type]) visit(t);
};
roots.forEach(visit);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema.json');
writeFileSync(out, JSON.stringify({ generatedFrom: { ref, commits }, roots, messages: keep }) + '\n');
console.log(`${Object.keys(keep).length} messages -> ${out}`);
