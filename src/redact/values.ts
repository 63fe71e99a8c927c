// Secrets never reach logs, summaries, reports or comments. Values under a secret key (keys.ts),
// secret-shaped strings (text.ts), Secret objects' data, env entries named like secrets, and every
// registered secret string are replaced, the same way for every channel.
import { isPlainObject } from '../values/paths.js';
import { hidesChildren, isSecretKey } from './keys.js';
import { REDACTED, redactText } from './text.js';

export { REDACTED } from './text.js';

/** A values tree with secret-keyed leaves and secret-shaped strings replaced. */
export function redactValues<T>(value: T, underSecret = false): T {
  if (Array.isArray(value)) return value.map((v) => redactValues(v, underSecret)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    // `{name: API_TOKEN, value: …}` (extraEnv, a container's env): the name says what the value is
    const namedSecret = typeof value.name === 'string' && isSecretKey(value.name);
    for (const [k, v] of Object.entries(value)) {
      const hide =
        underSecret || hidesChildren(k) || (namedSecret && k === 'value') || (!isPlainObject(v) && !Array.isArray(v) && isSecretKey(k));
      out[k] = redactValues(v, hide);
    }
    return out as T;
  }
  return redactLeaf(value, underSecret) as T;
}

function redactLeaf(value: unknown, secret: boolean): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (secret) return typeof value === 'string' && value === '' ? value : REDACTED;
  return typeof value === 'string' ? redactText(value) : value;
}

/** Whether a value at this key path is secret as a whole. */
function isSecretPath(path: readonly string[]): boolean {
  return path.slice(0, -1).some(hidesChildren) || (path.length > 0 && isSecretKey(path[path.length - 1]!));
}

/** Kubernetes objects with Secret data and PEM blocks replaced, for manifest diffs. */
export function redactObject(obj: Record<string, unknown>): Record<string, unknown> {
  if (obj.kind === 'Secret') {
    const out = { ...obj };
    for (const field of ['data', 'stringData']) {
      const d = obj[field];
      if (isPlainObject(d)) out[field] = Object.fromEntries(Object.keys(d).map((k) => [k, REDACTED]));
    }
    return redactValues(out);
  }
  // ConfigMap data (`api-token` from extraConfig), env entries, `--token=` arguments: as in values
  return redactValues(obj);
}

// Lines of a multi-line secret shorter than this ("apiVersion: v1") are not secret on their own.
const MIN_SECRET_LINE = 16;

/** Every string to hide: whole secrets, and the long lines of multi-line ones; longest first. */
export function secretVariants(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    if (secret.trim() === '') continue;
    out.add(secret);
    if (/\r?\n/.test(secret)) {
      for (const line of secret.split(/\r?\n/)) {
        const t = line.trim();
        if (t.length >= MIN_SECRET_LINE) out.add(t);
      }
    }
  }
  // Longest first, so a secret that contains another is hidden whole.
  return [...out].sort((a, b) => b.length - a.length);
}

/** Replaces every variant of the given secrets in a text. */
export function replaceSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  const variants = secretVariants(secrets);
  // Repeat: a replacement next to other text could, in theory, form a secret again.
  for (let round = 0; round < 5; round++) {
    const before = out;
    for (const v of variants) out = out.split(v).join(REDACTED);
    if (out === before) break;
  }
  return out;
}

/** Replaces registered secret strings in any text (the last line of defence before output). */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(...secrets: Array<string | undefined>): void {
    for (const s of secrets) {
      if (s && s.length >= 4) {
        this.secrets.add(s);
        // the log is written from everywhere: it hides every secret any Redactor knows
        REGISTERED.add(s);
      }
    }
  }

  list(): string[] {
    return [...this.secrets];
  }

  /** Registered secrets first (whole), then anything secret-shaped. */
  text(s: string): string {
    return redactText(replaceSecrets(s, this.list()));
  }
}

const REGISTERED = new Set<string>();

/** For the log: every registered secret and every secret shape hidden. */
export function redactForLog(s: string): string {
  return redactText(replaceSecrets(s, [...REGISTERED]));
}

/** A value change as it may be shown: secret keys' values replaced, PEM blocks cut. */
export function redactChange<T extends { path: readonly string[]; before: unknown; after: unknown }>(c: T): T {
  const secret = isSecretPath(c.path);
  const hide = (v: unknown): unknown => (v === undefined ? undefined : secret ? REDACTED : redactValues(v));
  return { ...c, before: hide(c.before), after: hide(c.after) };
}

/** A cilium-config key change as it may be shown. */
export function redactConfigChange<T extends { key: string; before: string | undefined; after: string | undefined }>(c: T): T {
  const hide = (v: string | undefined): string | undefined => (v === undefined ? undefined : isSecretKey(c.key) ? REDACTED : redactText(v));
  return { ...c, before: hide(c.before), after: hide(c.after) };
}
