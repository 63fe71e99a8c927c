// Secrets never reach logs, summaries, reports or comments. Values under a secret-looking key,
// PEM blocks, Secret objects' data, and every registered secret string are replaced.
import { isPlainObject } from '../values/paths.js';

export const REDACTED = '***';
const SECRET_KEY_RE = /key|token|password|secret|cert|credential/i;
const PEM_RE = /-----BEGIN [A-Z ]+-----[\s\S]*?(?:-----END [A-Z ]+-----|$)/g;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_RE.test(key);
}

/** A values tree with secret-keyed leaves and PEM strings replaced. */
export function redactValues<T>(value: T, underSecret = false): T {
  if (Array.isArray(value)) return value.map((v) => redactValues(v, underSecret)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValues(v, underSecret || isSecretKey(k));
    return out as T;
  }
  if (value === null || value === undefined) return value;
  if (underSecret && (typeof value === 'string' ? value !== '' : true)) return REDACTED as T;
  if (typeof value === 'string' && value.includes('-----BEGIN ')) return value.replace(PEM_RE, REDACTED) as T;
  return value;
}

/** Whether a dotted key path names something secret. */
export function isSecretPath(path: readonly string[]): boolean {
  return path.some(isSecretKey);
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
  return redactPem(obj) as Record<string, unknown>;
}

function redactPem(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redactPem);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactPem(x)]));
  return typeof v === 'string' && v.includes('-----BEGIN ') ? v.replace(PEM_RE, REDACTED) : v;
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
    for (const s of secrets) if (s && s.length >= 4) this.secrets.add(s);
  }

  list(): string[] {
    return [...this.secrets];
  }

  text(s: string): string {
    return replaceSecrets(s, this.list());
  }
}

/** A value change as it may be shown: secret keys' values replaced, PEM blocks cut. */
export function redactChange<T extends { path: readonly string[]; before: unknown; after: unknown }>(c: T): T {
  const secret = isSecretPath(c.path);
  const hide = (v: unknown): unknown => (v === undefined ? undefined : secret ? REDACTED : redactValues(v));
  return { ...c, before: hide(c.before), after: hide(c.after) };
}

/** A cilium-config key change as it may be shown. */
export function redactConfigChange<T extends { key: string; before: string | undefined; after: string | undefined }>(c: T): T {
  if (!isSecretKey(c.key)) return c;
  return { ...c, before: c.before === undefined ? undefined : REDACTED, after: c.after === undefined ? undefined : REDACTED };
}
