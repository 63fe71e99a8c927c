// Which keys hold secrets, by name. A key is split into words (kebab, snake, dots, camelCase) and
// judged by them, not by a substring: `hubble-tls-cert-file` names a file and
// `agent-not-ready-taint-key` a taint, `enable-policy-secrets-sync` is a switch, while `api-token`,
// `passwd`, `auth`, `tls.key` and `clientSecret` hold secrets.

/** Words that make a key secret wherever they stand (running text uses most of them: text.ts). */
export const SECRET_WORDS: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'secret',
  'secrets',
  'token',
  'tokens',
  'auth',
  'authorization',
  'credential',
  'credentials',
  'apikey',
  'privatekey',
  'bearer',
  'cookie',
  'psk',
  'jwt',
  'kubeconfig',
]);
/** A key ending in one of these names a reference to a secret, not the secret itself. */
const REFERENCE_WORDS = new Set([
  'file',
  'files',
  'path',
  'paths',
  'dir',
  'directory',
  'name',
  'names',
  'namespace',
  'ref',
  'mount',
  'sync',
  'enabled',
  'disabled',
  'type',
  'ttl',
  'interval',
  'duration',
  'size',
  'length',
  'format',
  'mode',
  'source',
  'provider',
  'id',
  'selector',
]);
/** `key` is secret alone (`tls.key`) or after one of these (`api-key`, `private_key`), not after `taint`. */
const KEY_QUALIFIERS = new Set([
  'api',
  'private',
  'access',
  'secret',
  'encryption',
  'signing',
  'client',
  'ssh',
  'shared',
  'master',
  'tls',
  'ca',
  'server',
  'pre',
]);
/** A first word that makes the key a switch: `enable-policy-secrets-sync` is true or false. */
const SWITCH_WORDS = new Set(['enable', 'disable', 'enabled', 'disabled', 'use', 'auto', 'allow', 'require', 'skip']);

export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Whether a value under this key is a secret. */
export function isSecretKey(key: string): boolean {
  const words = keyWords(key);
  if (words.length === 0) return false;
  const last = words[words.length - 1]!;
  if (words.length > 1 && (REFERENCE_WORDS.has(last) || SWITCH_WORDS.has(words[0]!))) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  if (last === 'key' || last === 'keys') return words.length === 1 || KEY_QUALIFIERS.has(words[words.length - 2]!);
  return false;
}

/** An object value under this key is a secret as a whole (`extraConfig`'s are judged key by key). */
export function hidesChildren(key: string): boolean {
  // `secret: {secretName: …}` is a Kubernetes reference: its members are judged by their own names
  const words = keyWords(key);
  return isSecretKey(key) && !(words.length === 1 && (words[0] === 'secret' || words[0] === 'secrets'));
}
