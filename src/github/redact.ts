// Pure: the last check before text leaves for GitHub. Whatever the caller's redaction did, no secret
// (the token, kubeconfig content, ...) goes into a comment, issue title or body.
import { ActionError } from '../errors.js';
import { replaceSecrets, secretVariants } from '../report/redact.js';
import type { BodySection } from './truncate.js';

export { secretVariants } from '../report/redact.js';

export interface SecretGuard {
  /** secret values: replaced wherever they occur; a multi-line secret also line by line */
  secrets?: readonly string[];
  /** the report's own redaction, applied first */
  redact?: (text: string) => string;
}

/** `redact` first, then every secret replaced by `***`, then checked. */
export function redactOutgoing(text: string, guard: SecretGuard): string {
  const out = replaceSecrets(guard.redact ? guard.redact(text) : text, guard.secrets ?? []);
  assertNoSecrets(out, guard.secrets ?? []);
  return out;
}

/** Throws (without printing the secret) when `text` contains a secret. */
export function assertNoSecrets(text: string, secrets: readonly string[]): void {
  const found = secretVariants(secrets).findIndex((v) => text.includes(v));
  if (found >= 0) {
    throw new ActionError('Refusing to send text to GitHub: it still contains a secret value after redaction', {
      hint: 'This is a bug in the report redaction; please report it (the secret itself is not shown).',
    });
  }
}

/** One write's guard: the caller's redaction, and the client's secrets (its token) with the caller's. */
export function writeGuard(client: { secrets: readonly string[] }, caller: SecretGuard): SecretGuard & { secrets: readonly string[] } {
  return { redact: caller.redact, secrets: [...client.secrets, ...(caller.secrets ?? [])] };
}

/** Every section through `redactOutgoing` (a string is one section); before measuring, as redaction changes lengths. */
export function redactSections(body: string | readonly BodySection[], guard: SecretGuard): BodySection[] {
  return (typeof body === 'string' ? [{ markdown: body }] : body).map((s) => ({ ...s, markdown: redactOutgoing(s.markdown, guard) }));
}
