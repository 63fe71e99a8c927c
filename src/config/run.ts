// Inputs that say where and how the action runs: the release, cluster access, the checks and their
// bounds, and the options of a migration.
import { parseChecks, type Check } from '../inputs/checks.js';
import { COMMENT_KEY_RE } from '../inputs/comment-key.js';
import { parseDuration } from '../inputs/duration.js';
import { checkKubeconfig } from '../inputs/kubeconfig.js';
import { CONTROL_RE, isFile, parseBool, parseCount, printable, type Inputs } from './reader.js';

const MODES = ['apply', 'verify', 'drift', 'preview'] as const;
export type Mode = (typeof MODES)[number];

// Helm: release names are DNS-1123 subdomains of at most 53 characters; namespaces are DNS-1123 labels.
const NAME_RULES = {
  release: {
    re: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    max: 53,
    what: 'a valid Helm release name',
    fix: 'use lower-case letters, digits, "-" and "." (at most 53 characters, starting and ending with a letter or digit), e.g. cilium',
  },
  namespace: {
    re: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    max: 63,
    what: 'a valid Kubernetes namespace name',
    fix: 'use lower-case letters, digits and "-" (at most 63 characters), e.g. kube-system',
  },
} as const;

/** mode (undefined when it is not one), release, namespace */
export function parseTarget(i: Inputs): { mode: Mode | undefined; release: string; namespace: string } {
  const mode = i.get('mode');
  const known = (MODES as readonly string[]).includes(mode);
  if (!known) i.bad('mode', `"${mode}" is not a mode`, `use one of ${MODES.join(', ')}`);
  return { mode: known ? (mode as Mode) : undefined, release: parseName(i, 'release'), namespace: parseName(i, 'namespace') };
}

/** The release or namespace input, reported when Helm or Kubernetes would refuse it. */
function parseName(i: Inputs, input: keyof typeof NAME_RULES): string {
  const value = i.get(input);
  const rule = NAME_RULES[input];
  if (value.length > rule.max || !rule.re.test(value)) i.bad(input, `"${printable(value)}" is not ${rule.what}`, rule.fix);
  return value;
}

/** kubeconfig (secret), context, and the sticky comment's cluster key */
export function parseAccess(i: Inputs): { kubeconfig: string | undefined; context: string | undefined; commentKey: string | undefined } {
  const kubeconfig = i.read('kubeconfig').trim() ? i.read('kubeconfig') : undefined;
  const kubeconfigCheck = kubeconfig ? checkKubeconfig(kubeconfig) : undefined;
  if (kubeconfigCheck && !kubeconfigCheck.ok) i.bad('kubeconfig', kubeconfigCheck.problem, kubeconfigCheck.fix);
  const context = i.get('context') || undefined;
  if (context && CONTROL_RE.test(context)) i.bad('context', 'contains control characters', 'give the context name on one line');
  const commentKeyInput = i.get('comment-key');
  if (commentKeyInput && !COMMENT_KEY_RE.test(commentKeyInput)) {
    i.bad(
      'comment-key',
      `"${printable(commentKeyInput)}" is not a comment key`,
      'use letters, digits and . _ : @ / + - (at most 100 characters), e.g. the cluster name',
    );
  }
  const commentKey = commentKeyInput || context || (kubeconfigCheck?.ok ? kubeconfigCheck.currentContext : undefined);
  return { kubeconfig, context, commentKey };
}

export interface VerificationInputs {
  timeout: string;
  timeoutMs: number | undefined;
  checks: Set<Check>;
  connectivityTests: string | undefined;
  probeImage: string;
  flowsFile: string | undefined;
  maxOverlayFlows: number | undefined;
  minFlows: number | undefined;
  onVerifyFailure: 'fail' | 'rollback';
  failOnDrift: boolean | undefined;
  driftIssue: boolean | undefined;
}

/** What bounds the waits, what is checked and what a failure does. */
export function parseVerification(i: Inputs): VerificationInputs {
  const timeout = i.get('timeout');
  const duration = parseDuration(timeout);
  if (!duration.ok) i.bad('timeout', duration.problem, 'use a Go duration of at most 24h, such as 10m, 90s or 1h30m');

  // read as given, without action.yml's `auto`: an explicitly empty checks is an input error, since
  // `none` is the way to opt out of verification and `auto` the way to ask for everything
  const parsedChecks = parseChecks(i.read('checks'), i.get('flows-file') !== '', i.get('profile') === 'bgp' ? 'bgp' : 'wireguard');
  if (!parsedChecks.ok) i.bad('checks', parsedChecks.problem, parsedChecks.fix);

  const connectivityTests = i.get('connectivity-tests') || undefined;
  if (connectivityTests && CONTROL_RE.test(connectivityTests)) {
    i.bad('connectivity-tests', 'contains control characters', 'give one --test filter on one line, e.g. pod-to-pod');
  }
  const probeImage = i.get('probe-image');
  if (!/^[a-z0-9][a-z0-9._\-/:@]*$/i.test(probeImage)) {
    i.bad(
      'probe-image',
      `"${printable(probeImage)}" is not an image reference`,
      'give an image such as registry.k8s.io/e2e-test-images/agnhost:2.53 (or your mirror of it)',
    );
  }
  const flowsInput = i.get('flows-file');
  const flowsFile = flowsInput ? i.resolvePath(flowsInput) : undefined;
  if (flowsInput && !isFile(flowsFile!)) {
    i.bad(
      'flows-file',
      `${flowsInput} does not exist or is not a file`,
      'give the path of a saved Hubble capture (hubble observe -o jsonpb > flows.jsonl)',
    );
  }
  const maxOverlayFlows = parseCount('max-overlay-flows', i.get('max-overlay-flows'), i.bad);
  const minFlows = parseCount('min-flows', i.get('min-flows'), i.bad);
  const onVerifyFailure = i.get('on-verify-failure');
  if (onVerifyFailure !== 'fail' && onVerifyFailure !== 'rollback') {
    i.bad('on-verify-failure', `"${printable(onVerifyFailure)}" is not an option`, 'use fail or rollback');
  }
  return {
    timeout,
    timeoutMs: duration.ok ? duration.ms : undefined,
    checks: parsedChecks.ok ? parsedChecks.checks : new Set<Check>(),
    connectivityTests,
    probeImage,
    flowsFile,
    maxOverlayFlows,
    minFlows,
    onVerifyFailure: onVerifyFailure === 'rollback' ? 'rollback' : 'fail',
    failOnDrift: parseBool('fail-on-drift', i.get('fail-on-drift'), i.bad),
    driftIssue: parseBool('drift-issue', i.get('drift-issue'), i.bad),
  };
}

/** allow-skip-minor and strict-mode */
export function parseUpgradeOptions(i: Inputs): { allowSkipMinor: boolean | undefined; strictMode: 'egress' | undefined } {
  const allowSkipMinor = parseBool('allow-skip-minor', i.get('allow-skip-minor'), i.bad);
  const strictModeInput = i.get('strict-mode');
  if (strictModeInput && strictModeInput !== 'egress') {
    i.bad(
      'strict-mode',
      `"${printable(strictModeInput)}" is not a strict mode`,
      'use egress (WireGuard strict mode for the pod CIDR), or leave it empty',
    );
  }
  return { allowSkipMinor, strictMode: strictModeInput === 'egress' ? 'egress' : undefined };
}
