// Secrets recognised by their shape in any text: PEM blocks, URL user:password, `--token=…` arguments,
// `PASSWORD=…` / `api-token: …` pairs, bearer tokens and GitHub/JWT token formats. Applied to every
// string that leaves the action, whatever channel, after the registered secrets are replaced.
import { keyWords, SECRET_WORDS } from './keys.js';

export const REDACTED = '***';

const PEM_RE = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g;
// scheme://userinfo@ — the whole userinfo goes: a lone user part is often a token (https://TOKEN@host)
const URL_USERINFO_RE = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"<>]+@/gi;
const BEARER_RE = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
const TOKEN_SHAPES_RE =
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+)/g;
// --name=value, NAME=value, name: value, "name": "value"; and --name value (the name judged below)
const PAIR_RE = /(^|[\s{,;[("'])(--?)?(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\3(\s*[=:]\s*)("[^"\n]*"|'[^'\n]*'|[^\s,;}\])"']+)/gm;
const ARG_RE = /(^|\s)(--?)([A-Za-z][A-Za-z0-9_.-]*)(\s+)(?!-)([^\s"']+)/gm;

/**
 * SECRET_WORDS a name in running text is not judged by (stricter than keys, where `key` alone counts
 * too): `pass` is a verdict, the plurals name counts (`secrets: 2`), bearer and JWT tokens are found by
 * their shape above, and `kubeconfig` / `cookie` are mostly paths there (`--kubeconfig /tmp/…`).
 */
const NOT_IN_TEXT = new Set(['pass', 'secrets', 'tokens', 'bearer', 'jwt', 'kubeconfig', 'cookie']);
const TEXT_SECRET_WORDS = new Set([...SECRET_WORDS].filter((w) => !NOT_IN_TEXT.has(w)));
const TEXT_SECRET_PAIRS = [
  ['api', 'key'],
  ['private', 'key'],
  ['access', 'key'],
  ['secret', 'key'],
  ['client', 'secret'],
];
const NOT_A_VALUE = new Set(['file', 'path', 'dir', 'name', 'namespace', 'ref', 'sync', 'enabled', 'disabled', 'mode', 'type']);

/** Whether `name` in `name=value` (or `--name value`) holds a secret. */
function isSecretName(name: string): boolean {
  const words = keyWords(name);
  if (words.length === 0 || NOT_A_VALUE.has(words[words.length - 1]!) || words[0] === 'enable' || words[0] === 'disable') return false;
  if (words.some((w) => TEXT_SECRET_WORDS.has(w))) return true;
  return TEXT_SECRET_PAIRS.some(([a, b]) => words.some((w, i) => w === a && words[i + 1] === b));
}

/** Text with every secret-shaped part replaced by `***`. */
export function redactText(text: string): string {
  if (text === '') return text;
  let out = text;
  if (out.includes('-----BEGIN ')) out = out.replace(PEM_RE, REDACTED);
  if (out.includes('://')) out = out.replace(URL_USERINFO_RE, `$1${REDACTED}@`);
  out = out.replace(BEARER_RE, `$1 ${REDACTED}`).replace(TOKEN_SHAPES_RE, REDACTED);
  out = out.replace(PAIR_RE, (all, lead: string, dash: string | undefined, q: string, name: string, sep: string, value: string) => {
    if (!isSecretName(name) || /^(["']?)\*\*\*\1$/.test(value) || value === 'Bearer' || value === 'Basic') return all;
    // a quoted value stays quoted, so JSON and YAML text stays parseable
    const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
    return `${lead}${dash ?? ''}${q}${name}${q}${sep}${quote}${REDACTED}${quote}`;
  });
  // `--token value`: the next word is the value
  out = out.replace(ARG_RE, (all, lead: string, dash: string, name: string, sep: string, value: string) =>
    isSecretName(name) && value !== REDACTED ? `${lead}${dash}${name}${sep}${REDACTED}` : all,
  );
  return out;
}
