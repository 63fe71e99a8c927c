// Runs once before the cluster tier: checks what every cluster-tier test needs (prerequisites.ts) and,
// when something is missing, fails the run with one message naming each problem and its fix instead
// of letting every test fail on its own. Then tells every test worker where the real helm 4, helm 3
// and kubectl binaries (extracted from the @aws-cdk layer packages) and the real charts are.
import { checkPrerequisites, prerequisitesMessage } from './prerequisites.js';

export default function setup(): void {
  const found = checkPrerequisites();
  if ('problems' in found) throw new Error(prerequisitesMessage(found.problems));
  process.env.CNRA_TEST_HELM4 = found.tools.helm4;
  process.env.CNRA_TEST_HELM3 = found.tools.helm3;
  process.env.CNRA_TEST_KUBECTL = found.tools.kubectl;
  process.env.CILIUM_CHARTS_DIR = found.charts;
}
