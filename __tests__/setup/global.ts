// Runs once before the suite: extracts the real helm 4, helm 3 and kubectl binaries from the
// @aws-cdk layer packages and tells every test worker where they and the real charts are.
// @ts-expect-error plain ESM helper shared with npm start and the benchmarks
import { chartsDir, testTools } from '../../scripts/test-tools.mjs';

export default function setup(): void {
  const tools = testTools() as { helm4: string; helm3: string; kubectl: string };
  process.env.CNRA_TEST_HELM4 = tools.helm4;
  process.env.CNRA_TEST_HELM3 = tools.helm3;
  process.env.CNRA_TEST_KUBECTL = tools.kubectl;
  process.env.CILIUM_CHARTS_DIR = chartsDir() as string;
}
