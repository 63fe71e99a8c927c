// Inputs → one validated Config. The only place that knows input names and their syntax;
// everything below receives the Config. Each group of inputs has its parser in src/config/; every
// problem is collected and reported at once, before any command runs.
import os from 'node:os';
import { parseBgpInputs, parseProfile, type BgpConfig, type Profile } from './bgp/inputs.js';
import type { ChartRef } from './chart/chart-ref.js';
import { parseChartInputs, parseToolInputs } from './config/chart.js';
import { Inputs, type InputReader } from './config/reader.js';
import { parseAccess, parseTarget, parseUpgradeOptions, parseVerification, type Mode } from './config/run.js';
import { parseValuesInputs } from './config/values.js';
import { InputError } from './errors.js';
import type { Check } from './inputs/checks.js';
import { parseDuration } from './inputs/duration.js';
import { parseMigrationInputs } from './inputs/migration.js';
import type { CutoverBatch, Strategy } from './migration/strategy.js';
import type { ToolSpec } from './tools/install.js';
import { enforcedConflicts } from './values/enforced.js';
import type { ValuesLayer } from './values/layers.js';

export { type Check } from './inputs/checks.js';

/** A tool to install at an exact version, or an existing binary to use as it is. */
export type { ToolSpec };

export interface Config {
  mode: Mode;
  release: string;
  namespace: string;
  chart: ChartRef;
  /** exact chart version, or undefined for `installed` */
  ciliumVersion: string | undefined;
  /** the version a local chart carries (its Chart.yaml); undefined for other chart references */
  localChartVersion: string | undefined;
  /** canonical CIDR, or undefined to derive it from the IPAM pool */
  nativeRoutingCidr: string | undefined;
  /** values-files in order, then `values`: merged over the live values, lowest first */
  userLayers: ValuesLayer[];
  /** preview without a cluster: stands for the live release values */
  baseValues: ValuesLayer | undefined;
  helm: ToolSpec;
  ciliumCli: ToolSpec;
  helmMirror: string;
  ciliumCliMirror: string;
  /** secret: kubeconfig content */
  kubeconfig: string | undefined;
  context: string | undefined;
  /** distinguishes the sticky PR comment of each cluster: comment-key, else the kube context */
  commentKey: string | undefined;
  /** as given (a Go duration, passed to helm --timeout) and in milliseconds */
  timeout: string;
  timeoutMs: number;
  /** the checks to run (`auto` resolved; empty for `none`) */
  checks: Set<Check>;
  connectivityTests: string | undefined;
  /** image of the probe pods (agnhost: netexec + connect) */
  probeImage: string;
  flowsFile: string | undefined;
  maxOverlayFlows: number;
  minFlows: number;
  onVerifyFailure: 'fail' | 'rollback';
  failOnDrift: boolean;
  driftIssue: boolean;
  /** secret */
  githubToken: string | undefined;
  /** where the merged values file, report and kubeconfig go */
  runnerTemp: string;
  /** allow a chart upgrade of more than one minor version */
  allowSkipMinor: boolean;
  /** `egress`: WireGuard strict mode for the pod CIDR, once the cutover is proven */
  strictMode: 'egress' | undefined;
  /** wireguard (default) or bgp: which native-routing recipe is enforced */
  profile: Profile;
  /** profile bgp only: local ASN, peers, the optional Route Server to read learned routes from */
  bgp: BgpConfig | undefined;
  /** staged: WireGuard first (tunnel kept), then one fast routing cutover; direct: one upgrade */
  strategy: Strategy;
  /** agents restarted at once in the routing cutover */
  cutoverBatch: CutoverBatch;
  /** node pairs probed continuously during a migration (0: no continuous probe) */
  probePairs: number;
  /** seconds of measured disruption that fail the job; undefined: never */
  maxDisruptionSeconds: number | undefined;
  /** secret strings found in inputs (URL credentials): masked before anything prints */
  inputSecrets: string[];
}

export function parseConfig(read: InputReader, env: NodeJS.ProcessEnv = process.env): Config {
  const i = new Inputs(read, env);
  // the order of the groups is the order problems are reported in
  const target = parseTarget(i);
  const chart = parseChartInputs(i);
  const values = parseValuesInputs(i, target.mode, chart.versionInput, chart.localChartVersion);
  const tools = parseToolInputs(i);
  const access = parseAccess(i);
  const verification = parseVerification(i);
  // action.yml's default is the runner's `${{ github.token }}`; an empty token (a fork's, or one
  // given as '') means no comment and no issue
  const githubToken = i.get('github-token') || undefined;
  const upgrade = parseUpgradeOptions(i);
  const profile = parseProfile(i.get('profile'), i.bad);
  const bgp = parseBgpInputs(profile, read, i.bad);
  const migration = parseMigrationInputs((name) => i.get(name), i.bad);

  // Values that contradict the recipe are known from the inputs alone: report them with the rest.
  if (i.problems.length === 0) i.problems.push(...enforcedConflicts(values.userLayers, values.nativeRoutingCidr, profile));
  if (i.problems.length > 0) throw new InputError(i.problems);

  // every `!` below is a value whose parser reported a problem when it is undefined
  return {
    mode: target.mode!,
    release: target.release,
    namespace: target.namespace,
    chart: chart.chart!,
    ciliumVersion: chart.ciliumVersion,
    localChartVersion: chart.localChartVersion,
    ...values,
    helm: tools.helm!,
    ciliumCli: tools.ciliumCli!,
    helmMirror: tools.helmMirror!,
    ciliumCliMirror: tools.ciliumCliMirror!,
    ...access,
    ...verification,
    timeoutMs: verification.timeoutMs!,
    maxOverlayFlows: verification.maxOverlayFlows!,
    minFlows: verification.minFlows!,
    failOnDrift: verification.failOnDrift!,
    driftIssue: verification.driftIssue!,
    githubToken,
    runnerTemp: env.RUNNER_TEMP || os.tmpdir(),
    allowSkipMinor: upgrade.allowSkipMinor!,
    strictMode: upgrade.strictMode,
    profile: profile!,
    bgp,
    ...migration,
    inputSecrets: i.secrets,
  };
}

/** Go's time.ParseDuration (what helm accepts for --timeout) in ms; undefined when malformed or out of range. */
export function parseGoDuration(s: string): number | undefined {
  const d = parseDuration(s);
  return d.ok ? d.ms : undefined;
}
