// What the global set-up found: paths of the real binaries and charts, for tests to use.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the tests through vitest (npm test), whose global set-up sets it`);
  return v;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const helm4 = (): string => need('CNRA_TEST_HELM4');
export const helm3 = (): string => need('CNRA_TEST_HELM3');
export const kubectl = (): string => need('CNRA_TEST_KUBECTL');
/** CILIUM_CHARTS_DIR (set by the global set-up) or the repository's own testdata/charts. */
export const chartsDir = (): string => process.env.CILIUM_CHARTS_DIR || path.join(repoRoot, 'testdata', 'charts');
export const chartPath = (version: string): string => path.join(chartsDir(), `cilium-${version}.tgz`);
export const CHART_VERSIONS = ['1.18.6', '1.19.6', '1.20.0'] as const;
/** testdata/: the real tool outputs (hubble/, status/) with their provenance in testdata/README.md. */
export const testData = (): string => path.join(repoRoot, 'testdata');
