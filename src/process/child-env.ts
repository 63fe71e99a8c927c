// Child processes (helm, kubectl, cilium, exec plugins) get only the environment they need: never
// the runner's tokens (ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN, GITHUB_TOKEN), the
// action's inputs (INPUT_KUBECONFIG, INPUT_GITHUB-TOKEN) or anything else the job happens to hold.
// A chart's template or a plugin can read its environment; what it never gets, it cannot leak.

/** Exact names passed through. */
const ALLOWED = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TMPDIR',
  'TMP',
  'TEMP',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TERM',
  'NO_COLOR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'KUBECONFIG',
  // Windows needs these to start anything
  'SystemRoot',
  'SYSTEMROOT',
  'windir',
  'ComSpec',
  'PATHEXT',
  'APPDATA',
  'LOCALAPPDATA',
  'USERPROFILE',
  'ProgramData',
  'ProgramFiles',
]);
/** Prefixes passed through: tool settings and Azure credentials an exec plugin (kubelogin) reads. */
const ALLOWED_PREFIXES = ['LC_', 'XDG_', 'HELM_', 'KUBE', 'CILIUM_', 'AZURE_', 'AAD_', 'ARM_'];
/** Never, whatever the lists above say. */
const DENIED_RE = /^(INPUT_|ACTIONS_|GITHUB_|RUNNER_|STATE_)|TOKEN|PASSWORD|SECRET/i;

function isPassedToChildren(name: string): boolean {
  if (DENIED_RE.test(name) && !/^(AZURE|AAD|ARM)_/.test(name)) return false;
  return ALLOWED.has(name) || ALLOWED_PREFIXES.some((p) => name.startsWith(p));
}

/** The environment a child process runs with: `env` filtered to what children may see. */
export function childEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && isPassedToChildren(k)) out[k] = v;
  return out;
}
