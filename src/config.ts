// Inputs → one validated Config. The only place that knows input names and their syntax;
// everything below receives the Config. Every problem is collected and reported at once.
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { parseBgpInputs, parseProfile, type BgpConfig, type Profile } from './bgp/inputs.js';
import { InputError, type Bad, type InputProblem } from './errors.js';
import { readLocalChartVersion } from './chart/local-version.js';
import { parseChecks, type Check } from './inputs/checks.js';
import { COMMENT_KEY_RE } from './inputs/comment-key.js';
import { checkKubeconfig } from './inputs/kubeconfig.js';
import { parseDuration } from './inputs/duration.js';
import { credentialSecrets, splitUrlCredentials } from './inputs/url-credentials.js';
import { linkLeavingChart } from './inputs/chart-links.js';
import type { ChartRef } from './chart/chart-ref.js';
import type { ToolSpec } from './tools/install.js';
import { CILIUM_CLI_PIN, HELM_PIN } from './tools/pins.js';
import { parseCidr } from './values/cidr.js';
import { enforcedConflicts } from './values/enforced.js';
import { stripHelmValuesHeader } from './values/helm-output.js';
import { parseValuesYaml, type ValuesLayer } from './values/layers.js';
import { parseMigrationInputs } from './inputs/migration.js';
import type { CutoverBatch, Strategy } from './migration/strategy.js';
import { notUtf8 } from './values/yaml-safety.js';

const MODES = ['apply', 'verify', 'drift', 'preview'] as const;
type Mode = (typeof MODES)[number];
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

/** Pinned defaults: the versions whose checksums src/tools/pins.ts holds. */
export const DEFAULT_HELM_VERSION = HELM_PIN.version;
export const DEFAULT_CILIUM_CLI_VERSION = CILIUM_CLI_PIN.version;

const DEFAULT_PROBE_IMAGE = 'registry.k8s.io/e2e-test-images/agnhost:2.53';

export type InputReader = (name: string) => string;

// Helm: release names are DNS-1123 subdomains of at most 53 characters; namespaces are DNS-1123 labels.
const RELEASE_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const CHART_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

export function parseConfig(read: InputReader, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: InputProblem[] = [];
  const inputSecrets: string[] = [];
  const bad = (input: string, problem: string, fix: string): undefined => {
    problems.push({ input, problem, fix });
    return undefined;
  };
  const get = (name: string): string => read(name).trim();
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const resolvePath = (p: string): string => path.resolve(workspace, p);

  const mode = get('mode') || 'apply';
  if (!(MODES as readonly string[]).includes(mode)) {
    bad('mode', `"${mode}" is not a mode`, `use one of ${MODES.join(', ')}`);
  }

  const release = get('release') || 'cilium';
  if (release.length > 53 || !RELEASE_RE.test(release)) {
    bad(
      'release',
      `"${printable(release)}" is not a valid Helm release name`,
      'use lower-case letters, digits, "-" and "." (at most 53 characters, starting and ending with a letter or digit), e.g. cilium',
    );
  }
  const namespace = get('namespace') || 'kube-system';
  if (namespace.length > 63 || !LABEL_RE.test(namespace)) {
    bad(
      'namespace',
      `"${printable(namespace)}" is not a valid Kubernetes namespace name`,
      'use lower-case letters, digits and "-" (at most 63 characters), e.g. kube-system',
    );
  }

  const chart = parseChart(get('chart') || 'cilium', get('chart-repository') || 'https://helm.cilium.io', resolvePath, bad, inputSecrets);

  const versionInput = get('cilium-version') || 'installed';
  let ciliumVersion: string | undefined;
  if (versionInput !== 'installed') {
    const v = semver.valid(versionInput.replace(/^v/, ''));
    if (!v)
      bad('cilium-version', `"${printable(versionInput)}" is not a chart version`, 'give an exact version such as 1.18.6, or "installed"');
    else ciliumVersion = v;
  }
  const localChartVersion = chart?.kind === 'local' ? readLocalChartVersion(chart.path) : undefined;
  if (ciliumVersion && localChartVersion && ciliumVersion !== localChartVersion) {
    bad(
      'cilium-version',
      `is ${ciliumVersion}, but the local chart ${path.basename(get('chart'))} is version ${localChartVersion}`,
      `remove cilium-version (a local chart carries its own version), or set it to ${localChartVersion}`,
    );
  }

  let nativeRoutingCidr: string | undefined;
  const cidrInput = get('native-routing-cidr');
  if (cidrInput) {
    const parsed = parseCidr(cidrInput);
    if (parsed.ok) nativeRoutingCidr = parsed.cidr;
    else bad('native-routing-cidr', parsed.problem, parsed.fix);
  }

  const userLayers: ValuesLayer[] = [];
  for (const file of splitList(read('values-files'))) {
    const layer = readValuesFile('values-files', file, resolvePath, bad);
    if (layer) userLayers.push(layer);
  }
  const inlineValues = read('values');
  if (inlineValues.trim()) {
    const parsed = parseValuesYaml(inlineValues, 'values');
    if (parsed.ok) userLayers.push(parsed.layer);
    else bad('values', parsed.problem, parsed.fix);
  }
  const baseFile = get('base-values');
  const baseValues = baseFile ? readValuesFile('base-values', baseFile, resolvePath, bad) : undefined;
  if (baseFile && mode !== 'preview' && (MODES as readonly string[]).includes(mode)) {
    bad('base-values', `only preview mode reads base-values, but mode is "${mode}"`, 'remove base-values, or set mode: preview');
  }
  if (baseFile && versionInput === 'installed' && !localChartVersion) {
    bad(
      'cilium-version',
      'is "installed", but with base-values there is no release to read the installed version from',
      'set cilium-version to the chart version to render, e.g. 1.18.6 (a local chart .tgz or directory carries its own)',
    );
  }

  const helm = parseToolSpec('helm-version', get('helm-version'), DEFAULT_HELM_VERSION, resolvePath, bad);
  const ciliumCli = parseToolSpec('cilium-cli-version', get('cilium-cli-version'), DEFAULT_CILIUM_CLI_VERSION, resolvePath, bad);
  const helmMirror = parseUrl('helm-mirror', get('helm-mirror') || 'https://get.helm.sh', bad, inputSecrets);
  const ciliumCliMirror = parseUrl(
    'cilium-cli-mirror',
    get('cilium-cli-mirror') || 'https://github.com/cilium/cilium-cli/releases/download',
    bad,
    inputSecrets,
  );

  const kubeconfig = read('kubeconfig').trim() ? read('kubeconfig') : undefined;
  const kubeconfigCheck = kubeconfig ? checkKubeconfig(kubeconfig) : undefined;
  if (kubeconfigCheck && !kubeconfigCheck.ok) bad('kubeconfig', kubeconfigCheck.problem, kubeconfigCheck.fix);
  const context = get('context') || undefined;
  if (context && CONTROL_RE.test(context)) bad('context', 'contains control characters', 'give the context name on one line');
  const commentKeyInput = get('comment-key');
  if (commentKeyInput && !COMMENT_KEY_RE.test(commentKeyInput)) {
    bad(
      'comment-key',
      `"${printable(commentKeyInput)}" is not a comment key`,
      'use letters, digits and . _ : @ / + - (at most 100 characters), e.g. the cluster name',
    );
  }
  const commentKey = commentKeyInput || context || (kubeconfigCheck?.ok ? kubeconfigCheck.currentContext : undefined);

  const timeout = get('timeout') || '10m';
  const duration = parseDuration(timeout);
  const timeoutMs = duration.ok ? duration.ms : undefined;
  if (!duration.ok) bad('timeout', duration.problem, 'use a Go duration of at most 24h, such as 10m, 90s or 1h30m');

  const checksInput = read('checks');
  const parsedChecks = parseChecks(checksInput, get('flows-file') !== '', get('profile') === 'bgp' ? 'bgp' : 'wireguard');
  if (!parsedChecks.ok) bad('checks', parsedChecks.problem, parsedChecks.fix);
  const checks = parsedChecks.ok ? parsedChecks.checks : new Set<Check>();

  const connectivityTests = get('connectivity-tests') || undefined;
  if (connectivityTests && CONTROL_RE.test(connectivityTests)) {
    bad('connectivity-tests', 'contains control characters', 'give one --test filter on one line, e.g. pod-to-pod');
  }

  const probeImage = get('probe-image') || DEFAULT_PROBE_IMAGE;
  if (!/^[a-z0-9][a-z0-9._\-/:@]*$/i.test(probeImage)) {
    bad(
      'probe-image',
      `"${printable(probeImage)}" is not an image reference`,
      'give an image such as registry.k8s.io/e2e-test-images/agnhost:2.53 (or your mirror of it)',
    );
  }

  let flowsFile: string | undefined;
  const flowsInput = get('flows-file');
  if (flowsInput) {
    flowsFile = resolvePath(flowsInput);
    if (!isFile(flowsFile))
      bad(
        'flows-file',
        `${flowsInput} does not exist or is not a file`,
        'give the path of a saved Hubble capture (hubble observe -o jsonpb > flows.jsonl)',
      );
  }

  const maxOverlayFlows = parseCount('max-overlay-flows', get('max-overlay-flows') || '0', bad);
  const minFlows = parseCount('min-flows', get('min-flows') || '1', bad);

  const onVerifyFailure = get('on-verify-failure') || 'fail';
  if (onVerifyFailure !== 'fail' && onVerifyFailure !== 'rollback') {
    bad('on-verify-failure', `"${printable(onVerifyFailure)}" is not an option`, 'use fail or rollback');
  }
  const failOnDrift = parseBool('fail-on-drift', get('fail-on-drift') || 'true', bad);
  const driftIssue = parseBool('drift-issue', get('drift-issue') || 'false', bad);
  const githubToken = get('github-token') || undefined;
  const allowSkipMinor = parseBool('allow-skip-minor', get('allow-skip-minor') || 'false', bad);
  const strictModeInput = get('strict-mode');
  if (strictModeInput && strictModeInput !== 'egress') {
    bad(
      'strict-mode',
      `"${printable(strictModeInput)}" is not a strict mode`,
      'use egress (WireGuard strict mode for the pod CIDR), or leave it empty',
    );
  }
  const profile = parseProfile(get('profile'), bad);
  const bgp = parseBgpInputs(profile, read, bad);
  const migration = parseMigrationInputs(get, bad);

  // Values that contradict the recipe are known from the inputs alone: report them with the rest.
  if (problems.length === 0) problems.push(...enforcedConflicts(userLayers, nativeRoutingCidr, profile));
  if (problems.length > 0) throw new InputError(problems);

  return {
    mode: mode as Mode,
    release,
    namespace,
    chart: chart!,
    ciliumVersion,
    localChartVersion,
    nativeRoutingCidr,
    userLayers,
    baseValues,
    helm: helm!,
    ciliumCli: ciliumCli!,
    helmMirror: helmMirror!,
    ciliumCliMirror: ciliumCliMirror!,
    kubeconfig,
    context,
    commentKey,
    timeout,
    timeoutMs: timeoutMs!,
    checks,
    connectivityTests,
    probeImage,
    flowsFile,
    maxOverlayFlows: maxOverlayFlows!,
    minFlows: minFlows!,
    onVerifyFailure: onVerifyFailure as 'fail' | 'rollback',
    failOnDrift: failOnDrift!,
    driftIssue: driftIssue!,
    githubToken,
    runnerTemp: env.RUNNER_TEMP || os.tmpdir(),
    allowSkipMinor: allowSkipMinor!,
    strictMode: strictModeInput === 'egress' ? 'egress' : undefined,
    profile: profile!,
    bgp,
    ...migration,
    inputSecrets,
  };
}

/** Shows a value in a message without letting control characters (or a newline) through. */
function printable(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

function splitList(text: string, sep: RegExp = /\n/): string[] {
  return text
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function readValuesFile(input: string, file: string, resolvePath: (p: string) => string, bad: Bad): ValuesLayer | undefined {
  const full = resolvePath(file);
  if (!isFile(full)) return bad(input, `${file} does not exist or is not a file`, 'check the path (relative paths start at the workspace)');
  const bytes = readFileSync(full);
  if (notUtf8(bytes)) return bad(input, `${file} is not valid UTF-8 text`, 'save the values file as UTF-8');
  const text = bytes.toString('utf8');
  // base-values is often `helm get values` output pasted as it is, header line included
  const parsed = parseValuesYaml(input === 'base-values' ? stripHelmValuesHeader(text) : text, `${input}: ${file}`);
  return parsed.ok ? parsed.layer : bad(input, `${file} ${parsed.problem}`, parsed.fix);
}

function parseChart(
  chart: string,
  repository: string,
  resolvePath: (p: string) => string,
  bad: Bad,
  secrets: string[],
): ChartRef | undefined {
  if (chart.startsWith('oci://')) {
    if (!/^oci:\/\/[^\s/]+\/\S+$/.test(chart))
      return bad('chart', `"${printable(chart)}" is not an oci:// reference`, 'use oci://registry/path/cilium');
    return { kind: 'oci', ref: chart };
  }
  const looksLikePath = chart.endsWith('.tgz') || chart.includes('/') || chart.includes('\\') || chart.startsWith('.');
  if (looksLikePath) {
    const full = resolvePath(chart);
    if (!existsSync(full))
      return bad(
        'chart',
        `${chart} does not exist`,
        'give a chart .tgz or directory, a chart name in chart-repository, or an oci:// reference',
      );
    const link = linkLeavingChart(full);
    if (link)
      return bad(
        'chart',
        `${printable(chart)} has a link that leaves the chart (${printable(link)})`,
        'remove the link or copy the file into the chart',
      );
    return { kind: 'local', path: full };
  }
  if (!CHART_NAME_RE.test(chart)) return bad('chart', `"${printable(chart)}" is not a chart name`, 'use a chart name such as cilium');
  const url = parseUrl('chart-repository', repository, bad, secrets);
  if (!url) return undefined;
  // helm gets repository credentials as --username/--password, never inside the URL
  const { url: bare, username, password } = splitUrlCredentials(new URL(url));
  return { kind: 'repo', name: chart, repository: bare, ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

/** An http(s) URL; credentials in it are recorded in `secrets` (the mirrors keep them for Basic auth). */
function parseUrl(input: string, value: string, bad: Bad, secrets: string[]): string | undefined {
  try {
    const u = new URL(value);
    secrets.push(...credentialSecrets(u));
    if (u.protocol === 'https:' || u.protocol === 'http:') return value.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  return bad(input, `"${printable(value)}" is not an http(s) URL`, 'give a URL such as https://example.com/path');
}

function parseToolSpec(input: string, value: string, pinned: string, resolvePath: (p: string) => string, bad: Bad): ToolSpec | undefined {
  if (!value) return { kind: 'version', version: pinned, pinned: true };
  const v = semver.valid(value.replace(/^v/, ''));
  if (v) return { kind: 'version', version: v, pinned: v === pinned };
  const looksLikePath = value.includes('/') || value.includes('\\');
  if (looksLikePath) {
    const full = resolvePath(value);
    if (isFile(full)) return { kind: 'path', path: full };
    return bad(input, `${value} does not exist`, 'give an exact version such as 4.1.4, or the path of an existing binary');
  }
  return bad(
    input,
    `"${printable(value)}" is neither an exact version nor a path`,
    'give an exact version such as 4.1.4 (v prefix optional), or the path of an existing binary',
  );
}

function parseCount(input: string, value: string, bad: Bad): number | undefined {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    return bad(input, `"${printable(value)}" is not a whole number`, 'give a whole number of 0 or more');
  }
  return Number(value);
}

function parseBool(input: string, value: string, bad: Bad): boolean | undefined {
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return bad(input, `"${printable(value)}" is not a boolean`, 'use true or false');
}

/** Go's time.ParseDuration (what helm accepts for --timeout) in ms; undefined when malformed or out of range. */
export function parseGoDuration(s: string): number | undefined {
  const d = parseDuration(s);
  return d.ok ? d.ms : undefined;
}
